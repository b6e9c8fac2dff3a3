using System.Globalization;
using System.Text;
using System.Text.Json;
using Insights.Breakdowns;
using Insights.Charts;
using Insights.Forecasting;
using Insights.Model;
using Insights.Sources;
using Insights.Store;
using Insights.Narrative;

namespace Insights.Pipeline;

/// <summary>How one method did in the rolling-origin back-test (every origin, horizons 1 to H).</summary>
public sealed record MethodAccuracy(string Method, double Mase, double Mape, int Origins);

/// <summary>One forecast quarter: the point forecast and its empirical 80% and 95% prediction intervals (full precision).</summary>
public sealed record QuarterForecast(Quarter Quarter, int Horizon, double Value, double Lower80, double Upper80, double Lower95, double Upper95);

/// <summary>
/// The forecast of national referrals per quarter from one release's referrals-by-quarter series: every method's
/// back-test, the method chosen (lowest MASE, even when it is a baseline) and its forecasts. This is what the CLI's
/// <c>forecast</c> command prints, the report draws, the Parquet table holds and the dashboard may read.
/// </summary>
public sealed record ReferralForecast(
    NrmRelease Release,
    Quarter SeriesStart,
    Quarter SeriesEnd,
    IReadOnlyList<(Quarter Quarter, int People)> Observed,
    string Method,
    IReadOnlyList<MethodAccuracy> Backtest,
    IReadOnlyList<QuarterForecast> Forecasts,
    bool Reconstructed)
{
    /// <summary>How the intervals are made, for the report and the notebook.</summary>
    public const string IntervalMethod =
        "80% and 95% prediction intervals are empirical: the 10th-90th and 2.5th-97.5th percentiles of the chosen method's back-test errors at each horizon, added to the forecast (lower limits stop at 0)";

    public MethodAccuracy Chosen => Backtest.Single(b => b.Method == Method);

    public IReadOnlyList<ForecastBand> Bands =>
        Forecasts.Select(f => new ForecastBand(f.Quarter, f.Value, f.Lower80, f.Upper80, f.Lower95, f.Upper95)).ToList();

    public IReadOnlyList<NrmForecastRow> Rows =>
        Forecasts.Select(f => new NrmForecastRow(Release.Quarter.Compact, f.Quarter.Year, f.Quarter.Number, f.Quarter.FirstDay, f.Quarter.LastDay,
            Method, f.Horizon, f.Value, f.Lower80, f.Upper80, f.Lower95, f.Upper95)).ToList();

    /// <summary>
    /// <c>{"series_end", "method", "backtest": {method: {"mase", "mape", "origins"}}, "forecasts": [{"quarter", "value",
    /// "lower80", "upper80", "lower95", "upper95"}]}</c>. Referrals are whole numbers, MASE to 3 decimals, MAPE (a
    /// percentage) to 2, each rounded once, half away from zero, from full precision.
    /// </summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("series_end", SeriesEnd.Compact);
            w.WriteString("method", Method);
            w.WriteStartObject("backtest");
            foreach (var b in Backtest)
            {
                w.WriteStartObject(b.Method);
                w.WriteNumber("mase", Round(b.Mase, 3));
                w.WriteNumber("mape", Round(b.Mape, 2));
                w.WriteNumber("origins", b.Origins);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("forecasts");
            foreach (var f in Forecasts)
            {
                w.WriteStartObject();
                w.WriteString("quarter", f.Quarter.Compact);
                w.WriteNumber("value", Round(f.Value, 0));
                w.WriteNumber("lower80", Round(f.Lower80, 0));
                w.WriteNumber("upper80", Round(f.Upper80, 0));
                w.WriteNumber("lower95", Round(f.Lower95, 0));
                w.WriteNumber("upper95", Round(f.Upper95, 0));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    static decimal Round(double value, int decimals) => Rounding.HalfAwayFromZero((decimal)value, decimals);

    /// <summary>The back-test table as Markdown, for the report (the chosen method named).</summary>
    public string BacktestMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| Method | MASE | MAPE | Origins |\n|---|--:|--:|--:|\n");
        foreach (var b in Backtest)
            sb.Append(CultureInfo.InvariantCulture, $"| {b.Method}{(b.Method == Method ? " (chosen)" : "")} | {Round(b.Mase, 3):0.000} | {Round(b.Mape, 2):0.00}% | {b.Origins} |\n");
        return sb.ToString();
    }
}

public static class ReferralForecasts
{
    /// <summary>
    /// Forecasts the next <paramref name="horizon"/> quarters of the latest loaded release's referrals-by-quarter
    /// series (the series as that one release publishes it: each release revises earlier quarters).
    /// </summary>
    public static ReferralForecast Compute(NrmHistory history, int horizon = 4)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (horizon is < 1 or > 8) throw new InputException(new SourceLocation(RunWording.Option.Horizon), RunWording.HorizonOutOfRange(horizon));
        var release = history.Releases.LastOrDefault(r => r.HasSeries)
            ?? throw new InputException(new SourceLocation(RunWording.Option.Nrm), RunWording.ForecastNeedsSeries);
        var quarters = release.SeriesQuarters.ToList();
        var observed = new List<(Quarter, int)>();
        foreach (var q in quarters)
            observed.Add((q, release.SeriesTotal(q) ?? throw new InputException(new SourceLocation(string.Join(", ", release.Files.Select(Path.GetFileName))),
                $"the {release.Release} withholds the {q} total (shorthand), so the series cannot be forecast across it")));

        ForecastOutcome outcome;
        try
        {
            outcome = QuarterlyForecast.Run(new SeasonalSeries(observed.Select(o => (double)o.Item2).ToArray(), quarters[0].Number - 1), horizon);
        }
        catch (ArgumentException e)
        {
            throw new InputException(new SourceLocation(string.Join(", ", release.Files.Select(Path.GetFileName))), e.Message.Split(" (Parameter")[0]);
        }
        var next = quarters[^1];
        var forecasts = outcome.Points.Select(p =>
        {
            next = next.Next;
            return new QuarterForecast(next, p.Step, p.Value, p.Lower80, p.Upper80, p.Lower95, p.Upper95);
        }).ToList();
        return new ReferralForecast(release.Release, quarters[0], quarters[^1], observed, outcome.Method,
            outcome.Backtests.Select(b => new MethodAccuracy(b.Method, b.Mase, b.Mape, b.Origins)).ToList(), forecasts,
            Samples.AreReconstructed(release.Files));
    }
}
