using System.Globalization;
using Insights.Model;

namespace Insights.Tests.Dashboard;

/// <summary>The sample run's dashboard.html and one Firefox for the class.</summary>
public sealed class FirefoxDashboard : SampleDashboardFile
{
    public Firefox Browser { get; } = new();

    public override void Dispose()
    {
        Browser.Dispose();
        base.Dispose();
    }
}

/// <summary>
/// The dashboard opened from disk in headless Firefox, the other engine analysts use (Edge is Chromium's, tested in
/// <see cref="DashboardBrowserTests"/>). Expected numbers come from the library's breakdowns, never from the page.
/// </summary>
public class FirefoxDashboardTests(FirefoxDashboard dashboard) : IClassFixture<FirefoxDashboard>
{
    readonly Firefox firefox = dashboard.Browser;

    static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    [Fact]
    public void Stockport_2024_25_opens_in_Firefox_with_36_enquiries_and_a_hash_shows_Bolton_2023_24()
    {
        firefox.Open(dashboard.Path);
        var stockport = dashboard.District("Stockport", new FinancialYear(2024));
        Assert.Equal(36, stockport.Enquiries);   // the statement's figure
        Assert.Equal(N(stockport.Enquiries), firefox.Kpi("enquiries"));
        Assert.Equal(stockport.ShareOfGm.Format(1), firefox.Kpi("share-of-area"));

        firefox.Open(dashboard.Path, "#district=Bolton&year=2023/24");
        var bolton = dashboard.District("Bolton", new FinancialYear(2023));
        Assert.Equal(N(bolton.Enquiries), firefox.Kpi("enquiries"));
        Assert.Equal("Bolton", firefox.Evaluate("document.querySelector('[data-slicer=district]').value").GetString());

        // A slicer changed as a person does (the change event), and the hash follows.
        firefox.Evaluate("(() => { const s = document.querySelector('[data-slicer=year]'); s.value = '2024/25'; s.dispatchEvent(new Event('change', { bubbles: true })); })()");
        Assert.Equal(N(dashboard.District("Bolton", new FinancialYear(2024)).Enquiries), firefox.Kpi("enquiries"));
        Assert.Contains("year=2024/25", firefox.Evaluate("location.hash").GetString());
    }

    [Fact]
    public void A_national_quarter_shows_the_release_total_in_Firefox()
    {
        firefox.Open(dashboard.Path, "#page=national&quarter=2024+Q2");
        var total = dashboard.Result.Nrm!.Latest.SeriesTotal(new Quarter(2024, 2))!.Value;
        Assert.Equal(N(total), firefox.Kpi("national-referrals"));
    }

    [Fact]
    public void Every_page_draws_in_Firefox_with_no_network_request_and_no_console_error()
    {
        firefox.ClearEvents();
        firefox.Open(dashboard.Path);
        foreach (var page in new[] { "area", "national", "trends", "district" })
        {
            firefox.Evaluate($"document.getElementById('tab-{page}').click()");
            Assert.Equal(JsonFalse, firefox.Evaluate($"document.getElementById('page-{page}').hidden").ValueKind);
            Assert.True(firefox.Evaluate($"document.querySelectorAll('#page-{page} .chart .main-svg').length").GetInt32() > 0);
        }
        // Nothing loaded but the file: no script, style, font, image or fetch (the page's CSP would log a refused one).
        Assert.Equal(0, firefox.Evaluate("performance.getEntriesByType('resource').length").GetInt32());
        Assert.Empty(firefox.Requests());
        Assert.Empty(firefox.ConsoleErrors());
    }

    const System.Text.Json.JsonValueKind JsonFalse = System.Text.Json.JsonValueKind.False;
}
