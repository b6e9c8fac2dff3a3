using Insights.Narrative;

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

    /// <summary>
    /// The samples are used on their own or not at all: a run that combines an embedded sample (the synthetic
    /// police extract, the reconstructed NRM release) with a file of the user's would print invented figures beside
    /// real ones. Embedded real releases (data-samples/nrm's published figures) combine with anything.
    /// </summary>
    public static void CheckNotMixed(IReadOnlyList<string> policeFiles, IReadOnlyList<string> nrmFiles)
    {
        var invented = policeFiles.Where(IsEmbedded).Concat(nrmFiles.Where(f => AreReconstructed([f]))).ToList();
        var own = policeFiles.Concat(nrmFiles).Where(f => !IsEmbedded(f)).ToList();
        if (invented.Count > 0 && own.Count > 0)
            throw new InputException(new SourceLocation(own[0]), RunWording.SampleWithOwnInputs(Path.GetFileName(invented[0].Split('#')[0])));
        // The NRM tables keep every release loaded: invented cells beside published ones would be one table.
        var reconstructed = nrmFiles.Where(f => AreReconstructed([f])).ToList();
        if (reconstructed.Count > 0 && reconstructed.Count < nrmFiles.Count)
            throw new InputException(new SourceLocation(reconstructed[0]), RunWording.ReconstructedWithPublished);
    }

    /// <summary>The line a person sees first in every output of a run on the samples; null for a run on real inputs.</summary>
    public static string? Note(IReadOnlyList<string> policeFiles, IReadOnlyList<string> reportedReleaseFiles) =>
        Narrative.OutputWording.SampleNote(AreSynthetic(policeFiles), AreReconstructed(reportedReleaseFiles));

    /// <summary>A Parquet row's provenance: "sample: file names" for the embedded samples, else "input: file names".</summary>
    public static string Provenance(IReadOnlyList<string> files, bool sample) =>
        (sample ? "sample: " : "input: ") + string.Join("; ", files.Select(f => Path.GetFileName(f.Split('#')[0])).Distinct(StringComparer.Ordinal));
}
