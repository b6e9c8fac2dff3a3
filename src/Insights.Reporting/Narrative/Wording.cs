using Insights.Model;
using System.Globalization;

namespace Insights.Narrative;

/// <summary>Number and word formats of the statement's house style (British English, thousands separators).</summary>
public static class Wording
{
    /// <summary>en-GB formats with the culture's data pinned, so output does not depend on the machine's ICU.</summary>
    public static readonly CultureInfo Culture = CreateCulture();

    static CultureInfo CreateCulture()
    {
        var c = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        c.NumberFormat.NumberGroupSeparator = ",";
        c.NumberFormat.NumberDecimalSeparator = ".";
        c.NumberFormat.NumberGroupSizes = [3];
        return CultureInfo.ReadOnly(c);
    }

    /// <summary>"4,142".</summary>
    public static string Number(int n) => n.ToString("N0", Culture);

    static readonly string[] Words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>House style: whole numbers up to ten in words when they count things in prose ("three quarters"), larger in figures.</summary>
    public static string SmallNumber(int n) => n is >= 0 and <= 10 ? Words[n] : Number(n);

    /// <summary>
    /// "a" or "an" before a whole number as it is read aloud: an 8, an 11, an 18, an 80-89, an 800; a 1, a 32, a 110.
    /// Decided by the leading thousands group, which is what a reader says first ("an 11,000").
    /// </summary>
    public static string Article(long number)
    {
        var n = Math.Abs(number);
        while (n >= 1000) n /= 1000;
        var leading = n.ToString(CultureInfo.InvariantCulture);
        return leading[0] == '8' || n is 11 or 18 ? "an" : "a";
    }

    /// <summary>
    /// A change as a table cell says it: "7% increase", "22% decrease", "similar (0%)" when it rounds to 0% (the
    /// bulletin's word), "[x]" when there is no previous count to compare with. Whole percentages, as the bulletin.
    /// </summary>
    public static string Change(Breakdowns.Change change) => change.RoundedPercent(0) switch
    {
        null => "[x]",
        0m => "similar (0%)",
        > 0m and var p => $"{p.ToString("0", CultureInfo.InvariantCulture)}% increase",
        var p => $"{(-p.Value).ToString("0", CultureInfo.InvariantCulture)}% decrease",
    };

    /// <summary>A change in a sentence: "a 7% increase", "an 11% decrease"; null when it rounds to 0% ("similar").</summary>
    public static string? ChangePhrase(Breakdowns.Change change)
    {
        if (change.RoundedPercent(0) is not { } r || r == 0) return null;
        var whole = (long)Math.Abs(r);
        return $"{Article(whole)} {whole}% {(r > 0 ? "increase" : "decrease")}";
    }

    /// <summary>"all GM enquiries": the denominator of a district's share of its police area.</summary>
    public static string AllEnquiries(PoliceArea area) => $"all {area.AreaAbbreviation} enquiries";

    /// <summary>What a share is of, as facts.json, charts and tables name it ("enquiries where age and gender were known").</summary>
    public static string Denominator(Breakdowns.ShareBase of) => of switch
    {
        Breakdowns.ShareBase.Named n => n.Text,
        Breakdowns.ShareBase.DistrictEnquiries d => $"{d.District} enquiries",
        Breakdowns.ShareBase.AreaEnquiries a => AllEnquiries(a.Area),
        Breakdowns.ShareBase.AgeAndGenderKnown => "enquiries where age and gender were known",
        Breakdowns.ShareBase.NationalityKnown => "enquiries where nationality was known",
        Breakdowns.ShareBase.BritishAllegedVictims => "British alleged victims",
        Breakdowns.ShareBase.OtherKnownNationalities => "alleged victims of other known nationalities",
        Breakdowns.ShareBase.QuarterReferrals => "all referrals in the quarter",
        Breakdowns.ShareBase.QuarterReferralsWhereAgeKnown => "referrals where age was known",
        Breakdowns.ShareBase.UkNationals => "referrals of UK nationals",
        Breakdowns.ShareBase.NonUkNationalsWhereAgeKnown => "referrals of non-UK nationals where age was known",
        Breakdowns.ShareBase.TypeReferrals t => $"referrals for {t.Type.Label.ToLowerInvariant()} exploitation",
        Breakdowns.ShareBase.YearFirstResponderReferrals => "referrals in the first-responder tables of the year's four quarters",
        Breakdowns.ShareBase.YearReferralsWhereAgeKnown => "referrals in the year where age was known",
        Breakdowns.ShareBase.UkReferrals u => $"all referrals in the UK in {u.Quarter.InWords}",
        _ => throw new ArgumentOutOfRangeException(nameof(of), of, "a share's base without words"),
    };

    /// <summary>What a change is measured against, as facts.json names it ("2025 Q1 as published in the 2025 Q2 release").</summary>
    public static string Against(Breakdowns.ChangeBase against) => against switch
    {
        Breakdowns.ChangeBase.Named n => n.Text,
        Breakdowns.ChangeBase.QuarterAsPublished q => $"{q.Quarter} as published in the {q.Release}",
        Breakdowns.ChangeBase.YearAsPublished y => $"{y.Year} as published in the {y.Release}",
        Breakdowns.ChangeBase.PreviousHighest p => $"previous highest of the quarters loaded ({p.Quarter})",
        Breakdowns.ChangeBase.AreaQuarter a => $"{a.Area}, {a.Quarter.InWords}",
        _ => throw new ArgumentOutOfRangeException(nameof(against), against, "a change's base without words"),
    };

    /// <summary>"A", "A and B", "A, B and C": names in a sentence (no serial comma, the statement's style).</summary>
    public static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= 1 ? string.Concat(all) : string.Join(", ", all[..^1]) + " and " + all[^1];
    }

    /// <summary>"Criminal (cannabis cultivation)" → "criminal-cannabis-cultivation": for fact ids and element ids.</summary>
    public static string Slug(string name) => Category.SpellingKey(name).Replace(' ', '-');
}
