using System.Net;
using System.Text;
using Markdig;

namespace Insights.Notebooks;

/// <summary>
/// An executed notebook as one self-contained HTML page: markdown cells through Markdig (pipe tables), code in a
/// collapsed block, outputs as run. plotly.js is inlined once in the head when any chart is present, so the page
/// works offline. No dates or random ids: the same notebook run writes the same bytes.
/// </summary>
public static class NotebookReport
{
    static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    const string Style = """
        body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
        table { border-collapse: collapse; margin: 0.5rem 0; }
        th, td { border: 1px solid #d6d6d6; padding: 0.2rem 0.5rem; text-align: left; }
        td { font-variant-numeric: tabular-nums; }
        details.code { margin: 1rem 0 0.25rem; }
        details.code summary { color: #505a5f; cursor: pointer; font-size: 0.9rem; }
        pre { background: #f3f2f1; padding: 0.5rem; overflow-x: auto; }
        pre.error { background: #fde8e8; color: #801650; }
        .output { margin: 0.25rem 0 1rem; }
        .hidden-rows { color: #505a5f; font-size: 0.9rem; }
        """;

    public static string ToHtml(Notebook executed, string title)
    {
        var hasCharts = executed.Cells.SelectMany(c => c.Outputs).Any(o => o.Data.ContainsKey(CellOutput.PlotlyMime));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n");
        if (hasCharts) html.Append("<script type=\"text/javascript\">\n").Append(PlotlyJs.Value).Append("\n</script>\n");
        html.Append("</head>\n<body>\n<main>\n");
        foreach (var cell in executed.Cells)
        {
            switch (cell.CellType)
            {
                case "markdown":
                    html.Append("<section class=\"markdown\">\n").Append(Markdig.Markdown.ToHtml(cell.Source, Markdown)).Append("</section>\n");
                    break;
                case "code":
                    if (cell.Tags.Contains(NotebookParameters.InjectedTag) || cell.Source.Trim().Length > 0)
                    {
                        var label = cell.Tags.Contains(NotebookParameters.InjectedTag) ? "Parameters given on the command line"
                            : cell.Tags.Contains(NotebookParameters.Tag) ? "Parameters" : "Code";
                        // A skipped cell (another language) or one after a failure: say so rather than look empty.
                        if (cell.ExecutionCount is null) label += " (not run)";
                        html.Append("<details class=\"code\"><summary>").Append(label).Append("</summary>\n<pre><code class=\"language-csharp\">")
                            .Append(WebUtility.HtmlEncode(cell.Source)).Append("</code></pre>\n</details>\n");
                    }
                    foreach (var output in cell.Outputs) Output(html, output);
                    break;
            }
        }
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static void Write(Notebook executed, string title, string path) =>
        File.WriteAllText(path, ToHtml(executed, title), new UTF8Encoding(false));

    static void Output(StringBuilder html, CellOutput output)
    {
        html.Append("<div class=\"output\">\n");
        switch (output.OutputType)
        {
            case "stream":
                html.Append("<pre>").Append(WebUtility.HtmlEncode(output.Text ?? "")).Append("</pre>");
                break;
            case "error":
                html.Append("<pre class=\"error\">").Append(WebUtility.HtmlEncode(string.Join("\n", output.Traceback))).Append("</pre>");
                break;
            default:
                if (output.Html is { } h) html.Append(h);
                else html.Append("<pre>").Append(WebUtility.HtmlEncode(output.PlainText ?? "")).Append("</pre>");
                break;
        }
        html.Append("\n</div>\n");
    }

    /// <summary>plotly.js as Plotly.NET ships it, safe inside a script element: for a front end that draws charts from
    /// their HTML (the Jupyter kernel sends it once per session).</summary>
    public static string PlotlyJavaScript => PlotlyJs.Value;

    /// <summary>The plotly.js that Plotly.NET embeds as a resource (the one its own offline HTML uses), made safe to
    /// sit inside a script element.</summary>
    static readonly Lazy<string> PlotlyJs = new(() =>
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase).TrimEnd();
    });
}
