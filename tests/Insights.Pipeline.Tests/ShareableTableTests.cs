using Insights.Pipeline;
using Insights.Store;

namespace Insights.Tests;

/// <summary>
/// The gmp-enquiries Parquet table leaves the council, so the disclosure rule applies to it in every run: with the
/// usual threshold 5 when --suppress-below is not given (the text then keeps the council's exact counts), with N when
/// it is. The samples' Stockport 2024/25 figures are the 2025/26 statement's: 36 of GM's 612, Domestic servitude 1.
/// </summary>
public sealed class ShareableTableTests : IDisposable
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "insights-shareable-job-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    IReadOnlyList<EnquiryAggregateRow> Run(int? suppressBelow)
    {
        var output = Path.Combine(_dir, suppressBelow?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default");
        ContextJob.Run(new ContextOptions(GmpOptions.Samples(), output, SuppressBelow: suppressBelow));
        return ParquetStore.ReadEnquiryAggregateRows(Path.Combine(output, ParquetStore.EnquiryFolder));
    }

    static EnquiryAggregateRow Row(IReadOnlyList<EnquiryAggregateRow> rows, string district, string type = EnquiryAggregates.All) =>
        rows.Single(r => r.FinancialYear == "2024-25" && r.District == district && r.ExploitationType == type &&
                         r is { AgeGroup: EnquiryAggregates.All, Gender: EnquiryAggregates.All, Nationality: EnquiryAggregates.All });

    [Fact]
    public void Without_suppress_below_the_table_withholds_counts_under_5_while_totals_stay_exact()
    {
        var rows = Run(null);
        Assert.All(rows, r => Assert.True(r.Count is null or >= 5, $"a count of {r.Count} reached the shareable table"));
        Assert.Equal(612, Row(rows, EnquiryAggregates.All).Count);
        Assert.Equal(36, Row(rows, "Stockport").Count);
        var domestic = Row(rows, "Stockport", "Domestic servitude");
        Assert.Equal((null, "[c]"), (domestic.Count, domestic.MissingReason));
    }

    [Fact]
    public void With_suppress_below_10_no_count_under_10_is_in_the_table()
    {
        var rows = Run(10);
        Assert.All(rows, r => Assert.True(r.Count is null or >= 10, $"a count of {r.Count} reached the shareable table"));
        Assert.Equal(612, Row(rows, EnquiryAggregates.All).Count);
        // Stockport's 9 labour exploitation enquiries in the statement: under 10 now.
        Assert.Null(Row(rows, "Stockport", "Labour exploitation").Count);
    }
}
