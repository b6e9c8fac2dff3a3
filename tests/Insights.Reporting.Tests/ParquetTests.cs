using DuckDB.NET.Data;
using Insights.Store;
using ParquetSharp;

namespace Insights.Tests;

/// <summary>
/// Rows are SYNTHETIC but shaped like the real tables: two NRM releases (the later one revising a quarter, and one
/// suppressed cell) and two financial years of aggregated GMP enquiries.
/// </summary>
public sealed class ParquetTests : IDisposable
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "insights-parquet-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    static NrmReferralRow Nrm(string release, int year, int q, string type, string exploitation, string age, string gender,
                              string nationality, int? count, string? reason = null) =>
        new(release, year, q, new DateOnly(year, 3 * q - 2, 1), new DateOnly(year, 3 * q - 2, 1).AddMonths(3).AddDays(-1),
            type, type == "Police" ? "Greater Manchester Police" : "Home Office", exploitation, age, gender, nationality, count, reason,
            $"input: nrm-{release.ToLowerInvariant()}-tables.ods");

    internal static readonly NrmReferralRow[] NrmRows =
    [
        Nrm("2025Q1", 2025, 1, "Police", "Criminal", "Child (17 or under)", "Male", "UK", 120),
        Nrm("2025Q1", 2025, 1, "Police", "Labour", "Adult (18 or over)", "Male", "Albanian", 45),
        Nrm("2025Q1", 2025, 1, "Government agency", "Sexual", "Adult (18 or over)", "Female", "Vietnamese", 0),   // a real 0, not missing
        Nrm("2025Q2", 2025, 1, "Police", "Criminal", "Child (17 or under)", "Male", "UK", 123),   // revised in the next release
        Nrm("2025Q2", 2025, 2, "Police", "Criminal", "Child (17 or under)", "Male", "UK", 131),
        Nrm("2025Q2", 2025, 2, "Government agency", "Labour", "Adult (18 or over)", "Female", "Eritrean", null, "[c]"),
        Nrm("2025Q2", 2025, 2, "Government agency", "Sexual", "Adult (18 or over)", "Female", "Ações é ü", 7),   // UTF-8 survives
    ];

    static EnquiryAggregateRow Enquiries(string fy, string district, string type, string age, string gender, string nationality, int? count)
    {
        var start = int.Parse(fy[..4], System.Globalization.CultureInfo.InvariantCulture);
        return new(fy, new DateOnly(start, 4, 1), new DateOnly(start + 1, 3, 31), district, type, age, gender, nationality, count,
            count is null ? EnquiryAggregates.Withheld : null, "input: gmp-extract.xlsx");
    }

    internal static readonly EnquiryAggregateRow[] EnquiryRows =
    [
        Enquiries("2023-24", "Stockport", "Criminal exploitation", "All", "All", "All", 20),
        Enquiries("2023-24", "Stockport", "Labour exploitation", "All", "All", "All", 26),
        Enquiries("2024-25", "Stockport", "Criminal exploitation", "All", "All", "All", 11),
        Enquiries("2024-25", "Stockport", "Domestic servitude", "All", "All", "All", null),   // withheld: missing, not 0
        Enquiries("2024-25", "Manchester", "Sexual exploitation", "All", "All", "All", 120),
        Enquiries("2024-25", "Not logged", "Unknown", "All", "All", "All", 155),
    ];

    [Fact]
    public void Nrm_rows_round_trip_through_Hive_partitioned_Parquet()
    {
        var table = Path.Combine(_dir, ParquetStore.NrmFolder);
        var files = ParquetStore.WriteNrmReferrals(table, NrmRows);
        Assert.Equal([Path.Combine(table, "release=2025Q1", "part-0.parquet"), Path.Combine(table, "release=2025Q2", "part-0.parquet")], files);
        Assert.Equal(NrmRows, ParquetStore.ReadNrmReferralRows(table));
    }

    [Fact]
    public void Enquiry_rows_round_trip_through_Hive_partitioned_Parquet()
    {
        var table = Path.Combine(_dir, ParquetStore.EnquiryFolder);
        ParquetStore.WriteEnquiryAggregates(table, EnquiryRows);
        Assert.True(File.Exists(Path.Combine(table, "financial_year=2024-25", "part-0.parquet")));
        Assert.Equal(EnquiryRows, ParquetStore.ReadEnquiryAggregateRows(table));
    }

    [Fact]
    public void Deedle_frame_has_a_column_per_field_and_keeps_missing_counts_missing()
    {
        var table = Path.Combine(_dir, ParquetStore.NrmFolder);
        ParquetStore.WriteNrmReferrals(table, NrmRows);
        var frame = ParquetStore.ReadNrmReferrals(table);
        Assert.Equal(NrmRows.Length, frame.RowCount);
        Assert.Contains("MissingReason", frame.ColumnKeys);
        var counts = frame.GetColumn<int>("Count");
        // 120 + 45 + 0 + 123 + 131 + 7; the [c] cell is missing, not 0.
        Assert.Equal(426, counts.Values.Sum());
        Assert.Equal(NrmRows.Length - 1, counts.ValueCount);
        Assert.Equal(new DateOnly(2025, 6, 30), frame.GetColumn<DateOnly>("PeriodEnd").Get(4));
    }

    [Fact]
    public void Schema_uses_DATE_UTF8_strings_and_INT32_counts()
    {
        var table = Path.Combine(_dir, ParquetStore.EnquiryFolder);
        var path = ParquetStore.WriteEnquiryAggregates(table, EnquiryRows)[0];
        using var file = new ParquetFileReader(path);
        var schema = file.FileMetaData.Schema;
        Assert.Equal("Date", schema.Column(schema.ColumnIndex("period_start")).LogicalType.Type.ToString());
        Assert.Equal("String", schema.Column(schema.ColumnIndex("district")).LogicalType.Type.ToString());
        Assert.Equal(PhysicalType.Int32, schema.Column(schema.ColumnIndex("count")).PhysicalType);
        Assert.Equal("Insights (ParquetSharp)", file.FileMetaData.CreatedBy);
        // The partition key is in the folder name only, as Hive readers expect.
        Assert.Equal(-1, schema.ColumnIndex("financial_year"));
        file.Close();
    }

    [Fact]
    public void No_enquiry_ids_or_personal_dates_in_the_shared_table()
    {
        var table = Path.Combine(_dir, ParquetStore.EnquiryFolder);
        using var file = new ParquetFileReader(ParquetStore.WriteEnquiryAggregates(table, EnquiryRows)[0]);
        var names = Enumerable.Range(0, file.FileMetaData.NumColumns).Select(i => file.FileMetaData.Schema.Column(i).Name).ToList();
        Assert.Equal(["period_start", "period_end", "district", "exploitation_type", "age_group", "gender", "nationality", "count", "missing_reason", "provenance"], names);
        file.Close();
    }

    [Fact]
    public void Two_writes_of_the_same_rows_are_byte_identical()
    {
        var a = ParquetStore.WriteNrmReferrals(Path.Combine(_dir, "a"), NrmRows);
        var b = ParquetStore.WriteNrmReferrals(Path.Combine(_dir, "b"), NrmRows);
        Assert.Equal(File.ReadAllBytes(a[1]), File.ReadAllBytes(b[1]));
    }

    [Fact]
    public void DuckDB_reads_the_Hive_folders_and_gets_the_same_totals()
    {
        var nrm = Path.Combine(_dir, ParquetStore.NrmFolder);
        var gmp = Path.Combine(_dir, ParquetStore.EnquiryFolder);
        ParquetStore.WriteNrmReferrals(nrm, NrmRows);
        ParquetStore.WriteEnquiryAggregates(gmp, EnquiryRows);
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();

        // Hand sums: 2025Q1 release 120 + 45 + 0 = 165; 2025Q2 release 123 + 131 + 7 = 261 (plus one [c] cell).
        var byRelease = Query(db, $"SELECT release, sum(count)::INTEGER, count(*)::INTEGER, count(count)::INTEGER FROM read_parquet('{nrm}/**/*.parquet', hive_partitioning=true) GROUP BY release ORDER BY release");
        Assert.Equal([["2025Q1", "165", "3", "3"], ["2025Q2", "261", "4", "3"]], byRelease);

        // Enquiries: 2023-24 20 + 26 = 46; 2024-25 11 + 120 + 155 = 286 (plus one [c] cell).
        var byYear = Query(db, $"SELECT financial_year, sum(count)::INTEGER, min(period_start)::VARCHAR, count(*) FILTER (WHERE missing_reason = '[c]')::INTEGER FROM read_parquet('{gmp}/**/*.parquet', hive_partitioning=true) GROUP BY financial_year ORDER BY financial_year");
        Assert.Equal([["2023-24", "46", "2023-04-01", "0"], ["2024-25", "286", "2024-04-01", "1"]], byYear);

        // ...and the library's own reader agrees.
        Assert.Equal(46 + 286, ParquetStore.ReadEnquiryAggregateRows(gmp).Sum(r => r.Count));
    }

    [Fact]
    public void Series_of_two_real_releases_give_each_release_its_own_revised_figures_in_DuckDB()
    {
        // The Q1 2023 release published 4,416 for October to December 2022; the Q4 2023 release revised it to 4,413.
        // Both stay in the table, one per release folder, and each release's 2023 quarter sums to its bulletin headline.
        var history = Insights.Sources.Nrm.NrmLoader.Load([
            Insights.Pipeline.Samples.PathOf("nrm", "nrm-2023-q1-tables.ods"),
            Insights.Pipeline.Samples.PathOf("nrm", "nrm-2023-q4-tables.ods")]);
        var series = Path.Combine(_dir, ParquetStore.NrmSeriesFolder);
        ParquetStore.WriteNrmSeries(series, NrmReferralRows.SeriesFromHistory(history, _ => "input: test"));
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();

        var rows = Query(db, $"SELECT release, year::INTEGER, quarter::INTEGER, sum(count)::INTEGER FROM read_parquet('{series}/**/*.parquet', hive_partitioning=true) WHERE (year = 2022 AND quarter = 4) OR (year = 2023 AND quarter IN (1, 4)) GROUP BY release, year, quarter ORDER BY release, year, quarter");
        Assert.Equal([
            ["2023Q1", "2022", "4", "4416"], ["2023Q1", "2023", "1", "4746"],
            ["2023Q4", "2022", "4", "4413"], ["2023Q4", "2023", "1", "4738"], ["2023Q4", "2023", "4", "4142"]], rows);
        Assert.Equal(4142, ParquetStore.ReadNrmSeriesRows(series).Where(r => r.Release == "2023Q4" && r.Year == 2023 && r.Quarter == 4).Sum(r => r.Count));
    }

    [Fact]
    public void DuckDB_reads_the_forecast_table_with_every_row_marked_as_a_forecast()
    {
        NrmForecastRow Row(int quarter, int horizon, double value) =>
            new("2023Q4", 2024, quarter, new DateOnly(2024, 3 * quarter - 2, 1), new DateOnly(2024, 3 * quarter - 2, 1).AddMonths(3).AddDays(-1),
                "drift", horizon, value, value - 300, value + 300, value - 500, value + 500);
        var folder = Path.Combine(_dir, ParquetStore.NrmForecastFolder);
        ParquetStore.WriteNrmForecast(folder, [Row(1, 1, 4210.5), Row(2, 2, 4278.25)]);
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();

        var rows = Query(db, $"SELECT release, year::INTEGER, quarter::INTEGER, period_end::VARCHAR, is_forecast::VARCHAR, method, horizon::INTEGER, value, lower_95 FROM read_parquet('{folder}/**/*.parquet', hive_partitioning=true) ORDER BY horizon");
        Assert.Equal([
            ["2023Q4", "2024", "1", "2024-03-31", "true", "drift", "1", "4210.5", "3710.5"],
            ["2023Q4", "2024", "2", "2024-06-30", "true", "drift", "2", "4278.25", "3778.25"]], rows);
        Assert.Equal([4210.5, 4278.25], ParquetStore.ReadNrmForecastRows(folder).Select(r => r.Value));
    }

    [Fact]
    public void A_partition_value_that_cannot_be_a_folder_name_is_refused()
    {
        var bad = NrmRows[0] with { Release = "2025/Q1" };
        var e = Assert.Throws<ArgumentException>(() => ParquetStore.WriteNrmReferrals(Path.Combine(_dir, "x"), [bad]));
        Assert.Contains("2025/Q1", e.Message);
    }

    static List<string[]> Query(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }
}
