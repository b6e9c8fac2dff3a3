using DuckDB.NET.Data;
using Insights.Breakdowns;
using Insights.Model;
using Insights.Outputs.Dashboard;
using Insights.Store;

namespace Insights.Tests;

/// <summary>
/// The gmp-enquiries table is meant to leave the council, so it holds only the published tables, protected by the
/// disclosure rule. Hand-worked case (threshold 5), every enquiry an adult British man logged in June 2024:
/// Stockport 6 labour and 3 sexual exploitation, Bolton 7 and 5, not logged 8 labour; GM 29 (21 labour, 8 sexual).
/// Primary: Stockport's 3. Secondary: Stockport's 6 (9 − 6 would give the 3), then in the labour column Bolton's 7
/// (21 − 7 − 8 would give the 6) and in the sexual column Bolton's 5 (8 − 5 would give the 3). The totals (29, 21, 8,
/// 12, 9, 8) stay: each line then has two withheld cells or none.
/// </summary>
public sealed class ShareableEnquiryTableTests : IDisposable
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "insights-shareable-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    static IReadOnlyList<EnquiryAggregateRow> Rows()
    {
        var day = new DateOnly(2024, 6, 10);
        var enquiries = new List<Enquiry>();
        void Add(string? district, string type, int n)
        {
            for (var i = 0; i < n; i++) enquiries.Add(new Enquiry($"E{enquiries.Count}", day, district, type, 30, Gender.Male, "British"));
        }
        Add("Stockport", "Labour exploitation", 6);
        Add("Stockport", "Sexual exploitation", 3);
        Add("Bolton", "Labour exploitation", 7);
        Add("Bolton", "Sexual exploitation", 5);
        Add(null, "Labour exploitation", 8);
        var context = DistrictBreakdown.Compute(enquiries, "Stockport", new FinancialYear(2024).Period);
        var police = DashboardBuilder.Police(new DashboardInputs("test", EnquiryColumns.From(enquiries), context, "test source", false, null, null, null, false));
        return EnquiryAggregates.FromPublished(PublishedPoliceData.Apply(police, 5), "input: test.csv");
    }

    [Fact]
    public void A_small_count_and_the_counts_that_would_give_it_back_are_withheld_as_c_and_read_back_so_by_DuckDB()
    {
        var table = Path.Combine(_dir, ParquetStore.EnquiryFolder);
        ParquetStore.WriteEnquiryAggregates(table, Rows());
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT financial_year, district, exploitation_type, coalesce(count::VARCHAR, ''), coalesce(missing_reason, '') FROM read_parquet('{table}/**/*.parquet', hive_partitioning=true, file_row_number=true) WHERE age_group = 'All' AND gender = 'All' AND nationality = 'All' ORDER BY financial_year, file_row_number";
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
        Assert.Equal(
        [
            "2024-25 | All | All | 29 | ", "2024-25 | All | Labour exploitation | 21 | ", "2024-25 | All | Sexual exploitation | 8 | ",
            "2024-25 | Bolton | All | 12 | ", "2024-25 | Bolton | Labour exploitation |  | [c]", "2024-25 | Bolton | Sexual exploitation |  | [c]",
            "2024-25 | Stockport | All | 9 | ", "2024-25 | Stockport | Labour exploitation |  | [c]", "2024-25 | Stockport | Sexual exploitation |  | [c]",
            "2024-25 | Not logged | All | 8 | ", "2024-25 | Not logged | Labour exploitation | 8 | ",
        ], rows);
    }

    [Fact]
    public void Each_row_is_one_cell_of_a_published_table_and_the_library_reads_back_what_was_written()
    {
        var written = Rows();
        var table = Path.Combine(_dir, ParquetStore.EnquiryFolder);
        ParquetStore.WriteEnquiryAggregates(table, written);
        var read = ParquetStore.ReadEnquiryAggregateRows(table);
        Assert.Equal(written, read);
        // Per place (GM, Bolton, Stockport, not logged): the total, each type, adult, male, adult male, British.
        Assert.Equal(3 * 7 + 6, read.Count);
        var stockport = read.Where(r => r.District == "Stockport" && r.ExploitationType == EnquiryAggregates.All).ToList();
        Assert.Equal([("All", "All", "All"), ("Adult (18 or over)", "All", "All"), ("All", "Male", "All"), ("Adult (18 or over)", "Male", "All"), ("All", "All", "British")],
            stockport.Select(r => (r.AgeGroup, r.Gender, r.Nationality)));
        Assert.All(stockport, r => Assert.Equal(9, r.Count));
        Assert.All(read, r => Assert.Equal(r.Count is null ? "[c]" : null, r.MissingReason));
    }
}
