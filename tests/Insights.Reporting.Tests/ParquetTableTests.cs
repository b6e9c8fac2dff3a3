using Insights.Store;
using ParquetSharp;

namespace Insights.Tests;

/// <summary>
/// Each Parquet table's columns are declared once (<see cref="ParquetTable{TRow}"/>), and the writer and the reader
/// both use that declaration: these tests fail if a file's columns differ from it (name, type, nullability, order),
/// if a declared column is not read back into the row, or if a file of another shape is read as the table.
/// </summary>
public sealed class ParquetTableTests : IDisposable
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), "insights-parquet-table-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    static readonly NrmSeriesRow[] SeriesRows =
    [
        new("2023Q4", 2023, 3, new DateOnly(2023, 7, 1), new DateOnly(2023, 9, 30), "Adult (18 or over)", "UK", 1911, null, "input: nrm.ods"),
        new("2023Q4", 2023, 4, new DateOnly(2023, 10, 1), new DateOnly(2023, 12, 31), "Child (17 or under)", "Overseas", null, "[x]", "input: nrm.ods"),
    ];

    static readonly NrmForecastRow[] ForecastRows =
    [
        new("2023Q4", 2024, 1, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31), "drift", 1, 4210.5, 3910.5, 4510.5, 3710.5, 4710.5),
    ];

    /// <summary>The file's schema as ParquetSharp reads it: name, physical and logical type, repetition, in order.</summary>
    static List<string> FileColumns(string path)
    {
        using var file = new ParquetFileReader(path);
        var schema = file.FileMetaData.Schema;
        var columns = Enumerable.Range(0, schema.NumColumns).Select(i =>
        {
            var c = schema.Column(i);
            using var node = c.SchemaNode;
            return $"{c.Name} {c.PhysicalType} {c.LogicalType.Type} {node.Repetition}";
        }).ToList();
        file.Close();
        return columns;
    }

    /// <summary>What the declaration says each column is: the same four things, from its .NET value type.</summary>
    static List<string> Declared<TRow>(ParquetTable<TRow> table) =>
        [.. table.Columns.Select(c => c.Name + " " + (Nullable.GetUnderlyingType(c.ValueType) ?? c.ValueType).Name switch
        {
            "Int32" => "Int32 Int",
            "Double" => "Double None",
            "Boolean" => "Boolean None",
            "DateOnly" => "Int32 Date",
            "String" => "ByteArray String",
            var other => other,
        } + (c.ValueType.IsValueType && !c.Nullable ? " Required" : " Optional"))];

    void Round_trip<TRow>(ParquetTable<TRow> table, TRow[] rows)
    {
        var folder = Path.Combine(_dir, Guid.NewGuid().ToString("N"));
        var files = table.Write(folder, rows);
        // Written: every declared column, in order, of its declared type (strings are optional in ParquetSharp's files).
        Assert.All(files, f => Assert.Equal(Declared(table), FileColumns(f)));
        // Read: the same rows back, every field (a column not read would leave its field at the default).
        Assert.Equal(rows, table.Read(folder));
    }

    [Fact]
    public void Nrm_referrals_write_and_read_every_declared_column() => Round_trip(NrmReferralTable.Table, ParquetTests.NrmRows);

    [Fact]
    public void Nrm_series_write_and_read_every_declared_column() => Round_trip(NrmSeriesTable.Table, SeriesRows);

    [Fact]
    public void Gmp_enquiries_write_and_read_every_declared_column() => Round_trip(EnquiryAggregateTable.Table, ParquetTests.EnquiryRows);

    [Fact]
    public void Nrm_forecast_writes_and_reads_every_declared_column() => Round_trip(NrmForecastTable.Table, ForecastRows);

    [Fact]
    public void The_declared_columns_are_those_docs_outputs_md_lists()
    {
        // The published shapes (docs/outputs.md): a change to a table's columns is a change to what Power BI reads.
        Assert.Equal(["year", "quarter", "period_start", "period_end", "responder_type", "responder", "exploitation_type", "age_group", "gender", "nationality", "count", "missing_reason", "provenance"],
            NrmReferralTable.Table.Columns.Select(c => c.Name));
        Assert.Equal(["period_start", "period_end", "district", "exploitation_type", "age_group", "gender", "nationality", "count", "missing_reason", "provenance"],
            EnquiryAggregateTable.Table.Columns.Select(c => c.Name));
        Assert.Equal(["count", "missing_reason"], EnquiryAggregateTable.Table.Columns.Where(c => c.Nullable).Select(c => c.Name));
    }

    sealed record Pair(string Key, int Number, string Text);

    static readonly ParquetColumn<Pair, int> Number = new("number", p => p.Number);
    static readonly ParquetColumn<Pair, string> Text = new("text", p => p.Text);

    /// <summary>A well-declared table of two columns, read back whole.</summary>
    static readonly ParquetTable<Pair> Pairs = new("key", p => p.Key, [Number, Text], (key, c) =>
    {
        var (number, text) = (c.Of(Number), c.Of(Text));
        return i => new Pair(key, number[i], text[i]);
    });

    [Fact]
    public void A_column_declared_but_not_read_into_the_row_stops_the_read()
    {
        // The row forgets Text: the reader must say so, not return rows with a field left empty.
        var forgetful = new ParquetTable<Pair>("key", p => p.Key, [Number, Text], (key, c) =>
        {
            var number = c.Of(Number);
            return i => new Pair(key, number[i], "");
        });
        forgetful.Write(_dir, [new Pair("a", 1, "one")]);
        var e = Assert.Throws<InvalidOperationException>(() => forgetful.Read(_dir));
        Assert.Contains("'text' is declared but", e.Message);
    }

    [Fact]
    public void A_file_of_another_shape_is_refused_naming_the_file_and_column()
    {
        var file = Pairs.Write(_dir, [new Pair("a", 1, "one")])[0];

        // Same names, but "text" declared as a number: the reader names the column and what it expected.
        var asNumbers = new ParquetTable<Pair>("key", p => p.Key, [Number, new ParquetColumn<Pair, int>("text", p => p.Number)], (key, c) =>
        {
            var number = c.Of(Number);
            return i => new Pair(key, number[i], "");
        });
        var wrongType = Assert.Throws<InvalidDataException>(() => asNumbers.Read(_dir));
        Assert.Contains(file, wrongType.Message);
        Assert.Contains("column 'text' is ByteArray String (Optional); expected Int32 Int(bitWidth=32, isSigned=true) (Required) (Int32)", wrongType.Message);

        // A column the file does not have, or in another order.
        var reordered = new ParquetTable<Pair>("key", p => p.Key, [Text, Number], (key, c) =>
        {
            var (number, text) = (c.Of(Number), c.Of(Text));
            return i => new Pair(key, number[i], text[i]);
        });
        var wrongOrder = Assert.Throws<InvalidDataException>(() => reordered.Read(_dir));
        Assert.Contains("the columns are number, text; expected text, number", wrongOrder.Message);
    }

    [Fact]
    public void A_null_in_a_column_declared_without_nulls_is_refused_when_written()
    {
        var e = Assert.Throws<ArgumentException>(() => Pairs.Write(_dir, [new Pair("a", 1, null!)]));
        Assert.Contains("'text' holds no nulls", e.Message);
    }
}
