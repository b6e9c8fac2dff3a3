using Insights.Forecasting;

namespace Insights.Forecasting.Tests;

public class QuarterlyForecastTests
{
    // 1,000 × 1.02^t × (1, 1.1, 0.9, 1.05 by quarter): exactly the log-linear shape the Poisson regression fits.
    static SeasonalSeries Multiplicative(int count, int firstSeason = 0)
    {
        double[] season = [1, 1.1, 0.9, 1.05];
        return new SeasonalSeries(
            Enumerable.Range(0, count).Select(t => 1000 * Math.Pow(1.02, t) * season[(firstSeason + t) % 4]).ToArray(), firstSeason);
    }

    [Fact]
    public void The_regression_recovers_a_growing_seasonal_series()
    {
        var series = Multiplicative(28, firstSeason: 1);
        double[] season = [1, 1.1, 0.9, 1.05];
        var forecast = new TrendSeasonRegression().Forecast(series, 4);
        for (var h = 1; h <= 4; h++)
        {
            var t = series.Count - 1 + h;
            var expected = 1000 * Math.Pow(1.02, t) * season[(1 + t) % 4];
            Assert.InRange(forecast[h - 1], expected * 0.995, expected * 1.005);
        }
    }

    [Fact]
    public void The_same_series_gives_the_same_forecast_to_the_last_bit()
    {
        var series = Noisy(40);
        var a = QuarterlyForecast.Run(series);
        var b = QuarterlyForecast.Run(series);
        Assert.Equal(a.Points, b.Points);
        Assert.Equal(a.Backtests.Select(x => x.Mase), b.Backtests.Select(x => x.Mase));
    }

    [Fact]
    public void The_method_with_the_lowest_MASE_is_used_and_named()
    {
        var outcome = QuarterlyForecast.Run(Noisy(40));
        var best = outcome.Backtests.MinBy(b => b.Mase)!;
        Assert.Equal(best.Method, outcome.Method);
        Assert.Equal(["seasonal-naive", "drift", "regression"], outcome.Backtests.Select(b => b.Method));
        Assert.All(outcome.Backtests, b => Assert.Equal(20, b.Origins));
    }

    [Fact]
    public void A_baseline_that_wins_is_the_one_used()
    {
        var series = Noisy(40);
        var outcome = QuarterlyForecast.Run(series, 4, [new SeasonalNaive(), new Zero()]);
        Assert.Equal("seasonal-naive", outcome.Method);
        Assert.Equal(new SeasonalNaive().Forecast(series, 4), outcome.Points.Select(p => p.Value));
    }

    [Fact]
    public void Intervals_add_the_back_test_error_percentiles_at_each_horizon()
    {
        var series = Noisy(40);
        var outcome = QuarterlyForecast.Run(series, 4, [new SeasonalNaive()]);
        foreach (var p in outcome.Points)
        {
            var errors = outcome.Chosen.Errors(p.Step);
            Assert.Equal(20, errors.Count);
            Assert.Equal(Math.Max(0, p.Value + Quantile.Of(errors, 0.10)), p.Lower80, 12);
            Assert.Equal(Math.Max(0, p.Value + Quantile.Of(errors, 0.975)), p.Upper95, 12);
            Assert.True(p.Lower95 <= p.Lower80 && p.Lower80 <= p.Upper80 && p.Upper80 <= p.Upper95);
        }
    }

    [Fact]
    public void Fewer_than_twelve_origins_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => QuarterlyForecast.Run(Multiplicative(22)));
        Assert.Contains("needs at least 23", e.Message);
    }

    // A seasonal series with a trend and a deterministic wobble (no random numbers: the test must not depend on a seed).
    static SeasonalSeries Noisy(int count) =>
        new(Enumerable.Range(0, count).Select(t => 2000 + 40.0 * t + 150 * ((t % 4) - 1.5) + 90 * Math.Sin(1.7 * t)).ToArray());

    sealed class Zero : IForecastMethod
    {
        public string Name => "zero";
        public int MinimumHistory => 1;
        public IReadOnlyList<double> Forecast(SeasonalSeries history, int horizon) => new double[horizon];
    }
}
