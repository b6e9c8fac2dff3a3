using Insights.Sources;
using Insights.Sources.Xlsx;

namespace Insights.Tests;

public sealed class XlsxReaderTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_text_numbers_dates_and_shorthand_from_every_sheet()
    {
        var path = Path.Combine(_folder, "book.xlsx");
        XlsxTestFile.Write(path,
            ("First", [["Name", "Count", "Logged"], ["Zoë", 42, new DateOnly(2024, 4, 5)], ["[c]", 1.5, null]]),
            ("Second", [["only"]]));

        var book = XlsxReader.Read(path);

        Assert.Equal(["First", "Second"], book.Sheets.Select(s => s.Name));
        var s = book.Sheets[0];
        Assert.Equal(CellKind.Text, s[1, 0].Kind);
        Assert.Equal("Zoë", s[1, 0].Text);
        Assert.Equal(CellKind.Number, s[1, 1].Kind);
        Assert.Equal(42, s[1, 1].Number);
        // A date-formatted cell: Excel's serial for 5 April 2024 is 45387.
        Assert.Equal(CellKind.Date, s[1, 2].Kind);
        Assert.Equal("2024-04-05", s[1, 2].Text);
        Assert.Equal(45387, s[1, 2].Number);
        Assert.Equal(CellKind.Shorthand, s[2, 0].Kind);
        Assert.Equal(1.5, s[2, 1].Number);
        Assert.True(s[2, 2].IsEmpty);
    }

    [Fact]
    public void A_file_that_is_not_xlsx_is_an_input_error()
    {
        var path = Path.Combine(_folder, "saved-as.xlsx");
        File.WriteAllText(path, "EnquiryId,DateLogged\n1,2024-04-01\n");
        var e = Assert.Throws<InputException>(() => XlsxReader.Read(path));
        
        Assert.StartsWith("saved-as.xlsx: not a readable .xlsx workbook", e.Message);
    }
}
