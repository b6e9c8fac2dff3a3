namespace Insights.Sources;

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
}
