using System.Globalization;
using Insights.Breakdowns;
using Insights.Model;
using Insights.Sources;
using Insights.Sources.Csv;
using Insights.Sources.Gmp;
using Insights.Tests.Samples;
using ParquetSharp;

namespace Insights.Tests;

/// <summary>
/// A police extract kept as Parquet (issue 14) is read through the same row seam as a CSV: the same column map, the
/// same checks and messages. The sample extract written to Parquet must give the CSV's enquiries and warnings.
/// </summary>
public sealed class GmpParquetExtractTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-parquet-extract-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static string SampleCsv => Insights.Pipeline.Samples.PathOf("gmp", SyntheticGmpExtract.FileName);

    /// <summary>The sample's header and rows as the CSV reader gives them.</summary>
    static (IReadOnlyList<string> Header, List<IReadOnlyList<string>> Rows) Sample()
    {
        var rows = CsvReader.ReadFile(SampleCsv);
        return (rows[0].Fields, [.. rows.Skip(1).Select(r => r.Fields)]);
    }

    /// <summary>Writes columns to <paramref name="name"/> in row groups of <paramref name="groupRows"/> rows (the
    /// reader must join them), each column with its own values function.</summary>
    string Write(string name, int rowCount, int groupRows, params (Column Column, Action<RowGroupWriter, int, int> Values)[] columns)
    {
        var path = Path.Combine(_folder, name);
        using var file = new ParquetFileWriter(path, [.. columns.Select(c => c.Column)]);
        for (var start = 0; start < rowCount; start += groupRows)
        {
            using var group = file.AppendRowGroup();
            foreach (var (_, values) in columns) values(group, start, Math.Min(groupRows, rowCount - start));
        }
        file.Close();
        return path;
    }

    static (Column, Action<RowGroupWriter, int, int>) Column<T>(string name, IReadOnlyList<T> values) =>
        (new Column<T>(name), (group, start, count) =>
        {
            using var writer = group.NextColumn().LogicalWriter<T>();
            writer.WriteBatch([.. values.Skip(start).Take(count)]);
        });

    /// <summary>The sample with every column as text: the same content as the CSV, field for field.</summary>
    string SampleAsText()
    {
        var (header, rows) = Sample();
        return Write("extract.parquet", rows.Count, 500,
            [.. header.Select((h, i) => Column(h.Trim('\ufeff'), rows.Select(r => r[i]).ToList()))]);
    }

    static string[] Warnings(GmpExtract extract, string file) =>
        [.. extract.Warnings.Select(w => w.ToString().Replace(Path.GetFileName(file), "FILE", StringComparison.Ordinal))];

    [Fact]
    public void Sample_extract_as_Parquet_text_gives_the_csv_figures_and_warnings()
    {
        var path = SampleAsText();
        var csv = GmpExtractReader.Read(SampleCsv);
        var parquet = GmpExtractReader.Read(path);
        Assert.Equal(csv.Enquiries, parquet.Enquiries);
        Assert.Equal(Warnings(csv, SampleCsv), Warnings(parquet, path));
        // The statement's district figure: 36 Stockport enquiries in 2024/25.
        var fy = new FinancialYear(2024);
        Assert.Equal(36, DistrictBreakdown.Compute(parquet.Enquiries, "Stockport", fy.Period, 3, PoliceArea.GreaterManchester).Enquiries);
    }

    [Fact]
    public void Sample_extract_with_typed_dates_and_ages_and_renamed_columns_reads_as_the_csv()
    {
        // As a lakehouse would keep it: DATE, INT32 ages (null when blank or 'Unknown'), other headers, via --columns.
        var (header, rows) = Sample();
        var col = header.Select(h => h.Trim('\ufeff')).Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        DateOnly? Date(string text) => text.Contains('/')
            ? DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture)
            : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        int? Age(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : null;
        var path = Write("typed.parquet", rows.Count, 400,
            Column("Ref", rows.Select(r => r[col["EnquiryId"]]).ToList()),
            Column("Date Reported", rows.Select(r => Date(r[col["DateLogged"]])).ToList()),
            Column("Division", rows.Select(r => r[col["District"]]).ToList()),
            Column("ExploitationType", rows.Select(r => r[col["ExploitationType"]]).ToList()),
            Column("Age", rows.Select(r => Age(r[col["Age"]])).ToList()),
            Column("Gender", rows.Select(r => r[col["Gender"]]).ToList()),
            Column("Nationality", rows.Select(r => r[col["Nationality"]]).ToList()));
        var map = Path.Combine(_folder, "map.json");
        File.WriteAllText(map, """{"columns": {"EnquiryId": "Ref", "DateLogged": "Date Reported", "District": "Division"}}""");
        Assert.Equal(GmpExtractReader.Read(SampleCsv).Enquiries, GmpExtractReader.Read(path, ColumnMap.Load(map)).Enquiries);
    }

    [Fact]
    public void A_missing_column_is_named_as_for_a_csv()
    {
        var (header, rows) = Sample();
        var kept = header.Select(h => h.Trim('\ufeff')).Select((h, i) => (h, i)).Where(x => x.h != "Nationality").ToList();
        var path = Write("no-nationality.parquet", rows.Count, 1000, [.. kept.Select(x => Column(x.h, rows.Select(r => r[x.i]).ToList()))]);
        var csvPath = Path.Combine(_folder, "no-nationality.csv");
        File.WriteAllLines(csvPath, [string.Join(",", kept.Select(x => x.h)), "SYN-1,2024-05-01,Bury,Labour exploitation,30,Male"]);
        var parquet = Assert.Throws<InputException>(() => GmpExtractReader.Read(path)).Message;
        var csv = Assert.Throws<InputException>(() => GmpExtractReader.Read(csvPath)).Message;
        Assert.Equal(csv.Replace("no-nationality.csv", "no-nationality.parquet", StringComparison.Ordinal), parquet);
        Assert.StartsWith("no-nationality.parquet", parquet);
        Assert.Contains("Nationality", parquet);
    }

    [Fact]
    public void A_column_of_the_wrong_type_names_file_column_and_what_was_expected()
    {
        string[] ids = ["A1", "A2"], bury = ["Bury", "Bury"], type = ["Unknown", "Unknown"], male = ["Male", "Male"], uk = ["British", "British"];
        var path = Write("wrong-type.parquet", 2, 2, Column("EnquiryId", ids), Column("DateLogged", new[] { 45000.0, 45001.0 }),
            Column("District", bury), Column("ExploitationType", type), Column("Age", new[] { 30, 31 }), Column("Gender", male), Column("Nationality", uk));
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path));
        Assert.Equal("wrong-type.parquet, column DateLogged: a DOUBLE column; expected a DATE or TIMESTAMP column, or text dates", e.Message);

        var ages = Write("age-as-double.parquet", 2, 2, Column("EnquiryId", ids), Column("DateLogged", new[] { "2024-05-01", "2024-05-02" }),
            Column("District", bury), Column("ExploitationType", type), Column("Age", new[] { 30.5, 31.0 }), Column("Gender", male), Column("Nationality", uk));
        Assert.Equal("age-as-double.parquet, column Age: a DOUBLE column; expected whole numbers of years (INT32 or INT64), or text",
            Assert.Throws<InputException>(() => GmpExtractReader.Read(ages)).Message);
    }

    [Fact]
    public void A_file_that_is_not_Parquet_is_an_input_error()
    {
        var path = Path.Combine(_folder, "extract.parquet");
        File.WriteAllText(path, "EnquiryId,DateLogged\nA1,2024-05-01\n");
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path));
        Assert.StartsWith("extract.parquet: not a Parquet file", e.Message);
    }
}
