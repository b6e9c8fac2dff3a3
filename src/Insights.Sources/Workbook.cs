using System.Globalization;
using Insights.Model;

namespace Insights.Sources;

public enum CellKind { Empty, Text, Number, Date, Boolean, Shorthand }

/// <summary>
/// One spreadsheet cell as read from ODS or XLSX. <see cref="Shorthand"/> holds a GSS shorthand such as "[c]" or
/// "[x]": a value that is missing for a stated reason, which must never be read as 0.
/// </summary>
public sealed record Cell(CellKind Kind, string Text, double? Number = null, string? Shorthand = null)
{
    public static readonly Cell Empty = new(CellKind.Empty, "");

    public bool IsEmpty => Kind == CellKind.Empty || (Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text));

    /// <summary>
    /// True for a cell hidden under a merged cell to its left or above (ODS <c>table:covered-table-cell</c>): empty,
    /// but it occupies a column, so the columns after it keep their positions.
    /// </summary>
    public bool IsCovered { get; init; }

    /// <summary>The calendar value of a <see cref="CellKind.Date"/> cell; <see cref="Text"/> keeps the display text.</summary>
    public DateTime? Date { get; init; }

    /// <summary>An empty cell under a merged cell (see <see cref="IsCovered"/>).</summary>
    public static readonly Cell Covered = new(CellKind.Empty, "") { IsCovered = true };

    public static Cell FromDate(DateTime value, string? displayText = null) =>
        new(CellKind.Date, displayText ?? value.ToString(value.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)) { Date = value };

    /// <summary>GSS shorthand for tables (Government Analysis Function): confidential, not available, and so on.</summary>
    public static readonly IReadOnlyDictionary<string, string> ShorthandMeanings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["[c]"] = "confidential",
        ["[x]"] = "not available",
        ["[z]"] = "not applicable",
        ["[u]"] = "low reliability",
        ["[low]"] = "rounds to zero",
        ["[w]"] = "no or few responses",
    };

    /// <summary>A cell from its text alone (CSV, or a string cell): shorthand recognised, numbers left as text.</summary>
    public static Cell FromText(string? text)
    {
        if (string.IsNullOrEmpty(text)) return Empty;
        var t = InputText.Clean(text);
        // Every shorthand starts with '[': most cells are decided without a lookup.
        return t.StartsWith('[') && ShorthandMeanings.ContainsKey(t) ? new Cell(CellKind.Shorthand, t, Shorthand: t.ToLowerInvariant()) : new Cell(CellKind.Text, text);
    }

    /// <summary>
    /// The cell as a value to match or label: text cleaned of invisible characters and line breaks
    /// (<see cref="InputText.Clean"/>). Readers keep a cell's text as the file has it; the sources that use it as
    /// data (the police extract's rows, the NRM tables' labels) take this.
    /// </summary>
    public Cell Cleaned() => Kind == CellKind.Text
        ? InputText.Clean(Text) is { Length: > 0 } t ? ReferenceEquals(t, Text) ? this : this with { Text = t } : Empty
        : this;

    public static Cell FromNumber(double value, string? displayText = null) =>
        new(CellKind.Number, displayText ?? value.ToString(CultureInfo.InvariantCulture), value);

    public override string ToString() => Text;
}

/// <summary>
/// A sheet as a dense grid of rows, each as long as its last non-empty cell. Trailing empty rows and columns
/// (which published workbooks often repeat a million times) are not stored.
/// </summary>
public sealed record Sheet(string Name, IReadOnlyList<IReadOnlyList<Cell>> Rows)
{
    /// <summary>The cell at a 0-based row and column; empty beyond the stored grid.</summary>
    public Cell this[int row, int column] =>
        row < Rows.Count && column < Rows[row].Count ? Rows[row][column] : Cell.Empty;

    public int ColumnCount => Rows.Count == 0 ? 0 : Rows.Max(r => r.Count);
}

/// <summary>A workbook read from a file (ODS or XLSX), with the path kept for error messages.</summary>
public sealed record Workbook(string Path, IReadOnlyList<Sheet> Sheets)
{
    public SourceLocation Locate(Sheet sheet, int row, int column) =>
        new(Path, sheet.Name, row + 1, SourceLocation.ColumnLetters(column));
}
