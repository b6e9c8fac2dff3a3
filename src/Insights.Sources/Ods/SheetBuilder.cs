using System.Globalization;

namespace Insights.Sources.Ods;

/// <summary>
/// Builds a <see cref="Sheet"/> row by row from plain values, for sample workbooks and test fixtures:
/// <c>new SheetBuilder("Table_2").Row("Table 2: ...").Row().Row("Year", "Quarter", "Total").Row(2023, "Q1", 4746).Build()</c>.
/// Values: null → empty; string → text (GSS shorthand such as "[c]" recognised); int, long, double, decimal → number;
/// DateTime, DateOnly → date; bool → boolean; a <see cref="Cell"/> as given (e.g. <see cref="Cell.Covered"/>).
/// </summary>
public sealed class SheetBuilder(string name)
{
    private readonly List<IReadOnlyList<Cell>> _rows = [];

    public string Name { get; } = name;

    public int RowCount => _rows.Count;

    /// <summary>Adds one row; no values gives an empty row.</summary>
    public SheetBuilder Row(params object?[] values)
    {
        _rows.Add(values.Select(ToCell).ToArray());
        return this;
    }

    /// <summary>Adds a row starting at a 0-based column, the columns before it empty (tables starting in column B).</summary>
    public SheetBuilder RowAt(int firstColumn, params object?[] values)
    {
        _rows.Add(Enumerable.Repeat(Cell.Empty, firstColumn).Concat(values.Select(ToCell)).ToArray());
        return this;
    }

    /// <summary>A title merged across <paramref name="width"/> columns: the text, then covered cells.</summary>
    public SheetBuilder MergedRow(string text, int width)
    {
        _rows.Add([Cell.FromText(text), .. Enumerable.Repeat(Cell.Covered, Math.Max(0, width - 1))]);
        return this;
    }

    public SheetBuilder EmptyRows(int count)
    {
        for (var i = 0; i < count; i++) _rows.Add([]);
        return this;
    }

    public Sheet Build() => new(Name, _rows.ToArray());

    public static Cell ToCell(object? value) => value switch
    {
        null => Cell.Empty,
        Cell c => c,
        string s => Cell.FromText(s),
        int i => Cell.FromNumber(i),
        long l => Cell.FromNumber(l),
        double d => Cell.FromNumber(d),
        float f => Cell.FromNumber(f),
        decimal m => Cell.FromNumber((double)m, m.ToString(CultureInfo.InvariantCulture)),
        DateTime dt => Cell.FromDate(dt),
        DateOnly d => Cell.FromDate(d.ToDateTime(TimeOnly.MinValue)),
        bool b => new Cell(CellKind.Boolean, b ? "TRUE" : "FALSE", b ? 1 : 0),
        _ => throw new ArgumentException($"a sheet cell cannot hold a {value.GetType().Name}", nameof(value)),
    };
}
