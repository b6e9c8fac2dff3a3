using Insights.Model;

namespace Insights.Sources.Nrm;

/// <summary>
/// Reads the releases' table of referrals by UK county or police force area, found by its title ("... by UK county
/// ...", "... by police force area ...") and its header cell ("County", "Police force area"), never by number.
/// Count columns are a quarter each: a header naming a quarter ("April to June 2024", "2024 Q2") is that quarter;
/// the one plain count column ("Referrals", "Total") is the release quarter. A row headed "Total" is the total of
/// the areas, not an area.
/// </summary>
public static class AreaTableReader
{
    public static bool IsAreaTitle(string title)
    {
        var t = Category.Key(title);
        return t.StartsWith("table", StringComparison.Ordinal) && t.Contains("referral", StringComparison.Ordinal)
            && (t.Contains("by uk county", StringComparison.Ordinal) || t.Contains("by county", StringComparison.Ordinal)
                || t.Contains("police force area", StringComparison.Ordinal));
    }

    static bool IsAreaHeader(Cell cell) =>
        Category.Key(NrmCells.Label(cell)) is "county" or "uk county" or "police force area" or "county or police force area" or "area";

    /// <summary>The area counts of every sheet whose title is the area table; empty when the release has none.</summary>
    internal static IReadOnlyList<(Quarter Quarter, Breakdown<string> Area, PublishedCount Count, SourceLocation At)> Read(Workbook workbook, Quarter releaseQuarter)
    {
        var result = new List<(Quarter, Breakdown<string>, PublishedCount, SourceLocation)>();
        foreach (var sheet in workbook.Sheets)
        {
            var title = sheet.Rows.Take(3).SelectMany(r => r).FirstOrDefault(c => !c.IsEmpty)?.Text.Trim() ?? "";
            if (!IsAreaTitle(title)) continue;
            result.AddRange(ReadSheet(workbook, sheet, releaseQuarter));
        }
        return result;
    }

    static IEnumerable<(Quarter, Breakdown<string>, PublishedCount, SourceLocation)> ReadSheet(Workbook workbook, Sheet sheet, Quarter releaseQuarter)
    {
        var (headerRow, nameColumn) = FindHeader(sheet) ?? throw new InputException(workbook.Locate(sheet, 0, 0),
            $"the title says this is the referrals by county or police force area table but no header row with 'County' or 'Police force area' was found in the first {NrmTableLocator.HeaderSearchRows} rows");
        var header = sheet.Rows[headerRow];
        var columns = new List<(int Column, Quarter Quarter)>();
        for (var c = nameColumn + 1; c < header.Count; c++)
        {
            var label = NrmCells.Label(header[c]);
            if (label.Length == 0) continue;
            var quarter = QuarterOf(label) ?? (IsPlainCount(label) ? releaseQuarter
                : throw new InputException(workbook.Locate(sheet, headerRow, c), $"expected a quarter ('April to June 2025', '2025 Q2') or 'Referrals' as a column header, found '{label}'"));
            if (columns.Any(x => x.Quarter == quarter))
                throw new InputException(workbook.Locate(sheet, headerRow, c), $"a second column for {quarter}");
            columns.Add((c, quarter));
        }
        if (columns.Count == 0)
            throw new InputException(workbook.Locate(sheet, headerRow, nameColumn + 1), "expected a count column ('Referrals') after the area column");

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var r = headerRow + 1; r < sheet.Rows.Count; r++)
        {
            var name = NrmCells.Label(sheet[r, nameColumn]);
            if (name.Length == 0) break;   // notes may follow the table after a blank row
            if (!seen.Add(Category.Key(name)))
                throw new InputException(workbook.Locate(sheet, r, nameColumn), $"'{name}' is listed twice");
            foreach (var (c, q) in columns)
                yield return (q, NrmLayoutWords.Dimension(name), NrmCells.Count(sheet[r, c], workbook.Locate(sheet, r, c)), workbook.Locate(sheet, r, c));
        }
    }

    static (int Row, int Column)? FindHeader(Sheet sheet)
    {
        for (var r = 0; r < Math.Min(sheet.Rows.Count, NrmTableLocator.HeaderSearchRows); r++)
            for (var c = 0; c + 1 < sheet.Rows[r].Count; c++)
                if (IsAreaHeader(sheet.Rows[r][c]) && !sheet.Rows[r][c + 1].IsEmpty) return (r, c);
        return null;
    }

    static bool IsPlainCount(string label) => Category.Key(label) is "referrals" or "nrm referrals" or "total" or "number of referrals";

    static readonly string[] Starts = ["january to march", "april to june", "july to september", "october to december"];

    static Quarter? QuarterOf(string label)
    {
        if (Quarter.TryParse(label, out var q)) return q;
        var key = Category.Key(label);
        for (var i = 0; i < Starts.Length; i++)
            if (key.StartsWith(Starts[i] + " ", StringComparison.Ordinal)
                && int.TryParse(key[(Starts[i].Length + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y))
                return new Quarter(y, i + 1);
        return null;
    }
}
