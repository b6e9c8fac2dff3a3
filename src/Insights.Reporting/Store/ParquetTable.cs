using System.Text.RegularExpressions;
using ParquetSharp;

namespace Insights.Store;

/// <summary>
/// A column of a Parquet table, declared once: its name, its value type, whether it may hold nulls, and how a row
/// gives its value. The writer writes it and the reader reads it from this one declaration, so they cannot disagree.
/// </summary>
public abstract class ParquetColumn<TRow>
{
    private protected ParquetColumn(string name, bool nullable) => (Name, Nullable) = (name, nullable);

    public string Name { get; }

    /// <summary>The .NET type of the values (<c>int?</c> for an optional INT32, <c>string</c> for UTF-8 text).</summary>
    public abstract Type ValueType { get; }

    /// <summary>Whether a value may be null (a count withheld, a reason given only when the count is missing).</summary>
    public bool Nullable { get; }

    /// <summary>The column as ParquetSharp declares it in a file's schema.</summary>
    internal abstract Column Schema();

    internal abstract void Write(RowGroupWriter group, TRow[] rows);

    internal abstract Array Read(ParquetFileReader file, int index, int rows, string path);
}

/// <summary>A column whose values are <typeparamref name="TValue"/>.</summary>
public sealed class ParquetColumn<TRow, TValue> : ParquetColumn<TRow>
{
    readonly Func<TRow, TValue> _value;

    /// <param name="nullable">For text only (a value type says it with <c>int?</c>): whether a value may be null.</param>
    public ParquetColumn(string name, Func<TRow, TValue> value, bool nullable = false)
        : base(name, typeof(TValue).IsValueType ? System.Nullable.GetUnderlyingType(typeof(TValue)) is not null : nullable) => _value = value;

    public override Type ValueType => typeof(TValue);

    internal override Column Schema() => new Column<TValue>(Name);

    internal override void Write(RowGroupWriter group, TRow[] rows)
    {
        using var column = group.NextColumn().LogicalWriter<TValue>();
        column.WriteBatch(rows.Select(r =>
        {
            var value = _value(r);
            if (value is null && !Nullable) throw new ArgumentException($"The Parquet column '{Name}' holds no nulls, but a row gives one.", nameof(rows));
            // Strings may be exported to CSV from Power BI or Excel: a formula-like category is neutralised here too.
            return value is string text ? (TValue)(object)Outputs.FormulaText.Neutralise(text) : value;
        }).ToArray());
    }

    internal override Array Read(ParquetFileReader file, int index, int rows, string path)
    {
        var result = new TValue[rows];
        var offset = 0;
        for (var g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            using var group = file.RowGroup(g);
            var n = checked((int)group.MetaData.NumRows);
            using var reader = group.Column(index).LogicalReader<TValue>();
            reader.ReadBatch(result, offset, n);
            offset += n;
        }
        if (!Nullable && default(TValue) is null && Array.IndexOf(result, default) >= 0)
            throw new InvalidDataException($"{path}: column '{Name}' holds a null, where a value was expected in every row.");
        return result;
    }
}

/// <summary>
/// The columns of one file as the reader asks for them, by their declarations. It remembers which were asked for, so
/// a column declared but never read is found (<see cref="ParquetTable{TRow}"/> then throws).
/// </summary>
public sealed class ParquetColumns<TRow>
{
    readonly Dictionary<ParquetColumn<TRow>, Array> _values;
    readonly HashSet<ParquetColumn<TRow>> _read = [];

    internal ParquetColumns(Dictionary<ParquetColumn<TRow>, Array> values) => _values = values;

    /// <summary>The values of <paramref name="column"/>, one per row in file order.</summary>
    public TValue[] Of<TValue>(ParquetColumn<TRow, TValue> column)
    {
        if (!_values.TryGetValue(column, out var values))
            throw new InvalidOperationException($"The Parquet column '{column.Name}' is read but not declared in its table.");
        _read.Add(column);
        return (TValue[])values;
    }

    internal IEnumerable<ParquetColumn<TRow>> NotRead => _values.Keys.Where(c => !_read.Contains(c));
}

/// <summary>
/// A fact table stored as Hive-style partitions (<c>key=value/part-0.parquet</c>): the partition key (in the folder
/// name only, as Hive expects), the columns in file order, and how a row is made from its partition and the columns
/// read. <see cref="Write"/> writes exactly <see cref="Columns"/>; <see cref="Read"/> refuses a file whose columns
/// differ from them (name, type, nullability, order) and a declaration whose row leaves a column unread.
/// </summary>
public sealed partial class ParquetTable<TRow>
{
    const string CreatedBy = "Insights (ParquetSharp)";
    readonly Func<TRow, string> _partitionOf;
    readonly Func<string, ParquetColumns<TRow>, Func<int, TRow>> _rows;

    /// <param name="rows">Given a file's partition value and its columns, takes each column's values (every declared
    /// column, by its declaration) and returns the row at an index.</param>
    public ParquetTable(string partitionKey, Func<TRow, string> partitionOf, IReadOnlyList<ParquetColumn<TRow>> columns,
                        Func<string, ParquetColumns<TRow>, Func<int, TRow>> rows)
    {
        if (columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != columns.Count || columns.Any(c => c.Name == partitionKey))
            throw new ArgumentException("A table's column names are distinct and differ from its partition key.", nameof(columns));
        (PartitionKey, _partitionOf, Columns, _rows) = (partitionKey, partitionOf, columns, rows);
    }

    public string PartitionKey { get; }

    /// <summary>The columns of every file, in file order.</summary>
    public IReadOnlyList<ParquetColumn<TRow>> Columns { get; }

    /// <summary>Writes <paramref name="folder"/>/key=…/part-0.parquet, one file per partition value in name order, rows
    /// in the order given. Byte-identical for the same rows (fixed created_by, no timestamps).</summary>
    public IReadOnlyList<string> Write(string folder, IReadOnlyList<TRow> rows)
    {
        var written = new List<string>();
        foreach (var part in rows.GroupBy(_partitionOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!PartitionValue().IsMatch(part.Key))
                throw new ArgumentException($"'{part.Key}' cannot name a {PartitionKey} folder: use letters, digits, '-', '_' or '.'.", nameof(rows));
            var dir = Path.Combine(folder, $"{PartitionKey}={part.Key}");
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, "part-0.parquet");
            var partRows = part.ToArray();
            using (var properties = new WriterPropertiesBuilder().CreatedBy(CreatedBy).Compression(Compression.Snappy).Build())
            using (var file = new ParquetFileWriter(path, [.. Columns.Select(c => c.Schema())], properties))
            {
                using (var group = file.AppendRowGroup())
                    foreach (var column in Columns) column.Write(group, partRows);
                file.Close();
            }
            written.Add(path);
        }
        return written;
    }

    /// <summary>Reads every partition under <paramref name="folder"/> (partitions in name order, rows in file order).</summary>
    public IReadOnlyList<TRow> Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No Parquet table at {folder}.");
        var rows = new List<TRow>();
        var prefix = PartitionKey + "=";
        foreach (var dir in Directory.GetDirectories(folder).Where(d => Path.GetFileName(d).StartsWith(prefix, StringComparison.Ordinal))
                                     .OrderBy(d => d, StringComparer.Ordinal))
        {
            var value = Path.GetFileName(dir)[prefix.Length..];
            foreach (var path in Directory.GetFiles(dir, "*.parquet").OrderBy(p => p, StringComparer.Ordinal))
            {
                using var file = new ParquetFileReader(path) { LogicalTypeFactory = new LogicalTypeFactory { DateAsDateOnly = true } };
                CheckSchema(file, path);
                var n = checked((int)file.FileMetaData.NumRows);
                var columns = new ParquetColumns<TRow>(Columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.c.Read(file, x.i, n, path)));
                var row = _rows(value, columns);
                if (columns.NotRead.FirstOrDefault() is { } unread)
                    throw new InvalidOperationException($"The Parquet column '{unread.Name}' is declared but its table's rows do not read it.");
                for (var i = 0; i < n; i++) rows.Add(row(i));
                file.Close();
            }
        }
        return rows;
    }

    /// <summary>The file's columns are the declared ones, in order, each of the declared type; else it is not this table.</summary>
    void CheckSchema(ParquetFileReader file, string path)
    {
        var schema = file.FileMetaData.Schema;
        var names = Enumerable.Range(0, schema.NumColumns).Select(i => schema.Column(i).Name).ToList();
        if (!names.SequenceEqual(Columns.Select(c => c.Name), StringComparer.Ordinal))
            throw new InvalidDataException($"{path}: the columns are {string.Join(", ", names)}; expected {string.Join(", ", Columns.Select(c => c.Name))}.");
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = schema.Column(i);
            using var node = column.SchemaNode;
            using var logical = column.LogicalType;
            var actual = Describe(column.PhysicalType, logical, node.Repetition);
            using var declared = (ParquetSharp.Schema.PrimitiveNode)Columns[i].Schema().CreateSchemaNode();
            using var declaredLogical = declared.LogicalType;
            var expected = Describe(declared.PhysicalType, declaredLogical, declared.Repetition);
            if (actual != expected)
                throw new InvalidDataException($"{path}: column '{Columns[i].Name}' is {actual}; expected {expected} ({Columns[i].ValueType.Name}).");
        }
    }

    static string Describe(PhysicalType physical, LogicalType logical, Repetition repetition) => $"{physical} {logical} ({repetition})";

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex PartitionValue();
}
