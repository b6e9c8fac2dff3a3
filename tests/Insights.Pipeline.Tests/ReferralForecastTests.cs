using System.Text.Json;
using Insights.Model;
using Insights.Pipeline;
using Insights.Sources.Nrm;

namespace Insights.Tests;

/// <summary>The national forecast over a release's referrals-by-quarter series, on the real October to December 2023 release.</summary>
public class ReferralForecastTests
{
    static readonly Lazy<ReferralForecast> Q4_2023 = new(() =>
        ReferralForecasts.Compute(NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm", NrmSampleWorkbooks.Q4_2023)])));

    [Fact]
    public void The_forecast_starts_after_the_release_s_last_quarter_and_uses_the_method_with_the_lowest_MASE()
    {
        var f = Q4_2023.Value;
        Assert.Equal(new Quarter(2023, 4), f.SeriesEnd);
        Assert.Equal([new Quarter(2024, 1), new Quarter(2024, 2), new Quarter(2024, 3), new Quarter(2024, 4)], f.Forecasts.Select(x => x.Quarter));
        Assert.Equal(f.Backtest.MinBy(b => b.Mase)!.Method, f.Method);
        Assert.All(f.Backtest, b => Assert.True(b.Origins >= 12));
        Assert.All(f.Forecasts, x => Assert.True(x.Lower95 <= x.Lower80 && x.Lower80 <= x.Upper80 && x.Upper80 <= x.Upper95));
    }

    [Fact]
    public void The_JSON_has_exactly_the_documented_shape()
    {
        using var doc = JsonDocument.Parse(Q4_2023.Value.ToJson());
        var root = doc.RootElement;
        Assert.Equal(["series_end", "method", "backtest", "forecasts"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2023Q4", root.GetProperty("series_end").GetString());
        Assert.Equal(["seasonal-naive", "drift", "regression"], root.GetProperty("backtest").EnumerateObject().Select(p => p.Name));
        Assert.All(root.GetProperty("backtest").EnumerateObject(), m => Assert.Equal(["mase", "mape", "origins"], m.Value.EnumerateObject().Select(p => p.Name)));
        var first = root.GetProperty("forecasts")[0];
        Assert.Equal(["quarter", "value", "lower80", "upper80", "lower95", "upper95"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2024Q1", first.GetProperty("quarter").GetString());
    }

    [Fact]
    public void The_same_release_gives_the_same_JSON()
    {
        var again = ReferralForecasts.Compute(NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm", NrmSampleWorkbooks.Q4_2023)]));
        Assert.Equal(Q4_2023.Value.ToJson(), again.ToJson());
    }
}
