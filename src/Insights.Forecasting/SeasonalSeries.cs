namespace Insights.Forecasting;

/// <summary>
/// Equally spaced observations with a seasonal cycle (4 for quarters). <see cref="FirstSeason"/> is the season
/// (0-based) of the first value, so quarter-of-year features line up with the calendar whatever the series start.
/// </summary>
public sealed record SeasonalSeries
{
    public IReadOnlyList<double> Values { get; }
    public int Period { get; }
    public int FirstSeason { get; }

    public SeasonalSeries(IReadOnlyList<double> values, int firstSeason = 0, int period = 4)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), "the seasonal period must be at least 1");
        if (firstSeason < 0 || firstSeason >= period) throw new ArgumentOutOfRangeException(nameof(firstSeason), $"the first season must be 0 to {period - 1}");
        if (values.Any(v => double.IsNaN(v) || double.IsInfinity(v))) throw new ArgumentException("a series value is not a number", nameof(values));
        Values = values.ToArray();
        Period = period;
        FirstSeason = firstSeason;
    }

    public int Count => Values.Count;

    /// <summary>The season (0-based) of position <paramref name="index"/>; positions past the end continue the cycle.</summary>
    public int SeasonOf(int index) => (FirstSeason + index) % Period;

    /// <summary>The first <paramref name="count"/> values: what was known at a back-test origin.</summary>
    public SeasonalSeries Take(int count) => new(Values.Take(count).ToArray(), FirstSeason, Period);
}
