using Insights.Breakdowns;
using Insights.Charts;
using Insights.Model;
using Insights.Store;

namespace Insights.Pipeline;

/// <summary>The district context's charts, each with its table, drawn from the same figures as the narrative.</summary>
public static class DistrictFigures
{
    /// <summary>"Source: GMP modern slavery enquiries": the force as the area names it.</summary>
    public static string Source(PoliceArea area) => $"Source: {area.ForceAbbreviation} modern slavery enquiries";

    /// <summary>The charts, less those that hold a figure the disclosure rule withholds.</summary>
    public static IReadOnlyList<ChartFigure> Build(DistrictContext context, IReadOnlyList<Enquiry> enquiries, bool synthetic,
        DistrictSuppression? suppression = null) =>
        [.. Candidates(context, enquiries, synthetic).Where(c => !Holds(c, suppression)).Select(c => c.Figure)];

    /// <summary>The titles of the charts the disclosure rule leaves out.</summary>
    public static IReadOnlyList<string> LeftOut(DistrictContext context, IReadOnlyList<Enquiry> enquiries, DistrictSuppression? suppression) =>
        // Without the rule nothing is left out: no charts built only to be thrown away.
        suppression is not { Any: true } ? [] : [.. Candidates(context, enquiries, synthetic: false).Where(c => Holds(c, suppression)).Select(c => c.Figure.Title)];

    static bool Holds((ChartFigure Figure, IReadOnlyList<DistrictFigure> Figures) chart, DistrictSuppression? suppression) =>
        suppression is { } rule && chart.Figures.Any(rule.IsWithheld);

    static List<(ChartFigure Figure, IReadOnlyList<DistrictFigure> Figures)> Candidates(DistrictContext context, IReadOnlyList<Enquiry> enquiries, bool synthetic)
    {
        var area = context.Area;
        var source = synthetic ? Source(area) + ", synthetic sample" : Source(area);
        var d = context.District;
        var period = $"{context.Period.FirstMonthInWords} to {context.Period.LastMonthInWords}";
        var previous = $"{context.PreviousPeriod.FirstMonthInWords} to {context.PreviousPeriod.LastMonthInWords}";
        var figures = new List<(ChartFigure, IReadOnlyList<DistrictFigure>)>();
        var enquiriesFigure = new DistrictFigure.Enquiries();

        if (context.ExploitationTypes.Count > 0)
            figures.Add((Figures.CategoryCounts($"{d} enquiries by exploitation type, {period}",
                context.ExploitationTypes.Select(t => (t.Name, t.Share)).ToArray(), source, "Enquiries", "Exploitation type"),
                [enquiriesFigure, .. context.ExploitationTypes.Select(t => new DistrictFigure.Type(t.Name))]));

        if (context.AgeAndGenderKnown > 0)
            figures.Add((Figures.Split($"{d} enquiries by gender and age, where both were known, {period}",
                [
                    ("Male", "Adult", context.Male.Adults), ("Male", "Under 18", context.Male.UnderEighteen),
                    ("Female", "Adult", context.Female.Adults), ("Female", "Under 18", context.Female.UnderEighteen),
                ], source, "Gender", "Enquiries"),
                [.. new[] { Gender.Male, Gender.Female }.SelectMany(g => new DistrictFigure[] {
                    new DistrictFigure.GenderTotal(g), new DistrictFigure.GenderAge(g, AgeGroup.Adult), new DistrictFigure.GenderAge(g, AgeGroup.UnderEighteen) })]));

        if (context.NationalityKnown > 0)
            figures.Add((Figures.CategoryCounts($"{d} enquiries by nationality, where known, {period}",
                [.. context.TopNationalities.Select(n => (n.Name, n.Share)), ("Other nationalities", context.OtherNationalities)],
                source, "Enquiries", "Nationality"),
                [new DistrictFigure.NationalityKnown(), new DistrictFigure.OtherNationalities(), .. context.TopNationalities.Select(n => new DistrictFigure.Nationality(n.Name))]));

        // Only when the extract covers the previous period: a partial count beside a full one would mislead.
        if (context.PreviousPeriodCovered)
            figures.Add((Figures.YearOnYear($"{d} enquiries, {previous} and {period}",
                (previous, context.PreviousEnquiries), (period, context.Enquiries), source, "Enquiries"),
                [enquiriesFigure, new DistrictFigure.PreviousEnquiries()]));

        var districts = DistrictComparison.CountsByDistrict(enquiries, context.Period, area);
        figures.Add((Figures.DistrictComparison($"Enquiries by {area.AreaName} district, {period}", districts, d,
            context.GmEnquiries, area.AllEnquiriesLabel, source),
            [enquiriesFigure, new DistrictFigure.AreaEnquiries(), .. districts.Where(x => x.District != d).Select(x => new DistrictFigure.OtherDistrict(x.District))]));
        return figures;
    }
}
