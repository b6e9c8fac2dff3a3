namespace Insights.Sources.Nrm;

/// <summary>What a located table holds.</summary>
public enum NrmTableKind { QuarterlySeries, FirstResponder }

/// <summary>A table found in a sheet: where its header row is (0-based) and the column it starts in.</summary>
public sealed record NrmTableLocation(NrmTableKind Kind, Sheet Sheet, string Title, int HeaderRow, int FirstColumn, string? ResponderType);

/// <summary>
/// Finds the NRM tables in a workbook by their header cells (and titles), never by sheet number: the numbering
/// moves between releases (in 2025 Table_12 is referrals by UK county). Title rows above the header vary (3 in
/// 2022 Q2-Q3 with the table starting in column B, 5 from 2022 Q4, 6 for wide time series), so the header is
/// searched for in the first rows of every sheet.
/// </summary>
public static class NrmTableLocator
{
    /// <summary>How far down a header may sit: the deepest published layout has 6 rows above it.</summary>
    public const int HeaderSearchRows = 15;

    public static IReadOnlyList<NrmTableLocation> Locate(Workbook workbook)
    {
        var found = new List<NrmTableLocation>();
        foreach (var sheet in workbook.Sheets)
        {
            var title = TitleOf(sheet);
            var location = FindHeader(sheet, title);
            if (location is not null) { found.Add(location); continue; }
            var expected = ExpectedKind(title);
            if (expected is not null)
                throw new InputException(workbook.Locate(sheet, 0, 0),
                    $"the title says this is {Describe(expected.Value)} but no header row of that table was found in the first {HeaderSearchRows} rows " +
                    $"(expected {ExpectedHeader(expected.Value)})");
        }
        return found;
    }

    static NrmTableLocation? FindHeader(Sheet sheet, string title)
    {
        var last = Math.Min(sheet.Rows.Count, HeaderSearchRows);
        for (var r = 0; r < last; r++)
        {
            var row = sheet.Rows[r];
            for (var c = 0; c + 1 < row.Count; c++)
            {
                if (NrmCells.Is(row[c], "Year") && NrmCells.Is(row[c + 1], "Quarter")
                    && row.Skip(c + 2).Any(h => Table2Reader.ParseColumn(NrmCells.Label(h)) is not null))
                    return new(NrmTableKind.QuarterlySeries, sheet, title, r, c, null);
                if (NrmLayoutWords.ResponderTypeFromHeader(NrmCells.Label(row[c])) is { } type
                    && c + 3 < row.Count && NrmCells.Is(row[c + 1], "Exploitation type")
                    && NrmCells.Is(row[c + 2], "Age at exploitation") && NrmCells.Is(row[c + 3], "Gender"))
                    return new(NrmTableKind.FirstResponder, sheet, title, r, c, type);
            }
        }
        return null;
    }

    /// <summary>The first text in the sheet's first rows: cell A1, or B1 in the 2022 Q2-Q3 layouts.</summary>
    static string TitleOf(Sheet sheet)
    {
        for (var r = 0; r < Math.Min(sheet.Rows.Count, 3); r++)
            foreach (var cell in sheet.Rows[r])
                if (!cell.IsEmpty) return cell.Text.Trim();
        return "";
    }

    // A title that promises one of our tables: if its header then cannot be found, the layout moved and a silent
    // skip would drop the release's figures.
    static NrmTableKind? ExpectedKind(string title)
    {
        var t = title.ToLowerInvariant();
        if (!t.StartsWith("table", StringComparison.Ordinal)) return null;
        if (t.Contains("first responder", StringComparison.Ordinal) && t.Contains("exploitation type", StringComparison.Ordinal)
            && t.Contains("gender", StringComparison.Ordinal) && t.Contains("nationality", StringComparison.Ordinal))
            return NrmTableKind.FirstResponder;
        if (t.Contains("quarter", StringComparison.Ordinal) && t.Contains("age at exploitation", StringComparison.Ordinal)
            && t.Contains("location of exploitation", StringComparison.Ordinal))
            return NrmTableKind.QuarterlySeries;
        return null;
    }

    static string Describe(NrmTableKind kind) => kind == NrmTableKind.QuarterlySeries
        ? "the referrals by quarter, age and location table"
        : "a first-responder table";

    static string ExpectedHeader(NrmTableKind kind) => kind == NrmTableKind.QuarterlySeries
        ? "'Year', 'Quarter', then columns such as 'Adult (18 or over) Overseas'"
        : "'... first responder', 'Exploitation type', 'Age at exploitation', 'Gender', nationalities, 'Total'";
}
