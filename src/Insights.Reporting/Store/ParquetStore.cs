using Deedle;
using DFrame = Deedle.Frame;

namespace Insights.Store;

/// <summary>
/// The fact tables as Parquet for the data model (Power BI, Fabric, Spark, DuckDB): one Hive-style folder per
/// partition (<c>nrm-referrals/release=2025Q2/part-0.parquet</c>, <c>gmp-enquiries/financial_year=2024-25/part-0.parquet</c>)
/// so an engine loads the whole history with one glob. The partition column lives in the folder name only, as Hive
/// expects. Dates are DATE, strings UTF-8, counts INT32. Byte-identical for the same rows (fixed created_by, no
/// timestamps). Each table's columns are declared once (<see cref="ParquetTable{TRow}"/>: <see cref="NrmReferralTable"/>,
/// <see cref="NrmSeriesTable"/>, <see cref="EnquiryAggregateTable"/>, <see cref="NrmForecastTable"/>), for the writer
/// and the reader alike; they are documented in docs/outputs.md.
/// </summary>
public static partial class ParquetStore
{
    public const string NrmFolder = "nrm-referrals";
    public const string NrmSeriesFolder = "nrm-series";
    public const string EnquiryFolder = "gmp-enquiries";
    public const string NrmPartition = "release";
    public const string EnquiryPartition = "financial_year";

    /// <summary>Writes <paramref name="folder"/>/release=…/part-0.parquet, one file per release, rows in the order given.</summary>
    public static IReadOnlyList<string> WriteNrmReferrals(string folder, IReadOnlyList<NrmReferralRow> rows) => NrmReferralTable.Table.Write(folder, rows);

    /// <summary>Writes <paramref name="folder"/>/release=…/part-0.parquet: each release's quarterly series as it published it.</summary>
    public static IReadOnlyList<string> WriteNrmSeries(string folder, IReadOnlyList<NrmSeriesRow> rows) => NrmSeriesTable.Table.Write(folder, rows);

    /// <summary>Writes <paramref name="folder"/>/financial_year=…/part-0.parquet, one file per financial year; the rows
    /// come protected (<see cref="EnquiryAggregates.FromPublished"/>).</summary>
    public static IReadOnlyList<string> WriteEnquiryAggregates(string folder, IReadOnlyList<EnquiryAggregateRow> rows) => EnquiryAggregateTable.Table.Write(folder, rows);

    /// <summary>Reads every release under <paramref name="folder"/> (releases in name order, rows in file order).</summary>
    public static IReadOnlyList<NrmReferralRow> ReadNrmReferralRows(string folder) => NrmReferralTable.Table.Read(folder);

    /// <summary>Reads every release's quarterly series under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<NrmSeriesRow> ReadNrmSeriesRows(string folder) => NrmSeriesTable.Table.Read(folder);

    /// <summary>The quarterly series of every release as a Deedle frame, one column per record field.</summary>
    public static Frame<int, string> ReadNrmSeries(string folder) => DFrame.FromRecords(ReadNrmSeriesRows(folder));

    /// <summary>Reads every financial year under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<EnquiryAggregateRow> ReadEnquiryAggregateRows(string folder) => EnquiryAggregateTable.Table.Read(folder);

    /// <summary>The NRM table as a Deedle frame, one column per record field (Release, Year, ..., Count, MissingReason).</summary>
    public static Frame<int, string> ReadNrmReferrals(string folder) => DFrame.FromRecords(ReadNrmReferralRows(folder));

    /// <summary>The enquiry table as a Deedle frame, one column per record field.</summary>
    public static Frame<int, string> ReadEnquiryAggregates(string folder) => DFrame.FromRecords(ReadEnquiryAggregateRows(folder));
}
