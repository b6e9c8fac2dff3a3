using Insights.Outputs.Tables;
using System.Globalization;
using Insights.Model;
using Insights.Sources;
using Insights.Sources.Nrm;
using Insights.Sources.Ods;

namespace Insights.Tests;

/// <summary>
/// Builds the NRM sample workbooks of <c>data-samples/nrm/</c>, laid out as the Home Office publishes them (cover,
/// contents and notes sheets, then Table_n sheets with title rows above the header, outline blocks whose blanks mean
/// "same as above", wide nationality columns, Table_2 with the year only on each annual-total row). The 2023 Q1 and
/// Q4 workbooks carry the real figures of the long CSVs in <c>data-samples/nrm/published/</c>; the 2025 Q2 workbook
/// is reconstructed from the figures the Stockport statement quotes, with invented figures filling the layout
/// (data-samples/nrm/README.md lists which are which). Deterministic: the same inputs give the same bytes.
/// Regenerate with <c>dotnet run --project tests/Insights.SampleWriter</c>.
/// </summary>
public static class NrmSampleWorkbooks
{
    public const string Q1_2023 = "nrm-2023-q1-tables.ods";
    public const string Q4_2023 = "nrm-2023-q4-tables.ods";
    public const string Q2_2025 = "nrm-2025-q2-tables-reconstructed.ods";

    public const string Source = "Source: Home Office, National Referral Mechanism statistics (Open Government Licence v3.0)";

    // The published layout's words (docs/nrm.md, "The published layout"), typed here as the Home Office writes them
    // rather than taken from the reader, so that a reader that misreads the layout disagrees with these workbooks.
    const string Total = "Total";
    const string Adult = "Adult (18 or over)", Child = "Child (17 or under)", AgeUnknownSeries = "Age not specified or unknown";
    const string NotSpecified = "Not specified or unknown", Male = "Male", Female = "Female";
    static readonly string[] SeriesAgeGroups = [Adult, Child, AgeUnknownSeries];
    /// <summary>The location columns of each age group in Table_2, its total last.</summary>
    static readonly string[] SeriesLocations = ["Overseas", "UK", "UK and Overseas", NotSpecified, Total];
    static readonly string[] ResponderTypes = ["Government agency", "NGO and third sector", "Local Authority", "Police"];
    static string TypeTotal(string type) => type + " total";
    static bool IsTypeTotal(string responder) => responder.EndsWith(" total", StringComparison.Ordinal);

    public sealed record LongRow(string Type, string Responder, string Expl, string Age, string Gender, string Nationality, int People);
    public sealed record SeriesRow(Quarter Quarter, string Age, string Location, int People);

    public static IReadOnlyDictionary<string, IReadOnlyList<Sheet>> All(string publishedFolder) => new Dictionary<string, IReadOnlyList<Sheet>>
    {
        [Q1_2023] = Release2023Q1(publishedFolder),
        [Q4_2023] = Release2023Q4(publishedFolder),
        [Q2_2025] = Release2025Q2(),
    };

    // ---------- real releases ----------

    public static IReadOnlyList<Sheet> Release2023Q4(string published)
    {
        var series = ReadSeries(Path.Combine(published, "nrm-referrals-by-quarter-2023-q4-release.csv"));
        var responders = ReadLong(Path.Combine(published, "nrm-first-responder-referrals-2023-q4.csv"));
        return Workbook(new Quarter(2023, 4), "7 March 2024", real: true, SeriesSheet("Table_2", 2, series, titleRows: 5, trap: false),
            ResponderSheets(responders, firstTable: 11, new Quarter(2023, 4)));
    }

    /// <summary>
    /// The Q1 2023 release. Its first-responder tables are real. Its Table_2 is rebuilt: the quarters up to 2022 Q3
    /// and 2022 Q1 as revised in the Q4 2023 release, 2022 Q4 set to the 4,416 this release published, 2023 Q1 to
    /// the 4,746 it published with the age split of its first-responder tables; and, as published, no 2023 annual
    /// row, so a naive fill-down labels 2023 Q1 as 2022.
    /// </summary>
    public static IReadOnlyList<Sheet> Release2023Q1(string published)
    {
        var later = ReadSeries(Path.Combine(published, "nrm-referrals-by-quarter-2023-q4-release.csv"));
        var responders = ReadLong(Path.Combine(published, "nrm-first-responder-referrals-2023-q1.csv"));
        var q1 = new Quarter(2023, 1);
        var series = later.Where(s => s.Quarter <= q1).ToList();
        // Differences between the two vintages go to "location not specified or unknown" (their split is not in our data).
        Adjust(series, new Quarter(2022, 4), AgeUnknownSeries, 3);
        var ages = responders.Where(r => !IsTypeTotal(r.Responder) && r.Expl != Total && r.Age != Total
                && r.Gender == Total && r.Nationality == Total)
            .GroupBy(r => r.Age).ToDictionary(g => g.Key, g => g.Sum(r => r.People));
        foreach (var (age, frAge) in new[] { (Adult, Adult), (Child, Child), (AgeUnknownSeries, NotSpecified) })
            Adjust(series, q1, age, ages[frAge] - series.Single(s => s.Quarter == q1 && s.Age == age && s.Location == Total).People);
        return Workbook(q1, "4 May 2023", real: true, SeriesSheet("Table_2", 2, series, titleRows: 5, trap: true),
            ResponderSheets(responders, firstTable: 11, q1));
    }

    static void Adjust(List<SeriesRow> series, Quarter quarter, string age, int by)
    {
        if (by == 0) return;
        foreach (var location in new[] { NotSpecified, Total })
        {
            var i = series.FindIndex(s => s.Quarter == quarter && s.Age == age && s.Location == location);
            series[i] = series[i] with { People = series[i].People + by };
        }
    }

    // ---------- reconstructed 2025 Q2 release ----------

    /// <summary>Quarter totals after 2023: the statement's 4,312 (2024 Q2), 5,295 (2025 Q1) and 5,690 (2025 Q2); the others invented.</summary>
    static readonly (Quarter Quarter, int Adults, int Children, int Unknown)[] Recent =
    [
        (new Quarter(2024, 1), 2240, 1900, 310),   // invented (4,450)
        (new Quarter(2024, 2), 2190, 1830, 292),   // total 4,312 published; split invented
        (new Quarter(2024, 3), 2320, 1950, 310),   // invented (4,580)
        (new Quarter(2024, 4), 2480, 2060, 330),   // invented (4,870)
        (new Quarter(2025, 1), 3390, 1580, 325),   // total 5,295 published; split invented
        (new Quarter(2025, 2), 3738, 1602, 350),   // total 5,690 published; 70% / 30% where age known as published
    ];

    // Nationality by age in 2025 Q2: UK 1,309 (23%) with 1,008 children (77%), Eritrean 640 and Vietnamese 612
    // (both 11%, Eritrean ranked first by count) as the statement has them; the rest invented to fill the layout.
    static readonly (string Nationality, int Adults, int Children, int Unknown)[] Nationalities2025 =
    [
        ("UK", 281, 1008, 20), ("Eritrean", 560, 70, 10), ("Vietnamese", 420, 180, 12), ("Albanian", 470, 50, 20),
        ("Sudanese", 330, 40, 10), ("Afghan", 260, 90, 10), ("Iranian", 230, 40, 10), ("Iraqi", 200, 30, 10),
        ("Indian", 280, 10, 10), ("Chinese", 190, 5, 5), ("Romanian", 140, 5, 5), ("Nigerian", 110, 5, 5),
        ("Albanian UK", 5, 15, 0), ("Unknown", 262, 54, 223),
    ];

    // Exploitation type by age: criminal exploitation two-thirds children (1,000 of 1,500), adults the majority of
    // every other type, as the statement says; the counts themselves invented.
    static readonly (string Type, int Adults, int Children, int Unknown)[] Exploitation2025 =
    [
        ("Criminal", 470, 1000, 30), ("Labour", 1200, 250, 70), ("Sexual", 420, 180, 30), ("Domestic", 120, 22, 8),
        ("Labour & Criminal", 300, 50, 20), ("Sexual & Labour", 328, 0, 12), (NotSpecified, 900, 100, 180),
    ];

    static readonly (string Type, (string Name, int Weight)[] Responders, int Weight)[] Responders2025 =
    [
        ("Government agency", [("Home Office - UK Visas and Immigration UKVI", 3), ("Home Office - Immigration Enforcement IE", 2)], 45),
        ("NGO and third sector", [("The Salvation Army", 3), ("Migrant Help", 2)], 5),
        ("Local Authority", [("Local Authority", 1)], 27),
        ("Police", [("Metropolitan Police Service", 3), ("Greater Manchester Police", 2)], 23),
    ];

    public static IReadOnlyList<Sheet> Release2025Q2()
    {
        var q = new Quarter(2025, 2);
        var series = ReadSeriesFromRepository().Where(s => s.Quarter <= new Quarter(2023, 4)).ToList();
        foreach (var (quarter, adults, children, unknown) in Recent)
            foreach (var (age, n) in new[] { (Adult, adults), (Child, children), (AgeUnknownSeries, unknown) })
            {
                // Location split invented: UK 55%, overseas 30%, both 15%.
                var parts = Split(n, [55, 30, 15]);
                series.Add(new(quarter, age, "Overseas", parts[1]));
                series.Add(new(quarter, age, "UK", parts[0]));
                series.Add(new(quarter, age, "UK and Overseas", parts[2]));
                series.Add(new(quarter, age, NotSpecified, 0));
                series.Add(new(quarter, age, Total, n));
            }

        var leaves = new List<LongRow>();
        foreach (var (age, pick) in new (string, Func<(string, int, int, int), int>)[]
                 { (Adult, t => t.Item2), (Child, t => t.Item3), (NotSpecified, t => t.Item4) })
        {
            // North-west corner fill: an integer nationality × exploitation table with both margins as given.
            var supply = Nationalities2025.Select(n => pick(n)).ToArray();
            var demand = Exploitation2025.Select(e => pick(e)).ToArray();
            if (supply.Sum() != demand.Sum()) throw new InvalidOperationException($"margins of {age} differ: {supply.Sum()} vs {demand.Sum()}");
            int i = 0, j = 0;
            while (i < supply.Length && j < demand.Length)
            {
                var n = Math.Min(supply[i], demand[j]);
                if (n > 0) AddLeaves(leaves, Nationalities2025[i].Nationality, age, Exploitation2025[j].Type, n);
                supply[i] -= n; demand[j] -= n;
                if (supply[i] == 0) i++; else j++;
            }
        }
        var responders = WithTotals(leaves);
        var sheets = new List<Sheet> { SeriesSheet("Table_2", 2, series, titleRows: 6, trap: false), CountySheet(q) };
        sheets.AddRange(ResponderSheets(responders, firstTable: 13, q));
        return Workbook(q, null, real: false, sheets[0], sheets.Skip(1).ToList());
    }

    static void AddLeaves(List<LongRow> leaves, string nationality, string age, string expl, int n)
    {
        var typeParts = Split(n, Responders2025.Select(r => r.Weight).ToArray());
        for (var t = 0; t < Responders2025.Length; t++)
        {
            var (type, responders, _) = Responders2025[t];
            var responderParts = Split(typeParts[t], responders.Select(r => r.Weight).ToArray());
            for (var r = 0; r < responders.Length; r++)
            {
                // Gender invented: about three in four male.
                var gender = Split(responderParts[r], [75, 25]);
                if (gender[0] > 0) leaves.Add(new(type, responders[r].Name, expl, age, Male, nationality, gender[0]));
                if (gender[1] > 0) leaves.Add(new(type, responders[r].Name, expl, age, Female, nationality, gender[1]));
            }
        }
    }

    /// <summary>Splits n by integer weights with cumulative rounding down: the parts always add up to n.</summary>
    static int[] Split(int n, int[] weights)
    {
        var total = weights.Sum();
        var parts = new int[weights.Length];
        var before = 0;
        var cumulative = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            var upTo = i == weights.Length - 1 ? n : (int)((long)n * cumulative / total);
            parts[i] = upTo - before;
            before = upTo;
        }
        return parts;
    }

    /// <summary>Leaves (by gender) with every subtotal the published outline shows, as in the long files.</summary>
    static List<LongRow> WithTotals(List<LongRow> leaves)
    {
        var sums = new Dictionary<(string, string, string, string, string, string), int>();
        var order = new List<(string, string, string, string, string, string)>();
        void Add((string, string, string, string, string, string) key, int n)
        {
            if (!sums.ContainsKey(key)) { sums[key] = 0; order.Add(key); }
            sums[key] += n;
        }
        const string T = Total;
        foreach (var l in leaves)
            foreach (var nat in new[] { l.Nationality, T })
            {
                Add((l.Type, TypeTotal(l.Type), T, T, T, nat), l.People);
                if (l.Type != "Local Authority") Add((l.Type, l.Responder, T, T, T, nat), l.People);
                Add((l.Type, l.Responder, l.Expl, T, T, nat), l.People);
                Add((l.Type, l.Responder, l.Expl, l.Age, T, nat), l.People);
                Add((l.Type, l.Responder, l.Expl, l.Age, l.Gender, nat), l.People);
            }
        return order.Select(k => new LongRow(k.Item1, k.Item2, k.Item3, k.Item4, k.Item5, k.Item6, sums[k])).ToList();
    }

    // ---------- sheets ----------

    static IReadOnlyList<Sheet> Workbook(Quarter quarter, string? published, bool real, Sheet series, IReadOnlyList<Sheet> others)
    {
        var cover = new SheetBuilder("Cover_sheet")
            .Row($"Modern Slavery: National Referral Mechanism and Duty to Notify statistics UK, Quarter {quarter.Number} {quarter.Year} – {quarter.InWords}")
            .Row(real
                ? "Sample laid out as published, built from the Home Office's published figures (see data-samples/nrm/README.md); not the original file."
                : "RECONSTRUCTED SAMPLE, not a Home Office publication: the figures the Stockport statement quotes are real, the rest invented to fill the layout (see data-samples/nrm/README.md).")
            .Row()
            .Row(published is null ? "Published" : $"Published: {published}", published is null ? "not stated (reconstructed)" : null)
            .Row(Source)
            .Row("Contact: see data-samples/nrm/README.md");
        var tables = new List<Sheet> { series };
        tables.AddRange(others);
        var contents = new SheetBuilder("Table_of_contents").Row("Table of contents").Row("Sheet name", "Table title");
        foreach (var t in tables) contents.Row(t.Name, t.Rows[0][0].Text);
        var notes = new SheetBuilder("Notes").Row("Notes").Row("Note number", "Note text")
            .Row("note 1", "Figures are for potential victims referred into the NRM in each period; earlier quarters are revised in each release.")
            .Row("note 2", "Dual nationals are shown in their own column (e.g. \"Albanian UK\").");
        return [cover.Build(), contents.Build(), notes.Build(), .. tables];
    }

    static Sheet SeriesSheet(string name, int number, List<SeriesRow> series, int titleRows, bool trap)
    {
        var ages = SeriesAgeGroups;
        var b = new SheetBuilder(name)
            .Row($"Table {number}: NRM referrals by year, quarter, age at exploitation and location of exploitation")
            .Row("This worksheet contains one table. Year is shown on the first row of each year, which is that year's total.")
            .Row(Source)
            .Row("Age is age at the time of exploitation. [note 1]");
        if (titleRows == 6) b.Row("Location of exploitation is where the exploitation took place.");
        b.Row("Some cells refer to notes which can be found in the notes worksheet.");
        var header = new List<object?> { "Year", "Quarter" };
        foreach (var age in ages) foreach (var loc in SeriesLocations) header.Add($"{age} {loc}");
        header.Add("Total");
        b.Row([.. header]);
        var byQuarter = series.GroupBy(s => s.Quarter).OrderBy(g => g.Key).ToList();
        object?[] Values(IEnumerable<SeriesRow> rows)
        {
            var list = rows.ToList();
            var values = new List<object?>();
            foreach (var age in ages)
                foreach (var loc in SeriesLocations)
                    values.Add(list.Where(r => r.Age == age && r.Location == loc).Sum(r => r.People));
            values.Add(list.Where(r => r.Location == Total).Sum(r => r.People));
            return [.. values];
        }
        var lastYear = byQuarter[^1].Key.Year;
        foreach (var year in byQuarter.GroupBy(g => g.Key.Year))
        {
            var partialLastYear = year.Key == lastYear && byQuarter[^1].Key.Number < 4;
            // As published in the Q1 and Q3 2023 releases: the current, incomplete year has no annual row.
            if (!(trap && partialLastYear))
                b.Row([year.Key, null, .. Values(year.SelectMany(g => g))]);
            foreach (var q in year) b.Row([null, $"Q{q.Key.Number}", .. Values(q)]);
        }
        return b.Build();
    }

    static List<Sheet> ResponderSheets(List<LongRow> rows, int firstTable, Quarter quarter)
    {
        var nationalities = rows.Select(r => r.Nationality).Where(n => n != Total).Distinct().Order(StringComparer.Ordinal).ToList();
        var sheets = new List<Sheet>();
        var number = firstTable;
        foreach (var type in ResponderTypes.Where(t => rows.Any(r => r.Type == t)))
        {
            var headerName = type == "Local Authority" ? "Local authority" : type == "NGO and third sector" ? "NGO and third sector" : type;
            var b = new SheetBuilder($"Table_{number}")
                .Row($"Table {number}: NRM referrals by {headerName.ToLowerInvariant()} first responder, exploitation type, age at exploitation, gender and nationality, {quarter.InWords}")
                .Row("This worksheet contains one table. Blank cells in the first four columns mean the same as the row above; the first row of each block is its total.")
                .Row(Source)
                .Row("Dual nationals have their own column. [note 2]")
                .Row("Some cells refer to notes which can be found in the notes worksheet.")
                .Row([$"{headerName} first responder", "Exploitation type", "Age at exploitation", "Gender", .. nationalities, "Total"]);
            var mine = rows.Where(r => r.Type == type).ToList();
            var cells = mine.ToDictionary(r => (r.Responder, r.Expl, r.Age, r.Gender, r.Nationality), r => r.People);
            var outline = mine.Select(r => (r.Responder, r.Expl, r.Age, r.Gender)).Distinct().ToList();
            // Type total first, then each responder block in the order met; within a block, subtotals lead.
            var responders = outline.Select(o => o.Responder).Distinct().OrderBy(r => IsTypeTotal(r) ? 0 : 1).ToList();
            foreach (var responder in responders)
            {
                var block = outline.Where(o => o.Responder == responder).ToList();
                var expls = block.Select(o => o.Expl).Distinct().OrderBy(e => e == Total ? 0 : 1).ToList();
                var first = true;
                foreach (var expl in expls)
                {
                    var ofType = block.Where(o => o.Expl == expl).ToList();
                    var agesHere = ofType.Select(o => o.Age).Distinct().OrderBy(a => a == Total ? 0 : 1).ToList();
                    var firstOfType = true;
                    foreach (var age in agesHere)
                    {
                        var gendersHere = ofType.Where(o => o.Age == age).Select(o => o.Gender).Distinct().OrderBy(g => g == Total ? 0 : 1).ToList();
                        var firstOfAge = true;
                        foreach (var gender in gendersHere)
                        {
                            object? Label(string value, bool show) => show && value != Total ? value : null;
                            var row = new List<object?>
                            {
                                first ? responder : null,
                                Label(expl, firstOfType), Label(age, firstOfAge), Label(gender, true),
                            };
                            foreach (var n in nationalities) row.Add(cells.GetValueOrDefault((responder, expl, age, gender, n)));
                            row.Add(cells.GetValueOrDefault((responder, expl, age, gender, Total)));
                            b.Row([.. row]);
                            first = false; firstOfType = false; firstOfAge = false;
                        }
                    }
                }
            }
            sheets.Add(b.Build());
            number++;
        }
        return sheets;
    }

    static Sheet CountySheet(Quarter quarter) => new SheetBuilder("Table_12")
        .Row($"Table 12: NRM referrals by UK county where the exploitation took place, {quarter.InWords}")
        .Row("This worksheet contains one table. Invented figures: this table only shows that table numbers move between releases.")
        .Row(Source)
        .Row("Counties with fewer referrals are grouped.")
        .Row("Some cells refer to notes which can be found in the notes worksheet.")
        .Row("County", "Referrals")
        .Row("Greater London", 610).Row("Greater Manchester", 240).Row("West Midlands", 200).Row("Other counties", "[c]")
        .Build();

    // ---------- inputs ----------

    public static List<LongRow> ReadLong(string path) =>
        Insights.Sources.Csv.CsvReader.ReadFile(path).Skip(1).Select(r => r.Fields).Where(r => r.Count == 7)
            .Select(r => new LongRow(r[0], r[1], r[2], r[3], r[4], r[5], int.Parse(r[6], CultureInfo.InvariantCulture))).ToList();

    public static List<SeriesRow> ReadSeries(string path) =>
        Insights.Sources.Csv.CsvReader.ReadFile(path).Skip(1).Select(r => r.Fields).Where(r => r.Count == 5)
            .Select(r => new SeriesRow(new Quarter(int.Parse(r[0], CultureInfo.InvariantCulture), r[1][1] - '0'), r[2], r[3], int.Parse(r[4], CultureInfo.InvariantCulture))).ToList();

    static List<SeriesRow> ReadSeriesFromRepository() =>
        ReadSeries(Insights.Pipeline.Samples.PathOf("nrm", "published", "nrm-referrals-by-quarter-2023-q4-release.csv"));

    public static byte[] Bytes(IReadOnlyList<Sheet> sheets)
    {
        using var memory = new MemoryStream();
        OdsWriter.Write(memory, sheets);
        return memory.ToArray();
    }
}
