using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Insights.Tests;

/// <summary>Builds small XLSX files for tests with the Open XML SDK: strings, numbers and date-formatted cells; the
/// same bytes for the same cells (re-packed with fixed zip times), so a committed sample can be compared byte for byte.</summary>
public static class XlsxTestFile
{
    /// <summary>Cells: string → inline text, int/double → number, DateOnly → a serial with Excel's d/m/yyyy format, null → none.</summary>
    public static void Write(string path, params (string Name, object?[][] Rows)[] sheets) => File.WriteAllBytes(path, Bytes(sheets));

    public static byte[] Bytes(params (string Name, object?[][] Rows)[] sheets)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
            Fill(doc, sheets);
        return Insights.Outputs.StablePackage.Repack(stream.ToArray());
    }

    static void Fill(SpreadsheetDocument doc, (string Name, object?[][] Rows)[] sheets)
    {
        // Fixed relationship ids: the SDK's own are random, and a committed sample must have the same bytes each time.
        var book = doc.AddWorkbookPart();
        doc.ChangeIdOfPart(book, "rIdWorkbook");
        book.Workbook = new X.Workbook();
        var styles = book.AddNewPart<WorkbookStylesPart>("rIdStyles");
        styles.Stylesheet = new X.Stylesheet(
            new X.Fonts(new X.Font()),
            new X.Fills(new X.Fill(new X.PatternFill { PatternType = X.PatternValues.None }),
                        new X.Fill(new X.PatternFill { PatternType = X.PatternValues.Gray125 })),
            new X.Borders(new X.Border()),
            new X.CellStyleFormats(new X.CellFormat()),
            // Style 1 is built-in number format 14 (a short date), which is how Excel marks a date cell.
            new X.CellFormats(new X.CellFormat(), new X.CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
        var list = book.Workbook.AppendChild(new X.Sheets());
        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var part = book.AddNewPart<WorksheetPart>("rIdSheet" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var data = new X.SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new X.Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = Insights.SourceLocation.ColumnLetters(c) + (r + 1);
                    X.Cell? cell = rows[r][c] switch
                    {
                        null => null,
                        string s => new X.Cell { CellReference = reference, DataType = X.CellValues.InlineString, InlineString = new X.InlineString(new X.Text(s)) },
                        DateOnly d => new X.Cell { CellReference = reference, StyleIndex = 1, CellValue = new X.CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()) },
                        int i => new X.Cell { CellReference = reference, CellValue = new X.CellValue(i) },
                        double x => new X.Cell { CellReference = reference, CellValue = new X.CellValue(x) },
                        var other => throw new ArgumentException($"no cell for {other.GetType()}"),
                    };
                    if (cell is not null) row.Append(cell);
                }
                data.Append(row);
            }
            part.Worksheet = new X.Worksheet(data);
            list.Append(new X.Sheet { Id = book.GetIdOfPart(part), SheetId = id++, Name = name });
        }
    }
}
