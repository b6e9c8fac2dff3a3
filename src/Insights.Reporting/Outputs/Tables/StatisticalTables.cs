using System.Globalization;
using System.Text.RegularExpressions;
using Insights.Charts;
using Insights.Narrative;

namespace Insights.Outputs.Tables;

/// <summary>A value in a published table: a number, a text, or GSS shorthand ("[c]") with its meaning in the notes.</summary>
public sealed record TableValue(string Text, double? Number = null, bool IsShorthand = false)
{
    public static TableValue Of(double number) => new(number.ToString(CultureInfo.InvariantCulture), number);

    /// <summary>
    /// Text as a spreadsheet must keep it: shorthand recognised; a text a spreadsheet or a CSV export would run as a
    /// formula (starting = + - @, tab or carriage return) prefixed with an apostrophe.
    /// </summary>
    public static TableValue OfText(string? text)
    {
        var t = text ?? "";
        if (StatisticalTables.Shorthand.ContainsKey(t.Trim())) return new TableValue(t.Trim(), IsShorthand: true);
        return new TableValue(FormulaText.Neutralise(t));
    }
}

/// <summary>One table on its own sheet: title in A1, description rows under it, one header row, then the rows.</summary>
public sealed record StatisticalTable(string SheetName, string Title, IReadOnlyList<string> Description,
    IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<TableValue>> Rows, IReadOnlyList<string> Notes);

/// <summary>
/// The section's figures and the charts' tables as an accessible spreadsheet, following the GSS (Analysis Function)
/// guidance on releasing statistics in spreadsheets: a cover sheet, a contents sheet, a notes sheet, then one table per
/// sheet; each sheet's title in A1, no merged cells, no blank rows, numbers stored as numbers, shorthand [c] [x] [z]
/// explained in the notes. The same model is written as ODS and as XLSX.
/// </summary>
public sealed partial record StatisticalTables(string Title, IReadOnlyList<string> Cover, IReadOnlyList<(string Id, string Text)> Notes,
    IReadOnlyList<StatisticalTable> Tables)
{
    public const string OdsFileName = "tables.ods", XlsxFileName = "tables.xlsx";

    public static readonly IReadOnlyDictionary<string, string> Shorthand = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["[c]"] = OutputWording.ShorthandConfidential,
        ["[x]"] = OutputWording.ShorthandNotAvailable,
        ["[z]"] = OutputWording.ShorthandNotApplicable,
    };

    /// <summary>Every sheet in order, as rows of values: cover, contents, notes, then the tables.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<IReadOnlyList<TableValue>> Rows)> Sheets()
    {
        static IReadOnlyList<TableValue> Texts(params string[] texts) => texts.Select(TableValue.OfText).ToArray();
        var sheets = new List<(string, IReadOnlyList<IReadOnlyList<TableValue>>)>
        {
            ("Cover_sheet", [Texts(Title), .. Cover.Select(c => Texts(c))]),
            ("Contents", [Texts(OutputWording.ContentsTitle), Texts(OutputWording.ContentsDescription), Texts("Sheet name", "Table title", "Notes"),
                .. Tables.Select(t => Texts(t.SheetName, t.Title, t.Notes.Count == 0 ? "[z]" : string.Join(", ", t.Notes)))]),
            ("Notes", [Texts(OutputWording.NotesTitle), Texts(OutputWording.NotesDescription), Texts("Note number", "Note text"),
                .. Notes.Select(n => Texts(n.Id, n.Text))]),
        };
        foreach (var t in Tables)
            sheets.Add((t.SheetName, [Texts(t.Title), .. t.Description.Select(d => Texts(d)), t.Header.Select(TableValue.OfText).ToArray(), .. t.Rows]));
        return sheets;
    }

    /// <summary>The tables of a run: the figures printed in the section (facts), then each chart's table.</summary>
    public static StatisticalTables Build(string title, IReadOnlyList<Fact> facts, IReadOnlyList<ChartFigure> figures, IReadOnlyList<string> cover)
    {
        var notes = new List<(string, string)>
        {
            ("Note 1", OutputWording.NoteShorthand),
            ("Note 2", OutputWording.NoteRounding),
            ("Note 3", OutputWording.NoteEnquiries),
        };
        var tables = new List<StatisticalTable>
        {
            new("Table_1", OutputWording.FactsTableTitle, [OutputWording.FactsTableDescription, OutputWording.NotesApply("1, 2")],
                ["Figure", "As printed", "Value (full precision)", "Numerator", "Denominator", "Denominator counts", "Filter", "Source"],
                // A withheld fact keeps its value in facts.json (the analyst's working file), not in a table to publish.
                facts.Select(f => (IReadOnlyList<TableValue>)
                [
                    TableValue.OfText(f.Description), TableValue.OfText(f.Suppression is not null && f.Printed.Length == 0 ? "[c]" : f.Printed),
                    f.Suppression is not null ? TableValue.OfText("[c]") : f.Value is { } v ? TableValue.Of((double)v) : TableValue.OfText("[x]"),
                    f.Suppression is not null && f.Numerator is not null ? TableValue.OfText("[c]") : f.Numerator is { } n ? TableValue.Of(n) : TableValue.OfText("[z]"),
                    f.Suppression is not null && f.Denominator is not null ? TableValue.OfText("[c]") : f.Denominator is { } d ? TableValue.Of(d) : TableValue.OfText("[z]"),
                    TableValue.OfText(f.DenominatorLabel ?? "[z]"), TableValue.OfText(f.Filter ?? "[z]"), TableValue.OfText(f.Source ?? "[x]"),
                ]).ToList(),
                ["Note 1", "Note 2"]),
        };
        var i = 2;
        foreach (var figure in figures)
            tables.Add(FromFigure($"Table_{i++}", figure));
        return new StatisticalTables(title, cover, notes, tables);
    }

    /// <summary>A chart's table with its numeric columns as numbers: "5,690" → 5690, "44.4%" → 44.4 (the header says %).</summary>
    static StatisticalTable FromFigure(string sheet, ChartFigure figure)
    {
        var t = figure.Table;
        var percent = new bool[t.Header.Count];
        var rows = t.Rows.Select(r => (IReadOnlyList<TableValue>)r.Select((cell, c) =>
        {
            if (c >= t.Numeric.Count || !t.Numeric[c]) return TableValue.OfText(cell);
            var m = NumberPattern().Match(cell.Trim());
            if (!m.Success) return TableValue.OfText(cell);
            if (m.Groups["percent"].Success) percent[c] = true;
            return TableValue.Of(double.Parse(m.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
        }).ToArray()).ToList();
        var header = t.Header.Select((h, c) => percent[c] && !h.Contains('%', StringComparison.Ordinal) ? h + " (%)" : h).ToList();
        return new StatisticalTable(sheet, figure.Title, [figure.Source, OutputWording.NotesApply("1, 2")], header, rows, ["Note 1", "Note 2"]);
    }

    [GeneratedRegex(@"^(?<number>[+-]?\d{1,3}(,\d{3})*(\.\d+)?|[+-]?\d+(\.\d+)?)(?<percent>%)?$")]
    private static partial Regex NumberPattern();
}
