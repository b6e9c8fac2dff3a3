namespace Insights.Outputs;

/// <summary>
/// Outputs are written into a staging folder beside the destination and swapped in only when every file is
/// complete, so a failed run leaves the previous output folder as it was (or nothing), never a mix.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    readonly string _destination;
    bool _committed;

    public string Folder { get; }

    public StagedOutput(string destination)
    {
        _destination = Path.GetFullPath(destination);
        var parent = Path.GetDirectoryName(_destination) ?? ".";
        Directory.CreateDirectory(parent);
        // Unique per run, so two runs in one process (tests, a notebook beside the CLI) never share a staging folder.
        Folder = Path.Combine(parent, $".{Path.GetFileName(_destination)}.staging-{Environment.ProcessId}-{Path.GetRandomFileName()}");
        Directory.CreateDirectory(Folder);
    }

    public string PathOf(string relative)
    {
        var full = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Text is written as UTF-8 without a byte-order mark and with "\n" line endings.</summary>
    public void WriteText(string relative, string text) =>
        File.WriteAllText(PathOf(relative), text.Replace("\r\n", "\n", StringComparison.Ordinal), new System.Text.UTF8Encoding(false));

    public void WriteBytes(string relative, byte[] bytes) => File.WriteAllBytes(PathOf(relative), bytes);

    public void Commit()
    {
        var old = Folder + ".old";
        if (Directory.Exists(_destination)) Directory.Move(_destination, old);
        Directory.Move(Folder, _destination);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
