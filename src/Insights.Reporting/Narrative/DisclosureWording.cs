using System.Globalization;
using Insights.Breakdowns;
using Insights.Model;

namespace Insights.Narrative;

/// <summary>The words of the disclosure-risk warnings (docs/disclosure.md): which small cells the run printed.</summary>
public static class DisclosureWording
{
    public const string RiskCode = "disclosure-risk";

    public static string Classification(CrossClassification c) => c switch
    {
        CrossClassification.GenderByAge => "gender × age",
        CrossClassification.NationalityByAge => "nationality × age",
        CrossClassification.DistrictByMonth => "district × month",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    static string Age(AgeGroup age) => age switch
    {
        AgeGroup.Adult => "adult",
        AgeGroup.UnderEighteen => "under 18",
        _ => "age unknown",
    };

    static string Cell(SmallCell cell) => cell switch
    {
        { Month: { } m } => string.Create(CultureInfo.InvariantCulture, $"{m.ToString("MMMM yyyy", CultureInfo.InvariantCulture)} ({cell.Count})"),
        { Age: { } a } => string.Create(CultureInfo.InvariantCulture, $"{cell.Row}, {Age(a)} ({cell.Count})"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{cell.Row} ({cell.Count})"),
    };

    /// <summary>"Stockport, April 2024 to March 2025, gender × age: 1 cell below 5 ..." for the cells of one cross-classification.</summary>
    public static string RiskWarning(District district, Period period, CrossClassification classification, IReadOnlyList<SmallCell> cells, int threshold) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{district}, {period.FirstMonthInWords} to {period.LastMonthInWords}, {Classification(classification)}: {cells.Count} cell{(cells.Count == 1 ? "" : "s")} below {threshold} could identify a person if published: {string.Join("; ", cells.Select(Cell))}");

    public const string Confidential = "[c]";

    /// <summary>"fewer than 5" for a small count itself; [c] for a count withheld so that a small one cannot be worked out.</summary>
    public static string Withheld(Withheld why, int threshold) =>
        why == Breakdowns.Withheld.Primary ? string.Create(CultureInfo.InvariantCulture, $"fewer than {threshold}") : Confidential;

    /// <summary>The fact as printed under the disclosure rule, marked with why; its value stays for the analyst's checks.</summary>
    public static Fact Withhold(Fact fact, Withheld why, int threshold) => fact with
    {
        Printed = Withheld(why, threshold),
        Suppression = why == Breakdowns.Withheld.Primary
            ? string.Create(CultureInfo.InvariantCulture, $"primary: fewer than {threshold}")
            : "secondary: withheld so that a smaller count cannot be worked out by subtraction",
    };

    /// <summary>A percentage of a withheld count or base: not printed at all.</summary>
    public static Fact LeaveOut(Fact fact) => fact with { Printed = "", Suppression = "left out: its count or base is withheld" };

    /// <summary>A percentage of a base under the minimum (<c>--min-base</c>): the count is printed, the percentage not.</summary>
    public static Fact LeaveOutSmallBase(Fact fact, int minimumBase) => fact with
    {
        Printed = "",
        Suppression = string.Create(CultureInfo.InvariantCulture, $"left out: its base is fewer than {minimumBase} (--min-base)"),
    };

    const string SectionNoteStart = "To protect the people concerned, counts of fewer than ";

    /// <summary>The note under the district context when the rule is applied.</summary>
    public static string SectionNote(int threshold) => string.Create(CultureInfo.InvariantCulture,
        $"{SectionNoteStart}{threshold} are not given exactly, [c] marks a figure withheld so that one cannot be worked out from the others, and percentages of either are left out.");

    /// <summary>The paragraph is <see cref="SectionNote"/>: it explains the rule and states no figure.</summary>
    public static bool IsSectionNote(string paragraph) => paragraph.StartsWith(SectionNoteStart, StringComparison.Ordinal);
}
