using Insights.Outputs.Tables;
using System.Text;
using Insights.Sources;
using Insights.Sources.Ods;

namespace Insights.Tests;

/// <summary>The format comes from the bytes: analysts rename and re-save releases.</summary>
public class InputFormatTests
{
    private static InputFileFormat Detect(byte[] bytes, string extension)
    {
        using var file = new OdsFixture.TempFile(extension, bytes);
        return InputFormat.Detect(file.Path);
    }

    [Fact]
    public void An_ods_named_csv_is_ods()
    {
        using var memory = new MemoryStream();
        OdsWriter.Write(memory, [new SheetBuilder("Table_2").Row("Year").Build()]);
        Assert.Equal(InputFileFormat.Ods, Detect(memory.ToArray(), ".csv"));
    }

    [Fact]
    public void An_xlsx_named_ods_is_xlsx()
    {
        Assert.Equal(InputFileFormat.Xlsx, Detect(OdsFixture.Zip(contentXml: null, mimeType: null, extra: [("xl/workbook.xml", "<workbook/>"u8.ToArray())]), ".ods"));
    }

    [Fact]
    public void A_real_xlsx_from_open_xml_is_xlsx()
    {
        using var memory = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(memory, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var part = document.AddWorkbookPart();
            part.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        }
        Assert.Equal(InputFileFormat.Xlsx, Detect(memory.ToArray(), ".dat"));
    }

    [Fact]
    public void Utf8_text_is_csv()
    {
        Assert.Equal(InputFileFormat.Csv, Detect(Encoding.UTF8.GetBytes("\uFEFFnationality,count\r\nCôte d’Ivoire,12\r\n"), ".ods"));
    }

    [Fact]
    public void Windows_1252_text_is_csv()
    {
        // "£" and "’" as single bytes 0xA3 and 0x92: what Excel writes when saving "CSV" on a UK machine.
        Assert.Equal(InputFileFormat.Csv, Detect([.. "cost,"u8, 0xA3, .. "5,it"u8, 0x92, .. "s\n"u8], ".txt"));
    }

    [Fact]
    public void Binary_with_nul_bytes_is_unknown()
    {
        Assert.Equal(InputFileFormat.Unknown, Detect([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02], ".csv"));
    }

    [Fact]
    public void A_zip_that_is_neither_workbook_is_unknown()
    {
        Assert.Equal(InputFileFormat.Unknown, Detect(OdsFixture.Zip("<x/>", mimeType: "application/zip"), ".ods"));
    }

    [Fact]
    public void A_damaged_zip_is_unknown()
    {
        Assert.Equal(InputFileFormat.Unknown, Detect([.. "PK"u8, 3, 4, .. new byte[40]], ".ods"));
    }

    [Fact]
    public void An_empty_file_is_unknown()
    {
        Assert.Equal(InputFileFormat.Unknown, Detect([], ".csv"));
    }

    [Fact]
    public void A_missing_file_names_the_file()
    {
        var e = Assert.Throws<InputException>(() => InputFormat.Detect(Path.Combine(Path.GetTempPath(), "absent-release.ods")));
        Assert.StartsWith("absent-release.ods: cannot open the file", e.Message);
    }
}
