using System.Text;

namespace Insights.Sources.Csv;

/// <summary>One CSV record: its fields, its 1-based row number as a spreadsheet shows it (the header is row 1, a
/// blank line is a row) and the 1-based line it starts on (different when a quoted field holds a line break).</summary>
public sealed record CsvRow(int Number, int Line, IReadOnlyList<string> Fields);

/// <summary>
/// An RFC 4180 reader: fields separated by commas, optionally quoted with double quotes; a quoted field may hold
/// commas, line breaks and doubled quotes. Line breaks may be CRLF, LF or CR. Blank lines yield no record.
/// </summary>
public static class CsvReader
{
    static CsvReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// How Excel and other tools save CSV: UTF-8 with a byte-order mark, UTF-8 without one, or (Excel's "CSV" on a
    /// UK Windows machine) Windows-1252. Bytes that are valid UTF-8 are read as UTF-8; anything else as 1252,
    /// so "Zoë" arrives intact from either.
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.AsSpan().StartsWith(bom)) return new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3);
        // Excel's "Unicode Text" and some exports write UTF-16 with a byte-order mark.
        if (bytes.AsSpan().StartsWith([(byte)0xFF, (byte)0xFE])) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.AsSpan().StartsWith([(byte)0xFE, (byte)0xFF])) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    public static IReadOnlyList<CsvRow> ReadFile(string path)
    {
        if (!File.Exists(path)) throw new InputException(new SourceLocation(path), "file not found");
        return Parse(Decode(File.ReadAllBytes(path)), path);
    }

    public static IReadOnlyList<CsvRow> Parse(string text, string path = "text")
    {
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, number = 0, i = 0;
        var quoted = false; // inside a quoted field
        var fieldStarted = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
        }

        void EndRecord()
        {
            EndField();
            // A blank line is still a row in Excel, so it counts towards row numbers but yields no record.
            number++;
            if (!(fields.Count == 1 && fields[0].Length == 0))
                rows.Add(new CsvRow(number, recordLine, fields.ToArray()));
            fields.Clear();
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    quoted = false; i++; continue;
                }
                if (c == '\n' || (c == '\r' && !(i + 1 < text.Length && text[i + 1] == '\n'))) line++;
                field.Append(c); i++;
                continue;
            }
            switch (c)
            {
                case '"' when !fieldStarted && field.Length == 0:
                    quoted = true; fieldStarted = true; i++;
                    break;
                case '"':
                    throw new InputException(new SourceLocation(path, Row: number + 1),
                        $"a quote inside an unquoted field (line {line}); quote the whole field and double the quote");
                case ',':
                    EndField(); i++;
                    break;
                case '\r' or '\n':
                    EndRecord();
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c); fieldStarted = true; i++;
                    break;
            }
        }
        if (quoted)
            throw new InputException(new SourceLocation(path, Row: number + 1), $"a quoted field opened on line {recordLine} is never closed");
        if (field.Length > 0 || fields.Count > 0 || fieldStarted) EndRecord();
        return rows;
    }
}
