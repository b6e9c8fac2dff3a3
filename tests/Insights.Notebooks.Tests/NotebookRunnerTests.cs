using System.Runtime.CompilerServices;
using Insights.Notebooks;

namespace Insights.Tests;

/// <summary>Runs the features fixture once (Roslyn's first compile costs seconds) with a string, an int and a bool
/// parameter overridden, and lets every test read that run.</summary>
public sealed class FeaturesRun : IAsyncLifetime
{
    public static readonly Dictionary<string, string> Parameters = new()
    {
        ["district"] = "Bolton", ["top"] = "5", ["includeCharts"] = "false", ["note"] = "say \"hi\"",
    };

    public string SourceBytesBefore { get; private set; } = "";
    public NotebookRun Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        SourceBytesBefore = Convert.ToHexString(File.ReadAllBytes(NotebookFixtures.Features));
        // A German machine: the run must still print invariant numbers and dates (cell 10).
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Run = await NotebookRunner.RunAsync(NotebookFixtures.Features, new NotebookRunOptions { Parameters = Parameters, Host = Insights.Cli.InsightsNotebooks.Host });
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
        Assert.True(Run.Succeeded, Run.Failure?.ToString());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Outputs of a source cell, by its 1-based number (the injected parameters cell does not count).</summary>
    public IReadOnlyList<CellOutput> OutputsOf(int sourceCell) =>
        Run.Executed.Cells.Where(c => !c.Tags.Contains(NotebookParameters.InjectedTag)).ElementAt(sourceCell - 1).Outputs;
}

static class NotebookFixtures
{
    public static string Folder => Path.Combine(TestsFolder(), "Fixtures", "Notebooks");
    public static string Features => Path.Combine(Folder, "features.ipynb");
    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(TestsFolder(), "..", ".."));

    static string TestsFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>A notebook of C# cells given as text, "located" in the fixtures folder.</summary>
    public static Notebook Of(params NotebookCell[] cells)
    {
        var notebook = new Notebook();
        notebook.Cells.AddRange(cells);
        return notebook;
    }

    public static Task<NotebookRun> RunAsync(Notebook notebook, Dictionary<string, string>? parameters = null) =>
        NotebookRunner.RunAsync(notebook, Path.Combine(Folder, "inline.ipynb"),
            new NotebookRunOptions { Parameters = parameters ?? [], Host = Insights.Cli.InsightsNotebooks.Host });
}

public class NotebookRunnerTests(FeaturesRun features) : IClassFixture<FeaturesRun>
{
    [Fact]
    public void Cells_share_state_and_a_trailing_expression_is_the_cells_result()
    {
        // Cell 3 defines counts; cell 4 is just "counts[district] * 2" with district overridden to Bolton (52).
        var result = Assert.Single(features.OutputsOf(4));
        Assert.Equal("execute_result", result.OutputType);
        Assert.Equal("104", result.PlainText);
    }

    [Fact]
    public void Parameters_override_string_int_and_bool_declarations()
    {
        // Defaults are Stockport, 3, true and "default": every value shown comes from --param instead.
        Assert.Equal("Bolton top 5\n", Assert.Single(features.OutputsOf(3)).Text);
        Assert.Equal("charts: False, note: say \"hi\"", features.OutputsOf(5)[0].PlainText);
        var injected = Assert.Single(features.Run.Executed.Cells, c => c.Tags.Contains(NotebookParameters.InjectedTag));
        Assert.Equal(2, features.Run.Executed.Cells.IndexOf(injected)); // right after the parameters cell
        Assert.Contains("note = \"say \\\"hi\\\"\";", injected.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Display_and_the_Display_extension_show_values_in_call_order()
    {
        var outputs = features.OutputsOf(5);
        Assert.Equal(["display_data", "display_data"], outputs.Select(o => o.OutputType));
        Assert.Equal("second", outputs[1].PlainText);
    }

    [Fact]
    public void A_Deedle_frame_and_a_list_of_records_render_as_html_tables()
    {
        var frame = Assert.Single(features.OutputsOf(6)).Html!;
        Assert.Contains("<th>District</th><th>Enquiries</th>", frame, StringComparison.Ordinal);
        Assert.Contains("<td>Stockport</td><td>36</td>", frame, StringComparison.Ordinal);
        var records = Assert.Single(features.OutputsOf(7)).Html!;
        Assert.Contains("<tr><th>1</th><td>Bolton</td><td>52</td></tr>", records, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_charts_get_positional_ids_and_the_page_inlines_plotly_js_once()
    {
        var charts = features.OutputsOf(8);
        Assert.Contains("<div id=\"plotly-cell8-1\"", charts[0].Html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot('plotly-cell8-2'", charts[1].Html, StringComparison.Ordinal);
        Assert.True(charts[0].Data.ContainsKey(CellOutput.PlotlyMime)); // Jupyter front ends draw this natively

        var html = NotebookReport.ToHtml(features.Run.Executed, "features");
        // plotly.js's licence banner opens the bundle: once means inlined once, not per chart.
        Assert.Equal(1, Text.Occurrences(html, "plotly.js v2.28.0"));
        Assert.True(html.IndexOf("plotly.js v2.28.0", StringComparison.Ordinal) < html.IndexOf("</head>", StringComparison.Ordinal));
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal); // nothing fetched: the page works offline
        // The markdown cell's pipe table goes through Markdig.
        Assert.Contains("<td>Stockport</td>", html[..html.IndexOf("<details", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_report_and_executed_notebook_are_byte_identical_across_runs()
    {
        var again = await NotebookRunner.RunAsync(NotebookFixtures.Features, new NotebookRunOptions { Parameters = FeaturesRun.Parameters, Host = Insights.Cli.InsightsNotebooks.Host });
        Assert.Equal(NotebookReport.ToHtml(features.Run.Executed, "features"), NotebookReport.ToHtml(again.Executed, "features"));
        Assert.Equal(features.Run.Executed.ToJson(), again.Executed.ToJson());
    }

    [Fact]
    public void The_executed_notebook_has_outputs_and_the_source_file_is_untouched()
    {
        Assert.True(features.Run.Executed.HasOutputs);
        Assert.Equal(features.SourceBytesBefore, Convert.ToHexString(File.ReadAllBytes(NotebookFixtures.Features)));
        Assert.False(Notebook.Load(NotebookFixtures.Features).HasOutputs);
        // What --executed writes reads back to the same notebook.
        var written = features.Run.Executed.ToJson();
        Assert.Equal(written, Notebook.Parse(written).ToJson());
    }

    [Fact]
    public void Cells_run_in_the_invariant_culture_whatever_the_machines() =>
        Assert.Equal("1.5 11/23/2026", Assert.Single(features.OutputsOf(10)).PlainText);

    [Fact]
    public void A_cell_in_another_language_is_skipped_with_a_warning() =>
        Assert.Equal(["cell 9: skipped, its language is 'pwsh' (only C# cells run)"], features.Run.Warnings);

    [Fact]
    public void Writing_a_notebook_reproduces_jupyters_layout_byte_for_byte()
    {
        // The fixture was written by Python's json.dumps(sort_keys=True, indent=1, ensure_ascii=False), as Jupyter does.
        var text = File.ReadAllText(NotebookFixtures.Features);
        Assert.Equal(text, Notebook.Parse(text).ToJson());
    }

    [Fact]
    public async Task A_compile_error_names_the_cell_and_the_line_within_it_below_a_hash_r_line()
    {
        var run = await NotebookFixtures.RunAsync(NotebookFixtures.Of(
            NotebookCell.Markdown("# Title"),
            NotebookCell.Code("#!csharp\n#r \"nuget: Deedle\"\nvar a = 1;\nvar b = a + missing;")));
        Assert.Equal("cell 2 (line 4): error CS0103: The name 'missing' does not exist in the current context", run.Failure?.ToString());
        Assert.Equal("error", run.Executed.Cells[1].Outputs[^1].OutputType);
    }

    [Fact]
    public async Task A_runtime_exception_stops_the_run_at_its_cell()
    {
        var run = await NotebookFixtures.RunAsync(NotebookFixtures.Of(
            NotebookCell.Code("var a = 1;"),
            NotebookCell.Code("var b = a;\nthrow new InvalidOperationException(\"boom\");"),
            NotebookCell.Code("var never = 1;")));
        Assert.Equal("cell 2 (line 2): InvalidOperationException: boom", run.Failure?.ToString());
        Assert.Equal(3, run.Executed.Cells.Count);
        Assert.Null(run.Executed.Cells[2].ExecutionCount); // the run stopped; the cell stays, unrun
    }

    [Fact]
    public async Task A_package_the_product_does_not_ship_is_refused_naming_the_packages_it_has()
    {
        var run = await NotebookFixtures.RunAsync(NotebookFixtures.Of(NotebookCell.Code("var a = 1;\n#r \"nuget: NoSuchPackage, 1.0.0\"")));
        var message = run.Failure?.ToString() ?? "";
        Assert.StartsWith("cell 1 (line 2): package 'NoSuchPackage' is not shipped with Insights", message, StringComparison.Ordinal);
        Assert.Contains("Deedle 8.1.0", message, StringComparison.Ordinal);
        Assert.Contains("Plotly.NET 6.0.0", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shipped_package_at_another_version_runs_with_a_warning_naming_both()
    {
        var run = await NotebookFixtures.RunAsync(NotebookFixtures.Of(NotebookCell.Code("#r \"nuget:deedle, 7.0.0\"\nvar f = Deedle.Frame.FromRecords(new[] { 1 });")));
        Assert.True(run.Succeeded, run.Failure?.ToString());
        Assert.Equal(["cell 1 (line 1): asks for Deedle 7.0.0; using the shipped Deedle 8.1.0"], run.Warnings);
    }

    [Fact]
    public async Task A_hash_r_dll_path_loads_that_assembly_from_the_notebooks_folder()
    {
        var folder = Directory.CreateTempSubdirectory("insights-notebook-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "lib"));
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Greetings",
                [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Greetings; public static class Greeting { public static string Hello() => \"hello from a dll\"; }")],
                [Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
                new(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            using (var dll = File.Create(Path.Combine(folder, "lib", "Greetings.dll")))
                Assert.True(compilation.Emit(dll).Success);
            var notebook = Path.Combine(folder, "uses-dll.ipynb");
            NotebookFixtures.Of(NotebookCell.Code("#r \"lib/Greetings.dll\"\nGreetings.Greeting.Hello()")).Save(notebook);

            var run = await NotebookRunner.RunAsync(notebook);
            Assert.True(run.Succeeded, run.Failure?.ToString());
            Assert.Equal("hello from a dll", run.Executed.Cells[0].Outputs[0].PlainText);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Another_languages_magic_is_an_error()
    {
        var run = await NotebookFixtures.RunAsync(NotebookFixtures.Of(NotebookCell.Code("#!pwsh\nGet-Date")));
        Assert.StartsWith("cell 1 (line 1): the magic command '#!pwsh' is not supported", run.Failure?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_value_that_does_not_parse_is_refused()
    {
        var notebook = NotebookFixtures.Of(NotebookCell.Code("var top = 3;", "parameters"));
        var e = await Assert.ThrowsAsync<NotebookParameterException>(() => NotebookFixtures.RunAsync(notebook, new() { ["top"] = "three" }));
        Assert.Equal("--param top=three: 'three' is not a whole number (top is declared as int)", e.Message);
    }

    [Fact]
    public async Task An_unknown_parameter_is_refused_listing_the_declared_ones()
    {
        var notebook = NotebookFixtures.Of(NotebookCell.Code("var district = \"Stockport\";\nint top = 3;", "parameters"));
        var e = await Assert.ThrowsAsync<NotebookParameterException>(() => NotebookFixtures.RunAsync(notebook, new() { ["distric"] = "Bolton" }));
        Assert.Equal("unknown parameter 'distric': it declares district, top (names are case-sensitive)", e.Message);
    }

    [Fact]
    public void Committed_notebooks_carry_no_outputs()
    {
        // Outputs of a run on a real GMP extract could hold personal data: no notebook in git may carry any.
        var notebooks = Directory.EnumerateFiles(NotebookFixtures.RepositoryRoot, "*.ipynb", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(notebooks);
        Assert.All(notebooks, p => Assert.False(Notebook.Load(p).HasOutputs, $"{p} carries outputs: clear them before committing"));
    }

    [Fact]
    public void The_cli_exits_0_when_the_notebook_runs_1_when_a_cell_fails_and_64_for_a_bad_parameter()
    {
        var folder = Directory.CreateTempSubdirectory("insights-notebook-").FullName;
        try
        {
            var good = Path.Combine(folder, "good.ipynb");
            NotebookFixtures.Of(NotebookCell.Code("var top = 3;", "parameters"), NotebookCell.Code("top + 1")).Save(good);
            var bad = Path.Combine(folder, "bad.ipynb");
            NotebookFixtures.Of(NotebookCell.Code("throw new InvalidOperationException(\"no\");")).Save(bad);
            var report = Path.Combine(folder, "report.html");

            Assert.Equal(0, Cli("notebook", "run", good, "--param", "top=4", "--out", report));
            Assert.True(File.Exists(report));
            // The README's "--out out/02.html" on a fresh clone, where the git-ignored out/ does not exist yet.
            var nested = Path.Combine(folder, "out", "sub");
            Assert.Equal(0, Cli("notebook", "run", good, "--out", Path.Combine(nested, "r.html"), "--executed", Path.Combine(nested, "r.executed.ipynb")));
            Assert.True(File.Exists(Path.Combine(nested, "r.html")) && File.Exists(Path.Combine(nested, "r.executed.ipynb")));
            Assert.Equal(1, Cli("notebook", "run", bad));
            Assert.Equal(2, Cli("notebook", "run", good, "--param", "nope=1"));
            Assert.Equal(2, Cli("notebook", "run", good, "--param", "top=four"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static int Cli(params string[] args) =>
        (int)typeof(Insights.Cli.ExitCodes).Assembly.EntryPoint!.Invoke(null, [args])!;

}
