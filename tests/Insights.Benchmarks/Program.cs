using Insights.Outputs.Tables;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;
using ExcelDataReader;
using Insights.Sources;
using Sheet = Insights.Sources.Sheet;
using Insights.Sources.Ods;

// Measures our ODS reader against peers in the same run, on the same machine and the same table, so the result is
// a ratio that does not depend on how fast or busy the machine is:
//   - ExcelDataReader reading the same table saved as XLSX (a mature streaming spreadsheet reader), and
//   - XmlDocument loading the same content.xml into a DOM (the naive way to read ODS, with no grid built).
// Runs are interleaved and the median is reported, which tolerates other work on a shared machine.

// "dashboard": size, first paint and slicer change of dashboard.html in headless Chromium (DashboardBenchmark.cs).
if (args.Length > 0 && args[0] == "dashboard") return Insights.Benchmarks.DashboardBenchmark.Run(args[1..]);
// "extract": the district context on 10k, 1M and 10M-row extracts against DuckDB (ExtractBenchmark.cs).
if (args.Length > 0 && args[0] == "extract") return Insights.Benchmarks.ExtractBenchmark.Run(args[1..]);
if (args.Length > 0 && args[0] == "extract-run") return Insights.Benchmarks.ExtractBenchmark.RunOne(args[1..]);

// ExcelDataReader asks for code page 1252 even for XLSX; .NET Core has it only once registered.
System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
const int Columns = 30;

var folder = Path.Combine(Path.GetTempPath(), "insights-ods-benchmark");
Directory.CreateDirectory(folder);
var odsPath = Path.Combine(folder, "table.ods");
var xlsxPath = Path.Combine(folder, "table.xlsx");

var table = BuildTable(rows, Columns);
OdsWriter.Write(odsPath, [new SheetBuilder("Cover_sheet").Row("Benchmark table").Build(), table]);
WriteXlsx(xlsxPath, table);
byte[] contentXml;
using (var zip = ZipFile.OpenRead(odsPath))
using (var s = zip.GetEntry("content.xml")!.Open())
using (var m = new MemoryStream())
{
    s.CopyTo(m);
    contentXml = m.ToArray();
}

Console.WriteLine($"table: {rows:N0} rows x {Columns} columns ({(long)rows * Columns:N0} cells) and a title block");
Console.WriteLine($"ods {new FileInfo(odsPath).Length:N0} bytes (content.xml {contentXml.Length:N0}), xlsx {new FileInfo(xlsxPath).Length:N0} bytes");

// Every contender checks its result so no work can be optimised away and all read the same numbers.
var expectedSum = table.Rows.SelectMany(r => r).Where(c => c.Kind == CellKind.Number).Sum(c => c.Number!.Value);
var contenders = new (string Name, Func<double> Run)[]
{
    ("OdsReader (ours, .ods)", () => OdsReader.Read(odsPath).Sheets[1].Rows.SelectMany(r => r).Where(c => c.Kind == CellKind.Number).Sum(c => c.Number!.Value)),
    ("ExcelDataReader (.xlsx)", () => ReadXlsx(xlsxPath)),
    ("XmlDocument DOM of content.xml", () => LoadDom(odsPath)),
};

foreach (var (name, run) in contenders)
{
    var sum = run();   // warm-up (JIT) and correctness
    if (name != "XmlDocument DOM of content.xml" && Math.Abs(sum - expectedSum) > 1e-6 * Math.Abs(expectedSum))
        throw new InvalidOperationException($"{name} read a different table: sum {sum} instead of {expectedSum}");
}

var times = contenders.ToDictionary(c => c.Name, _ => new List<double>());
var allocations = contenders.ToDictionary(c => c.Name, _ => 0L);
for (var i = 0; i < runs; i++)
{
    foreach (var (name, run) in contenders)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        run();
        watch.Stop();
        allocations[name] += GC.GetAllocatedBytesForCurrentThread() - before;
        times[name].Add(watch.Elapsed.TotalMilliseconds);
    }
}

var ours = Median(times[contenders[0].Name]);
Console.WriteLine();
Console.WriteLine($"{"reader",-32} {"median ms",10} {"MiB allocated",14} {"ours / this",12}");
foreach (var (name, _) in contenders)
{
    var median = Median(times[name]);
    Console.WriteLine($"{name,-32} {median,10:F1} {allocations[name] / (double)runs / (1 << 20),14:F1} {ours / median,12:F2}");
}
Console.WriteLine($"({runs} interleaved runs after one warm-up; {Environment.ProcessorCount} processors; .NET {Environment.Version})");
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

// A table shaped like the NRM first-responder tables: outline labels in the first columns, counts to the right.
static Sheet BuildTable(int rows, int columns)
{
    var random = new Random(20240307);
    var builder = new SheetBuilder("Table_11")
        .Row("Table 11: NRM referrals by first responder, exploitation type, age at exploitation, gender and nationality")
        .Row("This worksheet contains one table.")
        .Row("Source: Home Office")
        .EmptyRows(2);
    builder.Row(Enumerable.Range(0, columns).Select(c => (object?)(c < 4 ? $"Label {c}" : $"Nationality {c}")).ToArray());
    string[] types = ["Criminal", "Labour", "Sexual", "Domestic servitude", "Not specified or unknown"];
    for (var r = 0; r < rows; r++)
    {
        var values = new object?[columns];
        values[0] = r % 50 == 0 ? $"Responder {r / 50}" : null;
        values[1] = r % 10 == 0 ? types[r / 10 % types.Length] : null;
        values[2] = r % 2 == 0 ? "Adult (18 or over)" : "Child (17 or under)";
        values[3] = r % 3 == 0 ? "Female" : "Male";
        for (var c = 4; c < columns; c++)
            values[c] = random.Next(4) == 0 ? null : random.Next(0, 2000);
        builder.Row(values);
    }
    return builder.Build();
}

static void WriteXlsx(string path, Sheet sheet)
{
    using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
    var workbookPart = document.AddWorkbookPart();
    workbookPart.Workbook = new X.Workbook();
    var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
    var data = new X.SheetData();
    foreach (var row in sheet.Rows)
    {
        var xlRow = new X.Row();
        for (var c = 0; c < row.Count; c++)
        {
            var cell = row[c];
            if (cell.Kind == CellKind.Empty) { xlRow.Append(new X.Cell()); continue; }
            xlRow.Append(cell.Kind == CellKind.Number
                ? new X.Cell { CellValue = new X.CellValue(cell.Number!.Value), DataType = X.CellValues.Number }
                : new X.Cell { InlineString = new X.InlineString(new X.Text(cell.Text)), DataType = X.CellValues.InlineString });
        }
        data.Append(xlRow);
    }
    worksheetPart.Worksheet = new X.Worksheet(data);
    workbookPart.Workbook.AppendChild(new X.Sheets(new X.Sheet
    {
        Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = sheet.Name,
    }));
}

static double ReadXlsx(string path)
{
    using var stream = File.OpenRead(path);
    using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
    var sum = 0.0;
    while (reader.Read())
        for (var c = 0; c < reader.FieldCount; c++)
            if (reader.GetValue(c) is double d) sum += d;
    return sum;
}

// The naive reader: unzip content.xml and load it whole into a DOM (no grid, no repeats handled yet).
static double LoadDom(string odsPath)
{
    var document = new XmlDocument { XmlResolver = null };
    using var zip = ZipFile.OpenRead(odsPath);
    using var stream = zip.GetEntry("content.xml")!.Open();
    using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
    document.Load(reader);
    return document.DocumentElement!.ChildNodes.Count;
}
