using Insights.Model;

namespace Insights.Store;

/// <summary>
/// Enquiry records aggregated to the shareable fact table: counts per financial year and category, with no ids,
/// dates or ages of a person.
/// </summary>
public static class EnquiryAggregates
{
    public const string NotLogged = "Not logged";
    public const string Unknown = "Unknown";

    public static IReadOnlyList<EnquiryAggregateRow> FromEnquiries(IEnumerable<Enquiry> enquiries, string provenance) =>
        enquiries
            .GroupBy(e => (Year: FinancialYear.Containing(e.DateLogged), District: e.District ?? NotLogged, e.ExploitationType,
                           Age: AgeGroupName(e.AgeGroup), Gender: e.Gender.ToString(), Nationality: e.Nationality ?? Unknown))
            .Select(g => new EnquiryAggregateRow(PartitionName(g.Key.Year), g.Key.Year.FirstDay, g.Key.Year.LastDay,
                g.Key.District, g.Key.ExploitationType, g.Key.Age, g.Key.Gender, g.Key.Nationality, g.Count(), provenance))
            // A fixed order, so the same extract gives byte-identical files whatever order its rows came in.
            .OrderBy(r => r.FinancialYear, StringComparer.Ordinal).ThenBy(r => r.District, StringComparer.Ordinal)
            .ThenBy(r => r.ExploitationType, StringComparer.Ordinal).ThenBy(r => r.AgeGroup, StringComparer.Ordinal)
            .ThenBy(r => r.Gender, StringComparer.Ordinal).ThenBy(r => r.Nationality, StringComparer.Ordinal)
            .ToList();

    /// <summary>"2024-25": a financial year safe as a Hive folder value (no "/").</summary>
    public static string PartitionName(FinancialYear year) => year.ToString().Replace('/', '-');

    public static string AgeGroupName(AgeGroup group) => group switch
    {
        AgeGroup.Adult => "Adult (18 or over)",
        AgeGroup.UnderEighteen => "Under 18",
        _ => Unknown,
    };
}
