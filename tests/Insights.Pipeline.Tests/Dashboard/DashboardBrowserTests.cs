using System.Globalization;
using Insights.Breakdowns;
using Insights.Model;
using Insights.Outputs.Dashboard;
using Insights.Pipeline;
using OpenQA.Selenium;

namespace Insights.Tests.Dashboard;

/// <summary>The sample run's dashboard.html, written once for a test class, and the library's figures to check it with.</summary>
public class SampleDashboardFile : IDisposable
{
    public ContextOptions Options { get; } = new(GmpOptions.Samples());
    public ContextResult Result { get; }
    public string Folder { get; } = Directory.CreateTempSubdirectory("insights-dashboard-").FullName;
    public string Path => System.IO.Path.Combine(Folder, DashboardPage.FileName);

    public SampleDashboardFile()
    {
        Result = ContextJob.Compute(Options);
        File.WriteAllText(Path, DashboardPage.Render(DashboardJob.Data(Result, Options)));
    }

    /// <summary>The library's district context, computed the way the job computes it.</summary>
    public DistrictContext District(string district, FinancialYear year) =>
        DistrictBreakdown.Compute(Result.Extract.Enquiries, district, year.Period);

    public virtual void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The sample dashboard, a hostile one and a published one, and one Chromium for the class.</summary>
public sealed class SampleDashboard : SampleDashboardFile
{
    /// <summary>A dashboard of enquiries whose categories are built to break out of the page or into a spreadsheet.</summary>
    public string HostilePath => System.IO.Path.Combine(Folder, "hostile.html");
    /// <summary>The same run with --publish.</summary>
    public string PublishedPath => System.IO.Path.Combine(Folder, "published.html");
    public const string ScriptBreakout = "</script><script>window.pwned = 1</script><!--";
    public const string Formula = "=HYPERLINK(\"http://example.invalid\",\"x\")";
    /// <summary>Plotly draws &lt;a href&gt; in its texts as a live link: a category must stay text.</summary>
    public const string PlotlyLink = "<a href=\"https://example.invalid/\">Linked</a>";
    public Browser Browser { get; } = new();

    public SampleDashboard()
    {
        File.WriteAllText(PublishedPath, DashboardPage.Render(DashboardJob.Data(Result, Options with { Publish = true })));
        Enquiry[] hostile =
        [
            new("A", new DateOnly(2024, 5, 1), "Stockport", "+Labour", 30, Gender.Male, ScriptBreakout),
            new("B", new DateOnly(2024, 6, 1), "Stockport", "@Sexual", 20, Gender.Female, Formula),
            new("C", new DateOnly(2024, 6, 2), "Bury", "-Criminal", 40, Gender.Female, "\tTabbed"),
            new("D", new DateOnly(2024, 7, 1), "Stockport", PlotlyLink, 50, Gender.Male, "British"),
        ];
        var context = DistrictBreakdown.Compute(hostile, "Stockport", new FinancialYear(2024).Period);
        var inputs = new DashboardInputs("<b>Hostile</b> & \"quoted\"", EnquiryColumns.From(hostile), context, "Source: test", false, null, null, null, false);
        File.WriteAllText(HostilePath, DashboardPage.Render(DashboardBuilder.Build(inputs)));
    }

    public override void Dispose()
    {
        Browser.Dispose();
        base.Dispose();
    }
}

/// <summary>
/// The dashboard driven in headless Chromium as an analyst would: slicers, hashes, a click on a bar. Every expected
/// number is computed by the library's breakdowns in the test, never copied from the page or the program's output.
/// </summary>
public class DashboardBrowserTests(SampleDashboard dashboard) : IClassFixture<SampleDashboard>
{
    readonly Browser browser = dashboard.Browser;
    static readonly FinancialYear Y2024 = new(2024), Y2023 = new(2023);

    static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    static string Change(int current, int previous) => new Change(current, previous, "").RoundedPercent(0) switch
    {
        null => "[z]",
        0 => "0%",
        var r => (r > 0 ? "+" : "-") + Math.Abs(r.Value).ToString(CultureInfo.InvariantCulture) + "%",
    };

    void Select(string slicer, string text)
    {
        // Clicking the option, as a person picks it from the list; the change event follows.
        browser.Driver.FindElement(By.CssSelector($"[data-slicer=\"{slicer}\"]")).FindElements(By.TagName("option"))
            .Single(o => o.Text == text).Click();
    }

    [Fact]
    public void Stockport_2024_25_opens_with_36_enquiries_and_the_library_share_of_the_area()
    {
        browser.Open(dashboard.Path);
        var stockport = dashboard.District("Stockport", Y2024);
        Assert.Equal(36, stockport.Enquiries);   // the statement's figure
        Assert.Equal(N(stockport.Enquiries), browser.Kpi("enquiries"));
        Assert.Equal(stockport.ShareOfGm.Format(1), browser.Kpi("share-of-area"));
        Assert.Equal(N(stockport.DistrictNotLogged), browser.Kpi("not-logged"));
        Assert.Equal(Change(stockport.Enquiries, stockport.PreviousEnquiries), browser.Kpi("change-on-previous-year"));
        var types = browser.Table("district-type").Skip(1).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal(stockport.ExploitationTypes.ToDictionary(t => t.Name, t => N(t.Count)), types);
        Assert.Equal("Stockport", browser.Driver.FindElement(By.CssSelector("[data-slicer=district]")).GetAttribute("value"));
        Assert.Contains("OFFICIAL-SENSITIVE: do not publish", browser.Driver.FindElement(By.Id("marking")).Text);
    }

    [Fact]
    public void A_hash_reproduces_a_view_Bolton_2023_24_and_the_slicers_follow_it()
    {
        browser.Open(dashboard.Path, "#district=Bolton&year=2023/24");
        var bolton = dashboard.District("Bolton", Y2023);
        Assert.Equal(N(bolton.Enquiries), browser.Kpi("enquiries"));
        Assert.Equal(bolton.ShareOfGm.Format(1), browser.Kpi("share-of-area"));
        Assert.Equal("Bolton", browser.Driver.FindElement(By.CssSelector("[data-slicer=district]")).GetAttribute("value"));
        Assert.Equal("2023/24", browser.Driver.FindElement(By.CssSelector("[data-slicer=year]")).GetAttribute("value"));
        var nationalities = browser.Table("district-nationality").Skip(1).ToDictionary(r => r[0], r => r[1]);
        foreach (var n in bolton.TopNationalities) Assert.Equal(N(n.Count), nationalities[n.Name]);

        // Changing a slicer writes the hash, so the link reproduces the view.
        Select("year", "2024/25");
        var hash = (string)browser.Script("return location.hash;")!;
        Assert.Contains("district=Bolton", hash);
        Assert.Contains("year=2024/25", hash);
        Assert.Equal(N(dashboard.District("Bolton", Y2024).Enquiries), browser.Kpi("enquiries"));
    }

    [Fact]
    public void An_exploitation_type_slicer_and_a_click_on_its_bar_filter_the_other_visuals()
    {
        browser.Open(dashboard.Path, "#district=Stockport&year=2024/25");
        var stockport = dashboard.District("Stockport", Y2024);
        var labour = stockport.ExploitationTypes.Single(t => t.Name == "Labour exploitation");
        Select("type", "Labour exploitation");
        Assert.Equal(N(labour.Count), browser.Kpi("enquiries"));
        Assert.Contains("type=Labour+exploitation", (string)browser.Script("return location.hash;")!);

        // The gender × age table now counts only labour exploitation, as the library does for that subset.
        var labourOnly = dashboard.Result.Extract.Enquiries.Where(e => e.ExploitationType == labour.Name).ToList();
        var subset = DistrictBreakdown.Compute(labourOnly, "Stockport", Y2024.Period);
        var male = browser.Table("district-age-gender").Single(r => r[0] == "Male");
        Assert.Equal(N(subset.Male.Adults), male[1]);
        Assert.Equal(N(subset.Male.UnderEighteen), male[2]);

        // Reset, then click the bar of the largest type: the type slicer takes its value and the KPIs follow.
        browser.Driver.FindElement(By.Id("reset")).Click();
        Assert.Equal(N(stockport.Enquiries), browser.Kpi("enquiries"));
        var largest = stockport.ExploitationTypes[0];
        var bar = browser.Driver.FindElements(By.CssSelector("#chart-district-type .bars .point path"))[0];
        new OpenQA.Selenium.Interactions.Actions(browser.Driver).MoveToElement(bar).Click().Perform();
        browser.WaitFor($"return document.querySelector('[data-slicer=type]').value === '{largest.Name}';");
        Assert.Equal(N(largest.Count), browser.Kpi("enquiries"));
        var byMonth = browser.Table("district-month").Skip(1).Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture));
        Assert.Equal(largest.Count, byMonth);
    }

    [Fact]
    public void A_legend_entry_cross_filters_by_age_group()
    {
        browser.Open(dashboard.Path, "#district=Stockport&year=2024/25");
        var entry = browser.Driver.FindElements(By.CssSelector("#chart-district-age-gender .legend .traces .legendtoggle"))[0];
        new OpenQA.Selenium.Interactions.Actions(browser.Driver).MoveToElement(entry).Click().Perform();
        browser.WaitFor("return document.querySelector('[data-slicer=age]').value === 'Adult (18 or over)';");
        var adults = dashboard.Result.Extract.Enquiries.Count(e =>
            e.District == "Stockport" && Y2024.Period.Contains(e.DateLogged) && e.AgeGroup == AgeGroup.Adult);
        Assert.Equal(N(adults), browser.Kpi("enquiries"));
    }

    [Fact]
    public void A_national_quarter_shows_the_release_series_and_its_changes()
    {
        browser.Open(dashboard.Path, "#page=national&quarter=2024+Q2");
        var release = dashboard.Result.Nrm!.Latest;
        var q = new Quarter(2024, 2);
        var current = release.SeriesTotal(q)!.Value;
        Assert.Equal(N(current), browser.Kpi("national-referrals"));
        Assert.Equal(Change(current, release.SeriesTotal(q.Previous)!.Value), browser.Kpi("change-on-quarter"));
        Assert.Equal(Change(current, release.SeriesTotal(q.SameQuarterLastYear)!.Value), browser.Kpi("change-on-year"));
        Assert.Equal("false", browser.Driver.FindElement(By.Id("page-national")).GetAttribute("hidden") is null ? "false" : "true");

        // The reported quarter, chosen with the slicer: the section's headline.
        Select("quarter", dashboard.Result.National!.Quarter.InWords);
        Assert.Equal(N(dashboard.Result.National.Referrals), browser.Kpi("national-referrals"));
    }

    [Fact]
    public void Every_page_draws_with_no_network_request_and_no_console_error()
    {
        browser.Open(dashboard.Path);
        browser.ConsoleErrors();   // drains the log of earlier tests' pages
        browser.Open(dashboard.Path);
        foreach (var page in new[] { "area", "national", "trends", "district" })
        {
            browser.Driver.FindElement(By.Id("tab-" + page)).Click();
            Assert.Null(browser.Driver.FindElement(By.Id("page-" + page)).GetAttribute("hidden"));
            var charts = browser.Driver.FindElements(By.CssSelector($"#page-{page} .chart .main-svg"));
            Assert.NotEmpty(charts);
        }
        // Only the file itself was loaded: no script, style, font, image or fetch from anywhere.
        var resources = (long)browser.Script("return performance.getEntriesByType('resource').length;")!;
        Assert.Equal(0, resources);
        Assert.Empty(browser.ConsoleErrors());
    }

    [Fact]
    public void Each_visual_has_a_table_view_and_a_csv_of_what_is_shown()
    {
        browser.Open(dashboard.Path, "#district=Stockport&year=2024/25");
        var show = browser.Driver.FindElement(By.CssSelector("#visual-district-type .actions button[aria-controls]"));
        show.SendKeys(Keys.Enter);
        Assert.Equal("true", show.GetAttribute("aria-expanded"));
        Assert.True(browser.Driver.FindElement(By.Id("table-district-type")).Displayed);
        // (the driver hands strings back with bare line feeds; the file itself has CRLF, as RFC 4180)
        var csv = ((string)browser.Script("return window.dashboardCsv('district-type');")!).Replace("\r\n", "\n", StringComparison.Ordinal);
        var stockport = dashboard.District("Stockport", Y2024);
        Assert.Contains($"{stockport.ExploitationTypes[0].Name},{stockport.ExploitationTypes[0].Count}\n", csv);
        Assert.StartsWith("\"Stockport enquiries by exploitation type, 2024/25\"\n", csv);
        Assert.Equal(browser.Driver.FindElements(By.CssSelector("#page-district figure.visual")).Count,
            browser.Driver.FindElements(By.CssSelector("#page-district figure.visual [data-csv]")).Count);
    }

    [Fact]
    public void Hostile_category_names_stay_text_and_csv_cells_that_look_like_formulas_are_neutralised()
    {
        browser.Open(dashboard.HostilePath);
        Assert.Null(browser.Script("return window.pwned === undefined ? null : window.pwned;"));
        Assert.Equal("<b>Hostile</b> & \"quoted\"", browser.Driver.FindElement(By.Id("title")).Text);
        var nationalities = browser.Table("district-nationality").Skip(1).Select(r => r[0]).ToList();
        Assert.Contains(SampleDashboard.ScriptBreakout, nationalities);
        Assert.Contains(SampleDashboard.Formula, nationalities);
        Assert.Equal("3", browser.Kpi("enquiries"));   // A, B and D are Stockport's

        // The chart draws the label as its characters, not as a link.
        var chart = browser.Driver.FindElement(By.Id("chart-district-type"));
        Assert.Empty(chart.FindElements(By.TagName("a")));
        Assert.Contains(SampleDashboard.PlotlyLink, (string)browser.Script("return document.getElementById('chart-district-type').textContent;")!);

        var types = ((string)browser.Script("return window.dashboardCsv('district-type');")!).Split('\n');
        Assert.Contains("'+Labour,1", types.Select(l => l.TrimEnd('\r')));
        Assert.Contains("'@Sexual,1", types.Select(l => l.TrimEnd('\r')));
        var csv = (string)browser.Script("return window.dashboardCsv('district-nationality');")!;
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\",1", csv);
        Assert.DoesNotContain("\n=", csv);
        Assert.Empty(browser.ConsoleErrors().Where(e => !e.Contains("favicon", StringComparison.Ordinal)));
    }

    [Fact]
    public void Published_dashboard_withholds_a_small_count_and_shows_a_safe_one()
    {
        browser.Open(dashboard.PublishedPath, "#district=Stockport&year=2024/25");
        var stockport = dashboard.District("Stockport", Y2024);
        Assert.Equal(N(stockport.Enquiries), browser.Kpi("enquiries"));
        Assert.StartsWith("For publication", browser.Driver.FindElement(By.Id("marking")).Text);
        var small = stockport.ExploitationTypes.First(t => t.Count is > 0 and < DashboardBuilder.DefaultSuppressBelow);
        Select("type", small.Name);
        Assert.Equal("[c]", browser.Kpi("enquiries"));
        // Two characteristics at once are not in the published file: the visual says so rather than guess.
        Assert.Contains("[x]", browser.Driver.FindElement(By.CssSelector("#visual-district-nationality .note")).Text);
        Assert.Empty(browser.ConsoleErrors());
    }

    [Fact]
    public void The_keyboard_alone_switches_pages_and_cross_filters_from_a_table()
    {
        browser.Open(dashboard.Path, "#district=Stockport&year=2024/25");
        var stockport = dashboard.District("Stockport", Y2024);
        // Tabs: arrow keys move between pages, as the ARIA tabs pattern.
        browser.Driver.FindElement(By.Id("tab-district")).SendKeys(Keys.ArrowRight);
        browser.WaitFor("return !document.getElementById('page-area').hidden;");
        Assert.Equal("true", browser.Driver.FindElement(By.Id("tab-area")).GetAttribute("aria-selected"));
        browser.Driver.SwitchTo().ActiveElement().SendKeys(Keys.ArrowLeft);
        browser.WaitFor("return !document.getElementById('page-district').hidden;");

        // A table row's button does what a click on its bar does.
        var show = browser.Driver.FindElement(By.CssSelector("#visual-district-type .actions button[aria-controls]"));
        show.SendKeys(Keys.Enter);
        var second = stockport.ExploitationTypes[1];
        var button = browser.Driver.FindElements(By.CssSelector("#table-district-type tbody th button")).Single(b => b.Text == second.Name);
        button.SendKeys(Keys.Enter);
        browser.WaitFor($"return document.querySelector('[data-slicer=type]').value === '{second.Name}';");
        Assert.Equal(N(second.Count), browser.Kpi("enquiries"));
        // Every slicer has a label, and every chart an accessible name.
        Assert.All(browser.Driver.FindElements(By.CssSelector("[data-slicer]")), s => Assert.Equal("label", s.FindElement(By.XPath("..")).TagName));
        Assert.All(browser.Driver.FindElements(By.CssSelector("#page-district .chart")), c => Assert.False(string.IsNullOrEmpty(c.GetAttribute("aria-label"))));
    }
}
