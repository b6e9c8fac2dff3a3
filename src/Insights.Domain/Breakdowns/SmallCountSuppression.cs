namespace Insights.Breakdowns;

/// <summary>
/// Which entries of linked count tables are withheld ("[c]"): a minimal disclosure control for the dashboard's
/// published mode, until the full rule of the disclosure issue (<c>--suppress-below</c>) is the product's.
/// </summary>
/// <param name="Cells">Per table, per row and column: withheld.</param>
/// <param name="ColumnTotals">Per table, per column: its total withheld.</param>
/// <param name="RowTotals">Per row, shared by every table: its total withheld.</param>
/// <param name="GrandTotal">The total of all rows withheld.</param>
public sealed record Suppression(IReadOnlyList<bool[][]> Cells, IReadOnlyList<bool[]> ColumnTotals, bool[] RowTotals, bool GrandTotal);

/// <summary>
/// Primary and secondary suppression of small counts over tables that share their rows and row totals (districts by
/// exploitation type, districts by age group, ...: every table splits the same district totals another way).
/// <para>Primary: every count from 1 to threshold − 1, cell or total, is withheld (0 is shown: an empty group).</para>
/// <para>Secondary: a line (a row or a column of a table with its total, the row of column totals with the grand
/// total, the column of row totals with the grand total) that has exactly one withheld entry would give it away by
/// subtraction, so its smallest other non-zero cell is withheld too (or, if it has none, its total); repeated until
/// no line has exactly one. Pure; the same tables give the same result.</para>
/// This is line-by-line protection, the usual rule of thumb; it does not solve the full audit problem (a withheld
/// value bounded through several lines at once).
/// </summary>
public static class SmallCountSuppression
{
    public static Suppression Apply(IReadOnlyList<int[][]> tables, int threshold)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        if (tables.Count == 0) throw new ArgumentException("no table to protect", nameof(tables));
        var rows = tables[0].Length;
        var rowTotals = tables[0].Select(r => r.Sum()).ToArray();
        foreach (var t in tables)
        {
            if (t.Length != rows) throw new ArgumentException("linked tables have the same rows", nameof(tables));
            for (var r = 0; r < rows; r++)
                if (t[r].Sum() != rowTotals[r]) throw new ArgumentException($"linked tables have the same row totals (row {r})", nameof(tables));
        }
        var grand = rowTotals.Sum();
        bool Small(int v) => v > 0 && v < threshold;

        var cells = tables.Select(t => t.Select(r => r.Select(Small).ToArray()).ToArray()).ToList();
        var columnTotals = tables.Select(t => ColumnSums(t).Select(Small).ToArray()).ToList();
        var rowFlags = rowTotals.Select(Small).ToArray();
        var grandFlag = new[] { Small(grand) };

        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < tables.Count; i++)
            {
                var t = tables[i];
                var columns = t.Length == 0 ? 0 : t[0].Length;
                var sums = ColumnSums(t);
                for (var r = 0; r < rows; r++)
                    changed |= Protect(Enumerable.Range(0, columns).Select(c => new Entry(t[r][c], cells[i][r], c)).ToList(),
                        new Entry(rowTotals[r], rowFlags, r));
                for (var c = 0; c < columns; c++)
                    changed |= Protect(Enumerable.Range(0, rows).Select(r => new Entry(t[r][c], cells[i][r], c)).ToList(),
                        new Entry(sums[c], columnTotals[i], c));
                changed |= Protect(Enumerable.Range(0, columns).Select(c => new Entry(sums[c], columnTotals[i], c)).ToList(),
                    new Entry(grand, grandFlag, 0));
            }
            changed |= Protect(Enumerable.Range(0, rows).Select(r => new Entry(rowTotals[r], rowFlags, r)).ToList(),
                new Entry(grand, grandFlag, 0));
        }
        return new Suppression(cells, columnTotals, rowFlags, grandFlag[0]);
    }

    /// <summary>One value of a line and where its withheld flag lives.</summary>
    readonly record struct Entry(int Value, bool[] Flags, int Index)
    {
        public bool Withheld => Flags[Index];
        public void Withhold() => Flags[Index] = true;
    }

    static bool Protect(List<Entry> parts, Entry total)
    {
        var withheld = parts.Count(p => p.Withheld) + (total.Withheld ? 1 : 0);
        if (withheld != 1) return false;
        var candidate = parts.Where(p => !p.Withheld && p.Value > 0).OrderBy(p => p.Value).Cast<Entry?>().FirstOrDefault();
        if (candidate is { } c) c.Withhold();
        else if (!total.Withheld) total.Withhold();
        else return false;   // the total alone, with every part 0 or withheld: nothing left to give away
        return true;
    }

    static int[] ColumnSums(int[][] table)
    {
        var columns = table.Length == 0 ? 0 : table[0].Length;
        var sums = new int[columns];
        foreach (var row in table)
            for (var c = 0; c < columns; c++) sums[c] += row[c];
        return sums;
    }
}
