namespace Insights.Forecasting;

public static class Quantile
{
    /// <summary>
    /// The empirical <paramref name="p"/>-quantile with linear interpolation between order statistics
    /// (Hyndman and Fan type 7, the default of R and numpy): position p·(n−1) in the sorted values.
    /// </summary>
    public static double Of(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("no values", nameof(values));
        if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), "p must be between 0 and 1");
        var sorted = values.Order().ToArray();
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
