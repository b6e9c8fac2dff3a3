namespace Insights.Pipeline;

/// <summary>
/// Finds the repository's embedded <c>data-samples/</c> folder, so the default run works from the repository root,
/// from a sub-folder, or from the built program's folder.
/// </summary>
public static class Samples
{
    public static string? TryFindFolder(string? startFolder = null)
    {
        foreach (var start in new[] { startFolder ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data-samples");
                if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Insights.sln")))
                    return candidate;
            }
        }
        return null;
    }

    public static string Folder =>
        TryFindFolder() ?? throw new InputException(new SourceLocation("data-samples"),
            "the embedded samples were not found: run from the Insights repository, or give the input files explicitly");

    public static string PathOf(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <summary>The repository root (the folder holding Insights.sln).</summary>
    public static string RepositoryRoot => Path.GetDirectoryName(Folder)!;

    /// <summary>True when the file is one of the repository's embedded samples (under <c>data-samples/</c>).</summary>
    public static bool IsEmbedded(string path)
    {
        if (TryFindFolder() is not { } folder) return false;
        // "extract.xlsx#Sheet" names a sheet of a file.
        var file = path.Split('#')[0];
        var full = Path.GetFullPath(file);
        return full.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar,
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>
    /// Every GMP sample is synthetic (data-samples/gmp/README.md): a chart drawn from them must say so. True when
    /// every file given is an embedded sample.
    /// </summary>
    public static bool AreSynthetic(IEnumerable<string> files)
    {
        var list = files.ToList();
        return list.Count > 0 && list.All(IsEmbedded);
    }

    /// <summary>
    /// The NRM samples are real figures except the release reconstructed from the statement (its name says so,
    /// data-samples/nrm/README.md): a chart drawn from it must not pass for a Home Office publication.
    /// </summary>
    public static bool AreReconstructed(IEnumerable<string> files)
    {
        var list = files.ToList();
        return list.Count > 0 && list.All(f => IsEmbedded(f) &&
            Path.GetFileName(f.Split('#')[0]).Contains("reconstructed", StringComparison.OrdinalIgnoreCase));
    }
}
