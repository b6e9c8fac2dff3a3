using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Insights.Sources;
using Insights.Sources.Ods;

namespace Insights.Outputs.Tables;

/// <summary>
/// Writes sheets as a minimal, valid OpenDocument spreadsheet: the reconstructed NRM sample workbooks and test
/// fixtures. The bytes are deterministic (fixed entry timestamps, no generator or date metadata), so writing the same
/// sheets twice gives the same file.
/// </summary>
public static class OdsWriter
{
    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string ManifestNs = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

    // Zip (DOS) time cannot go before 1980; a fixed stamp keeps the bytes the same on every run and machine.
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(string path, IReadOnlyList<Sheet> sheets)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        Write(file, sheets);
    }

    /// <summary>Writes the workbook to a stream (left open). A seekable stream gives the most compatible zip.</summary>
    public static void Write(Stream stream, IReadOnlyList<Sheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0) throw new ArgumentException("an ODS workbook needs at least one sheet", nameof(sheets));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
            if (!names.Add(sheet.Name)) throw new ArgumentException($"two sheets are named \"{sheet.Name}\"", nameof(sheets));

        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        // ODF: the mimetype entry comes first, stored without compression, so tools can sniff it at a fixed offset.
        AddEntry(zip, "mimetype", CompressionLevel.NoCompression, s => s.Write(Encoding.ASCII.GetBytes(OdsReader.MimeType)));
        AddEntry(zip, "META-INF/manifest.xml", CompressionLevel.Optimal, WriteManifest);
        AddEntry(zip, "content.xml", CompressionLevel.Optimal, s => WriteContent(s, sheets));
        AddEntry(zip, "styles.xml", CompressionLevel.Optimal, WriteStyles);
    }

    private static void AddEntry(ZipArchive zip, string name, CompressionLevel level, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = EntryTime;
        using var s = entry.Open();
        write(s);
    }

    private static XmlWriter CreateXml(Stream s) => XmlWriter.Create(s, new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        NewLineChars = "\n",
        CloseOutput = false,
    });

    private static void WriteManifest(Stream s)
    {
        using var xml = CreateXml(s);
        xml.WriteStartDocument();
        xml.WriteStartElement("manifest", "manifest", ManifestNs);
        xml.WriteAttributeString("manifest", "version", ManifestNs, "1.3");
        foreach (var (path, type) in new[] { ("/", OdsReader.MimeType), ("content.xml", "text/xml"), ("styles.xml", "text/xml") })
        {
            xml.WriteStartElement("manifest", "file-entry", ManifestNs);
            xml.WriteAttributeString("manifest", "full-path", ManifestNs, path);
            if (path == "/") xml.WriteAttributeString("manifest", "version", ManifestNs, "1.3");
            xml.WriteAttributeString("manifest", "media-type", ManifestNs, type);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    // styles.xml and content.xml open with the same root: an office element declaring the namespaces and version.
    private static void StartOfficeDocument(XmlWriter xml, string root)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("office", root, OfficeNs);
        xml.WriteAttributeString("xmlns", "table", null, TableNs);
        xml.WriteAttributeString("xmlns", "text", null, TextNs);
        xml.WriteAttributeString("office", "version", OfficeNs, "1.3");
    }

    private static void WriteStyles(Stream s)
    {
        using var xml = CreateXml(s);
        StartOfficeDocument(xml, "document-styles");
        xml.WriteStartElement("office", "styles", OfficeNs);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteContent(Stream s, IReadOnlyList<Sheet> sheets)
    {
        using var xml = CreateXml(s);
        StartOfficeDocument(xml, "document-content");
        xml.WriteStartElement("office", "body", OfficeNs);
        xml.WriteStartElement("office", "spreadsheet", OfficeNs);
        foreach (var sheet in sheets) WriteTable(xml, sheet);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteTable(XmlWriter xml, Sheet sheet)
    {
        xml.WriteStartElement("table", "table", TableNs);
        xml.WriteAttributeString("table", "name", TableNs, sheet.Name);
        xml.WriteStartElement("table", "table-column", TableNs);
        var columns = Math.Max(1, sheet.ColumnCount);
        if (columns > 1) xml.WriteAttributeString("table", "number-columns-repeated", TableNs, Invariant(columns));
        xml.WriteEndElement();

        var emptyRows = 0;
        foreach (var row in sheet.Rows)
        {
            if (LastWritten(row) < 0)
            {
                emptyRows++;
                continue;
            }
            WriteEmptyRows(xml, emptyRows);
            emptyRows = 0;
            WriteRow(xml, row);
        }
        if (sheet.Rows.Count == 0) WriteEmptyRows(xml, 1);   // a table needs at least one row to be valid
        xml.WriteEndElement();
    }

    /// <summary>The last cell to write: non-empty, or covered (a merge spans it, so it must be present).</summary>
    private static int LastWritten(IReadOnlyList<Cell> row)
    {
        for (var i = row.Count - 1; i >= 0; i--)
            if (row[i].Kind != CellKind.Empty || row[i].IsCovered) return i;
        return -1;
    }

    private static void WriteEmptyRows(XmlWriter xml, int count)
    {
        if (count == 0) return;
        xml.WriteStartElement("table", "table-row", TableNs);
        if (count > 1) xml.WriteAttributeString("table", "number-rows-repeated", TableNs, Invariant(count));
        xml.WriteStartElement("table", "table-cell", TableNs);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteRow(XmlWriter xml, IReadOnlyList<Cell> row)
    {
        xml.WriteStartElement("table", "table-row", TableNs);
        var last = LastWritten(row);
        for (var i = 0; i <= last;)
        {
            var cell = row[i];
            var run = 1;
            if (cell.Kind == CellKind.Empty)
            {
                // Runs of empty (or of covered) cells are written once with a repeat count.
                while (i + run <= last && row[i + run].Kind == CellKind.Empty && row[i + run].IsCovered == cell.IsCovered) run++;
                xml.WriteStartElement("table", cell.IsCovered ? "covered-table-cell" : "table-cell", TableNs);
                if (run > 1) xml.WriteAttributeString("table", "number-columns-repeated", TableNs, Invariant(run));
                xml.WriteEndElement();
            }
            else
            {
                var span = 1;
                while (i + span < row.Count && row[i + span].IsCovered) span++;
                WriteCell(xml, cell, span);
            }
            i += run;
        }
        xml.WriteEndElement();
    }

    private static void WriteCell(XmlWriter xml, Cell cell, int span)
    {
        xml.WriteStartElement("table", "table-cell", TableNs);
        switch (cell.Kind)
        {
            case CellKind.Number when cell.Number is { } number:
                if (!double.IsFinite(number)) throw new ArgumentException($"an ODS number must be finite, found {number} (\"{cell.Text}\")", nameof(cell));
                xml.WriteAttributeString("office", "value-type", OfficeNs, "float");
                xml.WriteAttributeString("office", "value", OfficeNs, number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case CellKind.Date when cell.Date is { } date:
                xml.WriteAttributeString("office", "value-type", OfficeNs, "date");
                xml.WriteAttributeString("office", "date-value", OfficeNs,
                    date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
                break;
            case CellKind.Boolean:
                xml.WriteAttributeString("office", "value-type", OfficeNs, "boolean");
                xml.WriteAttributeString("office", "boolean-value", OfficeNs, cell.Number is > 0 ? "true" : "false");
                break;
            default:
                // Text and GSS shorthand ("[c]") alike: a string cell, so "[c]" is never mistaken for a number.
                xml.WriteAttributeString("office", "value-type", OfficeNs, "string");
                break;
        }
        if (span > 1)
        {
            xml.WriteAttributeString("table", "number-columns-spanned", TableNs, Invariant(span));
            xml.WriteAttributeString("table", "number-rows-spanned", TableNs, "1");
        }
        foreach (var paragraph in cell.Text.Split('\n')) WriteParagraph(xml, paragraph);
        xml.WriteEndElement();
    }

    /// <summary>
    /// One text:p. ODF collapses white space in paragraph text, so every space that would be collapsed (leading, or
    /// after another space) is written as text:s, and tabs as text:tab.
    /// </summary>
    private static void WriteParagraph(XmlWriter xml, string text)
    {
        xml.WriteStartElement("text", "p", TextNs);
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c == '\t')
            {
                Flush();
                xml.WriteStartElement("text", "tab", TextNs);
                xml.WriteEndElement();
                i++;
                continue;
            }
            if (c == '\r')
            {
                i++;
                continue;
            }
            if (c != ' ')
            {
                literal.Append(c);
                i++;
                continue;
            }
            var run = 1;
            while (i + run < text.Length && text[i + run] == ' ') run++;
            var keepOne = i > 0 && text[i - 1] != ' ' && text[i - 1] != '\t';
            if (keepOne) literal.Append(' ');
            var spaces = keepOne ? run - 1 : run;
            if (spaces > 0)
            {
                Flush();
                xml.WriteStartElement("text", "s", TextNs);
                if (spaces > 1) xml.WriteAttributeString("text", "c", TextNs, Invariant(spaces));
                xml.WriteEndElement();
            }
            i += run;
        }
        Flush();
        xml.WriteEndElement();

        void Flush()
        {
            if (literal.Length == 0) return;
            xml.WriteString(literal.ToString());
            literal.Clear();
        }
    }

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
