using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Insights.Kernel.Tests;

public sealed class KernelSpecTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-kernelspec-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Kernel_json_starts_the_given_command_with_the_connection_file_and_interrupts_by_message()
    {
        var spec = new KernelSpec(KernelSpec.InsightsName, "C# (Insights)", "csharp", ["/opt/insights", "kernel", "run", "--connection-file", "{connection_file}"]);
        var written = spec.Write(_folder);
        Assert.Equal(Path.Combine(_folder, "insights-csharp"), written);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(written, "kernel.json")))!;
        Assert.Equal(["/opt/insights", "kernel", "run", "--connection-file", "{connection_file}"],
            json["argv"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("C# (Insights)", json["display_name"]!.GetValue<string>());
        Assert.Equal("csharp", json["language"]!.GetValue<string>());
        Assert.Equal("message", json["interrupt_mode"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(written, "logo-32x32.png")));
        Assert.True(File.Exists(Path.Combine(written, "logo-64x64.png")));
    }

    [Fact]
    public void Remove_deletes_only_a_kernelspec_folder()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "not-a-kernel"));
        Assert.False(KernelSpec.Remove(_folder, "not-a-kernel"));
        Assert.True(Directory.Exists(Path.Combine(_folder, "not-a-kernel")));
        new KernelSpec("k", "K", "csharp", ["x", "{connection_file}"]).Write(_folder);
        Assert.True(KernelSpec.Remove(_folder, "k"));
        Assert.False(Directory.Exists(Path.Combine(_folder, "k")));
    }

    [Fact]
    public void Prefix_installs_under_share_jupyter_kernels()
    {
        Assert.Equal(Path.Combine(Path.GetFullPath(_folder), "share", "jupyter", "kernels"), KernelSpec.PrefixKernelsFolder(_folder));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    public void Logo_is_a_PNG_of_the_size_named_with_the_house_blue_in_its_corner_region(int size)
    {
        var png = KernelLogo.Png(size);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal(png, KernelLogo.Png(size)); // deterministic
        // Decode the one IDAT chunk: the pixel a quarter of the way in on the top row's band is the background #12436D.
        var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        Assert.Equal("IDAT"u8.ToArray(), png[37..41]);
        using var zlib = new ZLibStream(new MemoryStream(png, 41, length), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var rows = raw.ToArray();
        Assert.Equal(size * (size * 4 + 1), rows.Length);
        var y = size / 10;
        var i = y * (size * 4 + 1) + 1 + size / 2 * 4;
        Assert.Equal(new byte[] { 0x12, 0x43, 0x6D, 0xFF }, rows[i..(i + 4)]);
        Assert.Equal(0, rows[1 + 3]); // the top-left corner is rounded off: transparent
    }
}
