namespace Insights.Forecasting;

/// <summary>Each quarter forecast as the same quarter of the last year observed.</summary>
public sealed class SeasonalNaive : IForecastMethod
{
    public string Name => "seasonal-naive";
    public int MinimumHistory => 4;

    public IReadOnlyList<double> Forecast(SeasonalSeries history, int horizon)
    {
        ArgumentNullException.ThrowIfNull(history);
        var m = history.Period;
        if (history.Count < m) throw new ArgumentException($"seasonal-naive needs at least {m} values, not {history.Count}", nameof(history));
        var n = history.Count;
        return Enumerable.Range(1, horizon).Select(h => history.Values[n - m + (h - 1) % m]).ToArray();
    }
}

/// <summary>The last value plus the average change per step over the whole history (a straight line from first to last).</summary>
public sealed class Drift : IForecastMethod
{
    public string Name => "drift";
    public int MinimumHistory => 2;

    public IReadOnlyList<double> Forecast(SeasonalSeries history, int horizon)
    {
        ArgumentNullException.ThrowIfNull(history);
        var n = history.Count;
        if (n < 2) throw new ArgumentException($"drift needs at least 2 values, not {n}", nameof(history));
        var last = history.Values[n - 1];
        var slope = (last - history.Values[0]) / (n - 1);
        return Enumerable.Range(1, horizon).Select(h => last + h * slope).ToArray();
    }
}
