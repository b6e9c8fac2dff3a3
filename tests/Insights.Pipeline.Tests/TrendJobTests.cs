using Insights.Cli;
using Insights.Model;
using Insights.Pipeline;
using Insights.Store;

namespace Insights.Tests;

/// <summary>
/// The longer view in the context job: nothing changes unless asked; a forecast stays out of the section unless
/// --with-forecast; a national year replaces the quarter's paragraph; an area adds its paragraph and chart.
/// </summary>
public sealed class TrendJobTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-trends-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static ContextOptions Samples(TrendOptions? trends) =>
        new(GmpOptions.Samples(), Nrm: NrmOptions.Samples(), Trends: trends);

    static ContextResult Compute(TrendOptions? trends) => ContextJob.Compute(Samples(trends));

    [Fact]
    public void A_forecast_never_reaches_the_section_or_its_facts_by_default()
    {
        var plain = Compute(null);
        var forecast = Compute(new TrendOptions(Forecast: true));

        Assert.DoesNotContain("[f]", plain.Markdown);
        Assert.Equal(plain.Markdown, forecast.Markdown);
        Assert.Equal(plain.Facts.ToJson(), forecast.Facts.ToJson());
        Assert.DoesNotContain(forecast.Facts.Facts, f => f.Id.StartsWith("forecast.", StringComparison.Ordinal));
        Assert.NotNull(forecast.Trends!.Forecast);
        Assert.Contains(ContextJob.Figures(forecast, Samples(null)), f => f.Title.Contains("[f]", StringComparison.Ordinal));
    }

    [Fact]
    public void With_forecast_the_section_says_so_and_marks_every_forecast_value()
    {
        var r = Compute(new TrendOptions(WithForecast: true));
        var line = r.Markdown.Split('\n').Single(l => l.StartsWith("Forecast [f]", StringComparison.Ordinal));
        var first = r.Trends!.Forecast!.Forecasts[0];
        Assert.Contains($"forecasts {Insights.Narrative.ForecastNarrative.Format(first.Value)} referrals for {first.Quarter.InWords}", line);
        Assert.Equal(6, line.Split("[f]").Length - 1);   // "Forecast [f]", the value and its four interval limits
        Assert.Contains(r.Facts.Facts, f => f.Id == $"forecast.referrals-{first.Quarter.Compact.ToLowerInvariant()}" && f.Printed.EndsWith(" [f]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_local_NRM_context_needs_no_police_extract()
    {
        var r = NationalJob.Compute(new NationalOnlyOptions(NrmOptions.Samples(), Trends: new TrendOptions(NrmArea: "greater  manchester")));
        // Table_12 of the reconstructed release: 240 in Greater Manchester of the 5,690 UK referrals (240 / 5,690 = 4.22%).
        Assert.Contains("### Local NRM context\n\nIn April to June 2025, 240 potential victims were referred to the NRM where the exploitation took place in Greater Manchester, 4.2% of the 5,690 referrals in the UK.", r.Markdown);
        Assert.Contains("### District context\n\n> [Author:", r.Markdown);
        Assert.StartsWith("> **SAMPLE DATA, not for publication: the NRM release is a reconstructed sample.**", r.Markdown);
        Assert.Contains(r.Facts.Facts, f => f.Id == "nrm-area.greater-manchester-referrals" && f.Printed == "240");
        Assert.DoesNotContain(r.Facts.Facts, f => f.Id.StartsWith("district.", StringComparison.Ordinal));
        Assert.Contains(r.Warnings, w => w.Code == "gmp-not-given");
    }

    [Fact]
    public void The_district_trend_without_a_police_extract_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => NationalJob.Compute(new NationalOnlyOptions(NrmOptions.Samples(), Trends: new TrendOptions(DistrictTrend: true))));
        Assert.Contains("the district trend needs the police extract", e.Message);
    }

    [Fact]
    public void A_national_year_replaces_the_quarter_s_paragraph_and_an_area_adds_its_own()
    {
        var r = Compute(new TrendOptions(NationalYear: ReferralYear.Calendar(2023), NrmArea: "Greater Manchester"));
        Assert.Contains("In 2023, 17,004 potential victims of modern slavery were referred", r.Markdown);
        Assert.DoesNotContain("received 5,690 referrals", r.Markdown);
        Assert.Contains("### Local NRM context\n\nIn April to June 2025, 240 potential victims were referred", r.Markdown);
        Assert.Contains(r.Facts.Facts, f => f.Id == "national-year.referrals" && f.Printed == "17,004");
        Assert.DoesNotContain(r.Facts.Facts, f => f.Id == "national.referrals");
        Assert.Contains(r.Facts.Facts, f => f.Id == "nrm-area.greater-manchester-share-of-uk" && f.Printed == "4.2%");
    }

    [Fact]
    public void The_context_command_writes_the_forecast_table_the_trend_charts_and_the_back_test()
    {
        var output = Path.Combine(_folder, "out");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, ContextCommand.Run(["--out", output, "--district-trend", "--forecast", "--horizon", "2"], stdout, stderr));

        var rows = ParquetStore.ReadNrmForecastRows(Path.Combine(output, ParquetStore.NrmForecastFolder));
        Assert.Equal([(2025, 3, 1), (2025, 4, 2)], rows.Select(x => (x.Year, x.Quarter, x.Horizon)));
        Assert.All(rows, x => Assert.Equal("2025Q2", x.Release));
        var report = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("Stockport enquiries by financial year and exploitation type", report);
        Assert.Contains("<th>Method</th>", report);
        Assert.Contains("(chosen)", report);
        Assert.DoesNotContain("[f]", File.ReadAllText(Path.Combine(output, "current-trends.md")));
        var facts = File.ReadAllText(Path.Combine(output, "facts.json"));
        Assert.Contains("\"district-trend.year-2024-25-stockport\"", facts);
    }

    [Theory]
    [InlineData("--national-year", "2023/25", "--national-year: '2023/25' is not a year (expected 2023 for a calendar year or 2023/24 for a financial year)")]
    [InlineData("--horizon", "9", "--horizon: '9' is not a number of quarters from 1 to 8")]
    public void A_trend_option_with_a_bad_value_is_a_usage_error_naming_it(string option, string value, string message)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, ContextCommand.Run(["--out", Path.Combine(_folder, "out"), "--forecast", option, value], stdout, stderr));
        Assert.Equal(message, stderr.ToString().Trim());
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    [Fact]
    public void The_forecast_command_prints_the_documented_JSON()
    {
        using var stdout = new StringWriter();
        Assert.Equal(0, ForecastCommand.Run(["--nrm", Insights.Pipeline.Samples.PathOf("nrm", NrmSampleWorkbooks.Q4_2023), "--json"], stdout));
        Assert.StartsWith("{\n  \"series_end\": \"2023Q4\",\n  \"method\": ", stdout.ToString());
    }
}
