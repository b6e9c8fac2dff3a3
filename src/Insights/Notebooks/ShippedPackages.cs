using System.Reflection;

namespace Insights.Notebooks;

/// <summary>A NuGet package the product ships, so a notebook may name it in <c>#r "nuget: ..."</c>.</summary>
public sealed record ShippedPackage(string Name, string Version);

/// <summary>
/// The packages Insights.dll was built with. The build records each PackageReference of Insights.csproj as an
/// assembly attribute, so this list cannot drift from the project file. Their assemblies are referenced by every
/// notebook; a <c>#r "nuget: ..."</c> line only checks the name (and warns on a different version).
/// </summary>
public static class ShippedPackages
{
    const string Prefix = "ShippedPackage:";

    public static IReadOnlyList<ShippedPackage> All { get; } =
        [.. typeof(ShippedPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(a => new ShippedPackage(a.Key[Prefix.Length..], a.Value ?? ""))
            .Append(FSharpCore())
            .DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>FSharp.Core comes in through Deedle and Plotly.NET rather than the project file; its package
    /// version is the assembly's informational version without the build suffixes ("10.1.403-servicing.26523.112+sha"
    /// ships as package 10.1.403).</summary>
    static ShippedPackage FSharpCore()
    {
        var assembly = typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "";
        var end = version.IndexOfAny(['+', '-']);
        return new ShippedPackage("FSharp.Core", end < 0 ? version : version[..end]);
    }

    public static ShippedPackage? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>"Deedle 8.1.0, Markdig 1.6.0, ..." for error messages.</summary>
    public static string Listing => string.Join(", ", All.Select(p => $"{p.Name} {p.Version}"));

    /// <summary>Assemblies a notebook can use without any <c>#r</c>: the library and the packages meant for
    /// analysis (the compiler packages ship only to run notebooks, so they are not offered to them).</summary>
    internal static IReadOnlyList<Assembly> NotebookAssemblies { get; } =
    [
        typeof(ShippedPackages).Assembly,
        typeof(Deedle.Frame).Assembly,
        typeof(Plotly.NET.GenericChart).Assembly,
        typeof(Plotly.NET.CSharp.Chart).Assembly,
        typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly,
        typeof(ParquetSharp.ParquetFileReader).Assembly,
        typeof(DocumentFormat.OpenXml.Wordprocessing.Paragraph).Assembly,
        typeof(DocumentFormat.OpenXml.Packaging.WordprocessingDocument).Assembly,
        typeof(Markdig.Markdown).Assembly,
        typeof(ExcelDataReader.ExcelReaderFactory).Assembly,
        typeof(Scriban.Template).Assembly,
    ];
}
