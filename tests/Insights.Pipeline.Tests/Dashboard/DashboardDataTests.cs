using System.Text.RegularExpressions;
using Insights.Model;
using Insights.Outputs.Dashboard;
using Insights.Pipeline;

namespace Insights.Tests.Dashboard;

public class DashboardDataTests
{
    static readonly ContextOptions Options = new(GmpOptions.Samples());
    static readonly Lazy<ContextResult> Result = new(() => ContextJob.Compute(Options));

    [Fact]
    public void The_full_cube_counts_every_enquiry_once_and_Stockport_2024_25_is_36()
    {
        var data = DashboardJob.Data(Result.Value, Options);
        var cube = Assert.Single(data.Police.Cubes);
        Assert.Equal(DashboardBuilder.Dimensions, cube.Dimensions);
        Assert.Equal(Result.Value.Extract.Enquiries.Count, cube.Cells.Sum(c => c.Count!.Value));
        var v = data.Police.Values;
        var stockport = v[DashboardBuilder.District].ToList().IndexOf("Stockport");
        var year = v[DashboardBuilder.Year].ToList().IndexOf("2024/25");
        Assert.Equal(36, cube.Cells.Where(c => c.Key[0] == stockport && c.Key[1] == year).Sum(c => c.Count!.Value));
    }

    [Fact]
    public void The_page_holds_no_enquiry_id_or_date_of_the_extract()
    {
        var html = DashboardPage.Render(DashboardJob.Data(Result.Value, Options));
        var data = html[html.IndexOf("id=\"dashboard-data\"", StringComparison.Ordinal)..html.IndexOf("</script>", html.IndexOf("id=\"dashboard-data\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.All(Result.Value.Extract.Enquiries.Take(50), e => Assert.DoesNotContain(e.Id, html, StringComparison.Ordinal));
        Assert.DoesNotMatch(new Regex(@"\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4}"), data);
    }

    [Fact]
    public void The_same_inputs_give_the_same_bytes_and_the_data_round_trips()
    {
        var first = DashboardPage.Render(DashboardJob.Data(Result.Value, Options));
        var second = DashboardPage.Render(DashboardJob.Data(ContextJob.Compute(Options), Options));
        Assert.Equal(first, second);
        var data = DashboardJob.Data(Result.Value, Options);
        var back = DashboardData.FromJson(data.ToJson());
        Assert.Equal(data.Police.Cubes[0].Cells.Select(c => (string.Join(",", c.Key), c.Count)),
            back.Police.Cubes[0].Cells.Select(c => (string.Join(",", c.Key), c.Count)));
    }

    [Fact]
    public void Plotly_js_is_inlined_once_and_nothing_is_loaded_from_elsewhere()
    {
        var html = DashboardPage.Render(DashboardJob.Data(Result.Value, Options));
        Assert.Equal(1, Text.Occurrences(html, Outputs.PlotlyScript.Text.Value));
        Assert.DoesNotMatch(new Regex(@"<script[^>]*\bsrc\s*=|<link[^>]*\bhref\s*=", RegexOptions.IgnoreCase), html);
        Assert.Contains("default-src 'none'", html);
    }

    [Fact]
    public void Json_in_the_page_cannot_close_its_script_element()
    {
        var json = DashboardData.ScriptSafe("{\"a\":\"</script><!--\u2028\"}");
        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain("\u2028", json);
        Assert.Equal("</script><!--\u2028", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("a").GetString());
    }
}

public class DashboardForecastTests
{
    [Fact]
    public void A_run_with_a_forecast_gives_the_trends_page_its_band()
    {
        var options = new ContextOptions(GmpOptions.Samples(), Trends: new TrendOptions(Forecast: true));
        var result = ContextJob.Compute(options);
        var band = DashboardJob.Data(result, options).Trends.Forecast;
        var forecast = result.Trends!.Forecast!;
        Assert.NotNull(band);
        Assert.Equal(forecast.Forecasts.Select(f => (f.Quarter.ToString(), f.Value, f.Lower80, f.Upper80)),
            band.Select(p => (p.Quarter, p.Central, p.Lower, p.Upper)));
        Assert.Null(DashboardJob.Data(ContextJob.Compute(new ContextOptions(GmpOptions.Samples())), new ContextOptions(GmpOptions.Samples())).Trends.Forecast);
    }
}
