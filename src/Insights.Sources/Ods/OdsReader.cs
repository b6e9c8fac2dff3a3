using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Insights.Sources.Ods;

/// <summary>
/// Reads an OpenDocument spreadsheet (.ods), as the Home Office publishes NRM tables, into a <see cref="Workbook"/>.
/// content.xml is streamed with an <see cref="XmlReader"/>; runs of empty rows and cells are held as counts and only
/// materialised when something non-empty follows them, so the million trailing empty rows of a published file cost
/// nothing, while <see cref="OdsLimits"/> stops a hostile file before it exhausts memory.
/// </summary>
public static class OdsReader
{
    public const string MimeType = "application/vnd.oasis.opendocument.spreadsheet";

    public static Workbook Read(string path, OdsLimits? limits = null)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new SourceLocation(path), $"cannot open the workbook: {e.Message}", e);
        }
        using (stream)
            return Read(stream, path, limits);
    }

    public static Workbook Read(Stream stream, string pathForMessages, OdsLimits? limits = null)
    {
        limits ??= OdsLimits.Default;
        var file = new SourceLocation(pathForMessages);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException)
        {
            throw new InputException(file, "not an ODS workbook (not a zip archive)", e);
        }

        using (zip)
        {
            CheckMimeType(zip, file);
            var content = zip.GetEntry("content.xml")
                ?? throw new InputException(file, zip.GetEntry("xl/workbook.xml") is not null
                    ? "not an ODS workbook: it has no content.xml (it is an XLSX workbook; read it as XLSX)"
                    : "not an ODS workbook: the zip archive has no content.xml");
            try
            {
                using var raw = content.Open();
                var parser = new ContentParser(pathForMessages, limits);
                using var counted = new BoundedStream(raw, "content.xml", content.CompressedLength, limits, parser.Where);
                return new Workbook(pathForMessages, parser.Parse(counted));
            }
            catch (InvalidDataException e)
            {
                throw new InputException(file, $"content.xml is corrupt in the zip archive ({e.Message})", e);
            }
        }
    }

    private static void CheckMimeType(ZipArchive zip, SourceLocation file)
    {
        // ODF requires a mimetype entry; a missing one is tolerated (some tools omit it), a wrong one is not.
        var entry = zip.GetEntry("mimetype");
        if (entry is null) return;
        if (entry.Length > 200)
            throw new InputException(file, $"not an ODS workbook: the mimetype entry is {entry.Length} bytes, expected \"{MimeType}\"");
        string actual;
        try
        {
            using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
            var buffer = new char[256];
            actual = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length)).Trim();
        }
        catch (InvalidDataException e)
        {
            throw new InputException(file, "not an ODS workbook: the mimetype entry is corrupt", e);
        }
        if (actual != MimeType)
            throw new InputException(file, $"not an ODS workbook: mimetype is \"{Printable(actual)}\", expected \"{MimeType}\"");
    }

    private static string Printable(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s.Length > 80 ? s[..80] : s) sb.Append(char.IsControl(c) ? '?' : c);
        return sb.ToString();
    }

    /// <summary>The streaming walk over content.xml, holding the sheet and row being read for messages.</summary>
    private sealed class ContentParser(string path, OdsLimits limits)
    {
        private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
        private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
        private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        private const string CalcExtNs = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";

        private static readonly IReadOnlyList<Cell> EmptyRow = [];

        private static readonly string[] AtomisedNames =
        [
            TableNs, OfficeNs, TextNs, CalcExtNs, "string-value", "table", "table-row", "table-cell", "covered-table-cell", "number-columns-repeated",
            "value-type", "value", "date-value", "boolean-value", "p", "h", "s", "tab", "line-break", "span", "a",
        ];

        private readonly StringBuilder _text = new();

        private string? _sheet;
        private long _row;          // 0-based index of the row being read, counting empty rows held as a count
        private long _cells;        // cells materialised in the whole workbook
        private XmlReader _xml = null!;

        public SourceLocation Where() =>
            new(path, _sheet, _sheet is null ? null : (int)Math.Min(_row + 1, int.MaxValue));

        private SourceLocation WhereColumn(long column) =>
            new(path, _sheet, (int)Math.Min(_row + 1, int.MaxValue), column < limits.MaxColumns ? SourceLocation.ColumnLetters((int)column) : null);

        public List<Sheet> Parse(Stream content)
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                IgnoreWhitespace = false,
                CloseInput = false,
            };
            var sheets = new List<Sheet>();
            try
            {
                using var xml = XmlReader.Create(content, settings);
                _xml = xml;
                // Names the parser compares, added to the name table first so equal names are the same instance (fast compare).
                foreach (var name in AtomisedNames) xml.NameTable.Add(name);
                while (xml.Read())
                {
                    if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "table" && xml.NamespaceURI == TableNs)
                    {
                        if (sheets.Count >= limits.MaxSheets)
                            throw new InputException(new SourceLocation(path), $"more than {limits.MaxSheets:N0} sheets; refusing to read further");
                        sheets.Add(ReadTable(sheets.Count));
                    }
                }
            }
            catch (XmlException e)
            {
                throw new InputException(Where(), $"content.xml is not well-formed XML at line {e.LineNumber}, position {e.LinePosition}: {FirstSentence(e.Message)}", e);
            }
            return sheets;
        }

        private static string FirstSentence(string message)
        {
            var cut = message.IndexOf(" Line ", StringComparison.Ordinal);
            return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        }

        private Sheet ReadTable(int index)
        {
            var xml = _xml;
            var name = xml.GetAttribute("name", TableNs) ?? $"Sheet{index + 1}";
            _sheet = name;
            _row = 0;
            var rows = new List<IReadOnlyList<Cell>>();
            if (xml.IsEmptyElement) return new Sheet(name, rows);

            var depth = xml.Depth;
            long pendingEmptyRows = 0;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) break;
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.NamespaceURI == TableNs && xml.LocalName == "table-row")
                {
                    var repeat = Repeat(xml.GetAttribute("number-rows-repeated", TableNs));
                    var cells = ReadRow();
                    if (cells.Count == 0)
                    {
                        // Trailing filler: only a count, materialised if a non-empty row ever follows.
                        pendingEmptyRows += repeat;
                        _row += repeat;
                        continue;
                    }
                    var first = rows.Count + pendingEmptyRows;
                    if (first + repeat > limits.MaxRows)
                        throw new InputException(Where(), $"row {first + 1:N0}{(repeat > 1 ? $" repeated {repeat:N0} times" : "")} goes past the limit of {limits.MaxRows:N0} rows");
                    AddCells((long)cells.Count * repeat);
                    for (; pendingEmptyRows > 0; pendingEmptyRows--) rows.Add(EmptyRow);
                    for (var i = 0; i < repeat; i++) rows.Add(cells);
                    _row += repeat;
                }
                else if (xml.NamespaceURI == TableNs && xml.LocalName == "table" && !xml.IsEmptyElement)
                {
                    SkipElement();   // a table nested in a cell is not part of the grid
                }
                // table-header-rows, table-row-group, table-rows: containers whose rows are read in document order.
            }
            return new Sheet(name, rows);
        }

        private void AddCells(long count)
        {
            _cells += count;
            if (_cells > limits.MaxCells)
                throw new InputException(Where(), $"more than {limits.MaxCells:N0} cells in the workbook; refusing to read further");
        }

        private long Repeat(string? value)
        {
            if (value is null) return 1;
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                throw new InputException(Where(), $"a repeat count must be a positive whole number, found \"{Printable(value)}\"");
            // No grid is this large; a cap also keeps the running counts of pending cells far from overflowing.
            if (n > int.MaxValue)
                throw new InputException(Where(), $"a repeat count of {n:N0} is larger than any spreadsheet; refusing to read further");
            return n;
        }

        /// <summary>The row's cells up to its last non-empty one; empty when the row holds nothing.</summary>
        private List<Cell> ReadRow()
        {
            var xml = _xml;
            var cells = new List<Cell>();
            if (xml.IsEmptyElement) return cells;
            var depth = xml.Depth;
            // Empty and covered cells not yet followed by a non-empty cell: a count, plus their runs while they
            // could still fit in the grid (so covered cells keep their flag when materialised).
            long pending = 0;
            var pendingRuns = new List<(Cell Cell, long Count)>();
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) break;
                if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != TableNs) continue;
                var covered = xml.LocalName == "covered-table-cell";
                if (!covered && xml.LocalName != "table-cell") continue;

                string? repeatValue = null, type = null, value = null, dateValue = null, booleanValue = null, stringValue = null;
                var error = false;
                // One pass over the attributes instead of a lookup (itself a scan) per attribute.
                while (xml.MoveToNextAttribute())
                {
                    var ns = xml.NamespaceURI;
                    if (ns == TableNs)
                    {
                        if (xml.LocalName == "number-columns-repeated") repeatValue = xml.Value;
                    }
                    else if (ns == OfficeNs)
                    {
                        switch (xml.LocalName)
                        {
                            case "value-type": type = xml.Value; break;
                            case "value": value = xml.Value; break;
                            case "date-value": dateValue = xml.Value; break;
                            case "boolean-value": booleanValue = xml.Value; break;
                            case "string-value": stringValue = xml.Value; break;
                        }
                    }
                    else if (ns == CalcExtNs && xml.LocalName == "value-type")
                    {
                        error = xml.Value == "error";
                    }
                }
                xml.MoveToElement();
                var repeat = Repeat(repeatValue);
                var column = cells.Count + pending;
                // LibreOffice writes a formula error (#DIV/0!) as float 0 and marks it only in calcext: it is not a 0.
                var cell = ReadCell(covered, column, error ? "error" : type, value, dateValue, booleanValue, stringValue);
                if (cell.Kind == CellKind.Empty)
                {
                    pending += repeat;
                    if (column + pending <= limits.MaxColumns)
                    {
                        if (pendingRuns.Count > 0 && ReferenceEquals(pendingRuns[^1].Cell, cell))
                            pendingRuns[^1] = (cell, pendingRuns[^1].Count + repeat);
                        else
                            pendingRuns.Add((cell, repeat));
                    }
                    continue;
                }
                if (column + repeat > limits.MaxColumns)
                    throw new InputException(WhereColumn(column),
                        $"a non-empty cell at column {column + 1:N0}{(repeat > 1 ? $" repeated {repeat:N0} times" : "")} goes past the limit of {limits.MaxColumns:N0} columns");
                foreach (var (run, count) in pendingRuns)
                    for (var i = 0; i < count; i++) cells.Add(run);
                pending = 0;
                pendingRuns.Clear();
                for (var i = 0; i < repeat; i++) cells.Add(cell);
            }
            return cells;
        }

        private Cell ReadCell(bool covered, long column, string? type, string? value, string? dateValue, string? booleanValue, string? stringValue)
        {
            var xml = _xml;
            if (covered)
            {
                // Content kept under a merge is hidden in the spreadsheet program; the grid shows an empty cell.
                if (!xml.IsEmptyElement) SkipElement();
                return Cell.Covered;
            }
            var text = xml.IsEmptyElement ? null : ReadCellText(column);

            switch (type)
            {
                case "float" or "percentage" or "currency":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                        throw new InputException(WhereColumn(column), $"a {type} cell has office:value \"{Printable(value ?? "")}\", expected a number");
                    return Cell.FromNumber(number, text);
                case "date":
                    if (!DateTime.TryParse(dateValue, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date))
                        throw new InputException(WhereColumn(column), $"a date cell has office:date-value \"{Printable(dateValue ?? "")}\", expected a date such as 2024-03-07");
                    return Cell.FromDate(date, text);
                case "boolean":
                    var truth = booleanValue is "true" or "1";
                    return new Cell(CellKind.Boolean, text ?? (truth ? "TRUE" : "FALSE"), truth ? 1 : 0);
                case "error":
                    return new Cell(CellKind.Text, text ?? "#ERROR");
                case "string" when stringValue is not null:
                    return Cell.FromText(stringValue);   // office:string-value, when present, is the cell's value
                default:
                    // string, time, or no type: the text as shown, with GSS shorthand ("[c]") recognised.
                    return Cell.FromText(text);
            }
        }

        /// <summary>
        /// The text of the cell's paragraphs joined with "\n". Reads to the cell's end tag. Whitespace is collapsed as
        /// ODF prescribes (runs of spaces are written as <c>text:s</c>); comments and notes are not cell text.
        /// </summary>
        private string? ReadCellText(long column)
        {
            var xml = _xml;
            var depth = xml.Depth;
            var sb = _text.Clear();
            var paragraphs = 0;
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) break;
                if (xml.NodeType != XmlNodeType.Element) continue;
                if (xml.Depth == depth + 1 && xml.NamespaceURI == TextNs && xml.LocalName is "p" or "h")
                {
                    if (paragraphs++ > 0) sb.Append('\n');
                    if (!xml.IsEmptyElement) ReadParagraph(sb, column);
                }
                else if (!xml.IsEmptyElement)
                {
                    SkipElement();   // office:annotation (a comment), draw:frame and the like
                }
            }
            return paragraphs == 0 ? null : sb.ToString();
        }

        /// <summary>Skips the current element's content, leaving the reader on its end tag.</summary>
        private void SkipElement()
        {
            var xml = _xml;
            var depth = xml.Depth;
            while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)) { }
        }

        private void ReadParagraph(StringBuilder sb, long column)
        {
            var xml = _xml;
            var depth = xml.Depth;
            var start = sb.Length;
            var lastWasCollapsibleSpace = true;   // leading white space of a paragraph is dropped
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth) break;
                switch (xml.NodeType)
                {
                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA:
                        var chunk = xml.Value;
                        if (chunk.AsSpan().IndexOfAny(" \t\r\n") < 0)
                        {
                            sb.Append(chunk);   // the usual case: a word or a number, nothing to collapse
                            lastWasCollapsibleSpace = false;
                            break;
                        }
                        foreach (var c in chunk)
                        {
                            if (c is ' ' or '\t' or '\r' or '\n')
                            {
                                if (lastWasCollapsibleSpace) continue;
                                sb.Append(' ');
                                lastWasCollapsibleSpace = true;
                            }
                            else
                            {
                                sb.Append(c);
                                lastWasCollapsibleSpace = false;
                            }
                        }
                        break;
                    case XmlNodeType.Element when xml.NamespaceURI == TextNs:
                        switch (xml.LocalName)
                        {
                            case "s":
                                var spaces = Repeat(xml.GetAttribute("c", TextNs));
                                if (sb.Length - start + spaces > limits.MaxCellTextLength) TooLong(column);
                                sb.Append(' ', (int)spaces);
                                lastWasCollapsibleSpace = false;
                                if (!xml.IsEmptyElement) SkipElement();
                                break;
                            case "tab":
                                sb.Append('\t');
                                lastWasCollapsibleSpace = false;
                                if (!xml.IsEmptyElement) SkipElement();
                                break;
                            case "line-break":
                                sb.Append('\n');
                                lastWasCollapsibleSpace = true;
                                if (!xml.IsEmptyElement) SkipElement();
                                break;
                            case "note" or "ruby-text" when !xml.IsEmptyElement:
                                SkipElement();
                                break;
                            // text:span, text:a, fields such as text:sheet-name: their text is read in order.
                        }
                        break;
                    case XmlNodeType.Element when !xml.IsEmptyElement:
                        SkipElement();   // office:annotation, draw:*: not the cell's text
                        break;
                }
                if (sb.Length - start > limits.MaxCellTextLength) TooLong(column);
            }
        }

        private void TooLong(long column) =>
            throw new InputException(WhereColumn(column), $"a cell's text is longer than the limit of {limits.MaxCellTextLength:N0} characters");
    }
}
