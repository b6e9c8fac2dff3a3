using System.Globalization;
using Insights.Outputs;
using Insights.Outputs.Dashboard;
using Insights.Pipeline;
using Insights.Tests.Dashboard;

namespace Insights.Benchmarks;

/// <summary>
/// dashboard.html of the sample run in headless Chromium: file size, first contentful paint and time until the first
/// page is drawn, against report.html (the static page with the same plotly.js) loaded in the same browser, runs
/// interleaved; then the time of a slicer change (change event to the next frame after the redraw).
/// </summary>
static class DashboardBenchmark
{
    public static int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var folder = Directory.CreateTempSubdirectory("insights-dashboard-benchmark-").FullName;
        try
        {
            var options = new ContextOptions(GmpOptions.Samples(), folder);
            var result = ContextJob.Run(options);
            var dashboard = Path.Combine(folder, DashboardPage.FileName);
            var report = Path.Combine(folder, ReportFiles.Report);
            Console.WriteLine($"dashboard.html {new FileInfo(dashboard).Length:N0} bytes ({new FileInfo(dashboard).Length / 1048576.0:F2} MiB); " +
                $"report.html {new FileInfo(report).Length:N0} bytes; plotly.js {PlotlyScript.Text.Value.Length:N0} characters");

            using var browser = new Browser();
            var paint = new Dictionary<string, List<double>> { ["dashboard"] = [], ["report"] = [] };
            var ready = new List<double>();
            for (var i = 0; i <= runs; i++)
            {
                browser.Open(dashboard);
                var fcp = FirstContentfulPaint(browser);
                var drawn = Convert.ToDouble(browser.Script("return window.dashboardReadyMs;"), CultureInfo.InvariantCulture);
                browser.Driver.Navigate().GoToUrl(new Uri(report).AbsoluteUri);
                browser.WaitFor("return document.readyState === 'complete';");
                var reportFcp = FirstContentfulPaint(browser);
                if (i == 0) continue;   // warm-up: the first load also starts the renderer
                paint["dashboard"].Add(fcp);
                paint["report"].Add(reportFcp);
                ready.Add(drawn);
            }

            browser.Open(dashboard);
            var districts = result.District.Area.Districts;
            var changes = new List<double>();
            for (var i = 0; i < runs * 4; i++)
            {
                var (slicer, value) = (i % 4) switch
                {
                    0 => ("district", districts[i / 4 % districts.Count]),
                    1 => ("type", i % 8 == 1 ? "Labour exploitation" : "All"),
                    2 => ("year", i % 8 == 2 ? "2023/24" : "2024/25"),
                    _ => ("age", i % 8 == 3 ? "Under 18" : "All"),
                };
                changes.Add(Convert.ToDouble(browser.Driver.ExecuteAsyncScript("""
                    var done = arguments[arguments.length - 1];
                    var el = document.querySelector('[data-slicer="' + arguments[0] + '"]');
                    var t0 = performance.now();
                    el.value = arguments[1];
                    el.dispatchEvent(new Event('change', { bubbles: true }));
                    requestAnimationFrame(function () { requestAnimationFrame(function () { done(performance.now() - t0); }); });
                    """, slicer, value), CultureInfo.InvariantCulture));
            }

            Console.WriteLine();
            Console.WriteLine($"{"measure",-52} {"median ms",10} {"max ms",8}");
            Console.WriteLine($"{"first contentful paint, dashboard.html",-52} {Median(paint["dashboard"]),10:F0} {paint["dashboard"].Max(),8:F0}");
            Console.WriteLine($"{"first contentful paint, report.html (peer)",-52} {Median(paint["report"]),10:F0} {paint["report"].Max(),8:F0}");
            Console.WriteLine($"{"first page drawn (KPIs and four charts), dashboard",-52} {Median(ready),10:F0} {ready.Max(),8:F0}");
            Console.WriteLine($"{"slicer change to next frame, district page",-52} {Median(changes),10:F0} {changes.Max(),8:F0}");
            Console.WriteLine($"dashboard / report first paint: {Median(paint["dashboard"]) / Median(paint["report"]):F2}");
            Console.WriteLine($"({runs} interleaved loads after one warm-up, {changes.Count} slicer changes; {Environment.ProcessorCount} processors)");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static double FirstContentfulPaint(Browser browser)
    {
        browser.WaitFor("return performance.getEntriesByName('first-contentful-paint').length > 0;");
        return Convert.ToDouble(browser.Script("return performance.getEntriesByName('first-contentful-paint')[0].startTime;"), CultureInfo.InvariantCulture);
    }

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
