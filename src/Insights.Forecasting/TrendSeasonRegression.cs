using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Insights.Forecasting;

/// <summary>
/// ML.NET Poisson regression (L-BFGS) of the count on a linear trend and quarter-of-year indicators, fitted to the
/// last <see cref="Window"/> observations: log(expected count) = a + b·years + season effect. Poisson because the
/// series are counts whose seasonal swing grows with their level; a trailing window because the NRM series has
/// grown tenfold since 2009 and its early years say little about the next quarter. L-BFGS on one thread with a
/// fixed seed: the same series always gives the same forecast.
/// </summary>
public sealed class TrendSeasonRegression : IForecastMethod
{
    public TrendSeasonRegression(int window = 20) =>
        Window = window >= 8 ? window : throw new ArgumentOutOfRangeException(nameof(window), "the window must hold at least two years (8 quarters)");

    public int Window { get; }
    public string Name => "regression";
    public int MinimumHistory => 8;

    public IReadOnlyList<double> Forecast(SeasonalSeries history, int horizon)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count < MinimumHistory) throw new ArgumentException($"the regression needs at least {MinimumHistory} values, not {history.Count}", nameof(history));
        if (history.Period != 4) throw new ArgumentException("the regression is built for quarterly series (period 4)", nameof(history));
        if (history.Values.Any(v => v < 0)) throw new ArgumentException("a Poisson regression needs counts of 0 or more", nameof(history));

        var start = Math.Max(0, history.Count - Window);
        var rows = Enumerable.Range(start, history.Count - start)
            .Select(i => Row(history, i - start, i, (float)history.Values[i])).ToList();

        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = 1e-6f,
            OptimizationTolerance = 1e-9f,
            MaximumNumberOfIterations = 1000,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data);

        var future = Enumerable.Range(history.Count, horizon)
            .Select(i => Row(history, i - start, i, 0)).ToList();
        var scored = model.Transform(ml.Data.LoadFromEnumerable(future));
        return scored.GetColumn<float>("Score").Select(s => (double)s).ToArray();
    }

    static Observation Row(SeasonalSeries series, int step, int index, float label)
    {
        var features = new float[series.Period];
        features[0] = step / (float)series.Period;   // trend in years since the window began
        var season = series.SeasonOf(index);
        if (season > 0) features[season] = 1;        // season 0 is the baseline (no intercept collinearity)
        return new Observation { Label = label, Features = features };
    }

    sealed class Observation
    {
        public float Label { get; set; }
        [VectorType(4)] public float[] Features { get; set; } = [];
    }
}
