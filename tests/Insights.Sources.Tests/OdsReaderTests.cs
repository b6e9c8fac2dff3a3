using System.Text;
using Insights.Sources;
using Insights.Sources.Ods;
using static Insights.Tests.OdsFixture;

namespace Insights.Tests;

public class OdsReaderTests
{
    private const string Empty1M = "<table:table-row table:number-rows-repeated=\"1048000\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>";

    private static string Text(string text) => $"<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"><text:p>{text}</text:p></table:table-cell>";

    private static string Float(string value, string display) =>
        $"<table:table-cell office:value-type=\"float\" office:value=\"{value}\" calcext:value-type=\"float\"><text:p>{display}</text:p></table:table-cell>";

    private static string Row(params string[] cells) => $"<table:table-row>{string.Concat(cells)}</table:table-row>";

    [Fact]
    public void Trailing_million_repeated_rows_are_not_expanded()
    {
        // Published NRM workbooks end each sheet with ~1,048,000 empty rows of 16,384 empty columns: expanding them
        // would be 17 billion cells. They must cost nothing and leave the grid as long as its data.
        var sheet = ReadSheet(
            Row(Text("Year"), Float("4142", "4142"), "<table:table-cell table:number-columns-repeated=\"16382\"/>") +
            Row(Text("x")) +
            Empty1M);
        Assert.Equal(2, sheet.Rows.Count);
        Assert.Equal(2, sheet.Rows[0].Count);
        Assert.Equal(2, sheet.ColumnCount);
    }

    [Fact]
    public void Empty_rows_between_data_keep_row_positions()
    {
        // A blank row between the title rows and the header must not shift the header up.
        var sheet = ReadSheet(Row(Text("Title")) + "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell/></table:table-row>" + Row(Text("Header")) + Empty1M);
        Assert.Equal(5, sheet.Rows.Count);
        Assert.Equal("Header", sheet[4, 0].Text);
        Assert.True(sheet[2, 0].IsEmpty);
    }

    [Fact]
    public void Covered_cells_keep_column_positions()
    {
        // A title merged across A:C (B and C covered) is followed by data in D: D must stay column 3.
        var sheet = ReadSheet(Row(
            "<table:table-cell table:number-columns-spanned=\"3\" table:number-rows-spanned=\"1\" office:value-type=\"string\"><text:p>Merged title</text:p></table:table-cell>",
            "<table:covered-table-cell table:number-columns-repeated=\"2\"/>",
            Float("7", "7")));
        Assert.Equal("Merged title", sheet[0, 0].Text);
        Assert.True(sheet[0, 1].IsCovered);
        Assert.True(sheet[0, 2].IsCovered);
        Assert.True(sheet[0, 2].IsEmpty);
        Assert.Equal(7, sheet[0, 3].Number);
    }

    [Fact]
    public void Covered_cell_content_is_hidden_and_does_not_swallow_the_next_cell()
    {
        // LibreOffice can keep the text of a merged-away cell inside covered-table-cell; it is not shown.
        var sheet = ReadSheet(Row(Text("A"), "<table:covered-table-cell office:value-type=\"string\"><text:p>hidden</text:p></table:covered-table-cell>", Text("C")));
        Assert.True(sheet[0, 1].IsEmpty);
        Assert.Equal("C", sheet[0, 2].Text);
    }

    [Fact]
    public void Rows_inside_header_rows_and_row_groups_are_not_lost()
    {
        // Outline (grouped) rows sit inside table:table-row-group, header rows inside table:table-header-rows.
        var sheet = ReadSheet(
            "<table:table-header-rows>" + Row(Text("Header")) + "</table:table-header-rows>" +
            "<table:table-row-group>" + Row(Text("Total")) +
            "<table:table-row-group table:display=\"false\">" + Row(Text("Adult")) + Row(Text("Child")) + "</table:table-row-group>" +
            "</table:table-row-group>" + Row(Text("After")) + Empty1M);
        Assert.Equal(["Header", "Total", "Adult", "Child", "After"], sheet.Rows.Select(r => r[0].Text));
    }

    [Fact]
    public void A_repeated_non_empty_cell_is_real_data()
    {
        var sheet = ReadSheet(Row("<table:table-cell table:number-columns-repeated=\"3\" office:value-type=\"float\" office:value=\"0\"><text:p>0</text:p></table:table-cell>", Text("end")));
        Assert.Equal([0.0, 0.0, 0.0], sheet.Rows[0].Take(3).Select(c => c.Number!.Value));
        Assert.Equal("end", sheet[0, 3].Text);
    }

    [Fact]
    public void A_repeated_non_empty_row_is_real_data()
    {
        var sheet = ReadSheet("<table:table-row table:number-rows-repeated=\"4\">" + Text("same") + "</table:table-row>" + Row(Text("last")));
        Assert.Equal(5, sheet.Rows.Count);
        Assert.Equal("same", sheet[3, 0].Text);
        Assert.Equal("last", sheet[4, 0].Text);
    }

    [Theory]
    [InlineData("[c]", "confidential")]
    [InlineData("[x]", "not available")]
    [InlineData("[z]", "not applicable")]
    [InlineData("[u]", "low reliability")]
    [InlineData("[low]", "rounds to zero")]
    public void Shorthand_is_missing_with_reason_not_zero(string shorthand, string meaning)
    {
        // GSS tables publish "[c]" where a count is suppressed: reading it as 0 would silently understate totals.
        var cell = ReadSheet(Row(Text(shorthand)))[0, 0];
        Assert.Equal(CellKind.Shorthand, cell.Kind);
        Assert.Null(cell.Number);
        Assert.Equal(meaning, Cell.ShorthandMeanings[cell.Shorthand!]);
    }

    [Fact]
    public void Shorthand_c_is_missing_with_reason_not_zero()
    {
        var cell = ReadSheet(Row(Text("[c]")))[0, 0];
        Assert.Equal(CellKind.Shorthand, cell.Kind);
        Assert.Equal("[c]", cell.Shorthand);
        Assert.NotEqual(CellKind.Number, cell.Kind);
    }

    [Fact]
    public void Float_keeps_full_value_and_display_text()
    {
        // The display text may be rounded or grouped ("1,139"); the value is what we compute with.
        var sheet = ReadSheet(Row(Float("1139", "1,139"), Float("0.274988", "27.5")));
        Assert.Equal(1139, sheet[0, 0].Number);
        Assert.Equal("1,139", sheet[0, 0].Text);
        Assert.Equal(0.274988, sheet[0, 1].Number);
        Assert.Equal(CellKind.Number, sheet[0, 1].Kind);
    }

    [Theory]
    [InlineData("percentage", "0.27", "27%", 0.27)]
    [InlineData("currency", "12.5", "£12.50", 12.5)]
    public void Percentage_and_currency_are_numbers_from_office_value(string type, string value, string display, double expected)
    {
        var cell = ReadSheet(Row($"<table:table-cell office:value-type=\"{type}\" office:value=\"{value}\"><text:p>{display}</text:p></table:table-cell>"))[0, 0];
        Assert.Equal(CellKind.Number, cell.Kind);
        Assert.Equal(expected, cell.Number);
        Assert.Equal(display, cell.Text);
    }

    [Fact]
    public void A_float_cell_without_text_shows_its_value()
    {
        var cell = ReadSheet(Row("<table:table-cell office:value-type=\"float\" office:value=\"42\"/>"))[0, 0];
        Assert.Equal(42, cell.Number);
        Assert.Equal("42", cell.Text);
    }

    [Fact]
    public void A_formula_error_is_text_not_zero()
    {
        // LibreOffice stores #DIV/0! as office:value-type="float" office:value="0", flagged only by calcext:value-type.
        var cell = ReadSheet(Row("<table:table-cell table:formula=\"of:=1/0\" office:value-type=\"float\" office:value=\"0\" calcext:value-type=\"error\"><text:p>#DIV/0!</text:p></table:table-cell>"))[0, 0];
        Assert.Equal(CellKind.Text, cell.Kind);
        Assert.Null(cell.Number);
        Assert.Equal("#DIV/0!", cell.Text);
    }

    [Fact]
    public void String_value_attribute_is_the_value_of_a_string_cell()
    {
        var cell = ReadSheet(Row("<table:table-cell office:value-type=\"string\" office:string-value=\"[c]\"><text:p>c</text:p></table:table-cell>"))[0, 0];
        Assert.Equal(CellKind.Shorthand, cell.Kind);
    }

    [Fact]
    public void A_table_starting_in_column_b_keeps_column_a_empty()
    {
        // The 2022 Q2-Q3 releases left column A empty; column positions must not shift left.
        var sheet = ReadSheet(Row("<table:table-cell table:style-name=\"ce1\"/>", Text("Table 11")) + Row("<table:table-cell/>", Text("Police first responder"), Float("12", "12")));
        Assert.True(sheet[0, 0].IsEmpty);
        Assert.Equal("Table 11", sheet[0, 1].Text);
        Assert.Equal(12, sheet[1, 2].Number);
    }

    [Fact]
    public void Date_cell_reads_office_date_value()
    {
        var cell = ReadSheet(Row("<table:table-cell office:value-type=\"date\" office:date-value=\"2024-03-07\"><text:p>7 March 2024</text:p></table:table-cell>"))[0, 0];
        Assert.Equal(CellKind.Date, cell.Kind);
        Assert.Equal(new DateTime(2024, 3, 7), cell.Date);
        Assert.Equal("7 March 2024", cell.Text);
    }

    [Fact]
    public void Boolean_cell_reads_office_boolean_value()
    {
        var cell = ReadSheet(Row("<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"true\"><text:p>TRUE</text:p></table:table-cell>"))[0, 0];
        Assert.Equal(CellKind.Boolean, cell.Kind);
        Assert.Equal(1, cell.Number);
    }

    [Fact]
    public void Text_s_expands_to_spaces()
    {
        // LibreOffice writes "a   b" as "a <text:s text:c=\"2\"/>b" because XML white space is collapsed.
        Assert.Equal("a   b", ReadSheet(Row(Text("a <text:s text:c=\"2\"/>b")))[0, 0].Text);
        Assert.Equal("  x", ReadSheet(Row(Text("<text:s text:c=\"2\"/>x")))[0, 0].Text);
        Assert.Equal("a  b", ReadSheet(Row(Text("a<text:s/><text:s/>b")))[0, 0].Text);
    }

    [Fact]
    public void Literal_white_space_runs_collapse_to_one_space()
    {
        Assert.Equal("Age at exploitation", ReadSheet(Row(Text("  Age   at\n exploitation")))[0, 0].Text);
    }

    [Fact]
    public void Tabs_line_breaks_spans_links_and_paragraphs_are_text()
    {
        var cell = ReadSheet(Row(
            "<table:table-cell office:value-type=\"string\"><text:p>Source: <text:span text:style-name=\"T1\">Home</text:span> Office<text:tab/>NRM</text:p>" +
            "<text:p>See <text:a xlink:href=\"https://www.gov.uk\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">gov.uk</text:a><text:line-break/>notes</text:p></table:table-cell>"))[0, 0];
        Assert.Equal("Source: Home Office\tNRM\nSee gov.uk\nnotes", cell.Text);
    }

    [Fact]
    public void A_comment_on_a_cell_is_not_its_text()
    {
        var cell = ReadSheet(Row(
            "<table:table-cell office:value-type=\"float\" office:value=\"5\"><office:annotation><dc:creator>Analyst</dc:creator><text:p>check this</text:p></office:annotation><text:p>5</text:p></table:table-cell>"))[0, 0];
        Assert.Equal("5", cell.Text);
        Assert.Equal(5, cell.Number);
    }

    [Fact]
    public void Sheets_are_read_in_order_with_their_names()
    {
        var workbook = Read(Content(Table("Cover_sheet", Row(Text("Modern Slavery"))) + Table("Contents", Row(Text("Table 1"))) + Table("Table_2", Row(Text("Year")))));
        Assert.Equal(["Cover_sheet", "Contents", "Table_2"], workbook.Sheets.Select(s => s.Name));
    }

    [Fact]
    public void Home_office_layout_is_read_with_titles_merged_cells_groups_and_trailing_repeats()
    {
        // Modelled on the Q4 2023 release: cover, contents and notes sheets, then Table_2 with six title rows in
        // column A (the title merged across the table width), the header in row 7, Year filled on the annual row only.
        var title = "<table:table-cell table:number-columns-spanned=\"4\" table:number-rows-spanned=\"1\" office:value-type=\"string\"><text:p>Table 2: Number of NRM referrals by year, quarter and age at exploitation</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated=\"3\"/><table:table-cell table:number-columns-repeated=\"16380\"/>";
        var table2 =
            $"<table:table-row>{title}</table:table-row>" +
            Row(Text("This worksheet contains one table.")) +
            Row(Text("Source: Home Office, National Referral Mechanism statistics")) +
            Row(Text("Some cells refer to notes which can be found in the notes worksheet.")) +
            Row(Text("Figures for earlier quarters are revised in each release.")) +
            "<table:table-row><table:table-cell/></table:table-row>" +
            "<table:table-header-rows>" + Row(Text("Year"), Text("Quarter"), Text("Adult (18 or over)"), Text("Total")) + "</table:table-header-rows>" +
            "<table:table-row-group>" + Row(Float("2023", "2023"), "<table:table-cell/>", Float("8580", "8580"), Float("16990", "16990")) +
            Row("<table:table-cell/>", Text("Q4"), Float("1978", "1978"), Float("4142", "4142")) + "</table:table-row-group>" +
            Empty1M;
        var workbook = Read(Content(
            Table("Cover_sheet", Row(Text("Modern Slavery: National Referral Mechanism and Duty to Notify statistics UK, quarter 4 2023")) + Empty1M) +
            Table("Table_of_contents", Row(Text("Worksheet name"), Text("Worksheet title")) + Row(Text("Table_2"), Text("Table 2: ...")) + Empty1M) +
            Table("Notes", Row(Text("Note number"), Text("Note text")) + Empty1M) +
            Table("Table_2", table2)), name: "modern-slavery-nrm-q4-2023-tables.ods");

        var sheet = workbook.Sheets.Single(s => s.Name == "Table_2");
        Assert.StartsWith("Table 2:", sheet[0, 0].Text);
        Assert.Single(sheet.Rows[0]);   // covered cells at the end of a row, like empty ones, are not stored
        Assert.Equal(["Year", "Quarter", "Adult (18 or over)", "Total"], sheet.Rows[6].Select(c => c.Text));
        Assert.Equal(2023, sheet[7, 0].Number);
        Assert.True(sheet[8, 0].IsEmpty);
        Assert.Equal("Q4", sheet[8, 1].Text);
        Assert.Equal(4142, sheet[8, 3].Number);
        Assert.Equal(9, sheet.Rows.Count);
        Assert.Equal(4, sheet.ColumnCount);
    }

    [Fact]
    public void Reads_from_a_file_path()
    {
        using var file = new TempFile(".ods", Zip(Content(Table("Table_1", Row(Text("a"))))));
        var workbook = OdsReader.Read(file.Path);
        Assert.Equal(file.Path, workbook.Path);
        Assert.Equal("a", workbook.Sheets[0][0, 0].Text);
    }
}
