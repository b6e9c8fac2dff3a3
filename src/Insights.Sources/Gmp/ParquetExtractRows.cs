using System.Globalization;
using ParquetSharp;

namespace Insights.Sources.Gmp;

/// <summary>
/// A Parquet extract (a lakehouse table's file, or an analyst's <c>extract.parquet</c>) as extract rows: row 1 is
/// the header (the column names), then one row per Parquet row, numbered as a spreadsheet would (from 2). Read
/// column-wise: each row group's columns are read whole with ParquetSharp's column readers, and only that row
/// group is held. Values reach the reader as a CSV with the same content would give them (text as text, numbers
/// as their invariant text), so the checks and messages are the CSV's; a DATE or TIMESTAMP column gives date
/// cells, as an Excel date does. A column of a type that is no field of an extract (nested, binary, decimal) is
/// refused when the file is opened; the types of the columns the reader uses are checked once the header is mapped
/// (<see cref="Mapped"/>).
/// </summary>
sealed class ParquetExtractRows : ExtractRows
{
    readonly ParquetFileReader _file;
    readonly string _path;
    readonly ValueKind[] _kinds;
    readonly string[] _names;
    readonly Array?[] _group;
    readonly bool[] _optional;
    int _groupIndex = -1, _groupRows, _inGroup = -1;
    int _row;

    /// <summary>How a column's values are read and handed on.</summary>
    enum ValueKind { Text, Int32, Int64, Float, Double, Boolean, Date, Timestamp }

    ParquetExtractRows(string path, ParquetFileReader file)
    {
        (_path, _file) = (path, file);
        var schema = file.FileMetaData.Schema;
        _names = new string[schema.NumColumns];
        _kinds = new ValueKind[schema.NumColumns];
        for (var i = 0; i < schema.NumColumns; i++)
        {
            var column = schema.Column(i);
            _names[i] = column.Name;
            using var logical = column.LogicalType;
            using var columnPath = column.Path;
            // A nested column's leaves (a list, a struct) are not one field each: the extract is one flat table.
            var nested = column.MaxRepetitionLevel > 0 || columnPath.ToDotVector().Length > 1;
            _kinds[i] = KindOf(column.PhysicalType, logical, nested)
                ?? throw new InputException(new SourceLocation(path, Column: $"'{_names[i]}'"),
                    $"a {Describe(column.PhysicalType, logical)} column; expected text, a whole number, a number, a date or a timestamp in each column of an extract");
        }
        _group = new Array?[schema.NumColumns];
        _optional = [.. Enumerable.Range(0, schema.NumColumns).Select(i => schema.Column(i).MaxDefinitionLevel > 0)];
    }

    /// <summary>Opens <paramref name="path"/>; a file that is not Parquet is an input error, not a crash.</summary>
    public static ParquetExtractRows Open(string path)
    {
        ParquetFileReader? file = null;
        try
        {
            file = new ParquetFileReader(path) { LogicalTypeFactory = new LogicalTypeFactory { DateAsDateOnly = true } };
            return new ParquetExtractRows(path, file);
        }
        catch (ParquetException)
        {
            file?.Dispose();
            throw new InputException(new SourceLocation(path), "not a Parquet file, or a damaged one (expected a Parquet file written by Spark, pandas, DuckDB, Power BI or similar: save the extract as CSV if in doubt)");
        }
        catch
        {
            file?.Dispose();
            throw;
        }
    }

    public override string File => _path;
    public override int Row => _row;
    public override int FieldCount => _names.Length;

    public override bool Read()
    {
        if (_row == 0) return (_row = 1) == 1;   // the header
        while (++_inGroup >= _groupRows)
        {
            if (++_groupIndex >= _file.FileMetaData.NumRowGroups) return false;
            ReadGroup(_groupIndex);
        }
        _row++;
        return true;
    }

    /// <summary>Reads every column of one row group, whole, with ParquetSharp's column readers.</summary>
    void ReadGroup(int index)
    {
        using var group = _file.RowGroup(index);
        _groupRows = checked((int)group.MetaData.NumRows);
        _inGroup = -1;   // Read moves to its first row
        for (var c = 0; c < _names.Length; c++)
            _group[c] = _kinds[c] switch
            {
                ValueKind.Text => Column<string?>(group, c),
                ValueKind.Int32 => Values<int>(group, c),
                ValueKind.Int64 => Values<long>(group, c),
                ValueKind.Float => Values<float>(group, c),
                ValueKind.Double => Values<double>(group, c),
                ValueKind.Boolean => Values<bool>(group, c),
                ValueKind.Date => Values<DateOnly>(group, c),
                _ => Values<DateTime>(group, c),
            };
    }

    /// <summary>A column of values, null where the file has none (a required column is read as it is declared).</summary>
    T?[] Values<T>(RowGroupReader group, int column) where T : struct =>
        _optional[column] ? Column<T?>(group, column) : [.. Column<T>(group, column).Select(v => (T?)v)];

    T[] Column<T>(RowGroupReader group, int column)
    {
        var values = new T[_groupRows];
        using var reader = group.Column(column).LogicalReader<T>();
        reader.ReadBatch(values, 0, _groupRows);
        return values;
    }

    public override bool TryGetText(int field, out ReadOnlySpan<char> text)
    {
        if (_row == 1)
        {
            text = _names[field];
            return true;
        }
        var i = _inGroup;
        switch (_group[field])
        {
            // A date is a typed cell (Cell), as an Excel date is; a missing one is a blank field.
            case DateOnly?[] d when d[i] is not null:
            case DateTime?[] t when t[i] is not null:
                text = default;
                return false;
            case string?[] s: text = s[i]; break;
            case int?[] n: text = n[i]?.ToString(CultureInfo.InvariantCulture); break;
            case long?[] n: text = n[i]?.ToString(CultureInfo.InvariantCulture); break;
            case float?[] n: text = n[i]?.ToString("R", CultureInfo.InvariantCulture); break;
            case double?[] n: text = n[i]?.ToString("R", CultureInfo.InvariantCulture); break;
            case bool?[] b: text = b[i] is { } v ? (v ? "true" : "false") : null; break;
            default: text = default; break;
        }
        return true;
    }

    public override Cell Cell(int field) => _group[field] switch
    {
        DateOnly?[] d => Sources.Cell.FromDate(d[_inGroup]!.Value.ToDateTime(TimeOnly.MinValue)),
        DateTime?[] t => Sources.Cell.FromDate(t[_inGroup]!.Value),
        _ => throw new InvalidOperationException("only date and timestamp columns give typed cells"),
    };

    /// <summary>The columns the reader uses, by canonical name, once the header is mapped: each must hold what a CSV
    /// column of that name could (a date column dates or text; an age whole numbers or text; the rest text, and an
    /// id whole numbers too). A wrong type is named with the file and column rather than left to the first row.</summary>
    public override void Mapped(IReadOnlyDictionary<string, int> columns)
    {
        foreach (var (canonical, field) in columns)
        {
            var kind = _kinds[field];
            var expected = canonical switch
            {
                GmpColumns.DateLogged => kind is ValueKind.Date or ValueKind.Timestamp or ValueKind.Text ? null : "a DATE or TIMESTAMP column, or text dates",
                GmpColumns.Age => kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Text ? null : "whole numbers of years (INT32 or INT64), or text",
                GmpColumns.EnquiryId => kind is ValueKind.Text or ValueKind.Int32 or ValueKind.Int64 ? null : "text or whole numbers",
                _ => kind is ValueKind.Text ? null : "text",
            };
            if (expected is not null)
                throw new InputException(new SourceLocation(_path, Column: _names[field] == canonical ? canonical : $"'{_names[field]}' ({canonical})"),
                    $"a {KindName(kind)} column; expected {expected}");
        }
    }

    static string KindName(ValueKind kind) => kind switch
    {
        ValueKind.Text => "text",
        ValueKind.Int32 => "INT32",
        ValueKind.Int64 => "INT64",
        ValueKind.Float => "FLOAT",
        ValueKind.Double => "DOUBLE",
        ValueKind.Boolean => "BOOLEAN",
        ValueKind.Date => "DATE",
        _ => "TIMESTAMP",
    };

    static ValueKind? KindOf(PhysicalType physical, LogicalType logical, bool nested)
    {
        if (nested) return null;
        return (physical, logical) switch
        {
            (PhysicalType.ByteArray, StringLogicalType) => ValueKind.Text,
            (PhysicalType.Int32, DateLogicalType) => ValueKind.Date,
            (PhysicalType.Int64, TimestampLogicalType { TimeUnit: not TimeUnit.Nanos }) => ValueKind.Timestamp,
            (PhysicalType.Int32, NoneLogicalType or IntLogicalType { BitWidth: 32, IsSigned: true }) => ValueKind.Int32,
            (PhysicalType.Int64, NoneLogicalType or IntLogicalType { BitWidth: 64, IsSigned: true }) => ValueKind.Int64,
            (PhysicalType.Float, NoneLogicalType) => ValueKind.Float,
            (PhysicalType.Double, NoneLogicalType) => ValueKind.Double,
            (PhysicalType.Boolean, NoneLogicalType) => ValueKind.Boolean,
            _ => null,
        };
    }

    static string Describe(PhysicalType physical, LogicalType logical) =>
        logical is NoneLogicalType ? physical.ToString().ToUpperInvariant() : $"{physical.ToString().ToUpperInvariant()} ({logical})";

    protected override void Dispose(bool disposing)
    {
        if (disposing) _file.Dispose();
    }
}
