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
    public static string RiskWarning(string district, Period period, CrossClassification classification, IReadOnlyList<SmallCell> cells, int threshold) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{district}, {period.FirstMonthInWords} to {period.LastMonthInWords}, {Classification(classification)}: {cells.Count} cell{(cells.Count == 1 ? "" : "s")} below {threshold} could identify a person if published: {string.Join("; ", cells.Select(Cell))}");
}
