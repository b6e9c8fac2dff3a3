using System.Reflection;

namespace Insights.Notebooks;

/// <summary>
/// What the program that runs notebooks gives the engine: the assemblies every notebook can use without any
/// <c>#r</c> (their <c>Insights.*</c> namespaces are imported), how its own types are displayed, and what to set up
/// before the first cell. The engine itself knows only .NET, Deedle and Plotly.NET.
/// </summary>
public sealed record NotebookHost
{
    /// <summary>Assemblies referenced by every cell, besides the engine's own, Deedle, Plotly.NET and FSharp.Core.</summary>
    public IReadOnlyList<Assembly> Assemblies { get; init; } = [];

    /// <summary>Adds the host's formatters to a registry (after the built-ins, so they win).</summary>
    public Action<FormatterRegistry> RegisterFormatters { get; init; } = _ => { };

    /// <summary>Runs before a notebook's first cell (for example, installing a default chart theme).</summary>
    public Action Prepare { get; init; } = () => { };

    /// <summary>The engine alone: no library of the host's.</summary>
    public static NotebookHost Bare { get; } = new();

    /// <summary>Every assembly a cell sees: the engine's, the generic analysis packages, then the host's.</summary>
    public IReadOnlyList<Assembly> NotebookAssemblies => field ??=
    [
        .. new[]
        {
            typeof(NotebookHost).Assembly,
            typeof(Deedle.Frame).Assembly,
            typeof(Plotly.NET.GenericChart).Assembly,
            typeof(Plotly.NET.CSharp.Chart).Assembly,
            typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly,
        }.Concat(Assemblies).Distinct(),
    ];

    /// <summary>The packages a <c>#r "nuget: ..."</c> line may name.</summary>
    public ShippedPackages Packages => field ??= new ShippedPackages(NotebookAssemblies);

    /// <summary>A registry with the built-in formatters and the host's.</summary>
    public FormatterRegistry CreateFormatters()
    {
        var registry = new FormatterRegistry();
        RegisterFormatters(registry);
        return registry;
    }
}
