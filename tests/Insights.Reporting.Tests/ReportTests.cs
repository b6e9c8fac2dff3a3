using System.Text.RegularExpressions;
using Insights.Outputs;

namespace Insights.Tests;

public class ReportTests
{
    static string Render() => Report.Render("Modern slavery: current trends", WordTests.Section, ChartSamples.All());

    [Fact]
    public void Report_has_no_external_script_or_stylesheet_reference()
    {
        var html = Render();
        Assert.DoesNotMatch(new Regex(@"<script[^>]*\bsrc\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"<link[^>]*\bhref\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("cdn.plot.ly", html[..html.IndexOf("</head>", StringComparison.Ordinal)].Replace(PlotlyScript.Text.Value, "", StringComparison.Ordinal));
    }

    [Fact]
    public void Plotly_js_is_inlined_once_for_many_charts()
    {
        var html = Render();
        var figures = ChartSamples.All();
        Assert.True(figures.Count >= 2);
        Assert.Equal(1, Text.Occurrences(html, PlotlyScript.Text.Value));
        Assert.True(PlotlyScript.Text.Value.Length > 1_000_000, "the full plotly.js bundle, not a stub");
        // ... and it comes before the first chart that calls it.
        Assert.True(html.IndexOf(PlotlyScript.Text.Value, StringComparison.Ordinal) < html.IndexOf("Plotly.newPlot(\"chart-", StringComparison.Ordinal));
        var body = html[html.IndexOf("</head>", StringComparison.Ordinal)..];
        Assert.Equal(figures.Count, Text.Occurrences(body, "Plotly.newPlot(\"chart-"));
    }

    [Fact]
    public void Every_figure_has_a_caption_with_its_source_and_a_table()
    {
        var html = Render();
        var body = html[html.IndexOf("<section class=\"charts\">", StringComparison.Ordinal)..];
        var figures = Regex.Matches(body, "<figure.*?</figure>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(ChartSamples.All().Count, figures.Count);
        Assert.All(figures, f =>
        {
            Assert.Matches("<figcaption[^>]*>Source: (Home Office|GMP)", f);
            Assert.Contains("<table class=\"figure-table\">", f);
            Assert.Matches("role=\"img\" aria-label=\"[^\"]{20,}\"", f);
        });
    }

    [Fact]
    public void Section_text_comes_before_the_charts()
    {
        var html = Render();
        Assert.True(html.IndexOf("<h2>National context</h2>", StringComparison.Ordinal) < html.IndexOf("<figure", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_without_charts_does_not_carry_plotly()
    {
        var html = Report.Render("t", WordTests.Section, []);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("<h2>Stockport context</h2>", html);
    }

    [Fact]
    public void Two_figures_with_the_same_title_get_distinct_ids()
    {
        var html = Report.Render("t", "text", [ChartSamples.YearOnYear(), ChartSamples.YearOnYear()]);
        Assert.Contains("id=\"chart-stockport-enquiries-year-on-year\"", html);
        Assert.Contains("id=\"chart-stockport-enquiries-year-on-year-2\"", html);
    }

    [Fact]
    public void Two_renders_are_byte_identical()
    {
        var first = Render();
        var second = Render();
        Assert.Equal(first, second);
        // For the screenshot check (.ci/screenshot-report): INSIGHTS_SAMPLE_REPORT=/path/report.html dotnet test ...
        if (Environment.GetEnvironmentVariable("INSIGHTS_SAMPLE_REPORT") is { Length: > 0 } path)
            File.WriteAllText(path, first, new System.Text.UTF8Encoding(false));
    }
}

public class ReportFilesTests
{
    [Fact]
    public void Two_runs_write_byte_identical_files()
    {
        var root = Path.Combine(Path.GetTempPath(), "insights-report-files-" + Guid.NewGuid().ToString("N"));
        try
        {
            string[] Run(string name)
            {
                var destination = Path.Combine(root, name);
                using (var staged = new StagedOutput(destination))
                {
                    ReportFiles.Write(staged, "Modern slavery: current trends", WordTests.Section, ChartSamples.All());
                    staged.Commit();
                }
                return Directory.GetFiles(destination).Order(StringComparer.Ordinal).ToArray();
            }
            var first = Run("a");
            Thread.Sleep(2100);   // past the zip format's two-second timestamp resolution
            var second = Run("b");
            Assert.Equal(["current-trends.docx", "current-trends.html", "current-trends.md", "report.html"], first.Select(Path.GetFileName));
            foreach (var (a, b) in first.Zip(second)) Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
