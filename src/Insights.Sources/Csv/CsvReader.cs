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

    static Encoding? Utf16WithoutMark(byte[] bytes)
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

    /// <summary>Reads a file with its separator found from its first line (<see cref="Separator"/>).</summary>
    public static IReadOnlyList<CsvRow> ReadFile(string path)
    {
        if (!File.Exists(path)) throw new InputException(new SourceLocation(path), "file not found");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new SourceLocation(path), $"cannot read the file: {e.Message}", e);
        }
        var text = Decode(bytes);
        return Parse(text, path, Separator(text));
    }

    /// <summary>
    /// The separator of the first non-blank line: comma, semicolon (Excel's "CSV" on a continental machine, and
    /// LibreOffice's when asked) or tab (Excel's "Text (tab delimited)"), whichever occurs most outside quotes;
    /// comma on a tie.
    /// </summary>
    public static char Separator(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        var started = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\r' or '\n') { if (started) break; continue; }
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == '\t') tabs++;
            started = true;
        }
        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    public static IReadOnlyList<CsvRow> Parse(string text, string path = "text", char separator = ',')
    {
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        // Runs of ordinary characters are found with a vectorised search and copied at once, not char by char.
        var field = new FieldText();
        var stops = SearchValues.Create([separator, '"', '\r', '\n']);
        var quotedStops = SearchValues.Create(['"', '\r', '\n']);
        int line = 1, recordLine = 1, number = 0, i = 0;
        var quoted = false; // inside a quoted field
        var fieldStarted = false;
        void EndField()
        {
            fields.Add(field.Take(fields.Count));
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
            if (quoted)
            {
                var run = text.AsSpan(i).IndexOfAny(quotedStops);
                var end = run < 0 ? text.Length : i + run;
                if (end > i) field.Append(text.AsSpan(i, end - i));
                i = end;
                if (i == text.Length) break;
                var q = text[i];
                if (q == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    quoted = false; i++; continue;
                }
                if (q == '\n' || !(i + 1 < text.Length && text[i + 1] == '\n')) line++;
                field.Append(q); i++;
                continue;
            }
            var next = text.AsSpan(i).IndexOfAny(stops);
            var stop = next < 0 ? text.Length : i + next;
            if (stop > i) { field.Append(text.AsSpan(i, stop - i)); fieldStarted = true; }
            i = stop;
            if (i == text.Length) break;
            var c = text[i];
            switch (c)
            {
                case '"' when !fieldStarted && field.Length == 0:
                    quoted = true; fieldStarted = true; i++;
                    break;
                case '"':
                    throw new InputException(new SourceLocation(path, Row: number + 1),
                        $"a quote inside an unquoted field (line {line}); quote the whole field and double the quote");
                case '\r' or '\n':
                    EndRecord();
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    recordLine = line;
                    break;
                default: // the separator
                    EndField(); i++;
                    break;
            }
        }
        if (quoted)
            throw new InputException(new SourceLocation(path, Row: number + 1), $"a quoted field opened on line {recordLine} is never closed");
        if (field.Length > 0 || fields.Count > 0 || fieldStarted) EndRecord();
        return rows;
    }

    /// <summary>
    /// The text of the field being read, and one string for each value a column repeats: an extract's category and
    /// date columns hold a few hundred values over millions of rows, so its rows share them instead of each holding
    /// copies. A column stops being shared once it has shown <see cref="Shared"/> values (ids: every row its own).
    /// </summary>
    sealed class FieldText
    {
        const int Shared = 4096;
        char[] _chars = new char[256];
        readonly List<Dictionary<string, string>?> _columns = [];

        public int Length { get; private set; }

        public void Append(ReadOnlySpan<char> text)
        {
            if (Length + text.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + text.Length));
            text.CopyTo(_chars.AsSpan(Length));
            Length += text.Length;
        }

        public void Append(char c) => Append([c]);

        /// <summary>The field's text as the <paramref name="column"/>-th field of its record; the builder is then empty.</summary>
        public string Take(int column)
        {
            var text = _chars.AsSpan(0, Length);
            Length = 0;
            if (text.IsEmpty) return "";
            while (_columns.Count <= column) _columns.Add(new Dictionary<string, string>(StringComparer.Ordinal));
            if (_columns[column] is not { } values) return new string(text);
            if (values.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known)) return known;
            var value = new string(text);
            if (values.Count < Shared) values[value] = value;
            else _columns[column] = null;
            return value;
        }
    }
}
