using System.Buffers;
using System.Text;

namespace Insights.Sources.Csv;

/// <summary>
/// The records of a CSV text read one at a time, the fields as spans of a buffer the next <see cref="Read"/>
/// reuses: a 10-million-row extract streams through a few megabytes instead of being held as one string and a
/// string per field. The same rules as <see cref="CsvReader"/> describes (RFC 4180 quoting, CRLF/LF/CR, blank
/// lines count as rows but yield no record) and the same messages for a stray or unclosed quote.
/// </summary>
public sealed class CsvRecords : IDisposable
{
    readonly TextReader _reader;
    readonly string _path;
    readonly SearchValues<char> _stops;
    static readonly SearchValues<char> QuotedStops = SearchValues.Create("\"\r\n");
    char[] _buffer = new char[1 << 20];
    int _pos, _end;
    bool _eof;
    int _line = 1, _number;
    int[] _starts = new int[16], _lengths = new int[16];
    bool[] _quoted = new bool[16];

    internal CsvRecords(TextReader reader, string path, char? separator = null)
    {
        _reader = reader;
        _path = path;
        Fill();
        // The separator of the first non-blank line, read on until that line ends.
        char found;
        while (true)
        {
            found = CsvReader.Separator(_buffer.AsSpan(0, _end), out var ended);
            if (ended || _eof) break;
            Fill();
        }
        Separator = separator ?? found;
        _stops = SearchValues.Create([Separator, '"', '\r', '\n']);
    }

    /// <summary>
    /// Reads a file through <paramref name="consume"/>, its encoding found as <see cref="CsvReader.Decode"/> finds
    /// it: from a byte-order mark, UTF-16 without one, else UTF-8, and if a byte is not UTF-8 the whole file again as
    /// Windows-1252 (so <paramref name="consume"/> must start afresh each time it is called).
    /// </summary>
    public static T Read<T>(string path, Func<CsvRecords, T> consume)
    {
        if (!File.Exists(path)) throw new InputException(new SourceLocation(path), "file not found");
        try
        {
            try
            {
                using var records = Open(path, legacy: false);
                return consume(records);
            }
            catch (DecoderFallbackException)
            {
                using var records = Open(path, legacy: true);
                return consume(records);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new SourceLocation(path), $"cannot read the file: {e.Message}", e);
        }
    }

    static CsvRecords Open(string path, bool legacy)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var head = new byte[4096];
            var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var bytes = head.AsSpan(0, n);
            var (encoding, skip) = legacy ? (Encoding.GetEncoding(1252), 0) : CsvReader.Detect(bytes);
            stream.Position = skip;
            return new CsvRecords(new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, 1 << 16), path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    static CsvRecords()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The file named in messages.</summary>
    public string Path => _path;

    public char Separator { get; }

    /// <summary>The record's 1-based row number as a spreadsheet shows it (the header is row 1, a blank line is a row).</summary>
    public int Number { get; private set; }

    /// <summary>The 1-based line the record starts on.</summary>
    public int Line { get; private set; }

    public int FieldCount { get; private set; }

    /// <summary>A field of the current record, valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<char> this[int field] => _buffer.AsSpan(_starts[field], _lengths[field]);

    /// <summary>Moves to the next record that is not a blank line; false at the end of the text.</summary>
    public bool Read()
    {
        while (true)
        {
            switch (TryRecord())
            {
                case Outcome.NeedMore: Fill(); continue;
                case Outcome.End: return false;
                case Outcome.Blank: continue;
                default: return true;
            }
        }
    }

    enum Outcome { Record, Blank, NeedMore, End }

    Outcome TryRecord()
    {
        var buffer = _buffer;
        var i = _pos;
        var line = _line;
        if (i == _end) return _eof ? Outcome.End : Outcome.NeedMore;
        var count = 0;
        var fieldStart = i;
        bool started = false, quoted = false, inQuotes = false;
        while (true)
        {
            if (inQuotes)
            {
                var run = buffer.AsSpan(i, _end - i).IndexOfAny(QuotedStops);
                if (run < 0)
                {
                    if (!_eof) return Outcome.NeedMore;
                    throw new InputException(new SourceLocation(_path, Row: _number + 1), $"a quoted field opened on line {_line} is never closed");
                }
                i += run;
                if (i + 1 == _end && !_eof) return Outcome.NeedMore; // a doubled quote or a CRLF may continue in the next block
                if (buffer[i] == '"')
                {
                    if (i + 1 < _end && buffer[i + 1] == '"') { i += 2; continue; }
                    inQuotes = false;
                    i++;
                    continue;
                }
                if (buffer[i] == '\n' || !(i + 1 < _end && buffer[i + 1] == '\n')) line++;
                i++;
                continue;
            }
            var next = buffer.AsSpan(i, _end - i).IndexOfAny(_stops);
            if (next < 0)
            {
                if (!_eof) return Outcome.NeedMore;
                AddField(ref count, fieldStart, _end, quoted);
                return Commit(_end, line, count);
            }
            if (next > 0) started = true;
            i += next;
            var c = buffer[i];
            if (c == '"')
            {
                if (started)
                    throw new InputException(new SourceLocation(_path, Row: _number + 1),
                        $"a quote inside an unquoted field (line {line}); quote the whole field and double the quote");
                inQuotes = quoted = started = true;
                i++;
                continue;
            }
            if (c != '\r' && c != '\n')
            {
                AddField(ref count, fieldStart, i, quoted);
                i++;
                fieldStart = i;
                started = quoted = false;
                continue;
            }
            if (c == '\r' && i + 1 == _end && !_eof) return Outcome.NeedMore;
            AddField(ref count, fieldStart, i, quoted);
            i += c == '\r' && i + 1 < _end && buffer[i + 1] == '\n' ? 2 : 1;
            return Commit(i, line + 1, count);
        }
    }

    void AddField(ref int count, int start, int end, bool quoted)
    {
        if (count == _starts.Length)
        {
            Array.Resize(ref _starts, count * 2);
            Array.Resize(ref _lengths, count * 2);
            Array.Resize(ref _quoted, count * 2);
        }
        _starts[count] = start;
        _lengths[count] = end - start;
        _quoted[count] = quoted;
        count++;
    }

    Outcome Commit(int next, int line, int count)
    {
        Line = _line;
        _pos = next;
        _line = line;
        Number = ++_number;
        FieldCount = count;
        // A quoted field's text is its raw text without the quotes and with doubled quotes single: never longer,
        // so written over itself.
        for (var f = 0; f < count; f++)
        {
            if (!_quoted[f]) continue;
            int s = _starts[f], e = s + _lengths[f], w = s;
            var inQuotes = false;
            for (var j = s; j < e; j++)
            {
                var ch = _buffer[j];
                if (ch != '"') _buffer[w++] = ch;
                else if (!inQuotes) inQuotes = true;
                else if (j + 1 < e && _buffer[j + 1] == '"') { _buffer[w++] = '"'; j++; }
                else inQuotes = false;
            }
            _lengths[f] = w - s;
        }
        return count == 1 && _lengths[0] == 0 ? Outcome.Blank : Outcome.Record;
    }

    /// <summary>Keeps the unread part at the buffer's start (growing it for a record longer than the buffer) and reads on.</summary>
    void Fill()
    {
        if (_eof) return;
        if (_pos > 0)
        {
            Array.Copy(_buffer, _pos, _buffer, 0, _end - _pos);
            _end -= _pos;
            _pos = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        while (_end < _buffer.Length)
        {
            var n = _reader.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0) { _eof = true; break; }
            _end += n;
        }
    }

    public void Dispose() => _reader.Dispose();
}
