using System.IO.Compression;

namespace Insights.Outputs;

/// <summary>Zip packages (docx, xlsx) with the same bytes for the same content, on every run and machine.</summary>
public static class StablePackage
{
    /// <summary>
    /// System.IO.Packaging stamps each zip entry with the current time; re-pack with a fixed time and a stable order
    /// ([Content_Types].xml first, as Word expects, then by name).
    /// </summary>
    public static byte[] Repack(byte[] package)
    {
        var fixedTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        var entries = input.Entries
            .Select(e => (e.FullName, Bytes: ReadAll(e)))
            .OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1)
            .ThenBy(e => e.FullName, StringComparer.Ordinal)
            .ToList();
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = fixedTime;
                using var s = entry.Open();
                s.Write(bytes);
            }
        }
        return output.ToArray();
    }

    static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var s = entry.Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
