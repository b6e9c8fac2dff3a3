using Insights.Outputs.Tables;
using System.IO.Compression;
using System.Text;
using Insights.Sources;
using Insights.Sources.Ods;

namespace Insights.Tests;

public class OdsWriterTests
{
    private static byte[] Write(params Sheet[] sheets)
    {
        using var memory = new MemoryStream();
        OdsWriter.Write(memory, sheets);
        return memory.ToArray();
    }

    private static Workbook RoundTrip(params Sheet[] sheets) => OdsReader.Read(new MemoryStream(Write(sheets)), "roundtrip.ods");

    private static string ContentXml(byte[] ods)
    {
        using var zip = new ZipArchive(new MemoryStream(ods));
        using var reader = new StreamReader(zip.GetEntry("content.xml")!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Sheet Table2() => new SheetBuilder("Table_2")
        .MergedRow("Table 2: Number of NRM referrals by year & quarter <age>", 4)
        .Row("Source: Home Office")
        .EmptyRows(2)
        .Row("Year", "Quarter", "Adult (18 or over)", "Total")
        .Row(2023, null, 8580, 16990)
        .Row(null, "Q4", 1978, 4142)
        .Row(null, "Q3", "[c]", 4131.5)
        .Build();

    [Fact]
    public void Round_trip_keeps_every_cell()
    {
        var written = new SheetBuilder("Mixed")
            .Row("  two leading spaces", "a   run", "tab\there", "line one\nline two", "trailing ", "x & <y> \"z\"")
            .Row(0, -1.5, 0.1 + 0.2, 1e-12, 123456789012L, 2.5m)
            .Row(new DateTime(2024, 3, 7), new DateOnly(2023, 12, 31), true, false, "[x]", "[low]")
            .Build();
        var read = RoundTrip(written).Sheets.Single();
        Assert.Equal("Mixed", read.Name);
        for (var r = 0; r < written.Rows.Count; r++)
            for (var c = 0; c < written.Rows[r].Count; c++)
            {
                var expected = written.Rows[r][c];
                var actual = read[r, c];
                Assert.Equal(expected.Kind, actual.Kind);
                Assert.Equal(expected.Text, actual.Text);
                Assert.Equal(expected.Number, actual.Number);   // 0.30000000000000004 must survive exactly
                Assert.Equal(expected.Date, actual.Date);
                Assert.Equal(expected.Shorthand, actual.Shorthand);
            }
    }

    [Fact]
    public void Round_trip_keeps_layout_merges_and_shorthand()
    {
        var read = RoundTrip(new SheetBuilder("Cover_sheet").Row("Modern Slavery").Build(), Table2());
        Assert.Equal(["Cover_sheet", "Table_2"], read.Sheets.Select(s => s.Name));
        var sheet = read.Sheets[1];
        Assert.Equal("Table 2: Number of NRM referrals by year & quarter <age>", sheet[0, 0].Text);
        Assert.True(sheet[2, 0].IsEmpty);
        Assert.Equal("Year", sheet[4, 0].Text);
        Assert.Equal(4142, sheet[6, 3].Number);
        Assert.Equal(CellKind.Shorthand, sheet[7, 2].Kind);
        Assert.Equal(4131.5, sheet[7, 3].Number);
    }

    [Fact]
    public void Covered_cells_are_written_under_a_spanning_cell()
    {
        var xml = ContentXml(Write(new SheetBuilder("T").Row("Title", Cell.Covered, Cell.Covered, "after").Build()));
        Assert.Contains("table:number-columns-spanned=\"3\"", xml);
        Assert.Contains("<table:covered-table-cell table:number-columns-repeated=\"2\" />", xml);
        var read = OdsReader.Read(new MemoryStream(Write(new SheetBuilder("T").Row("Title", Cell.Covered, Cell.Covered, "after").Build())), "t.ods").Sheets[0];
        Assert.True(read[0, 1].IsCovered);
        Assert.Equal("after", read[0, 3].Text);
    }

    [Fact]
    public void A_merged_title_writes_its_covered_cells_even_at_the_end_of_the_row()
    {
        // A span must be followed by the cells it covers, or spreadsheet programs disagree about the grid.
        var xml = ContentXml(Write(new SheetBuilder("T").MergedRow("Table 2: title", 4).Build()));
        Assert.Contains("table:number-columns-spanned=\"4\"", xml);
        Assert.Contains("<table:covered-table-cell table:number-columns-repeated=\"3\" />", xml);
    }

    [Fact]
    public void A_non_finite_number_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Write(new SheetBuilder("T").Row(double.NaN).Build()));
    }

    [Fact]
    public void Writing_the_same_sheets_twice_gives_identical_bytes()
    {
        // Samples are committed: a rebuild must not show as a change.
        var first = Write(Table2());
        Thread.Sleep(1100);   // a timestamp with one-second resolution would differ now
        Assert.Equal(first, Write(Table2()));
    }

    [Fact]
    public void Mimetype_is_the_first_entry_stored_uncompressed()
    {
        // ODF sniffing reads "mimetype" and its content at fixed offsets 30 and 38 of the file.
        var bytes = Write(Table2());
        Assert.Equal("mimetype", Encoding.ASCII.GetString(bytes, 30, 8));
        Assert.Equal(0, bytes[8] | bytes[9] << 8);     // compression method 0: stored
        Assert.Equal(0, bytes[28] | bytes[29] << 8);   // no extra field, so the content starts at offset 38
        Assert.Equal(OdsReader.MimeType, Encoding.ASCII.GetString(bytes, 38, OdsReader.MimeType.Length));
        using var zip = new ZipArchive(new MemoryStream(bytes));
        Assert.Equal(["mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml"], zip.Entries.Select(e => e.FullName));
        Assert.Equal(zip.Entries[0].Length, zip.Entries[0].CompressedLength);
    }

    [Fact]
    public void Numbers_are_floats_with_value_and_display_text()
    {
        var xml = ContentXml(Write(new SheetBuilder("T").Row(4142, 0.25).Build()));
        Assert.Contains("<table:table-cell office:value-type=\"float\" office:value=\"4142\"><text:p>4142</text:p></table:table-cell>", xml);
        Assert.Contains("office:value=\"0.25\"", xml);
    }

    [Fact]
    public void Runs_of_spaces_are_written_as_text_s()
    {
        var xml = ContentXml(Write(new SheetBuilder("T").Row("a    b", " lead").Build()));
        Assert.Contains("<text:p>a <text:s text:c=\"3\" />b</text:p>", xml);
        Assert.Contains("<text:p><text:s />lead</text:p>", xml);
    }

    [Fact]
    public void Runs_of_empty_cells_and_rows_are_compressed()
    {
        var sheet = new SheetBuilder("T").Row("a", null, null, null, null, null, "b").EmptyRows(40).Row("c").Build();
        var xml = ContentXml(Write(sheet));
        Assert.Contains("<table:table-cell table:number-columns-repeated=\"5\" />", xml);
        Assert.Contains("table:number-rows-repeated=\"40\"", xml);
        Assert.Equal("c", OdsReader.Read(new MemoryStream(Write(sheet)), "t.ods").Sheets[0][41, 0].Text);
    }

    [Fact]
    public void Writes_to_a_file_path()
    {
        using var file = new OdsFixture.TempFile(".ods");
        OdsWriter.Write(file.Path, [Table2()]);
        Assert.Equal(4142, OdsReader.Read(file.Path).Sheets[0][6, 3].Number);
    }

    [Fact]
    public void Duplicate_sheet_names_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Write(new SheetBuilder("Table_2").Build(), new SheetBuilder("table_2").Build()));
    }

    [Fact]
    public void Sheet_builder_places_a_table_starting_in_column_b()
    {
        // 2022 Q2-Q3 releases left column A empty and started the table in column B.
        var sheet = new SheetBuilder("Table_11").RowAt(1, "Police first responder", "Total").Build();
        Assert.True(sheet[0, 0].IsEmpty);
        Assert.Equal("Police first responder", sheet[0, 1].Text);
    }
}
