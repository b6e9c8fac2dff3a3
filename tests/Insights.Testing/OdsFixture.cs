using System.IO.Compression;
using System.Text;

namespace Insights.Tests;

/// <summary>
/// Builds ODS files from raw content.xml, so tests exercise the exact constructs LibreOffice and the Home Office
/// write (repeats, covered cells, row groups, text:s, typed values), not only what our writer produces.
/// </summary>
public static class OdsFixture
{
    public const string Namespaces =
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " +
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " +
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " +
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" " +
        "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\"";

    /// <summary>A content.xml around the given table XML (one or more table:table elements).</summary>
    public static string Content(string tables) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
        $"<office:document-content {Namespaces} office:version=\"1.3\"><office:body><office:spreadsheet>" +
        tables + "</office:spreadsheet></office:body></office:document-content>";

    /// <summary>One sheet from row XML.</summary>
    public static string Table(string name, string rows) =>
        $"<table:table table:name=\"{name}\"><table:table-column table:number-columns-repeated=\"16384\"/>{rows}</table:table>";

    public static byte[] Zip(string? contentXml, string? mimeType = "application/vnd.oasis.opendocument.spreadsheet",
        IEnumerable<(string Name, byte[] Data)>? extra = null)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            if (mimeType is not null) Add(zip, "mimetype", Encoding.ASCII.GetBytes(mimeType), CompressionLevel.NoCompression);
            if (contentXml is not null) Add(zip, "content.xml", Encoding.UTF8.GetBytes(contentXml), CompressionLevel.Optimal);
            foreach (var (name, data) in extra ?? []) Add(zip, name, data, CompressionLevel.Optimal);
        }
        return memory.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] data, CompressionLevel level)
    {
        using var s = zip.CreateEntry(name, level).Open();
        s.Write(data);
    }

    public static Insights.Sources.Workbook Read(string contentXml, Insights.Sources.Ods.OdsLimits? limits = null, string name = "fixture.ods") =>
        Insights.Sources.Ods.OdsReader.Read(new MemoryStream(Zip(contentXml)), name, limits);

    public static Insights.Sources.Sheet ReadSheet(string rows, Insights.Sources.Ods.OdsLimits? limits = null) =>
        Read(Content(Table("Table_1", rows)), limits).Sheets.Single();

    /// <summary>A temporary file deleted at dispose.</summary>
    public sealed class TempFile : IDisposable
    {
        public string Path { get; }

        public TempFile(string extension, byte[]? data = null)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"insights-ods-{Guid.NewGuid():N}{extension}");
            if (data is not null) File.WriteAllBytes(Path, data);
        }

        public void Dispose()
        {
            if (File.Exists(Path)) File.Delete(Path);
        }
    }
}
