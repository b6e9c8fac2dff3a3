using System.Globalization;
using System.Text;
using Insights.Model;

namespace Insights.Tests.Samples;

/// <summary>
/// Generates data-samples/gmp/gmp-enquiries-synthetic.csv: a SYNTHETIC GMP enquiry extract, April 2023 to March
/// 2025, all ten GM districts. Stockport 2024/25 is laid out by hand so that it reproduces every figure of the
/// 2025/26 statement's Stockport context; everything else is drawn from a seeded random generator to make the
/// GM totals (612 in 2024/25, 155 of them without a district) and to look as messy as real extracts.
/// Deterministic: the same code gives the same bytes (a test checks the committed file).
/// </summary>
public static class SyntheticGmpExtract
{
    public const string FileName = "gmp-enquiries-synthetic.csv";
    public const string XlsxFileName = "gmp-enquiries-synthetic.xlsx";
    public const string XlsxSheet = "Enquiries";

    /// <summary>Headers of the XLSX variant, as a GMP analyst's export might name them (see columns-example.json).</summary>
    public static readonly string[] XlsxHeaders =
        ["Enquiry Ref", "Date Reported", "Division", "Exploitation Type", "Victim Age", "Victim Gender", "Victim Nationality"];
    const int Seed = 20250331;

    sealed record Row(DateOnly Date, string? District, string Type, int? Age, Gender Gender, string? Nationality);

    // Stockport 2024/25, one line per enquiry: type, age (null unknown), gender, nationality (null unknown).
    // 16 British (11 under 18), 5 Indian, 3 Vietnamese, 10 of seven other nationalities (none reaches 3), 2 unknown.
    // Age and gender both known for 34: 25 male (14 adult, 11 under 18), 9 female (5 adult, 4 under 18). The two
    // others (age unknown; gender unknown) have known non-British nationality, so "other nationalities" children
    // are 4 of 18 although only 17 of those 18 have a known age: the statement's denominator.
    static readonly (string Type, int? Age, Gender Gender, string? Nationality)[] StockportYear =
    [
        // British under 18: 8 male, 3 female
        ("Criminal exploitation", 15, Gender.Male, "British"),
        ("Criminal exploitation", 16, Gender.Male, "British"),
        ("Criminal exploitation", 17, Gender.Male, "British"),
        ("Criminal exploitation", 14, Gender.Male, "British"),
        ("Criminal exploitation", 16, Gender.Male, "British"),
        ("Criminal exploitation", 17, Gender.Male, "British"),
        ("Criminal exploitation", 15, Gender.Male, "British"),
        ("Criminal (cannabis cultivation)", 16, Gender.Male, "British"),
        ("Sexual exploitation", 15, Gender.Female, "British"),
        ("Sexual exploitation", 14, Gender.Female, "British"),
        ("Criminal exploitation", 17, Gender.Female, "British"),
        // British adults: 3 male (one exactly 18, the first adult age), 2 female
        ("Criminal exploitation", 18, Gender.Male, "British"),
        ("Labour exploitation", 34, Gender.Male, "British"),
        ("Criminal exploitation", 22, Gender.Male, "British"),
        ("Sexual exploitation", 27, Gender.Female, "British"),
        ("Domestic servitude", 41, Gender.Female, "British"),
        // Other nationalities under 18: 3 male, 1 female
        ("Criminal (cannabis cultivation)", 16, Gender.Male, "Vietnamese"),
        ("Criminal exploitation", 17, Gender.Male, "Albanian"),
        ("Criminal exploitation", 15, Gender.Male, "Eritrean"),
        ("Sexual exploitation", 16, Gender.Female, "Romanian"),
        // Other nationalities, adults: 10 male, 2 female
        ("Labour exploitation", 29, Gender.Male, "Indian"),
        ("Labour exploitation", 35, Gender.Male, "Indian"),
        ("Labour exploitation", 42, Gender.Male, "Indian"),
        ("Labour exploitation", 26, Gender.Male, "Indian"),
        ("Criminal exploitation", 31, Gender.Male, "Indian"),
        ("Criminal (cannabis cultivation)", 24, Gender.Male, "Vietnamese"),
        ("Criminal (cannabis cultivation)", 19, Gender.Male, "Vietnamese"),
        ("Labour exploitation", 38, Gender.Male, "Romanian"),
        ("Labour exploitation", 45, Gender.Male, "Polish"),
        ("Criminal exploitation", 23, Gender.Male, "Albanian"),
        ("Sexual exploitation", 28, Gender.Female, "Chinese"),
        ("Labour exploitation", 33, Gender.Female, "Sudanese"),
        // Nationality unknown, age and gender known: adults, 1 male, 1 female
        ("Criminal exploitation", 20, Gender.Male, null),
        ("Unknown", 37, Gender.Female, null),
        // Age unknown (male, Iranian); gender unknown (adult, Eritrean)
        ("Criminal exploitation", null, Gender.Male, "Iranian"),
        ("Labour exploitation", 30, Gender.Unknown, "Eritrean"),
    ];

    // Enquiries per district per financial year (2023/24, 2024/25) other than Stockport 2024/25 above.
    static readonly (string? District, int Year2023, int Year2024)[] Volumes =
    [
        ("Bolton", 38, 40), ("Bury", 22, 25), ("Manchester", 130, 140), ("Oldham", 42, 45), ("Rochdale", 37, 40),
        ("Salford", 40, 45), ("Stockport", 46, 0), ("Tameside", 28, 30), ("Trafford", 22, 21), ("Wigan", 35, 35),
        (null, 140, 155),
    ];

    static readonly (string Type, int Weight)[] Types =
    [
        ("Criminal exploitation", 40), ("Labour exploitation", 20), ("Sexual exploitation", 18),
        ("Criminal (cannabis cultivation)", 10), ("Domestic servitude", 5), ("Organ harvesting", 1), ("Unknown", 6),
    ];

    static readonly (string Nationality, int Weight)[] Nationalities =
    [
        ("British", 40), ("Vietnamese", 8), ("Albanian", 8), ("Romanian", 6), ("Eritrean", 5), ("Indian", 5),
        ("Sudanese", 4), ("Polish", 3), ("Chinese", 3), ("Iranian", 3), ("Nigerian", 2), ("Afghan", 2), ("Czech", 1),
    ];

    public static string Csv()
    {
        var rng = new Random(Seed);
        var rows = new List<Row>();
        foreach (var (district, y2023, y2024) in Volumes)
        {
            for (var i = 0; i < y2023; i++) rows.Add(RandomRow(rng, new FinancialYear(2023), district));
            for (var i = 0; i < y2024; i++) rows.Add(RandomRow(rng, new FinancialYear(2024), district));
        }
        foreach (var (type, age, gender, nationality) in StockportYear)
            rows.Add(new Row(RandomDate(rng, new FinancialYear(2024)), "Stockport", type, age, gender, nationality));

        var sb = new StringBuilder();
        sb.Append("EnquiryId,DateLogged,District,ExploitationType,Age,Gender,Nationality\r\n");
        var n = 0;
        // Sorted by date, as an extract would be; the sort is stable over the fixed generation order.
        foreach (var r in rows.OrderBy(r => r.Date))
        {
            n++;
            var id = string.Create(CultureInfo.InvariantCulture, $"SYN-{n:00000}");
            var fields = Fields(rng, id, r);
            sb.Append(string.Join(',', fields.Select(Quote))).Append("\r\n");
        }
        return sb.ToString();
    }

    /// <summary>The file's bytes: UTF-8 with a byte-order mark and CRLF, as Excel's "CSV UTF-8" saves it.</summary>
    public static byte[] Bytes() => [.. Encoding.UTF8.GetPreamble(), .. new UTF8Encoding(false).GetBytes(Csv())];

    /// <summary>
    /// The same enquiries as an XLSX workbook: a "Notes" sheet first (so the data sheet must be named), then
    /// "Enquiries" with renamed headers, real Excel date cells and numeric ages. Deterministic bytes (fixed zip times).
    /// </summary>
    public static void WriteXlsx(string path) => File.WriteAllBytes(path, XlsxBytes());

    public static byte[] XlsxBytes()
    {
        var rows = Insights.Sources.Csv.CsvReader.Parse(Csv()).Skip(1).Select(r => r.Fields).ToList();
        var data = new List<object?[]> { XlsxHeaders };
        foreach (var f in rows)
        {
            var date = DateOnly.ParseExact(f[1], ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture);
            object? age = int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : f[4].Length == 0 ? null : f[4];
            data.Add([f[0], date, f[2], f[3], age, f[5], f[6]]);
        }
        return XlsxTestFile.Bytes(
            ("Notes", [["SYNTHETIC data: not real enquiries. Generated by tests/Insights.Testing/Samples/SyntheticGmpExtract.cs; see README.md."]]),
            (XlsxSheet, data.ToArray()));
    }

    /// <summary>
    /// A synthetic extract of any size for benchmarks: the sample's columns, value lists, weights and messiness
    /// (case, stray spaces, both date formats, M/F, "Not recorded"), districts in the proportions of the sample's
    /// volumes over 2023/24 and 2024/25, ids unique. Streamed to <paramref name="writer"/> (a 10M-row extract is
    /// about 600 MB), deterministic for a seed. Not the committed sample: <see cref="Csv"/> is.
    /// </summary>
    public static void WriteScaled(TextWriter writer, int rows, int seed = Seed)
    {
        var rng = new Random(seed);
        (string? District, FinancialYear Year, int Weight)[] cells =
        [
            .. Volumes.Select(v => (v.District, new FinancialYear(2023), v.Year2023)),
            .. Volumes.Select(v => (v.District, new FinancialYear(2024), v.District == "Stockport" ? StockportYear.Length : v.Year2024)),
        ];
        var total = cells.Sum(c => c.Weight);
        writer.Write("EnquiryId,DateLogged,District,ExploitationType,Age,Gender,Nationality\r\n");
        for (var n = 1; n <= rows; n++)
        {
            var x = rng.Next(total);
            var cell = cells[0];
            foreach (var c in cells)
            {
                cell = c;
                if (x < c.Weight) break;
                x -= c.Weight;
            }
            var r = RandomRow(rng, cell.Year, cell.District);
            writer.Write(string.Join(',', Fields(rng, string.Create(CultureInfo.InvariantCulture, $"SYN-{n:00000000}"), r).Select(Quote)));
            writer.Write("\r\n");
        }
    }

    // One row's fields as written: both date formats, messy categories, the not-logged spellings.
    static string[] Fields(Random rng, string id, Row r) =>
    [
        id,
        rng.Next(2) == 0
            ? r.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.District is null ? Pick(rng, "", "Not recorded", "NOT RECORDED") : Messy(rng, r.District),
        r.Type == ExploitationType.UnknownName ? Pick(rng, "Unknown", "unknown", "") : Messy(rng, r.Type),
        r.Age is { } a ? a.ToString(CultureInfo.InvariantCulture) : Pick(rng, "", "", "Unknown"),
        r.Gender switch
        {
            Gender.Male => Pick(rng, "Male", "Male", "male", "M"),
            Gender.Female => Pick(rng, "Female", "Female", "female", "F"),
            _ => Pick(rng, "", "Unknown"),
        },
        r.Nationality is null ? Pick(rng, "", "Unknown", "Not known") : Messy(rng, r.Nationality),
    ];

    static Row RandomRow(Random rng, FinancialYear year, string? district)
    {
        var type = Weighted(rng, Types);
        var age = rng.Next(10) == 0 ? (int?)null : type is "Criminal exploitation" or "Criminal (cannabis cultivation)" && rng.Next(2) == 0
            ? rng.Next(13, 18) : rng.Next(16, 60);
        var gender = rng.Next(12) == 0 ? Gender.Unknown : rng.Next(10) < (type == "Sexual exploitation" ? 2 : 7) ? Gender.Male : Gender.Female;
        var nationality = rng.Next(12) == 0 ? null : Weighted(rng, Nationalities);
        return new Row(RandomDate(rng, year), district, type, age, gender, nationality);
    }

    static DateOnly RandomDate(Random rng, FinancialYear year) =>
        year.FirstDay.AddDays(rng.Next(year.LastDay.DayNumber - year.FirstDay.DayNumber + 1));

    static string Weighted(Random rng, (string Value, int Weight)[] choices)
    {
        var x = rng.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (x < weight) return value;
            x -= weight;
        }
        throw new InvalidOperationException("unreachable");
    }

    static string Pick(Random rng, params string[] options) => options[rng.Next(options.Length)];

    // Most values clean; some upper case, lower case or with stray spaces, as hand-keyed extracts are.
    static string Messy(Random rng, string value) => rng.Next(10) switch
    {
        0 => value.ToUpperInvariant(),
        1 => value.ToLowerInvariant(),
        2 => value + " ",
        3 => " " + value.Replace(" ", "  ", StringComparison.Ordinal),
        _ => value,
    };

    static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 || field != field.Trim()
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
