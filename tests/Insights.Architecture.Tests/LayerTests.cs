using System.Reflection;
using NetArchTest.Rules;

namespace Insights.Architecture.Tests;

/// <summary>
/// The flow of docs/architecture.md: domain ← sources ← reporting ← pipeline ← CLI, with the notebook engine on its
/// own. Project references make a wrong-way use fail to compile; these tests say which rule it broke, and hold the
/// rules that references alone cannot (no I/O or prose packages in the domain, a generic notebook engine).
/// </summary>
public class LayerTests
{
    static readonly Assembly Domain = typeof(Insights.Model.Quarter).Assembly;
    static readonly Assembly Sources = typeof(Insights.Sources.InputFormat).Assembly;
    static readonly Assembly Reporting = typeof(Insights.Narrative.Wording).Assembly;
    static readonly Assembly Pipeline = typeof(Insights.Pipeline.ContextJob).Assembly;
    static readonly Assembly Notebooks = typeof(Insights.Notebooks.NotebookRunner).Assembly;
    static readonly Assembly Cli = typeof(Insights.Cli.InsightsNotebooks).Assembly;
    static readonly Assembly Forecasting = Assembly.Load("Insights.Forecasting");
    static readonly Assembly Kernel = Assembly.Load("Insights.Kernel");

    /// <summary>Which of our assemblies each may reference: the diagram of docs/architecture.md, as data.</summary>
    public static TheoryData<string, string[]> AllowedReferences => new()
    {
        { "Insights.Domain", [] },
        { "Insights.Sources", ["Insights.Domain"] },
        { "Insights.Reporting", ["Insights.Domain", "Insights.Sources"] },
        { "Insights.Pipeline", ["Insights.Domain", "Insights.Sources", "Insights.Reporting", "Insights.Forecasting"] },
        { "Insights.Notebooks", [] },
        { "Insights.Forecasting", ["Insights.Domain"] },
        { "Insights.Kernel", [] },
        { "Insights.Cli", ["Insights.Domain", "Insights.Sources", "Insights.Reporting", "Insights.Pipeline", "Insights.Notebooks", "Insights.Forecasting", "Insights.Kernel"] },
    };

    static Assembly Named(string name) =>
        new[] { Domain, Sources, Reporting, Pipeline, Notebooks, Forecasting, Kernel, Cli }.Single(a => a.GetName().Name == name);

    [Theory]
    [MemberData(nameof(AllowedReferences))]
    public void Each_layer_references_only_the_layers_below_it(string layer, string[] allowed)
    {
        var ours = Named(layer).GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Insights", StringComparison.Ordinal)).Order().ToList();
        Assert.All(ours, n => Assert.True(allowed.Contains(n), $"{layer} references {n}, against the flow of docs/architecture.md"));
    }

    [Theory]
    [InlineData("DocumentFormat.OpenXml")]
    [InlineData("Plotly.NET")]
    [InlineData("ParquetSharp")]
    [InlineData("Microsoft.CodeAnalysis")]
    [InlineData("Scriban")]
    [InlineData("Markdig")]
    [InlineData("ExcelDataReader")]
    [InlineData("Deedle")]
    public void The_domain_uses_no_writer_reader_or_compiler_package(string package) =>
        AssertNone(Types.InAssembly(Domain).Should().NotHaveDependencyOn(package).GetResult(), $"the domain depends on {package}");

    /// <summary>The Jupyter kernel speaks the protocol; what a cell means is the notebook engine's, given by the CLI.</summary>
    [Theory]
    [InlineData("Microsoft.CodeAnalysis")]
    [InlineData("Deedle")]
    [InlineData("Plotly.NET")]
    public void The_kernel_knows_the_protocol_not_the_cells(string package) =>
        AssertNone(Types.InAssembly(Kernel).Should().NotHaveDependencyOn(package).GetResult(), $"the kernel depends on {package}");

    [Theory]
    [InlineData("System.IO.File")]
    [InlineData("System.IO.Directory")]
    [InlineData("System.IO.FileStream")]
    [InlineData("System.IO.StreamReader")]
    [InlineData("System.IO.StreamWriter")]
    [InlineData("System.Console")]
    [InlineData("System.Net")]
    public void The_domain_does_no_io(string api) =>
        AssertNone(Types.InAssembly(Domain).Should().NotHaveDependencyOn(api).GetResult(), $"the domain uses {api}");

    [Theory]
    [InlineData("Insights.Narrative")]
    [InlineData("Insights.Charts")]
    [InlineData("Insights.Word")]
    [InlineData("Insights.Store")]
    [InlineData("Insights.Outputs")]
    [InlineData("Insights.Pipeline")]
    public void Readers_know_nothing_of_reporting_or_the_job(string ns) =>
        AssertNone(Types.InAssembly(Sources).Should().NotHaveDependencyOn(ns).GetResult(), $"a reader depends on {ns}");

    [Theory]
    [InlineData("Insights.Model")]
    [InlineData("Insights.Breakdowns")]
    [InlineData("Insights.Sources")]
    [InlineData("Insights.Narrative")]
    [InlineData("Insights.Charts")]
    [InlineData("Insights.Pipeline")]
    public void The_notebook_engine_is_generic(string ns) =>
        AssertNone(Types.InAssembly(Notebooks).Should().NotHaveDependencyOn(ns).GetResult(), $"the notebook engine depends on {ns}");

    [Fact]
    public void No_type_is_named_for_nothing_in_particular()
    {
        var vague = new[] { Domain, Sources, Reporting, Pipeline, Notebooks, Forecasting, Kernel, Cli }
            .SelectMany(a => Types.InAssembly(a).That().HaveNameEndingWith("Utils")
                .Or().HaveNameEndingWith("Helpers").Or().HaveNameEndingWith("Helper").Or().HaveNameEndingWith("Manager")
                .GetTypes())
            .Select(t => t.FullName).ToList();
        Assert.Empty(vague);
    }

    static void AssertNone(TestResult result, string what) =>
        Assert.True(result.IsSuccessful, $"{what}: {string.Join(", ", result.FailingTypeNames ?? [])}");
}
