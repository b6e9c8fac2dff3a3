using Insights.Model;

namespace Insights.Breakdowns;

/// <summary>A figure of the district context, printed or implied (a percentage implies its denominator).</summary>
public abstract record DistrictFigure
{
    public sealed record Enquiries : DistrictFigure;
    public sealed record PreviousEnquiries : DistrictFigure;
    public sealed record AreaEnquiries : DistrictFigure;
    public sealed record DistrictNotLogged : DistrictFigure;
    /// <summary>Another district of the area (the chart of districts prints each).</summary>
    public sealed record OtherDistrict(District District) : DistrictFigure;
    public sealed record Type(ExploitationType Of) : DistrictFigure;
    public sealed record GenderTotal(Gender Gender) : DistrictFigure;
    public sealed record GenderAge(Gender Gender, AgeGroup Age) : DistrictFigure;
    public sealed record AgeAndGenderKnown : DistrictFigure;
    public sealed record Nationality(Model.Nationality Of) : DistrictFigure;
    public sealed record OtherNationalities : DistrictFigure;
    public sealed record NationalityKnown : DistrictFigure;
    /// <summary>Under 18s (<paramref name="Children"/>) or the rest among British alleged victims, or among other known nationalities.</summary>
    public sealed record ChildrenOf(bool British, bool Children) : DistrictFigure;
    /// <summary>All British alleged victims (when British is not among the nationalities listed), or all of other known nationalities.</summary>
    public sealed record AllOf(bool British) : DistrictFigure;
}

/// <summary>The district context's figures that a published text, chart or table withholds, and the threshold.</summary>
public sealed record DistrictSuppression(int Threshold, IReadOnlyDictionary<DistrictFigure, Withheld> Withheld)
{
    public bool Any => Withheld.Count > 0;

    public bool IsWithheld(DistrictFigure figure) => Withheld.ContainsKey(figure);

    /// <summary>Nothing withheld: the council's published practice, exact counts.</summary>
    public static DistrictSuppression None { get; } = new(0, new Dictionary<DistrictFigure, Withheld>());
}

/// <summary>
/// The disclosure rule applied to the district context (<c>--suppress-below N</c>): every figure the section, its
/// charts and tables print or imply, linked by the lines that add up (the area's districts and the district not
/// logged to the area's total; the exploitation types to the district's enquiries; each gender's adults and under
/// 18s to the gender, the genders to "age and gender known"; the nationalities listed and the others to
/// "nationality known"; children and the rest to all British, and to all of other known nationalities), protected
/// with <see cref="LineSuppression"/>. Pure.
/// </summary>
public static class DistrictDisclosure
{
    public static DistrictSuppression Protect(DistrictContext c, IReadOnlyList<(District District, int Count)> districtCounts, int threshold)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(districtCounts);
        var figures = new Dictionary<DistrictFigure, int>();
        var lines = new List<Line<DistrictFigure>>();
        DistrictFigure Put(DistrictFigure f, int value) { figures[f] = value; return f; }

        var enquiries = Put(new DistrictFigure.Enquiries(), c.Enquiries);
        Put(new DistrictFigure.PreviousEnquiries(), c.PreviousEnquiries);
        var area = Put(new DistrictFigure.AreaEnquiries(), c.GmEnquiries);
        var notLogged = Put(new DistrictFigure.DistrictNotLogged(), c.DistrictNotLogged);
        lines.Add(new([.. districtCounts.Select(d => d.District == c.District ? enquiries : Put(new DistrictFigure.OtherDistrict(d.District), d.Count)), notLogged], area));

        lines.Add(new([.. c.ExploitationTypes.Select(t => Put(new DistrictFigure.Type(t.Category), t.Count))], enquiries));

        var known = Put(new DistrictFigure.AgeAndGenderKnown(), c.AgeAndGenderKnown);
        var genders = new List<DistrictFigure>();
        foreach (var g in new[] { c.Male, c.Female })
        {
            var total = Put(new DistrictFigure.GenderTotal(g.Gender), g.Share.Numerator);
            genders.Add(total);
            lines.Add(new([Put(new DistrictFigure.GenderAge(g.Gender, AgeGroup.Adult), g.Adults), Put(new DistrictFigure.GenderAge(g.Gender, AgeGroup.UnderEighteen), g.UnderEighteen)], total));
        }
        lines.Add(new(genders, known));

        var nationalityKnown = Put(new DistrictFigure.NationalityKnown(), c.NationalityKnown);
        lines.Add(new([.. c.TopNationalities.Select(n => Put(new DistrictFigure.Nationality(n.Category), n.Count)), Put(new DistrictFigure.OtherNationalities(), c.OtherNationalities.Numerator)], nationalityKnown));

        var britishListed = c.TopNationalities.Any(n => n.Category.IsBritish);
        foreach (var (british, share) in new[] { (true, c.BritishChildren), (false, c.OtherNationalityChildren) })
        {
            if (share.Denominator == 0) continue;
            var all = british && britishListed ? new DistrictFigure.Nationality(Model.Nationality.British) : Put(new DistrictFigure.AllOf(british), share.Denominator);
            lines.Add(new([Put(new DistrictFigure.ChildrenOf(british, true), share.Numerator), Put(new DistrictFigure.ChildrenOf(british, false), share.Denominator - share.Numerator)], all));
        }
        // Nationalities tied at the cut-off are printed as one figure ("2 each"): withheld all or none.
        IReadOnlyList<DistrictFigure> tied = [.. c.TiedAtCutOff.Select(n => new DistrictFigure.Nationality(n))];
        return new DistrictSuppression(threshold, LineSuppression.Apply(figures, lines, threshold, tied.Count > 1 ? [tied] : null));
    }
}
