using System.IO.Compression;
using System.Text;

namespace Insights.Sources;

/// <summary>What an input file is, judged from its bytes.</summary>
public enum InputFileFormat { Unknown, Ods, Xlsx, Csv }

/// <summary>
/// Recognises an input's format from its content, not its name: analysts rename and re-save files, and a workbook
/// saved as XLSX may still end in .ods.
/// </summary>
public static class InputFormat
{
    private const int TextSample = 64 * 1024;

    public static InputFileFormat Detect(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return Detect(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new SourceLocation(path), $"cannot open the file: {e.Message}", e);
        }
    }

    /// <summary>Detects from a seekable stream, left open and rewound.</summary>
    public static InputFileFormat Detect(Stream stream)
    {
        var start = stream.Position;
        try
        {
            var head = new byte[4];
            var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
            stream.Position = start;
            if (n == 4 && head[0] == 'P' && head[1] == 'K' && (head[2], head[3]) is (3, 4) or (5, 6))
                return DetectZip(stream);
            return LooksLikeText(stream) ? InputFileFormat.Csv : InputFileFormat.Unknown;
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static InputFileFormat DetectZip(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().Trim() == Ods.OdsReader.MimeType) return InputFileFormat.Ods;
            }
            if (zip.GetEntry("xl/workbook.xml") is not null) return InputFileFormat.Xlsx;
            return InputFileFormat.Unknown;
        }
        catch (InvalidDataException)
        {
            return InputFileFormat.Unknown;
        }
    }

    /// <summary>Text in UTF-16 with a byte-order mark, or in UTF-8 or Windows-1252: no NUL bytes and no control characters other than tab, CR, LF, FF.</summary>
    private static bool LooksLikeText(Stream stream)
    {
        var buffer = new byte[TextSample];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (n == 0) return false;
        // UTF-16 with a byte-order mark (Excel's "Unicode Text"): the CSV reader decodes it.
        if (n >= 2 && (buffer[0], buffer[1]) is (0xFF, 0xFE) or (0xFE, 0xFF)) return true;
        for (var i = 0; i < n; i++)
        {
            var b = buffer[i];
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D or 0x1A)) return false;
        }
        return true;
    }
}
