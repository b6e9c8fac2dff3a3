namespace Insights.Forecasting;

/// <summary>One forecast step with its prediction intervals (full precision; rounding is the reader's job).</summary>
public sealed record ForecastPoint(int Step, double Value, double Lower80, double Upper80, double Lower95, double Upper95);

/// <summary>The back-test of every method, the one chosen, and its forecasts.</summary>
public sealed record ForecastOutcome(IReadOnlyList<BacktestResult> Backtests, string Method, IReadOnlyList<ForecastPoint> Points)
{
    public BacktestResult Chosen => Backtests.Single(b => b.Method == Method);
}

/// <summary>
/// Chooses between the baselines and the regression by rolling-origin back-test and forecasts with the winner.
/// Prediction intervals are empirical: at each horizon, the 10th/90th (80%) and 2.5th/97.5th (95%) percentiles of
/// the winner's back-test errors are added to its point forecast (no distribution is assumed; with 20 origins the
/// 95% limits lie close to the largest errors seen). Lower limits stop at 0: a count cannot be negative.
/// </summary>
public static class QuarterlyForecast
{
    public const int MinimumOrigins = 12;
    public const int PreferredOrigins = 20;

    /// <summary>Baselines first, so a tie in MASE goes to the simpler method.</summary>
    public static IReadOnlyList<IForecastMethod> Methods() => [new SeasonalNaive(), new Drift(), new TrendSeasonRegression()];

    public static ForecastOutcome Run(SeasonalSeries series, int horizon = 4, IReadOnlyList<IForecastMethod>? methods = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (horizon < 1) throw new ArgumentOutOfRangeException(nameof(horizon), "the horizon must be at least 1");
        methods ??= Methods();
        var needed = methods.Max(m => Math.Max(m.MinimumHistory, series.Period + 1));
        var origins = Math.Min(PreferredOrigins, series.Count - horizon - needed + 1);
        if (origins < MinimumOrigins)
            throw new ArgumentException(
                $"the series has {series.Count} quarters; a back-test of {MinimumOrigins} origins at horizons 1 to {horizon} needs at least {needed + MinimumOrigins - 1 + horizon}",
                nameof(series));

        var backtests = methods.Select(m => RollingOrigin.Run(series, m, origins, horizon)).ToList();
        var best = backtests.Select((b, i) => (b, i)).OrderBy(x => x.b.Mase).ThenBy(x => x.i).First().b;
        var method = methods.Single(m => m.Name == best.Method);
        var values = method.Forecast(series, horizon);
        var points = Enumerable.Range(1, horizon).Select(h =>
        {
            var errors = best.Errors(h);
            var v = values[h - 1];
            return new ForecastPoint(h, v,
                Math.Max(0, v + Quantile.Of(errors, 0.10)), Math.Max(0, v + Quantile.Of(errors, 0.90)),
                Math.Max(0, v + Quantile.Of(errors, 0.025)), Math.Max(0, v + Quantile.Of(errors, 0.975)));
        }).ToList();
        return new ForecastOutcome(backtests, best.Method, points);
    }
}
