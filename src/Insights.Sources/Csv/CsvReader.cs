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
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.AsSpan().StartsWith(bom)) return new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3);
        // Excel's "Unicode Text" and some exports write UTF-16 with a byte-order mark.
        if (bytes.AsSpan().StartsWith([(byte)0xFF, (byte)0xFE])) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.AsSpan().StartsWith([(byte)0xFE, (byte)0xFF])) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        // UTF-16 without a byte-order mark (some exports): text in Latin script has a NUL in every other byte.
        if (Utf16WithoutMark(bytes) is { } utf16) return utf16.GetString(bytes);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    internal static Encoding? Utf16WithoutMark(ReadOnlySpan<byte> bytes)
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
