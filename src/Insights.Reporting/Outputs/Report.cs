using System.Net;
using System.Text;
using Insights.Charts;

namespace Insights.Outputs;

/// <summary>
/// report.html: one self-contained file for analysts that works offline. plotly.js is inlined once in the head (the
/// copy Plotly.NET bundles), then the section text, then each chart with its source line and table.
/// </summary>
public static class Report
{
    /// <summary>Extra styling for figures on top of the section's CSS.</summary>
    const string FigureCss = """
        figure.chart { margin: 2.5rem 0; padding: 1rem 0 0; border-top: 3px solid #12436D; }
        .plotly-chart { width: 100%; min-height: 300px; }
        figcaption.source { margin: 0.25rem 0 0.75rem; font-size: 0.95rem; color: #505a5f; }
        table.figure-table caption { text-align: left; font-weight: bold; padding-bottom: 0.25rem; }
        .charts-heading { margin-top: 3rem; }
        """;

    /// <summary>
    /// Renders the whole report. Deterministic: same arguments, same string. Figures whose titles give the same id
    /// get "-2", "-3" suffixes in order, so every chart div is distinct.
    /// </summary>
    public static string Render(string title, string sectionMarkdown, IReadOnlyList<ChartFigure> figures, string chartsHeading = "Charts and tables")
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n")
          .Append("<style>\n").Append(HtmlSection.Css).Append(FigureCss).Append("</style>\n");
        if (figures.Count > 0)
            sb.Append("<script>\n").Append(PlotlyScript.Text.Value).Append("\n</script>\n");
        sb.Append("</head>\n<body>\n<main>\n<section class=\"section-text\">\n")
          .Append(HtmlSection.Fragment(sectionMarkdown))
          .Append("</section>\n");
        if (figures.Count > 0)
        {
            sb.Append("<section class=\"charts\">\n<h2 class=\"charts-heading\">").Append(WebUtility.HtmlEncode(chartsHeading)).Append("</h2>\n");
            var used = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var figure in figures)
            {
                var id = figure.Id;
                used[id] = used.TryGetValue(id, out var n) ? n + 1 : 1;
                if (used[id] > 1) id += "-" + used[id].ToString(System.Globalization.CultureInfo.InvariantCulture);
                sb.Append(figure.ToHtml(id));
            }
            sb.Append("</section>\n");
        }
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}

/// <summary>plotly.js as Plotly.NET ships it, read from the assembly's resources so the report needs no network.</summary>
public static class PlotlyScript
{
    public static readonly Lazy<string> Text = new(Load);

    /// <summary>Name of the embedded resource, e.g. "Plotly.NET.plotly-2.28.0.min.js".</summary>
    public static string ResourceName =>
        typeof(Plotly.NET.Defaults).Assembly.GetManifestResourceNames()
            .Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));

    static string Load()
    {
        using var stream = typeof(Plotly.NET.Defaults).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("plotly.js is missing from Plotly.NET's resources.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // A literal "</script>" inside the library would close the inline element early.
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }
}
