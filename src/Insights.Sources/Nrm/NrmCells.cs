using System.Globalization;
using System.Text.RegularExpressions;
using Insights.Model;

namespace Insights.Sources.Nrm;

/// <summary>A count as published: a whole number, or missing with the reason its GSS shorthand gives.</summary>
internal readonly record struct PublishedCount(int? People, string? MissingReason)
{
    public static PublishedCount Zero => new(0, null);
}

internal static partial class NrmCells
{
    /// <summary>Reads a count cell. Shorthand is missing-with-reason (never 0); anything else that is not a whole,
    /// non-negative number is an error naming the cell.</summary>
    public static PublishedCount Count(Cell cell, SourceLocation at)
    {
        switch (cell.Kind)
        {
            case CellKind.Shorthand:
                return new(null, Cell.ShorthandMeanings.TryGetValue(cell.Shorthand ?? cell.Text, out var why) ? why : cell.Text);
            case CellKind.Number when cell.Number is { } n:
                return Whole(n, cell.Text, at);
            case CellKind.Text:
                return CountFromText(cell.Text, at);
            default:
                throw new InputException(at, $"expected a count, found {(cell.IsEmpty ? "an empty cell" : $"'{cell.Text}'")}");
        }
    }

    public static PublishedCount CountFromText(string text, SourceLocation at)
    {
        var t = text.Trim();
        if (Cell.ShorthandMeanings.TryGetValue(t, out var why)) return new(null, why);
        if (double.TryParse(t.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            return Whole(n, t, at);
        throw new InputException(at, t.Length == 0 ? "expected a count, found an empty cell" : $"expected a count, found '{t}'");
    }

    static PublishedCount Whole(double n, string shown, SourceLocation at)
    {
        if (n < 0 || n != Math.Floor(n) || n > int.MaxValue)
            throw new InputException(at, $"expected a whole number of people, found '{shown}'");
        return new((int)n, null);
    }

    /// <summary>A label cell's text without "[note 5]" markers and surrounding space.</summary>
    /// <remarks>Cleaned (<see cref="InputText.Clean"/>): a header typed with Alt+Enter or a no-break space matches, and
    /// "Albanian⏎UK" is one label, never a line break in an output.</remarks>
    public static string Label(Cell cell) => InputText.Clean(NoteMarker().Replace(cell.Text, ""));

    public static bool Is(Cell cell, string label) => string.Equals(Label(cell), label, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\s*\[note\s*\d+\]", RegexOptions.IgnoreCase)]
    private static partial Regex NoteMarker();
}
