using Insights.Breakdowns;
using Insights.Charts;
using Insights.Model;
using Insights.Narrative;

namespace Insights.Pipeline;

/// <summary>The district context's charts, each with its table, drawn from the same figures as the narrative.</summary>
public static class DistrictFigures
{
    /// <summary>"Source: GMP modern slavery enquiries": the force as the area names it.</summary>
    public static string Source(PoliceArea area) => $"Source: {area.ForceAbbreviation} modern slavery enquiries";

    /// <summary>The charts; under the disclosure rule (<paramref name="suppression"/>) each figure the text withholds
    /// is "[c]" in its chart and table, and a percentage of a withheld count or base too.</summary>
    public static IReadOnlyList<ChartFigure> Build(DistrictContext context, EnquiryColumns enquiries, bool synthetic,
        DistrictSuppression? suppression = null)
    {
        var rule = suppression ?? DistrictSuppression.None;
        var area = context.Area;
        var source = synthetic ? Source(area) + ", synthetic sample" : Source(area);
        var d = context.District;
        var period = $"{context.Period.FirstMonthInWords} to {context.Period.LastMonthInWords}";
        var previous = $"{context.PreviousPeriod.FirstMonthInWords} to {context.PreviousPeriod.LastMonthInWords}";
        var figures = new List<ChartFigure>();
        var enquiriesWithheld = rule.IsWithheld(new DistrictFigure.Enquiries());
        HashSet<string> Withheld<T>(IEnumerable<T> items, Func<T, string> label, Func<T, DistrictFigure> figure) =>
            items.Where(i => rule.IsWithheld(figure(i))).Select(label).ToHashSet(StringComparer.Ordinal);

        if (context.ExploitationTypes.Count > 0)
            figures.Add(Figures.CategoryCounts($"{d} enquiries by exploitation type, {period}",
                context.ExploitationTypes.Select(t => (t.Name, t.Share)).ToArray(), source, "Enquiries", "Exploitation type",
                Withheld(context.ExploitationTypes, t => t.Name, t => new DistrictFigure.Type(t.Category)), enquiriesWithheld));

        if (context.AgeAndGenderKnown > 0)
        {
            (string Gender, string Age, int Count, DistrictFigure Figure) Cell(Gender g, AgeGroup age, int count) =>
                (g.ToString(), AgeGroups.ShortLabel(age), count, new DistrictFigure.GenderAge(g, age));
            var cells = new[]
            {
                Cell(Gender.Male, AgeGroup.Adult, context.Male.Adults), Cell(Gender.Male, AgeGroup.UnderEighteen, context.Male.UnderEighteen),
                Cell(Gender.Female, AgeGroup.Adult, context.Female.Adults), Cell(Gender.Female, AgeGroup.UnderEighteen, context.Female.UnderEighteen),
            };
            figures.Add(Figures.Split($"{d} enquiries by gender and age, where both were known, {period}",
                cells.Select(c => (c.Gender, c.Age, c.Count)).ToArray(), source, "Gender", "Enquiries",
                withheld: cells.Where(c => rule.IsWithheld(c.Figure)).Select(c => (c.Gender, c.Age)).ToHashSet(),
                withheldTotals: Withheld([Gender.Male, Gender.Female], g => g.ToString(), g => new DistrictFigure.GenderTotal(g))));
        }

        if (context.NationalityKnown > 0)
        {
            const string others = "Other nationalities";
            var withheld = Withheld(context.TopNationalities, n => n.Name, n => new DistrictFigure.Nationality(n.Category));
            if (rule.IsWithheld(new DistrictFigure.OtherNationalities())) withheld.Add(others);
            figures.Add(Figures.CategoryCounts($"{d} enquiries by nationality, where known, {period}",
                [.. context.TopNationalities.Select(n => (n.Name, n.Share)), (others, context.OtherNationalities)],
                source, "Enquiries", "Nationality", withheld, rule.IsWithheld(new DistrictFigure.NationalityKnown())));
        }

        // Only when the extract covers the previous period: a partial count beside a full one would mislead.
        if (context.PreviousPeriodCovered)
            figures.Add(Figures.YearOnYear($"{d} enquiries, {previous} and {period}",
                (previous, context.PreviousEnquiries), (period, context.Enquiries), source, "Enquiries",
                rule.IsWithheld(new DistrictFigure.PreviousEnquiries()), enquiriesWithheld));

        var counts = DistrictComparison.CountsByDistrict(enquiries, context.Period, area);
        var districts = counts.Select(x => (x.District.Name, x.Count)).ToArray();
        figures.Add(Figures.DistrictComparison($"Enquiries by {area.AreaName} district, {period}", districts, d.Name,
            context.GmEnquiries, Wording.AllEnquiries(area), source,
            withheld: Withheld(counts, x => x.District.Name, x => x.District == d ? new DistrictFigure.Enquiries() : new DistrictFigure.OtherDistrict(x.District)),
            denominatorWithheld: rule.IsWithheld(new DistrictFigure.AreaEnquiries()),
            notLogged: (context.DistrictNotLogged, rule.IsWithheld(new DistrictFigure.DistrictNotLogged()))));
        return figures;
    }
}
