using System.Globalization;
using System.Text.RegularExpressions;
using Insights.Model;

namespace Insights.Sources.Nrm;

/// <summary>One count of the quarterly series, with the cell it was read from.</summary>
internal sealed record SeriesCount(Quarter Quarter, string AgeGroup, Breakdown<string> Location, PublishedCount Count, SourceLocation At);

/// <summary>A value column of the series: an age group and a location, either of them the total of all.</summary>
internal sealed record SeriesColumn(Breakdown<string> AgeGroup, Breakdown<string> Location);

/// <summary>
/// Reads the quarterly series (Table_2 in 2023: referrals by year, quarter, age at exploitation and location of
/// exploitation), from the published sheet or from its long CSV form. In the sheet, Year is written only on each
/// year's first row, the annual total (Quarter blank). In the Q1 and Q3 2023 releases the current year had no
/// annual row, so a naive fill-down labels its quarters with the previous year: the reader follows the quarter
/// sequence instead, says so in a warning, and then insists that each (year, quarter) appears once and that the
/// quarters run without gaps.
/// </summary>
internal static partial class Table2Reader
{
    public const string LongHeader = "Year,Quarter,Age at exploitation,Location of exploitation,NRM referrals";

    static bool LooksLikeQuarter(Cell cell) =>
        cell.Number is >= 1 and <= 4 || QuarterText().IsMatch(InputText.Clean(cell.Text));

    [GeneratedRegex(@"^(Q|Quarter )?[1-4]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterText();

    public static SeriesColumn? ParseColumn(string header)
    {
        var h = InputText.Clean(header);
        if (h.Equals("Total", StringComparison.OrdinalIgnoreCase) || h.Equals("Total referrals", StringComparison.OrdinalIgnoreCase)
            || h.Equals("Total NRM referrals", StringComparison.OrdinalIgnoreCase))
            return new(Breakdown<string>.Total, Breakdown<string>.Total);
        // "Adult (18 or over) Overseas", "Adult (18 or over): Overseas" or location first, "Overseas - Adult (18 or over)".
        char[] separators = [' ', ':', '-', '\u2013', ',', '/'];
        foreach (var age in NrmLabels.SeriesAgeGroups)
        {
            var at = h.IndexOf(age, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var rest = (h[..at] + " " + h[(at + age.Length)..]).Trim(separators);
            if (rest.Equals(NrmLayoutWords.Total, StringComparison.OrdinalIgnoreCase)) return new(age, Breakdown<string>.Total);
            foreach (var location in NrmLabels.Locations)
                if (rest.Equals(location, StringComparison.OrdinalIgnoreCase)) return new(age, location);
        }
        return null;
    }

    public static List<SeriesCount> ReadSheet(Workbook workbook, NrmTableLocation table, List<InputWarning> warnings)
    {
        var sheet = table.Sheet;
        var header = sheet.Rows[table.HeaderRow];
        int yearCol = table.FirstColumn, quarterCol = table.FirstColumn + 1;
        var columns = new List<(int Index, SeriesColumn Column)>();
        for (var c = quarterCol + 1; c < header.Count; c++)
        {
            if (header[c].IsEmpty) continue;
            var column = ParseColumn(NrmCells.Label(header[c]))
                ?? throw new InputException(workbook.Locate(sheet, table.HeaderRow, c),
                    $"header '{header[c].Text}' is not an age group and location of exploitation (expected e.g. 'Adult (18 or over) Overseas' or 'Total')");
            columns.Add((c, column));
        }

        var counts = new List<SeriesCount>();
        var annualRows = new List<(int Year, int Row, PublishedCount[] Values)>();
        var quarterRows = new List<(Quarter Quarter, int Row, PublishedCount[] Values)>();
        int? year = null;
        var lastNumber = 0;
        for (var r = table.HeaderRow + 1; r < sheet.Rows.Count; r++)
        {
            var yearCell = sheet[r, yearCol];
            var quarterCell = sheet[r, quarterCol];
            if (yearCell.IsEmpty && quarterCell.IsEmpty)
            {
                if (sheet.Rows[r].All(c => c.IsEmpty))
                {
                    // The table ends at its first empty row, unless quarters follow it: an empty row typed inside the
                    // table would otherwise end it early and make an older quarter the latest.
                    var next = Enumerable.Range(r + 1, Math.Max(0, sheet.Rows.Count - r - 1)).FirstOrDefault(n => !sheet.Rows[n].All(c => c.IsEmpty));
                    if (next > r && LooksLikeQuarter(sheet[next, quarterCol]))
                        throw new InputException(workbook.Locate(sheet, r, yearCol),
                            $"an empty row inside the table (quarters continue on row {(next + 1).ToString(CultureInfo.InvariantCulture)}): expected the table's rows without gaps (delete the empty row)");
                    break;
                }
                throw new InputException(workbook.Locate(sheet, r, yearCol), "expected a year or a quarter on this row");
            }
            var values = columns.Select(col => NrmCells.Count(sheet[r, col.Index], workbook.Locate(sheet, r, col.Index))).ToArray();
            if (!yearCell.IsEmpty)
            {
                year = ParseYear(yearCell, workbook.Locate(sheet, r, yearCol));
                lastNumber = 0;
                if (quarterCell.IsEmpty) { annualRows.Add((year.Value, r, values)); continue; }
            }
            var number = ParseQuarterNumber(quarterCell, workbook.Locate(sheet, r, quarterCol));
            if (year is null) throw new InputException(workbook.Locate(sheet, r, yearCol), "a quarter comes before any year");
            if (number == lastNumber)
                throw new InputException(workbook.Locate(sheet, r, quarterCol), $"duplicated quarter: {new Quarter(year.Value, number)} appears twice");
            if (number < lastNumber)
            {
                // The Q1 2023 release trap: 2023 Q1 follows 2022 Q4 with no 2023 row, so the quarter wraps within "2022".
                year++;
                warnings.Add(new InputWarning("nrm-series-year-fill-down",
                    $"{workbook.Locate(sheet, r, yearCol)}: Q{number} follows Q{lastNumber} with no new year row; read as {new Quarter(year.Value, number)}, not {year - 1} (a naive fill-down would count it twice)"));
            }
            lastNumber = number;
            var quarter = new Quarter(year.Value, number);
            quarterRows.Add((quarter, r, values));
            for (var i = 0; i < columns.Count; i++)
                if (columns[i].Column.AgeGroup.IsCategory)
                    counts.Add(new(quarter, columns[i].Column.AgeGroup.Category, columns[i].Column.Location, values[i], workbook.Locate(sheet, r, columns[i].Index)));
        }
        if (quarterRows.Count == 0)
            throw new InputException(workbook.Locate(sheet, table.HeaderRow + 1, yearCol), "the table has no quarter rows under its header");

        CheckSequence(quarterRows.Select(q => (q.Quarter, workbook.Locate(sheet, q.Row, quarterCol))));
        // A layout without per-age Total columns: the total of each age is the sum of its locations.
        foreach (var age in NrmLabels.SeriesAgeGroups)
            if (columns.Any(c => c.Column.AgeGroup == age) && !columns.Any(c => c.Column == new SeriesColumn(age, Breakdown<string>.Total)))
                foreach (var (quarter, row, _) in quarterRows)
                {
                    var parts = counts.Where(c => c.Quarter == quarter && c.AgeGroup == age).ToList();
                    var total = parts.Any(p => p.Count.People is null)
                        ? new PublishedCount(null, "a location's count is missing")
                        : new PublishedCount(parts.Sum(p => p.Count.People!.Value), null);
                    counts.Add(new(quarter, age, Breakdown<string>.Total, total, workbook.Locate(sheet, row, quarterCol)));
                }
        // Within a row: each age group's Total is the sum of its locations, and the overall Total the sum of the ages.
        foreach (var (quarter, row, values) in quarterRows)
            for (var i = 0; i < columns.Count; i++)
            {
                var (age, location) = columns[i].Column;
                if (location.IsCategory) continue;
                var parts = age.IsTotal
                    ? Enumerable.Range(0, columns.Count).Where(j => columns[j].Column.AgeGroup.IsCategory && columns[j].Column.Location.IsTotal)
                    : Enumerable.Range(0, columns.Count).Where(j => columns[j].Column.AgeGroup == age && columns[j].Column.Location.IsCategory);
                var partList = parts.ToList();
                if (partList.Count > 0)
                    CheckSum(values[i], partList.Select(j => values[j]), workbook.Locate(sheet, row, columns[i].Index),
                        age.IsTotal ? "the age groups' totals" : $"the locations of '{age.Category}'");
            }
        // Each annual row must be the sum of its quarters: a wrong year label shows up here too.
        foreach (var (y, row, annual) in annualRows)
        {
            var parts = quarterRows.Where(q => q.Quarter.Year == y).ToList();
            for (var i = 0; i < columns.Count; i++)
                CheckSum(annual[i], parts.Select(p => p.Values[i]), workbook.Locate(sheet, row, columns[i].Index), $"the {y} quarters");
        }
        return counts;
    }

    public static List<SeriesCount> ReadLong(string path, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var counts = new List<SeriesCount>();
        var seen = new Dictionary<(Quarter, string, Breakdown<string>), int>();
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.All(f => f.Length == 0)) continue;
            var at = new SourceLocation(path, Row: r + 1);
            if (row.Count != 5) throw new InputException(at, $"expected 5 fields ({LongHeader}), found {row.Count}");
            var year = ParseYear(Cell.FromText(row[0]), at with { Column = "A" });
            var number = ParseQuarterNumber(Cell.FromText(row[1]), at with { Column = "B" });
            var age = NrmLabels.SeriesAgeGroups.FirstOrDefault(a => a.Equals(InputText.Clean(row[2]), StringComparison.OrdinalIgnoreCase))
                ?? throw new InputException(at with { Column = "C" }, $"'{row[2]}' is not an age group (expected one of {string.Join(", ", NrmLabels.SeriesAgeGroups)})");
            var locationText = InputText.Clean(row[3]);
            Breakdown<string> location = locationText.Equals(NrmLayoutWords.Total, StringComparison.OrdinalIgnoreCase) ? Breakdown<string>.Total
                : NrmLabels.Locations.FirstOrDefault(l => l.Equals(locationText, StringComparison.OrdinalIgnoreCase))
                ?? throw new InputException(at with { Column = "D" }, $"'{row[3]}' is not a location of exploitation (expected one of {string.Join(", ", NrmLabels.Locations)}, {NrmLayoutWords.Total})");
            var quarter = new Quarter(year, number);
            if (seen.TryGetValue((quarter, age, location), out var first))
                throw new InputException(at, $"duplicated quarter: {quarter} {age} {NrmLayoutWords.Text(location)} appears again (first on row {first})");
            seen[(quarter, age, location)] = r + 1;
            counts.Add(new(quarter, age, location, NrmCells.CountFromText(row[4], at with { Column = "E" }), at with { Column = "E" }));
        }
        if (counts.Count == 0) throw new InputException(new SourceLocation(path), "the file has no rows under its header");
        CheckSequence(counts.Select(c => (c.Quarter, c.At with { Column = "B" })).DistinctBy(c => c.Quarter).OrderBy(c => c.Quarter));
        foreach (var group in counts.GroupBy(c => (c.Quarter, c.AgeGroup)))
        {
            var total = group.FirstOrDefault(c => c.Location.IsTotal);
            if (total is not null)
                CheckSum(total.Count, group.Where(c => c.Location.IsCategory).Select(c => c.Count), total.At, $"the locations of '{group.Key.AgeGroup}'");
        }
        return counts;
    }

    /// <summary>Quarters in order, one after another: a gap or a repeat means the rows were mislabelled.</summary>
    static void CheckSequence(IEnumerable<(Quarter Quarter, SourceLocation At)> quarters)
    {
        Quarter? previous = null;
        var seen = new HashSet<Quarter>();
        foreach (var (quarter, at) in quarters)
        {
            if (!seen.Add(quarter)) throw new InputException(at, $"duplicated quarter: {quarter} appears twice");
            if (previous is { } p && quarter != p.Next)
                throw new InputException(at, $"quarters out of sequence: {quarter} follows {p} (expected {p.Next})");
            previous = quarter;
        }
    }

    internal static void CheckSum(PublishedCount total, IEnumerable<PublishedCount> parts, SourceLocation at, string partsName)
    {
        var list = parts.ToList();
        if (total.People is not { } t || list.Any(p => p.People is null)) return; // a missing part cannot be checked
        var sum = list.Sum(p => p.People!.Value);
        if (sum != t)
            throw new InputException(at, $"total {t.ToString(CultureInfo.InvariantCulture)} does not equal the sum of {partsName} ({sum.ToString(CultureInfo.InvariantCulture)})");
    }

    static int ParseYear(Cell cell, SourceLocation at)
    {
        var text = cell.Kind == CellKind.Number && cell.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : NrmCells.Label(cell);
        var m = YearPattern().Match(text);
        if (!m.Success) throw new InputException(at, $"expected a year such as 2023, found '{cell.Text}'");
        return int.Parse(m.Value, CultureInfo.InvariantCulture);
    }

    static int ParseQuarterNumber(Cell cell, SourceLocation at)
    {
        var m = QuarterPattern().Match(NrmCells.Label(cell));
        if (!m.Success) throw new InputException(at, $"expected a quarter Q1 to Q4, found '{cell.Text}'");
        return m.Groups[1].Value[0] - '0';
    }

    [GeneratedRegex(@"^(19|20)\d\d")]
    private static partial Regex YearPattern();
    [GeneratedRegex(@"^Q([1-4])\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterPattern();
}
