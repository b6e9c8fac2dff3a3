using Insights.Model;

namespace Insights.Breakdowns;

/// <summary>A category's count as a share of the group it belongs to ("Labour exploitation": 9 of 36).</summary>
public sealed record CategoryShare<T>(T Category, Share Share) where T : notnull
{
    /// <summary>The category as the text writes it.</summary>
    public string Name => Category.ToString()!;

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
    District District,
    Period Period,
    Period PreviousPeriod,
    int Enquiries,
    int PreviousEnquiries,
    Share ShareOfGm,
    int DistrictNotLogged,
    IReadOnlyList<CategoryShare<ExploitationType>> ExploitationTypes,
    int AgeAndGenderKnown,
    GenderGroup Male,
    GenderGroup Female,
    int NationalityKnown,
    IReadOnlyList<CategoryShare<Nationality>> TopNationalities,
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
    public IReadOnlyList<Nationality> TiedAtCutOff { get; init; } = [];

    /// <summary>All the area's enquiries in the period (the denominator of <see cref="ShareOfGm"/>).</summary>
    public int GmEnquiries => ShareOfGm.Denominator;
}

/// <summary>Computes <see cref="DistrictContext"/> from enquiry records or columns. Pure: no I/O, same input → same result.</summary>
public static class DistrictBreakdown
{
    public const int DefaultTopNationalities = 3;

    /// <param name="area">The police area the enquiries come from (default Greater Manchester): its name labels the
    /// denominator of the district's share.</param>
    public static DistrictContext Compute(IReadOnlyList<Enquiry> enquiries, string district, Period period,
        int topNationalities = DefaultTopNationalities, PoliceArea? area = null) =>
        Compute(EnquiryColumns.From(enquiries), (area ?? PoliceArea.GreaterManchester).Of(district), period, topNationalities, area);

    /// <summary>The same from columns of codes: one pass over the rows into arrays of counts keyed by the codes.</summary>
    public static DistrictContext Compute(EnquiryColumns enquiries, District district, Period period,
        int topNationalities = DefaultTopNationalities, PoliceArea? area = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topNationalities);
        area ??= PoliceArea.GreaterManchester;
        var previous = period.Preceding();
        var (first, last) = (period.First.DayNumber, period.Last.DayNumber);
        var (previousFirst, previousLast) = (previous.First.DayNumber, previous.Last.DayNumber);
        var code = enquiries.FindDistrict(district.Name);
        int inPeriod = 0, notLogged = 0, n = 0, previousCount = 0, earliest = int.MaxValue;
        var types = new int[enquiries.TypeNames.Count];
        var nationalities = new int[enquiries.NationalityNames.Count + 1];
        var children = new int[enquiries.NationalityNames.Count + 1];
        var ageGender = new int[3, 3]; // gender × age group
        ReadOnlySpan<int> days = enquiries.Days, typeCodes = enquiries.Types, nationalityCodes = enquiries.Nationalities;
        ReadOnlySpan<ushort> districts = enquiries.Districts;
        ReadOnlySpan<byte> ages = enquiries.Ages, genders = enquiries.Genders;
        for (var i = 0; i < days.Length; i++)
        {
            var day = days[i];
            if (day < earliest) earliest = day;
            if (districts[i] == code && day >= previousFirst && day <= previousLast) previousCount++;
            if (day < first || day > last) continue;
            inPeriod++;
            if (districts[i] == 0) notLogged++;
            if (districts[i] != code) continue;
            n++;
            types[typeCodes[i]]++;
            var age = EnquiryColumns.AgeGroupOf(ages[i]);
            ageGender[genders[i], (int)age]++;
            nationalities[nationalityCodes[i]]++;
            if (age == AgeGroup.UnderEighteen) children[nationalityCodes[i]]++;
        }
        var ofDistrict = new ShareBase.DistrictEnquiries(district);

        var typeShares = Enumerable.Range(0, types.Length).Where(t => types[t] > 0)
            .Select(t => new CategoryShare<ExploitationType>(ExploitationType.Of(enquiries.TypeNames[t]), Share.Of(types[t], n, ofDistrict)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Category.Rank).ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        int Known(Gender g) => ageGender[(int)g, (int)AgeGroup.Adult] + ageGender[(int)g, (int)AgeGroup.UnderEighteen];
        var ageGenderKnown = Known(Gender.Male) + Known(Gender.Female);
        ShareBase ageGenderLabel = new ShareBase.AgeAndGenderKnown();
        GenderGroup Group(Gender g) => new(g, Share.Of(Known(g), ageGenderKnown, ageGenderLabel),
            ageGender[(int)g, (int)AgeGroup.Adult], ageGender[(int)g, (int)AgeGroup.UnderEighteen]);

        var knownCount = n - nationalities[0];
        ShareBase nationalityLabel = new ShareBase.NationalityKnown();
        var byNationality = Enumerable.Range(1, nationalities.Length - 1).Where(c => nationalities[c] > 0)
            .Select(c => (Name: enquiries.NationalityNames[c - 1], Count: nationalities[c]))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();
        // A tie at the cut-off is listed whole: which of equals is named cannot be left to the alphabet.
        var cutOff = topNationalities > 0 && byNationality.Count >= topNationalities ? byNationality[topNationalities - 1].Count : int.MaxValue;
        var listed = byNationality.Take(topNationalities).Concat(byNationality.Skip(topNationalities).TakeWhile(x => x.Count == cutOff)).ToList();
        var top = listed.Select(x => new CategoryShare<Nationality>(Nationality.Of(x.Name), Share.Of(x.Count, knownCount, nationalityLabel))).ToList();
        var other = Share.Of(knownCount - top.Sum(t => t.Count), knownCount, nationalityLabel);

        var british = enquiries.FindNationality(Nationality.BritishName);
        var (britishCount, britishChildren) = british > 0 ? (nationalities[british], children[british]) : (0, 0);
        var otherChildren = children.Skip(1).Sum() - britishChildren;

        return new DistrictContext(
            district, period, previous, n,
            previousCount,
            Share.Of(n, inPeriod, new ShareBase.AreaEnquiries(area)),
            notLogged,
            typeShares,
            ageGenderKnown, Group(Gender.Male), Group(Gender.Female),
            knownCount, top, other,
            Share.Of(britishChildren, britishCount, new ShareBase.BritishAllegedVictims()),
            Share.Of(otherChildren, knownCount - britishCount, new ShareBase.OtherKnownNationalities()))
        {
            Area = area,
            PreviousPeriodCovered = days.Length > 0 && earliest <= previousFirst,
            TiedAtCutOff = listed.Count > topNationalities ? byNationality.Where(x => x.Count == cutOff).Select(x => Nationality.Of(x.Name)).ToList() : [],
        };
    }

    /// <inheritdoc cref="ExploitationType.Rank"/>
    public static int TypeRank(string type) => ExploitationType.Of(type).Rank;
}
