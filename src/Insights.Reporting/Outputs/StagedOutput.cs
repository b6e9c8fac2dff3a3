namespace Insights.Outputs;

/// <summary>
/// Outputs are written into a staging folder beside the destination and moved in only when every file is
/// complete, so a failed run leaves the previous outputs as they were (or nothing), never a mix.
/// Only the files and folders this run writes are replaced: anything else in the destination (the extract the
/// run read, the author's draft, a notebook's HTML) is left alone.
/// </summary>
public sealed class StagedOutput : IDisposable
{
    readonly string _destination;
    bool _committed;

    public string Folder { get; }

    public StagedOutput(string destination)
    {
        if (string.IsNullOrWhiteSpace(destination))
            throw new InputException(new SourceLocation("--out"), "no output folder given (expected a folder name)");
        _destination = Path.GetFullPath(destination);
        var parent = Path.GetDirectoryName(_destination) ?? ".";
        // Unique per run, so two runs in one process (tests, a notebook beside the CLI) never share a staging folder.
        Folder = Path.Combine(parent, $".{Path.GetFileName(_destination)}.staging-{Environment.ProcessId}-{Path.GetRandomFileName()}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(Folder);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new InputException(new SourceLocation(destination),
                $"cannot write the output folder here ({(e is UnauthorizedAccessException ? "permission denied" : "the folder cannot be created")}): give a folder you can write to with --out", e);
        }
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

    /// <summary>
    /// Moves each top-level file and folder of this run into the destination, replacing the previous run's entry of
    /// the same name (a table folder is replaced whole, so no partition of an older run survives in it). The old
    /// entries are set aside first and put back if a move fails.
    /// </summary>
    public void Commit()
    {
        Directory.CreateDirectory(_destination);
        var backup = Folder + ".old";
        Directory.CreateDirectory(backup);
        var names = Directory.GetFileSystemEntries(Folder).Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToList();
        var setAside = new List<string>();
        var movedIn = new List<string>();
        try
        {
            foreach (var name in names)
                if (Move(Path.Combine(_destination, name), Path.Combine(backup, name))) setAside.Add(name);
            foreach (var name in names)
            {
                Move(Path.Combine(Folder, name), Path.Combine(_destination, name));
                movedIn.Add(name);
            }
        }
        catch
        {
            foreach (var name in movedIn) Delete(Path.Combine(_destination, name));
            foreach (var name in setAside) Move(Path.Combine(backup, name), Path.Combine(_destination, name));
            Directory.Delete(backup, recursive: true);
            throw;
        }
        Directory.Delete(backup, recursive: true);
        Directory.Delete(Folder, recursive: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    static bool Move(string from, string to)
    {
        if (Directory.Exists(from)) { Directory.Move(from, to); return true; }
        if (File.Exists(from)) { File.Move(from, to); return true; }
        return false;
    }

    static void Delete(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        else if (File.Exists(path)) File.Delete(path);
    }
}
