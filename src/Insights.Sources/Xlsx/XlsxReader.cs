using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Insights.Sources.Xlsx;

/// <summary>
/// Reads every sheet of an Office Open XML workbook (.xlsx) into the shared <see cref="Workbook"/> grid. Numbers
/// become <see cref="CellKind.Number"/>; cells formatted as dates become <see cref="CellKind.Date"/> with the
/// OLE Automation date (Excel's serial) as the number and yyyy-MM-dd as the text; text becomes text, or GSS
/// shorthand ("[c]", "[x]") where it is one. Knows nothing about what the workbook holds.
/// </summary>
public static class XlsxReader
{
    static XlsxReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Workbook Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(new SourceLocation(path), "file not found");
        try
        {
            XlsxGuard.Check(path);
            using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            var sheets = new List<Sheet>();
            do
            {
                sheets.Add(ReadSheet(reader));
            } while (reader.NextResult());
            return new Workbook(path, sheets);
        }
        catch (Exception e) when (e is not InputException and not IOException and not UnauthorizedAccessException)
        {
            // ExcelDataReader reports a non-XLSX file with several exception types (header, zip, XML errors).
            throw new InputException(new SourceLocation(path), "not a readable .xlsx workbook (expected an Excel 2007+ file)", e);
        }
    }

    static Sheet ReadSheet(IExcelDataReader reader)
    {
        var rows = new List<IReadOnlyList<Cell>>();
        while (reader.Read())
        {
            var cells = new List<Cell>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++) cells.Add(ToCell(reader.GetValue(i)));
            while (cells.Count > 0 && cells[^1].IsEmpty) cells.RemoveAt(cells.Count - 1);
            rows.Add(cells);
        }
        while (rows.Count > 0 && rows[^1].Count == 0) rows.RemoveAt(rows.Count - 1);
        return new Sheet(reader.Name, rows);
    }

    static Cell ToCell(object? value) => value switch
    {
        null or DBNull => Cell.Empty,
        string s => Cell.FromText(s),
        DateTime d => new Cell(CellKind.Date,
            d.TimeOfDay == TimeSpan.Zero
                ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            d.ToOADate()),
        bool b => new Cell(CellKind.Boolean, b ? "TRUE" : "FALSE"),
        double n => Cell.FromNumber(n),
        IConvertible c => Cell.FromNumber(c.ToDouble(CultureInfo.InvariantCulture)),
        _ => Cell.FromText(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
