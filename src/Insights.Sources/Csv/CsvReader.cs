using System.Buffers;
using System.Text;

namespace Insights.Sources.Csv;

/// <summary>One CSV record: its fields, its 1-based row number as a spreadsheet shows it (the header is row 1, a
/// blank line is a row) and the 1-based line it starts on (different when a quoted field holds a line break).</summary>
public sealed record CsvRow(int Number, int Line, IReadOnlyList<string> Fields);

/// <summary>
/// An RFC 4180 reader: fields separated by commas (or semicolons or tabs, found from the first line), optionally quoted with double quotes; a quoted field may hold
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
        var (encoding, skip) = Detect(bytes);
        if (skip > 0 || encoding is not UTF8Encoding) return encoding.GetString(bytes, skip, bytes.Length - skip);
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    /// <summary>
    /// The encoding a file's first bytes show, and how many bytes of mark to skip: UTF-8 with a byte-order mark;
    /// UTF-16 with one (Excel's "Unicode Text" and some exports) or without one (text in Latin script has a NUL in
    /// every other byte); else strict UTF-8, which the caller reads again as Windows-1252 if a byte is not UTF-8.
    /// </summary>
    internal static (Encoding Encoding, int Skip) Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? (new UTF8Encoding(false, true), 3)
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? (Encoding.Unicode, 2)
        : head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? (Encoding.BigEndianUnicode, 2)
        : Utf16WithoutMark(head) is { } utf16 ? (utf16, 0)
        : (new UTF8Encoding(false, true), 0);

    static Encoding? Utf16WithoutMark(ReadOnlySpan<byte> bytes)
    {
        var sample = Math.Min(bytes.Length, 4096) & ~1;
        if (sample < 4) return null;
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < sample; i += 2)
        {
            if (bytes[i] == 0) evenNul++;
            if (bytes[i + 1] == 0) oddNul++;
        }
        var pairs = sample / 2;
        if (oddNul * 10 >= pairs * 9 && evenNul * 10 < pairs) return Encoding.Unicode;
        if (evenNul * 10 >= pairs * 9 && oddNul * 10 < pairs) return Encoding.BigEndianUnicode;
        return null;
    }

    /// <summary>Reads a file with its separator found from its first line (<see cref="Separator"/>): every record
    /// held (small files: the NRM long tables, tests); the extract streams with <see cref="CsvRecords"/>.</summary>
    public static IReadOnlyList<CsvRow> ReadFile(string path) => CsvRecords.Read(path, Collect);

    static IReadOnlyList<CsvRow> Collect(CsvRecords records)
    {
        var rows = new List<CsvRow>();
        while (records.Read())
        {
            var fields = new string[records.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = new string(records[i]);
            rows.Add(new CsvRow(records.Number, records.Line, fields));
        }
        return rows;
    }

    /// <summary>
    /// The separator of the first non-blank line: comma, semicolon (Excel's "CSV" on a continental machine, and
    /// LibreOffice's when asked) or tab (Excel's "Text (tab delimited)"), whichever occurs most outside quotes;
    /// comma on a tie.
    /// </summary>
    public static char Separator(string text) => Separator(text, out _);

    /// <summary><see cref="Separator(string)"/> of the start of a text; <paramref name="lineEnded"/> is false when
    /// the first non-blank line runs past its end (a streaming reader then reads on).</summary>
    internal static char Separator(ReadOnlySpan<char> text, out bool lineEnded)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        var started = false;
        lineEnded = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\r' or '\n') { if (started) { lineEnded = true; break; } continue; }
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == '\t') tabs++;
            started = true;
        }
        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    public static IReadOnlyList<CsvRow> Parse(string text, string path = "text", char separator = ',') =>
        Collect(new CsvRecords(new StringReader(text), path, separator));
}
