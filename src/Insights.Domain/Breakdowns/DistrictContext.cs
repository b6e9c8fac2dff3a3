using Insights.Model;

namespace Insights.Breakdowns;

/// <summary>A category's count as a share of the group it belongs to ("Labour exploitation": 9 of 36).</summary>
public sealed record CategoryShare(string Name, Share Share)
{
    public int Count => Share.Numerator;
}

/// <summary>One gender among enquiries where age and gender were both known: its share, split by age group.</summary>
public sealed record GenderGroup(Gender Gender, Share Share, int Adults, int UnderEighteen);

/// <summary>
/// The district context of the statement for one district and period. Every percentage is a <see cref="Share"/>
/// carrying its numerator and denominator; the denominators are those the statement uses.
/// </summary>
/// <param name="Enquiries">Enquiries logged in the period with this district.</param>
/// <param name="PreviousEnquiries">The same for the preceding period of the same length (the previous financial year).</param>
/// <param name="ShareOfGm">Enquiries / all enquiries of the police area (GM by default) in the period, including those whose district was not logged.</param>
/// <param name="DistrictNotLogged">The area's enquiries in the period whose district was not logged.</param>
/// <param name="ExploitationTypes">Each exploitation type / the district's enquiries, largest first; ties in GMP's list order.</param>
/// <param name="AgeAndGenderKnown">Enquiries where both age and gender were known: the denominator of <see cref="Male"/> and <see cref="Female"/>.</param>
/// <param name="NationalityKnown">Enquiries where nationality was known: the denominator of the nationality shares.</param>
/// <param name="TopNationalities">The most frequent nationalities / nationality known, largest first, ties alphabetical:
/// the top N and every other nationality tied with the Nth (a cut-off never splits a tie, <see cref="TiedAtCutOff"/>).</param>
/// <param name="OtherNationalities">All other known nationalities together / nationality known.</param>
/// <param name="BritishChildren">British alleged victims under 18 / all British alleged victims (age known or not, as the statement).</param>
/// <param name="OtherNationalityChildren">Under 18s of other known nationalities / all alleged victims of other known nationalities.</param>
public sealed record DistrictContext(
    string District,
    Period Period,
    Period PreviousPeriod,
    int Enquiries,
    int PreviousEnquiries,
    Share ShareOfGm,
    int DistrictNotLogged,
    IReadOnlyList<CategoryShare> ExploitationTypes,
    int AgeAndGenderKnown,
    GenderGroup Male,
    GenderGroup Female,
    int NationalityKnown,
    IReadOnlyList<CategoryShare> TopNationalities,
    Share OtherNationalities,
    Share BritishChildren,
    Share OtherNationalityChildren)
{
    /// <summary>The police area the district belongs to; "Gm" in the member names means this area.</summary>
    public PoliceArea Area { get; init; } = PoliceArea.GreaterManchester;

    /// <summary>
    /// False when the enquiries start after the preceding period began (an extract of one year alone): then
    /// <see cref="PreviousEnquiries"/> counts only part of that period and must not be stated as its number.
    /// </summary>
    public bool PreviousPeriodCovered { get; init; } = true;

    /// <summary>
    /// The nationalities tied at the top-N cut-off when the tie runs past the Nth (so <see cref="TopNationalities"/>
    /// lists more than N: all of them, at the end), in alphabetical order; empty when the cut-off splits no tie.
    /// </summary>
    public IReadOnlyList<string> TiedAtCutOff { get; init; } = [];

    /// <summary>All the area's enquiries in the period (the denominator of <see cref="ShareOfGm"/>).</summary>
    public int GmEnquiries => ShareOfGm.Denominator;
}

/// <summary>Computes <see cref="DistrictContext"/> from enquiry records. Pure: no I/O, same input → same result.</summary>
public static class DistrictBreakdown
{
    public const int DefaultTopNationalities = 3;

    /// <param name="area">The police area the enquiries come from (default Greater Manchester): its name labels the
    /// denominator of the district's share.</param>
    public static DistrictContext Compute(IReadOnlyList<Enquiry> enquiries, string district, Period period,
        int topNationalities = DefaultTopNationalities, PoliceArea? area = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topNationalities);
        area ??= PoliceArea.GreaterManchester;
        var previous = period.Preceding();
        var inPeriod = enquiries.Where(e => period.Contains(e.DateLogged)).ToList();
        var mine = inPeriod.Where(e => e.District == district).ToList();
        var n = mine.Count;
        string OfDistrict() => $"{district} enquiries";

        var types = mine.GroupBy(e => e.ExploitationType, StringComparer.Ordinal)
            .Select(g => new CategoryShare(g.Key, Share.Of(g.Count(), n, OfDistrict())))
            .OrderByDescending(c => c.Count).ThenBy(c => TypeRank(c.Name)).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        var ageGender = mine.Where(e => e.AgeGroup != AgeGroup.Unknown && e.Gender != Gender.Unknown).ToList();
        const string ageGenderLabel = "enquiries where age and gender were known";
        GenderGroup Group(Gender g)
        {
            var of = ageGender.Where(e => e.Gender == g).ToList();
            return new GenderGroup(g, Share.Of(of.Count, ageGender.Count, ageGenderLabel),
                of.Count(e => e.AgeGroup == AgeGroup.Adult), of.Count(e => e.AgeGroup == AgeGroup.UnderEighteen));
        }

        var known = mine.Where(e => e.Nationality is not null).ToList();
        const string nationalityLabel = "enquiries where nationality was known";
        var byNationality = known.GroupBy(e => e.Nationality!, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();
        // A tie at the cut-off is listed whole: which of equals is named cannot be left to the alphabet.
        var cutOff = topNationalities > 0 && byNationality.Count >= topNationalities ? byNationality[topNationalities - 1].Count : int.MaxValue;
        var listed = byNationality.Take(topNationalities).Concat(byNationality.Skip(topNationalities).TakeWhile(x => x.Count == cutOff)).ToList();
        var top = listed.Select(x => new CategoryShare(x.Name, Share.Of(x.Count, known.Count, nationalityLabel))).ToList();
        var other = Share.Of(known.Count - top.Sum(t => t.Count), known.Count, nationalityLabel);

        var british = known.Where(e => e.Nationality == Enquiry.British).ToList();
        var others = known.Where(e => e.Nationality != Enquiry.British).ToList();

        return new DistrictContext(
            district, period, previous, n,
            enquiries.Count(e => previous.Contains(e.DateLogged) && e.District == district),
            Share.Of(n, inPeriod.Count, area.AllEnquiriesLabel),
            inPeriod.Count(e => e.District is null),
            types,
            ageGender.Count, Group(Gender.Male), Group(Gender.Female),
            known.Count, top, other,
            Share.Of(british.Count(e => e.AgeGroup == AgeGroup.UnderEighteen), british.Count, "British alleged victims"),
            Share.Of(others.Count(e => e.AgeGroup == AgeGroup.UnderEighteen), others.Count, "alleged victims of other known nationalities"))
        {
            Area = area,
            PreviousPeriodCovered = enquiries.Count > 0 && enquiries.Min(e => e.DateLogged) <= previous.First,
            TiedAtCutOff = listed.Count > topNationalities ? byNationality.Where(x => x.Count == cutOff).Select(x => x.Name).ToList() : [],
        };
    }

    // Ties keep GMP's list order (the statement lists Domestic servitude before Unknown); types outside the list
    // come after the listed ones except Unknown, alphabetically.
    public static int TypeRank(string type)
    {
        if (type == ExploitationType.Unknown) return int.MaxValue;
        var i = ExploitationType.All.ToList().IndexOf(type);
        return i >= 0 ? i : ExploitationType.All.Count;
    }
}
