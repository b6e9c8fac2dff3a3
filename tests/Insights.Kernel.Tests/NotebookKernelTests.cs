using System.Text.Json.Nodes;

namespace Insights.Kernel.Tests;

/// <summary>Every notebook in notebooks/ executed by nbclient through the kernel its metadata names (once for the
/// class). 03 writes its files to a temporary folder, set the way papermill sets parameters.</summary>
public sealed class NotebookSessions : IDisposable
{
    public JupyterClient Client { get; } = new();
    public IReadOnlyDictionary<string, JsonNode> Executed { get; } = new Dictionary<string, JsonNode>();
    public JsonNode? Summary { get; }

    public static string RepositoryRoot { get; } = FindRoot();

    public static IReadOnlyList<string> Notebooks { get; } =
        [.. Directory.GetFiles(Path.Combine(RepositoryRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal)];

    public NotebookSessions()
    {
        if (Client.Unavailable is not null) return;
        var output = Directory.CreateDirectory(Path.Combine(Client.Folder, "executed")).FullName;
        var statement = Path.Combine(Client.Folder, "statement");
        (Summary, _) = Client.Drive(["notebooks", output, .. Notebooks],
            new Dictionary<string, string> { ["INSIGHTS_NOTEBOOK_PARAMS_03"] = $"outputFolder = @\"{statement}\";" });
        Executed = Notebooks.ToDictionary(n => Path.GetFileName(n), n => JsonNode.Parse(File.ReadAllText(Path.Combine(output, Path.GetFileName(n))))!);
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Insights.sln"))) return dir.FullName;
        throw new InvalidOperationException("the repository root (Insights.sln) is not above the test folder");
    }

    public void Dispose() => Client.Dispose();
}

public sealed class NotebookKernelTests(NotebookSessions sessions) : IClassFixture<NotebookSessions>
{
    IReadOnlyDictionary<string, JsonNode> Executed
    {
        get
        {
            Skip.If(sessions.Client.Unavailable is not null, sessions.Client.Unavailable);
            return sessions.Executed;
        }
    }

    static IEnumerable<JsonNode> Outputs(JsonNode notebook) =>
        notebook["cells"]!.AsArray().SelectMany(c => c!["outputs"]?.AsArray() ?? []).Select(o => o!);

    /// <summary>nbformat stores text as a string or a list of lines.</summary>
    static string TextOf(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        _ => node.GetValue<string>(),
    };

    public static TheoryData<string> NotebookNames => [.. NotebookSessions.Notebooks.Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(NotebookNames))]
    public void Notebook_metadata_names_the_insights_kernel(string name)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(NotebookSessions.RepositoryRoot, "notebooks", name)))!;
        Assert.Equal(KernelSpec.InsightsName, notebook["metadata"]!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", notebook["metadata"]!["kernelspec"]!["language"]!.GetValue<string>());
    }

    [SkippableTheory]
    [MemberData(nameof(NotebookNames))]
    public void Every_notebook_runs_in_the_kernel_through_nbclient_without_an_error(string name)
    {
        var notebook = Executed[name];
        Assert.True(sessions.Summary![name]!["error"] is null, sessions.Summary![name]!["error"]?.ToString());
        Assert.DoesNotContain(Outputs(notebook), o => o["output_type"]!.GetValue<string>() == "error");
        var code = notebook["cells"]!.AsArray().Where(c => c!["cell_type"]!.GetValue<string>() == "code").ToList();
        Assert.All(code, c => Assert.NotNull(c!["execution_count"]?.GetValue<int?>()));
        Assert.Contains(Outputs(notebook), o => o["output_type"]!.GetValue<string>() is "display_data" or "execute_result");
    }

    [SkippableFact]
    public void District_notebook_on_the_samples_gives_the_statements_36_Stockport_enquiries()
    {
        // The 2025/26 statement: 36 modern slavery enquiries relating to Stockport in 2024/25.
        var texts = Outputs(Executed["02-district-context.ipynb"]).Select(o => TextOf(o["data"]?["text/plain"])).ToList();
        Assert.Contains(texts, t => t.StartsWith("Stockport, ", StringComparison.Ordinal) && t.Contains(": 36 enquiries (", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_chart_output_holds_the_plotly_figure_json_and_plotly_js_comes_once_per_session()
    {
        foreach (var (name, notebook) in Executed)
        {
            var charts = Outputs(notebook).Where(o => o["data"]?["application/vnd.plotly.v1+json"] is not null).ToList();
            Assert.True(charts.Count > 0, $"{name} has no chart");
            Assert.All(charts, c => Assert.NotEmpty(c["data"]!["application/vnd.plotly.v1+json"]!["data"]!.AsArray()));
            // The library is inlined (its own banner, "plotly.js v3..."), in one output only: the session's first chart.
            var withLibrary = Outputs(notebook).Where(o => TextOf(o["data"]?["text/html"]).Contains("* plotly.js v", StringComparison.Ordinal)).ToList();
            Assert.Single(withLibrary);
            Assert.Same(charts[0], withLibrary[0]);
        }
    }

    const string PlotlyEnd = "})(undefined, undefined, undefined);</script>";

    [SkippableFact]
    public void No_output_references_a_URL_beyond_a_hyperlink_in_the_text()
    {
        foreach (var (name, notebook) in Executed)
            foreach (var output in Outputs(notebook))
            {
                var html = TextOf(output["data"]?["text/html"]);
                // The inlined plotly.js names map tile servers and its own site in strings (never loaded for these
                // charts): it must not load itself from anywhere; everything after it names no URL at all.
                var library = html.IndexOf(PlotlyEnd, StringComparison.Ordinal);
                if (library >= 0)
                {
                    Assert.DoesNotMatch("<script[^>]*src", html[..library]);
                    html = html[(library + PlotlyEnd.Length)..];
                }
                // A hyperlink a reader may follow (the text cites the Home Office's statistics page) loads nothing;
                // anything else naming a URL (a script or style source, a require path, an image) would.
                var links = System.Text.RegularExpressions.Regex.Replace(html, "<a\\s[^>]*href=\"https://[^\"]*\"", "<a");
                Assert.DoesNotContain("://", links + TextOf(output["data"]?["text/plain"]) + TextOf(output["text"]));
            }
    }
}
