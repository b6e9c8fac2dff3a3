namespace Insights.Outputs;

/// <summary>
/// Text written into a tabular output (a spreadsheet cell, a CSV field, a Parquet string that Excel or Power BI
/// may export to CSV) that a spreadsheet would run as a formula: starting = + - @, a tab or a carriage return
/// (<c>=HYPERLINK(…)</c>, <c>-cmd|…</c>). Such text is kept, prefixed with an apostrophe, as OWASP advises for
/// CSV injection; the dashboard's CSV download does the same in its script.
/// </summary>
public static class FormulaText
{
    public static bool LooksLikeFormula(string? text) =>
        !string.IsNullOrEmpty(text) && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal);

    public static string Neutralise(string text) => LooksLikeFormula(text) ? "'" + text : text;
}
