using Insights.Model;
using Insights.Outputs.Dashboard;

namespace Insights.Store;

/// <summary>
/// The shareable enquiry table: the published dashboard's tables (<see cref="PublishedPoliceData"/>: per financial
/// year, the area's and each district's enquiries, in total and by exploitation type, age group, gender, age group and
/// gender, nationality), protected together by the disclosure rule, as tidy rows. A characteristic a row does not
/// break down by reads <see cref="All"/>. No enquiry ids, dates or ages of a person, and no cross-classification
/// finer than the published one, whose cells would mostly be single people.
/// </summary>
public static class EnquiryAggregates
{
    public const string NotLogged = Narrative.OutputWording.DistrictNotLogged;
    public const string Unknown = "Unknown";

    /// <summary>The value of a characteristic a row is not broken down by: the row counts every value of it.</summary>
    public const string All = "All";

    /// <summary>The marking of a withheld count, as in the published tables: its count is null.</summary>
    public const string Withheld = "[c]";

    /// <summary>
    /// The rows of <paramref name="published"/> (<see cref="PublishedPoliceData.Apply"/>'s cubes) except the monthly
    /// ones (the table has no month column): a withheld cell has a null count and <see cref="Withheld"/>. Ordered by
    /// year, then the area before its districts (in the area's order, "Not logged" last), then total, type, age,
    /// gender, age and gender, nationality, each in the value order of the dashboard.
    /// </summary>
    public static IReadOnlyList<EnquiryAggregateRow> FromPublished(PoliceData published, string provenance)
    {
        ArgumentNullException.ThrowIfNull(published);
        string[] characteristics = [DashboardBuilder.Type, DashboardBuilder.Age, DashboardBuilder.Gender, DashboardBuilder.Nationality];
        var rows = new List<(int Year, int District, int Cube, int[] Key, EnquiryAggregateRow Row)>();
        for (var c = 0; c < published.Cubes.Count; c++)
        {
            var cube = published.Cubes[c];
            if (cube.Dimensions.Contains(DashboardBuilder.Month)) continue;
            int Position(string dim) => cube.Dimensions.ToList().IndexOf(dim);
            foreach (var cell in cube.Cells)
            {
                string Value(string dim) => Position(dim) is var at and >= 0 ? published.Values[dim][cell.Key[at]] : All;
                var yearIndex = cell.Key[Position(DashboardBuilder.Year)];
                var year = FinancialYear.Parse(published.Values[DashboardBuilder.Year][yearIndex]);
                var district = Position(DashboardBuilder.District) is var d and >= 0 ? cell.Key[d] : -1;
                var values = characteristics.Select(Value).ToArray();
                rows.Add((yearIndex, district, c, [.. cell.Key], new EnquiryAggregateRow(PartitionName(year), year.FirstDay, year.LastDay,
                    Value(DashboardBuilder.District), values[0], values[1], values[2], values[3],
                    cell.Count, cell.Count is null ? Withheld : null, provenance)));
            }
        }
        // Cubes come area first, then districts, per characteristic: the district comes before the characteristic here.
        return [.. rows.OrderBy(r => r.Year).ThenBy(r => r.District).ThenBy(r => r.Cube).ThenBy(r => r.Key, DashboardBuilder.KeyOrder.Instance).Select(r => r.Row)];
    }

    /// <summary>"2024-25": a financial year safe as a Hive folder value (no "/").</summary>
    public static string PartitionName(FinancialYear year) => year.ToString().Replace('/', '-');

    public static string AgeGroupName(AgeGroup group) => AgeGroups.Label(group);
}
