using System.Reflection;

namespace Insights.Notebooks;

/// <summary>A NuGet package the product ships, so a notebook may name it in <c>#r "nuget: ..."</c>.</summary>
public sealed record ShippedPackage(string Name, string Version);

/// <summary>
/// The packages the host's assemblies were built with. The build records each PackageReference of every product
/// project as an assembly attribute (Directory.Build.targets), so this list cannot drift from the project files.
/// A <c>#r "nuget: ..."</c> line only checks the name (and warns on a different version).
/// </summary>
public sealed class ShippedPackages
{
    const string Prefix = "ShippedPackage:";

    public IReadOnlyList<ShippedPackage> All { get; }

    public ShippedPackages(IEnumerable<Assembly> builtWith) =>
        All = [.. builtWith.Append(typeof(ShippedPackages).Assembly)
            .SelectMany(a => a.GetCustomAttributes<AssemblyMetadataAttribute>())
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

    public ShippedPackage? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>"Deedle 8.1.0, Markdig 1.6.0, ..." for error messages.</summary>
    public string Listing => string.Join(", ", All.Select(p => $"{p.Name} {p.Version}"));
}
