using System.IO.Compression;
using System.Text;
using Insights.Sources;
using Insights.Sources.Ods;
using static Insights.Tests.OdsFixture;

namespace Insights.Tests;

/// <summary>Broken and hostile workbooks fail with one clear line naming the file and the limit, never OutOfMemory.</summary>
public class OdsHostileFileTests
{
    private static string Row(string cells) => $"<table:table-row>{cells}</table:table-row>";

    private static InputException Refused(byte[] file, OdsLimits? limits = null, string name = "hostile.ods") =>
        Assert.Throws<InputException>(() => OdsReader.Read(new MemoryStream(file), name, limits));

    [Fact]
    public void Not_a_zip_names_the_file()
    {
        var e = Refused(Encoding.UTF8.GetBytes("Year,Quarter,Total\n2023,Q4,4142\n"), name: "/data/nrm-q4-2023.ods");
        Assert.Equal("nrm-q4-2023.ods: not an ODS workbook (not a zip archive)", e.Message);
    }

    [Fact]
    public void An_empty_file_is_not_a_zip()
    {
        Assert.Contains("not a zip archive", Refused([]).Message);
    }

    [Fact]
    public void A_missing_file_names_the_file()
    {
        var e = Assert.Throws<InputException>(() => OdsReader.Read(Path.Combine(Path.GetTempPath(), "no-such-nrm-release.ods")));
        Assert.StartsWith("no-such-nrm-release.ods: cannot open the workbook", e.Message);
    }

    [Fact]
    public void A_zip_without_content_xml_is_refused()
    {
        var e = Refused(Zip(contentXml: null));
        Assert.Equal("hostile.ods: not an ODS workbook: the zip archive has no content.xml", e.Message);
    }

    [Fact]
    public void An_xlsx_workbook_is_told_apart()
    {
        // Analysts re-save the release as XLSX and may keep the .ods name.
        var e = Refused(Zip(contentXml: null, mimeType: null, extra: [("xl/workbook.xml", "<workbook/>"u8.ToArray())]));
        Assert.Contains("it is an XLSX workbook", e.Message);
    }

    [Fact]
    public void A_wrong_mimetype_is_refused()
    {
        var e = Refused(Zip(Content(Table("T", "")), mimeType: "application/vnd.oasis.opendocument.text"));
        Assert.Equal("hostile.ods: not an ODS workbook: mimetype is \"application/vnd.oasis.opendocument.text\", expected \"application/vnd.oasis.opendocument.spreadsheet\"", e.Message);
    }

    [Fact]
    public void Malformed_xml_gives_line_and_position_in_content_xml()
    {
        var xml = Content(Table("Table_2", Row("<table:table-cell office:value-type=\"string\"><text:p>Year</text:q></table:table-cell>")));
        var e = Refused(Zip(xml));
        Assert.StartsWith("hostile.ods, sheet Table_2, row 1: content.xml is not well-formed XML at line 2, position ", e.Message);
    }

    [Fact]
    public void A_document_type_declaration_is_refused()
    {
        // Entity expansion ("billion laughs") needs a DTD; none is allowed.
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\">]>" + Content(Table("T", "")).Split('\n', 2)[1];
        Assert.Contains("content.xml is not well-formed XML", Refused(Zip(xml)).Message);
    }

    [Fact]
    public void Zip_bomb_is_refused_with_a_clear_error()
    {
        // 4 MiB of one repeated character compresses about a thousand times: a tiny file that would expand without end.
        var padding = new string('a', 4 * 1024 * 1024);
        var xml = Content(Table("Table_1", Row($"<table:table-cell office:value-type=\"string\"><text:p>{padding}</text:p></table:table-cell>")));
        var limits = new OdsLimits { CompressionRatioFloorBytes = 1024 * 1024 };
        var e = Refused(Zip(xml), limits);
        Assert.Contains("content.xml expands more than 200 times its compressed size", e.Message);
        Assert.StartsWith("hostile.ods", e.Message);
    }

    [Fact]
    public void Content_larger_than_the_limit_is_refused_counting_bytes_read()
    {
        var padding = new string(' ', 3 * 1024 * 1024);
        var xml = Content(Table("Table_1", padding));
        var limits = new OdsLimits { MaxContentBytes = 1024 * 1024, CompressionRatioFloorBytes = long.MaxValue };
        Assert.Contains("content.xml is larger than the limit of 1,048,576 bytes uncompressed", Refused(Zip(xml), limits).Message);
    }

    [Fact]
    public void A_billion_repeated_non_empty_rows_are_refused_not_expanded()
    {
        // A non-empty row repeated is real data, so it counts against the row limit before anything is allocated.
        var xml = Content(Table("Table_1", "<table:table-row table:number-rows-repeated=\"1000000000\"><table:table-cell office:value-type=\"float\" office:value=\"1\"/></table:table-row>"));
        var e = Refused(Zip(xml));
        Assert.Equal("hostile.ods, sheet Table_1, row 1: row 1 repeated 1,000,000,000 times goes past the limit of 1,048,576 rows", e.Message);
    }

    [Fact]
    public void A_billion_repeated_empty_rows_cost_nothing()
    {
        var xml = Content(Table("Table_1", Row("<table:table-cell office:value-type=\"string\"><text:p>a</text:p></table:table-cell>") +
            "<table:table-row table:number-rows-repeated=\"1000000000\"><table:table-cell table:number-columns-repeated=\"1000000000\"/></table:table-row>"));
        Assert.Single(OdsReader.Read(new MemoryStream(Zip(xml)), "big.ods").Sheets[0].Rows);
    }

    [Fact]
    public void A_non_empty_cell_repeated_past_the_column_limit_is_refused()
    {
        var xml = Content(Table("Table_1", Row("<table:table-cell table:number-columns-repeated=\"20000\" office:value-type=\"float\" office:value=\"0\"/>")));
        Assert.Equal("hostile.ods, sheet Table_1, row 1, column A: a non-empty cell at column 1 repeated 20,000 times goes past the limit of 16,384 columns",
            Refused(Zip(xml)).Message);
    }

    [Fact]
    public void Cells_past_the_workbook_cell_limit_are_refused()
    {
        var xml = Content(Table("Table_1", "<table:table-row table:number-rows-repeated=\"1000\"><table:table-cell table:number-columns-repeated=\"100\" office:value-type=\"float\" office:value=\"1\"/></table:table-row>"));
        var e = Refused(Zip(xml), new OdsLimits { MaxCells = 50_000 });
        Assert.Equal("hostile.ods, sheet Table_1, row 1: more than 50,000 cells in the workbook; refusing to read further", e.Message);
    }

    [Fact]
    public void A_huge_text_s_count_is_refused()
    {
        var xml = Content(Table("Table_1", Row("<table:table-cell office:value-type=\"string\"><text:p>a<text:s text:c=\"2000000000\"/></text:p></table:table-cell>")));
        Assert.Contains("a cell's text is longer than the limit of 1,000,000 characters", Refused(Zip(xml)).Message);
    }

    [Fact]
    public void Too_many_sheets_are_refused()
    {
        var xml = Content(string.Concat(Enumerable.Range(1, 5).Select(i => Table($"S{i}", ""))));
        Assert.Contains("more than 3 sheets", Refused(Zip(xml), new OdsLimits { MaxSheets = 3 }).Message);
    }

    [Fact]
    public void Repeat_counts_that_would_overflow_are_refused()
    {
        // Two runs of 9e18 empty cells would overflow a 64-bit column count and slip past the column limit.
        var xml = Content(Table("Table_1", Row("<table:table-cell table:number-columns-repeated=\"9000000000000000000\"/><table:table-cell table:number-columns-repeated=\"9000000000000000000\"/><table:table-cell office:value-type=\"float\" office:value=\"1\"/>")));
        Assert.Contains("a repeat count of 9,000,000,000,000,000,000 is larger than any spreadsheet", Refused(Zip(xml)).Message);
    }

    [Fact]
    public void A_bad_repeat_count_names_the_row()
    {
        var xml = Content(Table("Table_3", Row("") + "<table:table-row table:number-rows-repeated=\"-5\"><table:table-cell/></table:table-row>"));
        Assert.Equal("hostile.ods, sheet Table_3, row 2: a repeat count must be a positive whole number, found \"-5\"", Refused(Zip(xml)).Message);
    }

    [Fact]
    public void A_float_cell_without_a_number_names_the_cell()
    {
        var xml = Content(Table("Table_11", Row("<table:table-cell/><table:table-cell office:value-type=\"float\" office:value=\"n/a\"/>")));
        Assert.Equal("hostile.ods, sheet Table_11, row 1, column B: a float cell has office:value \"n/a\", expected a number", Refused(Zip(xml)).Message);
    }

    [Fact]
    public void A_corrupt_content_entry_is_refused()
    {
        var file = Zip(Content(Table("Table_1", Row("<table:table-cell office:value-type=\"string\"><text:p>" + new string('x', 5000) + "</text:p></table:table-cell>"))));
        // Damage the compressed data of content.xml (after its local header), leaving the directory intact.
        var at = IndexOf(file, "content.xml"u8.ToArray()) + 11 + 20;
        for (var i = at; i < at + 40; i++) file[i] ^= 0x5A;
        var e = Refused(file);
        Assert.StartsWith("hostile.ods", e.Message);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle)) return i;
        throw new InvalidOperationException("not found");
    }
}
