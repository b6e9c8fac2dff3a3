using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Insights.Kernel;

/// <summary>
/// The kernel's logo, drawn in code so the kernelspec needs no binary file in the repository: three rising bars in
/// the Analysis Function palette on its dark blue, as a PNG (8-bit RGBA). Same size, same bytes.
/// </summary>
public static class KernelLogo
{
    static readonly (byte R, byte G, byte B) Blue = (0x12, 0x43, 0x6D), Teal = (0x28, 0xA1, 0x97), Orange = (0xF4, 0x6A, 0x25), White = (0xFF, 0xFF, 0xFF);

    public static byte[] Png(int size)
    {
        var pixels = new byte[size * size * 4];
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
        {
            var (colour, opaque) = PixelAt(x / (double)size, y / (double)size);
            var i = (y * size + x) * 4;
            (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = (colour.R, colour.G, colour.B, opaque ? (byte)255 : (byte)0);
        }
        return Encode(size, pixels);
    }

    /// <summary>The picture in unit coordinates (y down): a rounded square, and bars standing on a common base.</summary>
    static ((byte R, byte G, byte B), bool) PixelAt(double x, double y)
    {
        const double radius = 0.18;
        var cx = Math.Clamp(x, radius, 1 - radius);
        var cy = Math.Clamp(y, radius, 1 - radius);
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > radius * radius) return (Blue, false);
        const double baseLine = 0.80;
        (double Left, double Top, (byte, byte, byte) Colour)[] bars = [(0.18, 0.55, Teal), (0.41, 0.38, Orange), (0.64, 0.20, White)];
        foreach (var (left, top, colour) in bars)
            if (x >= left && x < left + 0.18 && y >= top && y < baseLine) return (colour, true);
        return (Blue, true);
    }

    static byte[] Encode(int size, byte[] rgba)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8;  // bit depth
        header[9] = 6;  // colour type: RGBA
        Chunk(png, "IHDR", header);
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (var y = 0; y < size; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(rgba, y * size * 4, size * 4);
            }
        }
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. typeBytes, .. data]));
        png.Write(number);
    }

    static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
