using System.Text;
using Insights.Sources;
using Insights.Sources.Csv;

namespace Insights.Tests;

public class CsvReaderTests
{
    [Fact]
    public void Quoted_fields_hold_commas_quotes_and_line_breaks()
    {
        // RFC 4180: what Excel writes when a free-text cell holds a comma, a quote or Alt+Enter.
        var rows = CsvReader.Parse("a,b,c\r\n\"x, y\",\"say \"\"no\"\"\",\"two\nlines\"\r\nlast,,\r\n");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["x, y", "say \"no\"", "two\nlines"], rows[1].Fields);
        Assert.Equal(["last", "", ""], rows[2].Fields);
    }

    [Fact]
    public void Row_numbers_are_spreadsheet_rows_and_lines_follow_embedded_breaks()
    {
        // A blank line is a row in Excel, so errors point at the row the analyst sees.
        var rows = CsvReader.Parse("h1,h2\n\n\"a\nb\",c\nd,e");
        Assert.Equal([1, 3, 4], rows.Select(r => r.Number));
        Assert.Equal([1, 3, 5], rows.Select(r => r.Line));
    }

    [Fact]
    public void Lone_cr_and_missing_final_newline_still_end_records()
    {
        var rows = CsvReader.Parse("a,b\rc,d");
        Assert.Equal(["c", "d"], rows[1].Fields);
    }

    [Fact]
    public void Unclosed_quote_is_an_input_error_naming_the_row()
    {
        var e = Assert.Throws<InputException>(() => CsvReader.Parse("a,b\n\"open,x\n", "bad.csv"));
        Assert.Equal("bad.csv", e.Location.File);
        Assert.Equal(2, e.Location.Row);
    }

    [Fact]
    public void Utf8_without_bom_is_read_as_utf8() =>
        Assert.Equal("Zoë,Łódź", CsvReader.Decode(new UTF8Encoding(false).GetBytes("Zoë,Łódź")));

    [Fact]
    public void Utf8_bom_is_dropped()
    {
        // Excel's "CSV UTF-8" starts with EF BB BF; left in, it would make the first header "\uFEFFEnquiryId".
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("EnquiryId,Zoë")];
        Assert.Equal("EnquiryId,Zoë", CsvReader.Decode(bytes));
    }

    [Fact]
    public void Windows_1252_as_excel_saves_plain_csv_is_read_as_1252()
    {
        // Excel's plain "CSV" on a UK machine writes ë as the single byte 0xEB, which is not valid UTF-8.
        byte[] bytes = [(byte)'Z', (byte)'o', 0xEB, (byte)',', 0x80]; // 0x80 is € in 1252
        Assert.Equal("Zoë,€", CsvReader.Decode(bytes));
    }

    [Fact]
    public void ReadFile_of_a_missing_file_names_it()
    {
        var e = Assert.Throws<InputException>(() => CsvReader.ReadFile(Path.Combine(Path.GetTempPath(), "no-such-gmp.csv")));
        Assert.Contains("no-such-gmp.csv", e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_is_read_not_taken_for_1252()
    {
        // Review finding: a UTF-16 file failed with "a quote inside an unquoted field" on row 7.
        var text = "EnquiryId,Nationality\r\nA1,Zoë \"Ł\"\r\n".Replace("Zoë \"Ł\"", "\"Zoë, Łódź\"", StringComparison.Ordinal);
        Assert.Equal(text, CsvReader.Decode([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]));
        Assert.Equal(text, CsvReader.Decode([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)]));
    }

    // The streaming reader refills a buffer of a million characters: quoted fields, doubled quotes and CRLFs that
    // straddle its end must read as they would in one piece. Each record's fields are known from its number.
    [Fact]
    public void Records_across_the_stream_buffer_read_whole()
    {
        static string[] Fields(int n) => [$"id{n}", new string('x', n % 97), $"say \"{n}\"", n % 5 == 0 ? "two\r\nlines" : ""];
        var text = new StringBuilder();
        for (var n = 0; n < 60_000; n++)
            text.Append(string.Join(',', Fields(n).Select(f => f.Contains('"') || f.Contains('\n') ? $"\"{f.Replace("\"", "\"\"")}\"" : f))).Append("\r\n");
        Assert.True(text.Length > 3 << 20);
        var rows = CsvReader.Parse(text.ToString());
        Assert.Equal(60_000, rows.Count);
        for (var n = 0; n < rows.Count; n++) Assert.Equal(Fields(n), rows[n].Fields);
        // Records 0 and 5 hold a line break: lines 1-2 and 7-8.
        Assert.Equal((1, 3, 4, 7, 9), (rows[0].Line, rows[1].Line, rows[2].Line, rows[5].Line, rows[6].Line));
        Assert.Equal(60_000, rows[^1].Number);
    }
}
