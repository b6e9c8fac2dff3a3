using System.IO.Compression;
using System.Text;
using Insights.Outputs.Tables;
using Insights.Sources;
using Insights.Sources.Ods;

namespace Insights.Tests.BadInput;

/// <summary>
/// One bad input run through <c>insights context</c>: the files it writes, the arguments, and what must follow:
/// the exit code, the parts of the message (file, sheet, row, column) or warning expected, text that must never
/// reach the console or a text output (a planted id, date or age, an escape character) and markup that must never
/// reach an HTML output (a live link or image).
/// </summary>
public sealed record BadInputCase(
    string Name,
    Func<CaseFolder, string[]> Arguments,
    int ExitCode,
    string[] Expected,
    string[]? NeverShown = null,
    string[]? NeverInHtml = null)
{
    public override string ToString() => Name;
}

/// <summary>The temporary folder of one case, with the inputs a case writes into it.</summary>
public sealed class CaseFolder(string path)
{
    public string Path { get; } = path;

    public const string Header = "EnquiryId,DateLogged,District,ExploitationType,Age,Gender,Nationality";

    /// <summary>Ids planted in every extract: an id must never reach the console or an output.</summary>
    public const string IdMarker = "ZQXID";

    /// <summary>Good rows: Bury in 2023/24 and 2024/25, and one Bolton enquiry, so an unbroken extract runs.</summary>
    public static readonly string[] GoodRows =
    [
        $"{IdMarker}-1,2024-05-01,Bury,Labour exploitation,30,Male,Polish",
        $"{IdMarker}-2,2024-06-01,Bury,Criminal exploitation,15,Male,British",
        $"{IdMarker}-3,2023-05-01,Bury,Sexual exploitation,25,Female,Albanian",
        $"{IdMarker}-4,2024-07-01,Bolton,Unknown,,,",
    ];

    public static string PublishedNrm => global::Insights.Pipeline.Samples.PathOf("nrm", "nrm-2023-q4-tables.ods");

    public string File(string name, string text, Encoding? encoding = null)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string Bytes(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>An extract: the header (or another), the good rows, then <paramref name="rows"/>.</summary>
    public string Extract(string name = "extract.csv", string header = Header, params string[] rows) =>
        File(name, string.Join("\n", [header, .. GoodRows, .. rows]) + "\n");

    /// <summary>The good rows as a Parquet file, every column text (as the CSV has them) unless
    /// <paramref name="typed"/> gives a column its own values; <paramref name="drop"/> leaves a column out.</summary>
    public string Parquet(string name, string? drop = null, (string Column, Action<ParquetSharp.RowGroupWriter> Write)? typed = null)
    {
        var header = Header.Split(',');
        var rows = GoodRows.Select(r => r.Split(',')).ToList();
        var kept = Enumerable.Range(0, header.Length).Where(i => header[i] != drop).ToList();
        var path = System.IO.Path.Combine(Path, name);
        using var file = new ParquetSharp.ParquetFileWriter(path, [.. kept.Select(i => header[i] == typed?.Column
            ? (ParquetSharp.Column)new ParquetSharp.Column<double>(header[i]) : new ParquetSharp.Column<string>(header[i]))]);
        using (var group = file.AppendRowGroup())
            foreach (var i in kept)
            {
                if (header[i] == typed?.Column) { typed.Value.Write(group); continue; }
                using var writer = group.NextColumn().LogicalWriter<string>();
                writer.WriteBatch([.. rows.Select(r => r[i])]);
            }
        file.Close();
        return path;
    }

    /// <summary>The good extract with one row appended (row 6 of the file).</summary>
    public string ExtractWith(string row) => Extract(rows: row);

    /// <summary>The arguments of a run on the published Q4 2023 release, Bury, 2024/25.</summary>
    public static string[] Run(string gmp, params string[] more) =>
        ["--nrm", PublishedNrm, "--gmp", gmp, "--district", "Bury", "--year", "2024/25", .. more];

    /// <summary>The published Q4 2023 release with its sheets edited, written as an ODS.</summary>
    public string Nrm(string name, Func<List<Sheet>, List<Sheet>> edit)
    {
        var sheets = edit(OdsReader.Read(PublishedNrm).Sheets.ToList());
        var path = System.IO.Path.Combine(Path, name);
        OdsWriter.Write(path, sheets);
        return path;
    }

    /// <summary>The first <paramref name="fraction"/> of a file's bytes: a download cut short.</summary>
    public string Truncated(string name, string source, double fraction = 0.5)
    {
        var bytes = System.IO.File.ReadAllBytes(source);
        return Bytes(name, bytes[..(int)(bytes.Length * fraction)]);
    }

    /// <summary>
    /// An XLSX of a few kilobytes whose sheet expands to tens of megabytes (a comment of one repeated letter):
    /// refused by the shared workbook limits before anything is allocated.
    /// </summary>
    public string XlsxBomb(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        XlsxTestFile.Write(path, ("Enquiries", [[.. Header.Split(',')]]));
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        string xml;
        using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
        var full = entry.FullName;
        entry.Delete();
        var bomb = zip.CreateEntry(full, CompressionLevel.Optimal);
        using var writer = new StreamWriter(bomb.Open(), new UTF8Encoding(false));
        var at = xml.LastIndexOf("</", StringComparison.Ordinal);
        writer.Write(xml[..at]);
        writer.Write("<!--");
        var block = new string('a', 1 << 20);
        for (var i = 0; i < 24; i++) writer.Write(block);   // 24 MiB
        writer.Write("-->");
        writer.Write(xml[at..]);
        return path;
    }

    /// <summary>A copy of the rows of each sheet, with <paramref name="edit"/> applied to the sheet named.</summary>
    public static List<Sheet> EditSheet(List<Sheet> sheets, string name, Func<List<IReadOnlyList<Cell>>, List<IReadOnlyList<Cell>>> edit) =>
        sheets.Select(s => s.Name == name ? s with { Rows = edit(s.Rows.ToList()) } : s).ToList();

    public static int RowWith(List<IReadOnlyList<Cell>> rows, Func<IReadOnlyList<Cell>, bool> match) => rows.FindIndex(r => match(r));

    public static bool Holds(IReadOnlyList<Cell> row, int column, string text) => column < row.Count && row[column].Text == text;
}
