using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Insights.Sources.Ods;

namespace Insights.Sources.Xlsx;

/// <summary>
/// Checks an XLSX against the workbook limits (<see cref="OdsLimits"/>, shared with the ODS reader) before
/// ExcelDataReader allocates anything: a 9 MB workbook can declare a cell in column XFD of row 1,048,576 or expand to
/// gigabytes, and ExcelDataReader would materialise it all. The check streams each part of the package once through
/// a counting stream and an XML reader (no DTD, no entity expansion), holding one node at a time: bytes actually
/// decompressed (the zip header is not trusted), the expansion ratio, sheets, the grid each sheet spans (rows ×
/// columns, which is what a reader materialises) and the length of each cell's text.
/// </summary>
public static class XlsxGuard
{
    public static void Check(string path, OdsLimits? limits = null)
    {
        limits ??= OdsLimits.Default;
        var where = new SourceLocation(path);
        using var stream = File.OpenRead(path);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        long read = 0, cells = 0;
        var sheets = zip.Entries.Count(e => IsSheet(e.FullName));
        if (sheets > limits.MaxSheets)
            throw new InputException(where, $"more than {limits.MaxSheets.ToString("N0", CultureInfo.InvariantCulture)} sheets; refusing to read further");
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (entry.Length > limits.MaxContentBytes - read)
                throw new InputException(where, TooLarge(limits));
            using var counted = new BoundedStream(entry.Open(), entry.FullName == "xl/sharedStrings.xml" || IsSheet(entry.FullName) ? entry.FullName : "the workbook",
                entry.CompressedLength, limits, () => where, alreadyRead: read);
            using var xml = XmlReader.Create(counted, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
            var sheet = IsSheet(entry.FullName);
            long maxRow = 0, maxColumn = 0;
            try
            {
                while (xml.Read())
                {
                    if (xml.NodeType == XmlNodeType.Text && xml.Value.Length > limits.MaxCellTextLength)
                        throw new InputException(where with { Sheet = SheetName(entry.FullName) },
                            $"a cell's text is longer than {limits.MaxCellTextLength.ToString("N0", CultureInfo.InvariantCulture)} characters; refusing to read further");
                    if (!sheet || xml.NodeType != XmlNodeType.Element || xml.LocalName != "c" || xml.GetAttribute("r") is not { } reference) continue;
                    var (row, column) = Parse(reference);
                    maxRow = Math.Max(maxRow, row);
                    maxColumn = Math.Max(maxColumn, column);
                    if (column > limits.MaxColumns || row > limits.MaxRows || cells + maxRow * maxColumn > limits.MaxCells)
                        throw new InputException(where with { Sheet = SheetName(entry.FullName) },
                            $"the sheet spans more than {limits.MaxCells.ToString("N0", CultureInfo.InvariantCulture)} cells (a cell at {reference}); refusing to read further");
                }
            }
            catch (XmlException e)
            {
                throw new InputException(where, $"{entry.FullName} is not well-formed XML (line {e.LineNumber.ToString(CultureInfo.InvariantCulture)}): not a readable .xlsx workbook", e);
            }
            cells += maxRow * maxColumn;
            read += counted.Decompressed;
        }
    }

    static bool IsSheet(string name) => name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    // The part name (sheet1), not the tab's name: the workbook has not been read yet.
    static string SheetName(string part) => Path.GetFileNameWithoutExtension(part);

    static string TooLarge(OdsLimits limits) =>
        $"the workbook is larger than the limit of {limits.MaxContentBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes uncompressed; refusing a possible zip bomb";

    /// <summary>"XFD1048576" → (1048576, 16384).</summary>
    static (long Row, long Column) Parse(string reference)
    {
        long column = 0, row = 0;
        foreach (var c in reference)
        {
            if (char.IsAsciiLetterUpper(c)) column = Math.Min(column * 26 + (c - 'A' + 1), int.MaxValue);
            else if (char.IsAsciiDigit(c)) row = Math.Min(row * 10 + (c - '0'), int.MaxValue);
        }
        return (row, column);
    }
}
