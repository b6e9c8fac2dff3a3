using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Insights.Sources;
using Insights.Sources.Ods;
using Insights.Word;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Sheet = DocumentFormat.OpenXml.Spreadsheet.Sheet;
using Workbook = DocumentFormat.OpenXml.Spreadsheet.Workbook;

namespace Insights.Outputs.Tables;

/// <summary>Writes <see cref="StatisticalTables"/> as tables.ods and tables.xlsx. Deterministic bytes, both.</summary>
public static class TablesFiles
{
    public static void Write(StagedOutput output, StatisticalTables tables)
    {
        output.WriteBytes(StatisticalTables.OdsFileName, Ods(tables));
        output.WriteBytes(StatisticalTables.XlsxFileName, Xlsx(tables));
    }

    public static byte[] Ods(StatisticalTables tables)
    {
        var sheets = tables.Sheets().Select(s => new Sources.Sheet(s.Name,
            s.Rows.Select(r => (IReadOnlyList<Sources.Cell>)r.Select(OdsCell).ToArray()).ToArray())).ToList();
        using var stream = new MemoryStream();
        OdsWriter.Write(stream, sheets);
        return stream.ToArray();
    }

    static Sources.Cell OdsCell(TableValue v) =>
        v.Number is { } n ? Sources.Cell.FromNumber(n, v.Text)
        : v.IsShorthand ? new Sources.Cell(CellKind.Shorthand, v.Text, Shorthand: v.Text)
        : new Sources.Cell(CellKind.Text, v.Text);

    /// <summary>
    /// An Office Open XML workbook: one worksheet per sheet, strings inline (no shared-string table to keep in step),
    /// numbers as numbers, fixed relationship ids, no document properties, re-packed with a fixed timestamp.
    /// </summary>
    public static byte[] Xlsx(StatisticalTables tables)
    {
        var sheets = tables.Sheets();
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            doc.ChangeIdOfPart(workbook, "rIdWorkbook");
            var list = new Sheets();
            for (var i = 0; i < sheets.Count; i++)
            {
                var id = "rIdSheet" + (i + 1).ToString(CultureInfo.InvariantCulture);
                var part = workbook.AddNewPart<WorksheetPart>(id);
                var data = new SheetData();
                for (var r = 0; r < sheets[i].Rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    var values = sheets[i].Rows[r];
                    for (var c = 0; c < values.Count; c++) row.Append(XlsxCell(values[c], ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture)));
                    data.Append(row);
                }
                part.Worksheet = new Worksheet(data);
                list.Append(new Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = id });
            }
            workbook.Workbook = new Workbook(list);
        }
        return StablePackage.Repack(stream.ToArray());
    }

    static Cell XlsxCell(TableValue v, string reference) => v.Number is { } n
        ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) }
        : new Cell(new InlineString(new Text(v.Text) { Space = SpaceProcessingModeValues.Preserve }))
            { CellReference = reference, DataType = CellValues.InlineString };

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) name = (char)('A' + (i - 1) % 26) + name;
        return name;
    }
}
