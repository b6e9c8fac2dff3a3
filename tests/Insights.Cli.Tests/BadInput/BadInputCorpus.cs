using System.Text;
using Insights.Sources;
using Insights.Tests.Samples;
using static Insights.Tests.BadInput.CaseFolder;

namespace Insights.Tests.BadInput;

/// <summary>
/// The corpus of messy and hostile inputs (issue 10). Each case is one run of <c>insights context</c> in process.
/// A refused input exits 1 with one line naming file, sheet, row and column, and leaves <c>--out</c> as it was; a
/// bad command line exits 2; an input that can be read with a warning exits 0 and says so. No case may print a
/// planted id, date or age, a terminal escape, or write a live link.
/// </summary>
public static class BadInputCorpus
{
    const string Esc = "\u001b";

    static BadInputCase Refused(string name, Func<CaseFolder, string[]> args, params string[] expected) => new(name, args, 1, expected);
    static BadInputCase Usage(string name, Func<CaseFolder, string[]> args, params string[] expected) => new(name, args, 2, expected);
    static BadInputCase Read(string name, Func<CaseFolder, string[]> args, params string[] expected) => new(name, args, 0, expected);

    static Func<CaseFolder, string[]> Row(string row) => f => Run(f.ExtractWith(row));
    static Func<CaseFolder, string[]> WithHeader(string header) => f => Run(f.Extract(header: header));

    public static readonly BadInputCase[] Cases =
    [
        // ---- invisible differences in headers and values: folded, so the run reads them
        Read("header with a line break (Alt+Enter)", f => Run(f.Extract(header: "EnquiryId,\"Date\nReported\",District,ExploitationType,Age,Gender,Nationality"),
            "--columns", f.File("map.json", """{"columns": {"DateLogged": "Date Reported"}}""")), "Bury, 2024-04-01 to 2025-03-31: 2 enquiries"),
        Read("header with a trailing line break", WithHeader("EnquiryId,\"DateLogged\r\n\",District,ExploitationType,Age,Gender,Nationality"), "2 enquiries"),
        Read("header with no-break spaces", WithHeader("EnquiryId,\u00a0DateLogged\u00a0,District,ExploitationType,Age,Gender,Nationality"), "2 enquiries"),
        Read("header with a zero-width space", WithHeader("EnquiryId,Date\u200bLogged,District,ExploitationType,Age,Gender,Nationality"), "2 enquiries"),
        Read("header with a byte-order mark in the middle", WithHeader("EnquiryId,DateLogged,Dis\ufefftrict,ExploitationType,Age,Gender,Nationality"), "2 enquiries"),
        Read("district with a zero-width space", Row($"{IdMarker}-9,2024-08-01,Bu\u200bry,Unknown,,,"), "3 enquiries"),
        Read("district with a no-break space and odd case", Row($"{IdMarker}-9,2024-08-01,\u00a0bURY\u00a0,Unknown,,,"), "3 enquiries"),
        Read("nationality with a bidi override", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male,\u202eBritish"), "3 enquiries"),
        Read("nationality with a control character", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male,Pol\u0001ish")) with { NeverShown = ["\u0001"] },
        Read("nationality with an embedded newline", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male,\"Alban\nian\"")),
        Read("exploitation type with a tab inside", Row($"{IdMarker}-9,2024-08-01,Bury,\"Labour\texploitation\",40,Male,Polish"), "3 enquiries"),

        // ---- markup, links and formulas in values: kept as text
        Read("nationality as a Markdown javascript link", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male,[x](javascript:alert())"))
            with { NeverInHtml = ["href=\"javascript:"] },
        Read("nationality as a Markdown https link", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male,[x](https://evil.example/)"))
            with { NeverInHtml = ["href=\"https://evil.example"] },
        Read("nationality as a Markdown image (tracking pixel)", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male,![x](https://evil.example/p.png)"))
            with { NeverInHtml = ["src=\"https://evil.example"] },
        Read("nationality as an HTML javascript link", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male,\"<a href=\"\"javascript:alert()\"\">x</a>\""))
            with { NeverInHtml = ["<a href=\"javascript:", "href=\"javascript:"] },
        Read("nationality as an HTML image with onerror", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male,<img src=x onerror=alert()>"))
            with { NeverInHtml = ["<img src=x"] },
        Read("exploitation type as a script element", Row($"{IdMarker}-9,2024-08-01,Bury,<script>alert()</script>,40,Male,Polish"), "warning gmp-unknown-exploitation-type")
            with { NeverInHtml = ["<script>alert()"] },
        Read("nationality as a HYPERLINK formula", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")),
        Read("exploitation type as a DDE formula", Row($"{IdMarker}-9,2024-08-01,Bury,-cmd|' /C calc'!A,40,Male,Polish"), "warning gmp-unknown-exploitation-type"),
        Read("gender starting with @", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,@SUM(A),Polish"), "warning gmp-unknown-gender"),
        Read("nationality with a terminal escape (clear screen)", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male,Pol{Esc}[J{Esc}[Hish")) with { NeverShown = [Esc] },
        Refused("gender with a window-title escape (digits: refused)", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,{Esc}]0;pwned\u0007Male,Polish"),
            "extract.csv, row 6, column F (Gender): a value containing digits where a gender was expected") with { NeverShown = [Esc, "\u0007", "pwned"] },
        Read("gender with a cursor escape", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,{Esc}[HMa{Esc}[Kle,Polish"), "warning gmp-unknown-gender") with { NeverShown = [Esc] },
        Refused("nationality as a javascript link with digits (refused, not quoted)", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male,[x](javascript:alert(1))"),
            "extract.csv, row 6, column G (Nationality): a value containing digits where a nationality was expected") with { NeverShown = ["javascript"] },
        Refused("district with a colour escape", Row($"{IdMarker}-9,2024-08-01,Bu{Esc}[31mry,Unknown,,,"), "extract.csv, row 6, column C (District)") with { NeverShown = [Esc] },

        // ---- files that are empty, cut short or not what they say
        Refused("empty file", f => Run(f.File("extract.csv", "")), "extract.csv", "empty"),
        Refused("byte-order mark only", f => Run(f.File("extract.csv", "\ufeff")), "extract.csv", "empty"),
        Refused("header only", f => Run(f.File("extract.csv", Header + "\n")), "extract.csv", "no rows"),
        Refused("header then blank lines", f => Run(f.File("extract.csv", Header + "\n\n,,,,,,\n\n")), "extract.csv", "no rows"),
        Refused("unterminated quote", f => Run(f.File("extract.csv", Header + "\n" + GoodRows[0] + "\n\"" + IdMarker + "-9,2024-08-01,Bury,Unknown,,,\n")), "extract.csv", "row 3"),
        Refused("a missing comma", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male"), "extract.csv, row 6", "6 fields, the header (row 1) has 7"),
        Refused("an extra comma", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,40,Male,Polish,"), "extract.csv, row 6", "8 fields"),
        Refused("binary data named .csv", f => Run(f.Bytes("extract.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])), "extract.csv"),
        Refused("an .xls workbook", f => Run(f.File("extract.xls", "not really")), "extract.xls", ".xls is Excel 97-2003: save it as .xlsx"),
        Refused("a .pdf", f => Run(f.File("extract.pdf", "%PDF-1.7")), "extract.pdf", "expected a .csv, .tsv, .txt, .xlsx, .ods or .parquet file"),
        Refused("file not found", f => Run(System.IO.Path.Combine(f.Path, "missing.csv")), "missing.csv: file not found"),
        // ---- Parquet extracts (issue 14): the same columns and checks as a CSV
        Read("Parquet extract of the good rows", f => Run(f.Parquet("extract.parquet")), "Bury, 2024-04-01 to 2025-03-31: 2 enquiries"),
        Refused("text named .parquet", f => Run(f.File("extract.parquet", Header + "\n" + GoodRows[0] + "\n")), "extract.parquet: not a Parquet file"),
        Refused("truncated Parquet extract", f => Run(f.Truncated("extract.parquet", f.Parquet("whole.parquet"))), "extract.parquet: not a Parquet file"),
        Refused("Parquet extract without a Nationality column", f => Run(f.Parquet("extract.parquet", drop: "Nationality")),
            "extract.parquet", "Nationality", "not found in the header row"),
        Refused("Parquet extract with DateLogged as numbers", f => Run(f.Parquet("extract.parquet", typed: ("DateLogged", group =>
            {
                using var writer = group.NextColumn().LogicalWriter<double>();
                writer.WriteBatch([45413.0, 45444.0, 45047.0, 45474.0]);   // Excel serials: not dates in Parquet
            }))), "extract.parquet, column DateLogged: a DOUBLE column; expected a DATE or TIMESTAMP column, or text dates"),
        Refused("a folder given as the extract", f => Run(f.Path + "/"), "file not found"),
        Refused("truncated XLSX extract", f =>
        {
            var whole = System.IO.Path.Combine(f.Path, "whole.xlsx");
            SyntheticGmpExtract.WriteXlsx(whole);
            return Run(f.Truncated("extract.xlsx", whole) + "#" + SyntheticGmpExtract.XlsxSheet);
        }, "extract.xlsx"),
        Refused("XLSX bomb: kilobytes that expand to 24 MiB", f => Run(f.XlsxBomb("bomb.xlsx")), "bomb.xlsx"),
        Refused("XLSX sheet named that is not there", f =>
        {
            var path = System.IO.Path.Combine(f.Path, "extract.xlsx");
            SyntheticGmpExtract.WriteXlsx(path);
            return Run(path + "#Enquires");
        }, "extract.xlsx, sheet Enquires: no such sheet (sheets: Notes, Enquiries)"),
        Refused("XLSX extract on a second sheet not named", f =>
        {
            var path = System.IO.Path.Combine(f.Path, "extract.xlsx");
            SyntheticGmpExtract.WriteXlsx(path);
            return Run(path);
        }, "extract.xlsx, sheet Notes, row 1", "no sheet was named, so the first sheet, Notes, was read", "extract.xlsx#Sheet"),
        Refused("truncated ODS release", f => Without(Run(Good(f), "--nrm", f.Truncated("release.ods", PublishedNrm)), PublishedNrm), "release.ods"),

        // ---- dates, ages and ids: refused at their row, never quoted
        Refused("impossible date 30 February", Row($"{IdMarker}-9,2024-02-30,Bury,Unknown,,,"), "extract.csv, row 6, column B (DateLogged): not a date") with { NeverShown = ["2024-02-30"] },
        Refused("impossible date 31/04/2024", Row($"{IdMarker}-9,31/04/2024,Bury,Unknown,,,"), "extract.csv, row 6, column B (DateLogged): not a date") with { NeverShown = ["31/04"] },
        Refused("month 13", Row($"{IdMarker}-9,2024-13-01,Bury,Unknown,,,"), "extract.csv, row 6, column B (DateLogged): not a date") with { NeverShown = ["2024-13"] },
        Refused("a date in words", Row($"{IdMarker}-9,ZQXDATE yesterday,Bury,Unknown,,,"), "extract.csv, row 6, column B (DateLogged): not a date") with { NeverShown = ["ZQXDATE"] },
        Refused("a mistyped future year", Row($"{IdMarker}-9,2204-04-04,Bury,Unknown,,,"), "extract.csv, row 6, column B (DateLogged): a date after the date of this run") with { NeverShown = ["2204"] },
        Refused("US dates", f => Run(f.File("us.csv", Header + $"\n{IdMarker}-1,05/04/2024,Bury,Unknown,,,\n{IdMarker}-2,04/25/2024,Bury,Unknown,,,\n")),
            "us.csv, row 3, column B (DateLogged): a date written month first", "--date-format MM/dd/yyyy") with { NeverShown = ["04/25", "05/04"] },
        Read("US dates with --date-format MM/dd/yyyy", f => Run(f.File("us.csv", Header + $"\n{IdMarker}-1,05/04/2024,Bury,Unknown,,,\n{IdMarker}-2,04/25/2024,Bury,Unknown,,,\n"), "--date-format", "MM/dd/yyyy"),
            "Bury, 2024-04-01 to 2025-03-31: 2 enquiries"),
        Refused("US and UK dates mixed", f => Run(f.File("mixed.csv", Header + $"\n{IdMarker}-1,25/04/2024,Bury,Unknown,,,\n{IdMarker}-2,04/26/2024,Bury,Unknown,,,\n")),
            "mixed.csv, row 3, column B (DateLogged): the column mixes month-first dates (this row) with day-first dates (row 2)") with { NeverShown = ["04/26", "25/04"] },
        Refused("age in words", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,ZQXAGE old,,"), "extract.csv, row 6, column E (Age): not an age") with { NeverShown = ["ZQXAGE"] },
        Refused("age 130", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,130,,"), "extract.csv, row 6, column E (Age): not an age") with { NeverShown = ["130"] },
        Refused("negative age", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,-7,,"), "extract.csv, row 6, column E (Age): not an age") with { NeverShown = ["-7"] },
        Refused("fractional age", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,12.5,,"), "extract.csv, row 6, column E (Age): not an age") with { NeverShown = ["12.5"] },
        Refused("blank id", Row(",2024-08-01,Bury,Unknown,,,"), "extract.csv, row 6, column A (EnquiryId): EnquiryId is blank"),
        Refused("an id in the district column", Row($"{IdMarker}-9,2024-08-01,ZQX-4471,Unknown,,,"), "extract.csv, row 6, column C (District): a value containing digits where a district was expected") with { NeverShown = ["4471"] },
        Refused("a date in the gender column", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,,1987-03-09,"), "extract.csv, row 6, column F (Gender): a date where a gender was expected") with { NeverShown = ["1987"] },
        Refused("an age in the nationality column", Row($"{IdMarker}-9,2024-08-01,Bury,Unknown,,,47"), "extract.csv, row 6, column G (Nationality): a number where a nationality was expected") with { NeverShown = ["47"] },
        Refused("a district outside the area", Row($"{IdMarker}-9,2024-08-01,Narnia,Unknown,,,"), "extract.csv, row 6, column C (District): 'Narnia' is not a Greater Manchester district"),

        // ---- columns: missing, twice, mapped wrongly
        Refused("a column missing", WithHeader("EnquiryId,DateLogged,District,ExploitationType,Age,Gender,Nation"), "extract.csv, row 1", "column 'Nationality' not found in the header row"),
        Refused("a header twice", f => Run(f.File("extract.csv", Header + ",District\n" + string.Join("\n", GoodRows.Select(r => r + ",Bury")) + "\n")),
            "extract.csv, row 1, column H (District): two columns are headed 'District' (C and H)"),
        Refused("two mapped columns to one header", f => Run(
            f.File("extract.csv", "EnquiryId,DateLogged,Division,ExploitationType,Age,Gender,Nationality\n" + string.Join("\n", GoodRows) + "\n"),
            "--columns", f.File("map.json", """{"columns": {"District": "Division", "Nationality": "Division"}}""")),
            "extract.csv, row 1, column C (Nationality): District and Nationality both read the column headed 'Division'"),
        Refused("a column map that is not JSON", f => Run(f.ExtractWith($"{IdMarker}-9,2024-08-01,Bury,Unknown,,,"), "--columns", f.File("map.json", "{columns: District=Division")), "map.json"),
        Refused("a column map pointing a category at the ages", f => Run(
            f.File("extract.csv", "EnquiryId,DateLogged,District,ExploitationType,Years,Gender,Nationality\n" + string.Join("\n", GoodRows.Take(3)) + "\n"),
            "--columns", f.File("map.json", """{"columns": {"Age": "Years", "Nationality": "Years"}}""")),
            "extract.csv, row 1, column E (Nationality)", "values are numbers, dates or other values with digits") with { NeverShown = ["30", "15", "25"] },

        // ---- repeated and duplicated rows: counted once, with a warning
        Read("a huge run of repeated rows", f => Run(f.Extract(rows: [.. Enumerable.Repeat($"{IdMarker}-9,2024-08-01,Bury,Unknown,,,", 20_000)])),
            "warning gmp-repeated-row: 19999 rows repeat an earlier row in every column", "3 enquiries"),
        Read("one id on two different rows", Row($"{IdMarker}-1,2024-08-01,Bury,Unknown,,,"), "warning gmp-duplicate-id: 1 EnquiryId value appears more than once"),
        Read("the same extract given twice", f => { var e = f.ExtractWith($"{IdMarker}-9,2024-08-01,Bury,Unknown,,,"); return Run(e, "--gmp", e); },
            "warning gmp-repeated-row: 5 rows repeat an earlier row"),

        // ---- separators and encodings people's programs write
        Read("semicolon CSV with quoted fields", f => Run(f.File("extract.csv", Lines(r => string.Join(';', r.Split(',').Select(v => $"\"{v}\""))))), "2 enquiries"),
        Read("tab-separated", f => Run(f.File("extract.tsv", Lines(r => r.Replace(',', '\t')))), "2 enquiries"),
        Read("UTF-16 without a byte-order mark", f => Run(f.Bytes("extract.csv", new UnicodeEncoding(false, false).GetBytes(Lines(r => r)))), "2 enquiries"),
        Read("Windows-1252", f => Run(f.Bytes("extract.csv", Encoding.Latin1.GetBytes(Lines(r => r) + $"{IdMarker}-9,2024-08-01,Bury,Unknown,,,Côte d'Ivoire\n"))), "3 enquiries"),

        // ---- NRM releases: moved, renamed, edited, mixed with other files
        Read("NRM Table_2 renamed", f => Without(Run(Good(f), "--nrm", f.Nrm("release.ods", s => s.Select(x => x.Name == "Table_2" ? x with { Name = "Referrals by quarter" } : x).ToList())), PublishedNrm),
            "National, October to December 2023"),
        Read("NRM Table_2 moved to the end", f => Without(Run(Good(f), "--nrm", f.Nrm("release.ods", s => [.. s.Where(x => x.Name != "Table_2"), s.Single(x => x.Name == "Table_2")])), PublishedNrm),
            "National, October to December 2023"),
        Refused("NRM empty row inside Table_2", f => Without(Run(Good(f), "--nrm", f.Nrm("release.ods", s => EditSheet(s, "Table_2", rows => { rows.Insert(8, []); return rows; }))), PublishedNrm),
            "release.ods, sheet Table_2, row 9", "an empty row inside the table"),
        Refused("NRM duplicated quarter", f => Without(Run(Good(f), "--nrm", f.Nrm("release.ods", s => EditSheet(s, "Table_2", rows =>
            {
                rows[8] = [rows[8][0], Cell.FromText("Q2"), .. rows[8].Skip(2)];
                return rows;
            }))), PublishedNrm),
            "release.ods, sheet Table_2, row 9, column B: duplicated quarter: 2009 Q2 appears twice"),
        Refused("NRM annual total that disagrees with its quarters", f => Without(Run(Good(f), "--nrm", f.Nrm("release.ods", s => EditSheet(s, "Table_2", rows =>
            {
                rows[6] = [rows[6][0], rows[6][1], new Cell(CellKind.Number, "4", 4), .. rows[6].Skip(3)];
                return rows;
            }))), PublishedNrm),
            "release.ods, sheet Table_2, row 7, column C"),
        Read("NRM release without first-responder tables", f => Without(Run(Good(f), "--nrm", f.Nrm("release.ods", s => s.Where(x => x.Name is not ("Table_11" or "Table_12" or "Table_13" or "Table_14")).ToList())), PublishedNrm),
            "warning nrm-no-first-responder-tables", "release.ods"),
        Read("NRM header UK renamed United Kingdom", f => Without(Run(Good(f), "--nrm", f.Nrm("release.ods", s => s.Select(x => x.Name.StartsWith("Table_1", StringComparison.Ordinal)
                ? x with { Rows = x.Rows.Select(r => (IReadOnlyList<Cell>)r.Select(c => c.Text == "UK" ? Cell.FromText("United Kingdom") : c).ToList()).ToList() } : x).ToList())), PublishedNrm),
            "warning nrm-no-uk-column: release.ods, sheet Table_11, row 6, column A: the first-responder table has no nationality column headed 'UK'"),
        Read("NRM folder holding the extract beside the release", f =>
        {
            var folder = Directory.CreateDirectory(System.IO.Path.Combine(f.Path, "releases")).FullName;
            File.Copy(PublishedNrm, System.IO.Path.Combine(folder, "release.ods"));
            File.WriteAllText(System.IO.Path.Combine(folder, "gmp-extract.csv"), Header + "\n" + string.Join("\n", GoodRows) + "\n");
            return Without(Run(Good(f), "--nrm", folder), PublishedNrm);
        }, "warning nrm-file-skipped", "gmp-extract.csv"),
        Refused("NRM folder with no release", f =>
        {
            var folder = Directory.CreateDirectory(System.IO.Path.Combine(f.Path, "releases")).FullName;
            File.WriteAllText(System.IO.Path.Combine(folder, "notes.txt"), "nothing here");
            return Without(Run(Good(f), "--nrm", folder), PublishedNrm);
        }, "releases"),
        Refused("the extract given as the NRM release", f => Without(Run(Good(f), "--nrm", Good(f)), PublishedNrm), "extract.csv"),

        // ---- the command line
        Usage("--out empty", f => Run(Good(f), "--out", ""), "--out: an empty value (expected folder)"),
        Usage("--gmp empty", f => ["--nrm", PublishedNrm, "--gmp", ""], "--gmp: an empty value (expected file)"),
        Usage("--nrm empty", f => ["--nrm", "", "--gmp", Good(f)], "--nrm: an empty value (expected file-or-folder)"),
        Usage("--district empty", f => ["--nrm", PublishedNrm, "--gmp", Good(f), "--district", " "], "--district: an empty value (expected name)"),
        Usage("--date-format unknown", f => Run(Good(f), "--date-format", "dd.MM.yy"), "--date-format: 'dd.MM.yy' is not a date format"),
        Usage("--year malformed", f => [.. Run(Good(f)).Where(a => a != "2024/25" && a != "--year"), "--year", "2024/26"], "--year: '2024/26' is not a financial year"),
        Refused("--district outside the area", f => ["--nrm", PublishedNrm, "--gmp", Good(f), "--district", "Narnia"], "--district: 'Narnia' is not a Greater Manchester district"),
        Refused("--out under a file", f => Run(Good(f), "--out", System.IO.Path.Combine(f.File("a-file", "x"), "out")), "--out"),
    ];

    static string Good(CaseFolder f) => f.Extract();

    /// <summary>The header and good rows, each rewritten by <paramref name="row"/>, one a line.</summary>
    static string Lines(Func<string, string> row) => string.Join("\n", new[] { Header }.Concat(GoodRows).Select(row)) + "\n";

    // The runs on an edited release give it as their only --nrm.
    static string[] Without(string[] args, string nrm)
    {
        var list = args.ToList();
        var at = list.IndexOf(nrm);
        if (at > 0 && list[at - 1] == "--nrm") list.RemoveRange(at - 1, 2);
        return [.. list];
    }
}
