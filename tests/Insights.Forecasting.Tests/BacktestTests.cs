using Insights.Forecasting;

namespace Insights.Forecasting.Tests;

public class BacktestTests
{
    // y = 10, 20, 30, 40 | 14, 22, 33, 41 | 15, 25 (quarters, first season Q1); seasonal-naive, horizons 1-2, 2 origins.
    // Origin 7 (7 values known): scale = mean(|14-10|, |22-20|, |33-30|) = 3;
    //   h1 forecasts y[3] = 40, actual y[7] = 41, error 1, scaled 1/3; h2 forecasts y[4] = 14, actual y[8] = 15, error 1, scaled 1/3.
    // Origin 8: scale = mean(4, 2, 3, |41-40| = 1) = 2.5;
    //   h1 forecasts y[4] = 14, actual 15, error 1, scaled 0.4; h2 forecasts y[5] = 22, actual y[9] = 25, error 3, scaled 1.2.
    // MASE = (1/3 + 1/3 + 0.4 + 1.2) / 4 = (34/15) / 4 = 17/30 = 0.5667.
    // MAPE = 100 × (1/41 + 1/15 + 1/15 + 3/25) / 4 = 100 × 0.277724 / 4 = 6.9431%.
    static readonly SeasonalSeries Short = new([10, 20, 30, 40, 14, 22, 33, 41, 15, 25]);

    [Fact]
    public void Seasonal_naive_MASE_on_a_ten_quarter_series_is_17_thirtieths()
    {
        var result = RollingOrigin.Run(Short, new SeasonalNaive(), origins: 2, horizon: 2);

        Assert.Equal(17.0 / 30.0, result.Mase, 12);
        Assert.Equal(100 * (1.0 / 41 + 1.0 / 15 + 1.0 / 15 + 3.0 / 25) / 4, result.Mape, 12);
        Assert.Equal([1.0, 1.0], result.Errors(1));
        Assert.Equal([1.0, 3.0], result.Errors(2));
        Assert.Equal(2, result.Origins);
    }

    [Fact]
    public void The_scale_is_the_mean_absolute_change_on_the_same_quarter_a_year_earlier()
    {
        Assert.Equal(3.0, RollingOrigin.SeasonalScale(Short.Take(7)), 12);
        Assert.Equal(2.5, RollingOrigin.SeasonalScale(Short.Take(8)), 12);
    }

    [Fact]
    public void Drift_continues_the_line_from_the_first_value_to_the_last()
    {
        // 10 ... 33 over 6 steps: 23/6 a step.
        var f = new Drift().Forecast(Short.Take(7), 2);
        Assert.Equal(33 + 23.0 / 6, f[0], 12);
        Assert.Equal(33 + 46.0 / 6, f[1], 12);
    }

    [Fact]
    public void Seasonal_naive_repeats_the_last_year_beyond_one_cycle()
    {
        Assert.Equal([33.0, 41, 15, 25, 33], new SeasonalNaive().Forecast(Short, 5));
    }

    [Fact]
    public void Too_short_a_series_for_the_origins_is_refused_with_what_it_needs()
    {
        var e = Assert.Throws<ArgumentException>(() => RollingOrigin.Run(Short, new SeasonalNaive(), origins: 5, horizon: 2));
        Assert.Contains("needs at least 11", e.Message);
    }

    [Fact]
    public void A_series_that_repeats_exactly_has_no_scale()
    {
        var flat = new SeasonalSeries([1, 2, 3, 4, 1, 2, 3, 4]);
        Assert.Throws<ArgumentException>(() => RollingOrigin.SeasonalScale(flat));
    }
}

public class QuantileTests
{
    [Fact]
    public void The_tenth_percentile_of_one_to_five_is_1_point_4()
    {
        // position 0.1 × (5 − 1) = 0.4: 1 + 0.4 × (2 − 1)
        Assert.Equal(1.4, Quantile.Of([5, 3, 1, 4, 2], 0.10), 12);
    }

    [Fact]
    public void The_97_point_5th_percentile_of_one_to_five_is_4_point_9()
    {
        // position 0.975 × 4 = 3.9: 4 + 0.9 × (5 − 4)
        Assert.Equal(4.9, Quantile.Of([1, 2, 3, 4, 5], 0.975), 12);
    }
}
