using System.Diagnostics;
using System.Globalization;
using ExcelDataReader;
using Insights.Outputs.Tables;
using Insights.Pipeline;
using Insights.Sources;
using Insights.Sources.Ods;

namespace Insights.Tests.Tables;

/// <summary>The sample run's tables, written once as ODS and XLSX for every test of the class.</summary>
public sealed class SampleTables : IDisposable
{
    public ContextOptions Options { get; } = new(GmpOptions.Samples());
    public ContextResult Result { get; }
    public StatisticalTables Tables { get; }
    public string Folder { get; } = Directory.CreateTempSubdirectory("insights-tables-").FullName;
    public string Ods => Path.Combine(Folder, "tables-ods.ods");
    public string Xlsx => Path.Combine(Folder, "tables-xlsx.xlsx");
    public const string Formula = "=1+1";

    public SampleTables()
    {
        Result = ContextJob.Compute(Options);
        var tables = TablesJob.Tables(Result, Options);
        // One table whose category is a formula, to see what a spreadsheet program makes of it.
        Tables = tables with
        {
            Tables = [.. tables.Tables, new StatisticalTable("Table_99", "Formula-like text", ["A category name that starts with ="],
                ["Category", "Count"], [[TableValue.OfText(Formula), TableValue.Of(3)], [TableValue.OfText("@SUM(A1)"), TableValue.OfText("[c]")]], [])],
        };
        File.WriteAllBytes(Ods, TablesFiles.Ods(Tables));
        File.WriteAllBytes(Xlsx, TablesFiles.Xlsx(Tables));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>tables.ods and tables.xlsx as the GSS guidance on accessible spreadsheets asks, read back by real readers.</summary>
public class SpreadsheetTablesTests(SampleTables sample) : IClassFixture<SampleTables>
{
    static readonly string[] FirstSheets = ["Cover_sheet", "Contents", "Notes"];

    static List<(string Name, List<object?[]> Rows)> ReadXlsx(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new List<(string, List<object?[]>)>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.GetValue(i);
                rows.Add(row);
            }
            sheets.Add((reader.Name, rows));
        } while (reader.NextResult());
        return sheets;
    }

    [Fact]
    public void Ods_read_back_has_cover_contents_notes_then_one_table_per_sheet_titled_in_A1()
    {
        var book = OdsReader.Read(sample.Ods);
        Assert.Equal([.. FirstSheets, .. sample.Tables.Tables.Select(t => t.SheetName)], book.Sheets.Select(s => s.Name));
        Assert.Equal(sample.Tables.Title, book.Sheets[0][0, 0].Text);
        Assert.All(book.Sheets, s =>
        {
            Assert.False(s[0, 0].IsEmpty, $"{s.Name}: A1 holds the title");
            Assert.All(s.Rows, r => Assert.False(r.Count == 0 || r[0].IsEmpty, $"{s.Name}: no blank rows"));
            Assert.DoesNotContain(s.Rows.SelectMany(r => r), c => c.IsCovered);
        });
        var contents = book.Sheets[1];
        foreach (var t in sample.Tables.Tables)
            Assert.Contains(contents.Rows, r => r[0].Text == t.SheetName && r[1].Text == t.Title);
        var notes = string.Join("\n", book.Sheets[2].Rows.Select(r => string.Join(" ", r.Select(c => c.Text))));
        Assert.Contains("[c] confidential", notes);
        Assert.Contains("[x] not available", notes);
        Assert.Contains("[z] not applicable", notes);
    }

    [Fact]
    public void The_section_figures_are_numbers_Stockport_36_and_its_share_of_GM()
    {
        var book = OdsReader.Read(sample.Ods);
        var facts = book.Sheets.Single(s => s.Name == "Table_1");
        var header = facts.Rows.Select((r, i) => (r, i)).First(x => x.r.Count > 0 && x.r[0].Text == "Figure").i;
        var district = sample.Result.District;
        var shareRow = facts.Rows.Skip(header + 1).Single(r => r[1].Text == district.ShareOfGm.Format(1));
        Assert.Equal(CellKind.Number, shareRow[3].Kind);
        Assert.Equal(district.Enquiries, shareRow[3].Number);    // numerator: 36
        Assert.Equal(district.GmEnquiries, shareRow[4].Number);
        Assert.Equal((double)district.ShareOfGm.Percent!.Value, shareRow[2].Number!.Value, 9);
        Assert.Contains(facts.Rows, r => r.Count > 4 && r[4].Kind == CellKind.Shorthand && r[4].Text == "[z]");
    }

    [Fact]
    public void Xlsx_read_back_by_ExcelDataReader_holds_the_same_tables_with_numbers_as_numbers()
    {
        var sheets = ReadXlsx(sample.Xlsx);
        Assert.Equal([.. FirstSheets, .. sample.Tables.Tables.Select(t => t.SheetName)], sheets.Select(s => s.Name));
        var types = sheets.Single(s => s.Rows[0][0] as string == sample.Result.District.District + " enquiries by exploitation type, April 2024 to March 2025");
        var largest = sample.Result.District.ExploitationTypes[0];
        var row = types.Rows.Single(r => r[0] as string == largest.Name);
        Assert.Equal((double)largest.Count, Assert.IsType<double>(row[1]));
        Assert.All(sheets, s => Assert.All(s.Rows, r => Assert.NotNull(r[0])));
        var formula = sheets.Single(s => s.Name == "Table_99");
        Assert.Equal("'" + SampleTables.Formula, formula.Rows[3][0]);
        Assert.Equal("[c]", formula.Rows[4][1]);
    }

    [Fact]
    public void The_same_tables_give_the_same_bytes()
    {
        var again = TablesJob.Tables(ContextJob.Compute(sample.Options), sample.Options);
        var first = TablesJob.Tables(sample.Result, sample.Options);
        Assert.Equal(TablesFiles.Ods(first), TablesFiles.Ods(again));
        Assert.Equal(TablesFiles.Xlsx(first), TablesFiles.Xlsx(again));
    }

    [Fact]
    public void LibreOffice_opens_both_files_and_converts_every_sheet_with_formulas_kept_as_text()
    {
        var soffice = new[] { "soffice", "libreoffice" }.SelectMany(n => (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator).Append("/usr/bin").Select(f => Path.Combine(f, n))).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("LibreOffice is not installed (apt-get install libreoffice-calc; .ci/run does it)");
        var outDir = Path.Combine(sample.Folder, "csv");
        var profile = new Uri(Path.Combine(sample.Folder, "lo-profile")).AbsoluteUri;   // its own profile: other runs may be open
        // Filter options: comma, double quote, UTF-8, from row 1, ..., -1 = every sheet to its own file.
        var info = new ProcessStartInfo(soffice)
        {
            ArgumentList = { $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", outDir, sample.Ods, sample.Xlsx },
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using (var p = Process.Start(info)!)
        {
            p.StandardOutput.ReadToEnd();
            p.StandardError.ReadToEnd();
            Assert.True(p.WaitForExit(120_000), "LibreOffice did not finish within two minutes");
        }
        foreach (var kind in new[] { "ods", "xlsx" })
        {
            var cover = File.ReadAllText(Path.Combine(outDir, $"tables-{kind}-Cover_sheet.csv"));
            Assert.Contains("Open Government Licence v3.0", cover);
            Assert.StartsWith("\"" + sample.Tables.Title.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", cover);
            var facts = File.ReadAllText(Path.Combine(outDir, $"tables-{kind}-Table_1.csv"));
            var district = sample.Result.District;
            Assert.Contains($",{district.Enquiries},{district.GmEnquiries},", facts);   // the share of GM's numerator and denominator
            var formula = File.ReadAllLines(Path.Combine(outDir, $"tables-{kind}-Table_99.csv"));
            Assert.Equal("'=1+1,3", formula[3]);
            Assert.Equal("'@SUM(A1),[c]", formula[4]);
        }
    }
}
