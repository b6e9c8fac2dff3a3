using System.Text.RegularExpressions;
using Deedle;
using ParquetSharp;
using DFrame = Deedle.Frame;

namespace Insights.Store;

/// <summary>
/// The fact tables as Parquet for the data model (Power BI, Fabric, Spark, DuckDB): one Hive-style folder per
/// partition (<c>nrm-referrals/release=2025Q2/part-0.parquet</c>, <c>gmp-enquiries/financial_year=2024-25/part-0.parquet</c>)
/// so an engine loads the whole history with one glob. The partition column lives in the folder name only, as Hive
/// expects. Dates are DATE, strings UTF-8, counts INT32. Byte-identical for the same rows (fixed created_by, no
/// timestamps). Columns are documented in docs/outputs.md.
/// </summary>
public static partial class ParquetStore
{
    public const string NrmFolder = "nrm-referrals";
    public const string NrmSeriesFolder = "nrm-series";
    public const string EnquiryFolder = "gmp-enquiries";
    public const string NrmPartition = "release";
    public const string EnquiryPartition = "financial_year";
    const string CreatedBy = "Insights (ParquetSharp)";

    /// <summary>Writes <paramref name="folder"/>/release=…/part-0.parquet, one file per release, rows in the order given.</summary>
    public static IReadOnlyList<string> WriteNrmReferrals(string folder, IReadOnlyList<NrmReferralRow> rows) =>
        WritePartitioned(folder, NrmPartition, rows, r => r.Release,
        [
            Field<NrmReferralRow, int>("year", r => r.Year), Field<NrmReferralRow, int>("quarter", r => r.Quarter),
            Field<NrmReferralRow, DateOnly>("period_start", r => r.PeriodStart), Field<NrmReferralRow, DateOnly>("period_end", r => r.PeriodEnd),
            Field<NrmReferralRow, string>("responder_type", r => r.ResponderType), Field<NrmReferralRow, string>("responder", r => r.Responder),
            Field<NrmReferralRow, string>("exploitation_type", r => r.ExploitationType), Field<NrmReferralRow, string>("age_group", r => r.AgeGroup),
            Field<NrmReferralRow, string>("gender", r => r.Gender), Field<NrmReferralRow, string>("nationality", r => r.Nationality),
            Field<NrmReferralRow, int?>("count", r => r.Count), Field<NrmReferralRow, string?>("missing_reason", r => r.MissingReason),
            Field<NrmReferralRow, string>("provenance", r => r.Provenance),
        ]);

    /// <summary>Writes <paramref name="folder"/>/release=…/part-0.parquet: each release's quarterly series as it published it.</summary>
    public static IReadOnlyList<string> WriteNrmSeries(string folder, IReadOnlyList<NrmSeriesRow> rows) =>
        WritePartitioned(folder, NrmPartition, rows, r => r.Release,
        [
            Field<NrmSeriesRow, int>("year", r => r.Year), Field<NrmSeriesRow, int>("quarter", r => r.Quarter),
            Field<NrmSeriesRow, DateOnly>("period_start", r => r.PeriodStart), Field<NrmSeriesRow, DateOnly>("period_end", r => r.PeriodEnd),
            Field<NrmSeriesRow, string>("age_group", r => r.AgeGroup), Field<NrmSeriesRow, string>("location", r => r.Location),
            Field<NrmSeriesRow, int?>("count", r => r.Count), Field<NrmSeriesRow, string?>("missing_reason", r => r.MissingReason),
            Field<NrmSeriesRow, string>("provenance", r => r.Provenance),
        ]);

    /// <summary>Writes <paramref name="folder"/>/financial_year=…/part-0.parquet, one file per financial year; the rows
    /// come protected (<see cref="EnquiryAggregates.FromPublished"/>).</summary>
    public static IReadOnlyList<string> WriteEnquiryAggregates(string folder, IReadOnlyList<EnquiryAggregateRow> rows) =>
        WritePartitioned(folder, EnquiryPartition, rows, r => r.FinancialYear,
        [
            Field<EnquiryAggregateRow, DateOnly>("period_start", r => r.PeriodStart), Field<EnquiryAggregateRow, DateOnly>("period_end", r => r.PeriodEnd),
            Field<EnquiryAggregateRow, string>("district", r => r.District), Field<EnquiryAggregateRow, string>("exploitation_type", r => r.ExploitationType),
            Field<EnquiryAggregateRow, string>("age_group", r => r.AgeGroup), Field<EnquiryAggregateRow, string>("gender", r => r.Gender),
            Field<EnquiryAggregateRow, string>("nationality", r => r.Nationality), Field<EnquiryAggregateRow, int?>("count", r => r.Count),
            Field<EnquiryAggregateRow, string?>("missing_reason", r => r.MissingReason),
            Field<EnquiryAggregateRow, string>("provenance", r => r.Provenance),
        ]);

    /// <summary>Reads every release under <paramref name="folder"/> (releases in name order, rows in file order).</summary>
    public static IReadOnlyList<NrmReferralRow> ReadNrmReferralRows(string folder) =>
        ReadPartitioned(folder, NrmPartition, (release, file) =>
        {
            var n = checked((int)file.FileMetaData.NumRows);
            var year = Read<int>(file, "year", n); var quarter = Read<int>(file, "quarter", n);
            var start = Read<DateOnly>(file, "period_start", n); var end = Read<DateOnly>(file, "period_end", n);
            var type = Read<string>(file, "responder_type", n); var responder = Read<string>(file, "responder", n);
            var exploitation = Read<string>(file, "exploitation_type", n); var age = Read<string>(file, "age_group", n);
            var gender = Read<string>(file, "gender", n); var nationality = Read<string>(file, "nationality", n);
            var count = Read<int?>(file, "count", n); var reason = Read<string?>(file, "missing_reason", n);
            var provenance = Read<string>(file, "provenance", n);
            return Enumerable.Range(0, n).Select(i => new NrmReferralRow(release, year[i], quarter[i], start[i], end[i],
                type[i], responder[i], exploitation[i], age[i], gender[i], nationality[i], count[i], reason[i], provenance[i]));
        });

    /// <summary>Reads every release's quarterly series under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<NrmSeriesRow> ReadNrmSeriesRows(string folder) =>
        ReadPartitioned(folder, NrmPartition, (release, file) =>
        {
            var n = checked((int)file.FileMetaData.NumRows);
            var year = Read<int>(file, "year", n); var quarter = Read<int>(file, "quarter", n);
            var start = Read<DateOnly>(file, "period_start", n); var end = Read<DateOnly>(file, "period_end", n);
            var age = Read<string>(file, "age_group", n); var location = Read<string>(file, "location", n);
            var count = Read<int?>(file, "count", n); var reason = Read<string?>(file, "missing_reason", n);
            var provenance = Read<string>(file, "provenance", n);
            return Enumerable.Range(0, n).Select(i => new NrmSeriesRow(release, year[i], quarter[i], start[i], end[i],
                age[i], location[i], count[i], reason[i], provenance[i]));
        });

    /// <summary>The quarterly series of every release as a Deedle frame, one column per record field.</summary>
    public static Frame<int, string> ReadNrmSeries(string folder) => DFrame.FromRecords(ReadNrmSeriesRows(folder));

    /// <summary>Reads every financial year under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<EnquiryAggregateRow> ReadEnquiryAggregateRows(string folder) =>
        ReadPartitioned(folder, EnquiryPartition, (year, file) =>
        {
            var n = checked((int)file.FileMetaData.NumRows);
            var start = Read<DateOnly>(file, "period_start", n); var end = Read<DateOnly>(file, "period_end", n);
            var district = Read<string>(file, "district", n); var exploitation = Read<string>(file, "exploitation_type", n);
            var age = Read<string>(file, "age_group", n); var gender = Read<string>(file, "gender", n);
            var nationality = Read<string>(file, "nationality", n); var count = Read<int?>(file, "count", n);
            var reason = Read<string?>(file, "missing_reason", n); var provenance = Read<string>(file, "provenance", n);
            return Enumerable.Range(0, n).Select(i => new EnquiryAggregateRow(year, start[i], end[i],
                district[i], exploitation[i], age[i], gender[i], nationality[i], count[i], reason[i], provenance[i]));
        });

    /// <summary>The NRM table as a Deedle frame, one column per record field (Release, Year, ..., Count, MissingReason).</summary>
    public static Frame<int, string> ReadNrmReferrals(string folder) => DFrame.FromRecords(ReadNrmReferralRows(folder));

    /// <summary>The enquiry table as a Deedle frame, one column per record field.</summary>
    public static Frame<int, string> ReadEnquiryAggregates(string folder) => DFrame.FromRecords(ReadEnquiryAggregateRows(folder));

    /// <summary>A column of a table: its Parquet name and type, and how to take its values from the rows.</summary>
    sealed record FieldSpec<TRow>(Column Column, Action<RowGroupWriter, TRow[]> WriteValues);

    static FieldSpec<TRow> Field<TRow, TValue>(string name, Func<TRow, TValue> value) =>
        new(new Column<TValue>(name), (group, rows) =>
        {
            using var column = group.NextColumn().LogicalWriter<TValue>();
            // Strings may be exported to CSV from Power BI or Excel: a formula-like category is neutralised here too.
            column.WriteBatch(rows.Select(r => value(r) is string text ? (TValue)(object)Outputs.FormulaText.Neutralise(text) : value(r)).ToArray());
        });

    static List<string> WritePartitioned<T>(string folder, string key, IReadOnlyList<T> rows, Func<T, string> partitionOf,
                                            IReadOnlyList<FieldSpec<T>> fields)
    {
        var written = new List<string>();
        foreach (var part in rows.GroupBy(partitionOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!PartitionValue().IsMatch(part.Key))
                throw new ArgumentException($"'{part.Key}' cannot name a {key} folder: use letters, digits, '-', '_' or '.'.", nameof(rows));
            var dir = Path.Combine(folder, $"{key}={part.Key}");
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, "part-0.parquet");
            var partRows = part.ToArray();
            using (var file = Create(path, [.. fields.Select(f => f.Column)]))
            {
                using (var group = file.AppendRowGroup())
                    foreach (var field in fields) field.WriteValues(group, partRows);
                file.Close();
            }
            written.Add(path);
        }
        return written;
    }

    static List<T> ReadPartitioned<T>(string folder, string key, Func<string, ParquetFileReader, IEnumerable<T>> read)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No Parquet table at {folder}.");
        var rows = new List<T>();
        var prefix = key + "=";
        foreach (var dir in Directory.GetDirectories(folder).Where(d => Path.GetFileName(d).StartsWith(prefix, StringComparison.Ordinal))
                                     .OrderBy(d => d, StringComparer.Ordinal))
        {
            var value = Path.GetFileName(dir)[prefix.Length..];
            foreach (var path in Directory.GetFiles(dir, "*.parquet").OrderBy(p => p, StringComparer.Ordinal))
            {
                using var file = new ParquetFileReader(path) { LogicalTypeFactory = new LogicalTypeFactory { DateAsDateOnly = true } };
                rows.AddRange(read(value, file));
                file.Close();
            }
        }
        return rows;
    }

    static ParquetFileWriter Create(string path, params Column[] columns)
    {
        using var properties = new WriterPropertiesBuilder()
            .CreatedBy(CreatedBy)
            .Compression(Compression.Snappy)
            .Build();
        return new ParquetFileWriter(path, columns, properties);
    }


    static T[] Read<T>(ParquetFileReader file, string name, int rows)
    {
        var index = file.FileMetaData.Schema.ColumnIndex(name);
        if (index < 0) throw new InvalidDataException($"Parquet file has no column '{name}'.");
        var result = new T[rows];
        var offset = 0;
        for (var g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            using var group = file.RowGroup(g);
            var n = checked((int)group.MetaData.NumRows);
            using var reader = group.Column(index).LogicalReader<T>();
            reader.ReadBatch(result, offset, n);
            offset += n;
        }
        return result;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex PartitionValue();
}
