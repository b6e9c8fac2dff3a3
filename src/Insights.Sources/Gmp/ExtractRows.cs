using System.Globalization;
using Insights.Sources.Csv;

namespace Insights.Sources.Gmp;

/// <summary>
/// The rows of one extract file, one at a time, as <see cref="GmpExtractReader"/> reads them: the seam a format
/// implements (CSV, an XLSX or ODS sheet, Parquet). Rows come in file order with the row number messages give
/// (the header too: the reader takes the first non-empty row as the header); a field is either raw text (read as
/// <see cref="Cell.FromText"/> cleaned, once per distinct text) or a typed cell (a number, a date). Nothing is kept
/// between rows, so a source can stream a file of any size.
/// </summary>
public abstract class ExtractRows : IDisposable
{
    /// <summary>The file named in messages.</summary>
    public abstract string File { get; }

    /// <summary>The sheet named in messages, if the format has sheets.</summary>
    public virtual string? Sheet => null;

    /// <summary>The workbook's other sheets, when the first was read because no sheet was named.</summary>
    public virtual IReadOnlyList<string> OtherSheets => [];

    /// <summary>Moves to the next row; false after the last. May throw an <see cref="InputException"/> for a file
    /// that cannot be read as rows (an unclosed quote, a row of the wrong length).</summary>
    public abstract bool Read();

    /// <summary>The current row's 1-based number as a spreadsheet shows it.</summary>
    public abstract int Row { get; }

    public abstract int FieldCount { get; }

    /// <summary>True, with the field's text as the file has it, when the field is text; false for a typed cell,
    /// read with <see cref="Cell"/>. Valid until the next <see cref="Read"/>.</summary>
    public abstract bool TryGetText(int field, out ReadOnlySpan<char> text);

    /// <summary>A field that is not text, cleaned (<see cref="Cell.Cleaned"/>).</summary>
    public virtual Cell Cell(int field) => throw new NotSupportedException("a text-only source has no typed cells");

    /// <summary>Called once the header is mapped, with each canonical column's field: a typed format (Parquet)
    /// checks here that each column's type can hold its values, and throws an <see cref="InputException"/> naming
    /// the column otherwise. Text formats have nothing to check.</summary>
    public virtual void Mapped(IReadOnlyDictionary<string, int> columns) { }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the source holds open.</summary>
    protected virtual void Dispose(bool disposing) { }
}

/// <summary>A CSV file's records as extract rows. A record with more or fewer fields than the header is refused,
/// once the whole file has parsed (so a broken quote further on is still the error reported, as before).</summary>
sealed class CsvExtractRows(CsvRecords records) : ExtractRows
{
    int _headerFields = -1, _headerRow;
    InputException? _wrongLength;

    public override string File => records.Path;
    public override int Row => records.Number;
    public override int FieldCount => records.FieldCount;

    public override bool TryGetText(int field, out ReadOnlySpan<char> text)
    {
        text = records[field];
        return true;
    }

    public override bool Read()
    {
        if (!records.Read())
        {
            if (_wrongLength is not null) throw _wrongLength;
            return false;
        }
        if (_wrongLength is not null) return true;
        if (_headerFields < 0)
        {
            if (AnyText())
            {
                _headerFields = records.FieldCount;
                _headerRow = records.Number;
            }
        }
        // A lost or extra comma would shift every value after it into the wrong column and still be read. Rows of
        // nothing but commas are blank rows, skipped by the reader.
        else if (records.FieldCount != _headerFields && AnyText())
            _wrongLength = new InputException(new SourceLocation(File, Row: records.Number),
                $"{records.FieldCount.ToString(CultureInfo.InvariantCulture)} fields, the header (row {_headerRow.ToString(CultureInfo.InvariantCulture)}) has {_headerFields.ToString(CultureInfo.InvariantCulture)} (a missing or extra comma would shift the values after it into the wrong columns)");
        return true;
    }

    bool AnyText()
    {
        for (var i = 0; i < records.FieldCount; i++)
            if (!records[i].IsWhiteSpace()) return true;
        return false;
    }
}

/// <summary>A sheet of an XLSX or ODS workbook as extract rows (read whole by the workbook readers: such files are small).</summary>
sealed class SheetExtractRows(string file, Sheet sheet, IReadOnlyList<string> otherSheets) : ExtractRows
{
    int _index = -1;
    IReadOnlyList<Cell> _cells = [];

    public override string File => file;
    public override string? Sheet => sheet.Name;
    public override IReadOnlyList<string> OtherSheets => otherSheets;
    public override int Row => _index + 1;
    public override int FieldCount => _cells.Count;

    public override bool Read()
    {
        if (++_index >= sheet.Rows.Count) return false;
        _cells = sheet.Rows[_index];
        return true;
    }

    public override bool TryGetText(int field, out ReadOnlySpan<char> text)
    {
        text = default;
        return false;
    }

    public override Cell Cell(int field) => _cells[field].Cleaned();
}
