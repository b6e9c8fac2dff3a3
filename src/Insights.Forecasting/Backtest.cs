namespace Insights.Forecasting;

/// <summary>One back-test forecast: made at an origin (the number of values known), for a horizon, against what came.</summary>
public sealed record BacktestForecast(int Origin, int Horizon, double Forecast, double Actual, double Scale)
{
    /// <summary>Actual minus forecast: positive when the forecast was too low.</summary>
    public double Error => Actual - Forecast;

    /// <summary>The error divided by the in-sample mean absolute seasonal-naive error at the origin (Hyndman and Koehler's MASE scaling).</summary>
    public double ScaledError => Error / Scale;

    /// <summary>The absolute error as a percentage of the actual value.</summary>
    public double AbsolutePercentError => 100 * Math.Abs(Error / Actual);
}

/// <summary>How one method did over the rolling-origin back-test.</summary>
public sealed record BacktestResult(string Method, IReadOnlyList<BacktestForecast> Forecasts, int Origins, int Horizon)
{
    /// <summary>Mean absolute scaled error over every origin and horizon (below 1: better than the in-sample seasonal-naive forecast).</summary>
    public double Mase => Forecasts.Average(f => Math.Abs(f.ScaledError));

    /// <summary>Mean absolute percentage error over every origin and horizon.</summary>
    public double Mape => Forecasts.Average(f => f.AbsolutePercentError);

    /// <summary>The back-test errors (actual − forecast) at one horizon, one per origin.</summary>
    public IReadOnlyList<double> Errors(int horizon) => Forecasts.Where(f => f.Horizon == horizon).Select(f => f.Error).ToList();
}

/// <summary>
/// Rolling-origin evaluation: at each of the last <c>origins</c> points where every horizon 1..H can still be checked,
/// forecast from the values known so far and compare with what followed.
/// </summary>
public static class RollingOrigin
{
    public static BacktestResult Run(SeasonalSeries series, IForecastMethod method, int origins, int horizon)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(method);
        if (horizon < 1) throw new ArgumentOutOfRangeException(nameof(horizon), "the horizon must be at least 1");
        var last = series.Count - horizon;                 // the latest origin whose every horizon is observed
        var first = last - origins + 1;
        var needed = Math.Max(method.MinimumHistory, series.Period + 1);  // MASE's scale needs one seasonal difference
        if (origins < 1 || first < needed)
            throw new ArgumentException(
                $"{series.Count} values are too few for {origins} back-test origins at horizons 1 to {horizon} with {method.Name} " +
                $"(needs at least {needed + origins - 1 + horizon})", nameof(series));

        var forecasts = new List<BacktestForecast>();
        for (var origin = first; origin <= last; origin++)
        {
            var known = series.Take(origin);
            var scale = SeasonalScale(known);
            var predicted = method.Forecast(known, horizon);
            for (var h = 1; h <= horizon; h++)
                forecasts.Add(new BacktestForecast(origin, h, predicted[h - 1], series.Values[origin + h - 1], scale));
        }
        return new BacktestResult(method.Name, forecasts, origins, horizon);
    }

    /// <summary>Mean absolute difference between each value and the same season a cycle earlier, over the known values.</summary>
    public static double SeasonalScale(SeasonalSeries known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var m = known.Period;
        if (known.Count <= m) throw new ArgumentException("the scale needs more than one seasonal cycle", nameof(known));
        var scale = Enumerable.Range(m, known.Count - m).Average(t => Math.Abs(known.Values[t] - known.Values[t - m]));
        if (scale == 0) throw new ArgumentException("the series repeats exactly every cycle, so scaled errors are undefined", nameof(known));
        return scale;
    }
}
