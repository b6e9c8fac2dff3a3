namespace Insights.Forecasting;

/// <summary>A way of forecasting the next values of a series from its history alone.</summary>
public interface IForecastMethod
{
    /// <summary>The name the back-test table and the JSON use ("seasonal-naive", "drift", "regression").</summary>
    string Name { get; }

    /// <summary>The fewest observations the method needs.</summary>
    int MinimumHistory { get; }

    /// <summary>Point forecasts for the <paramref name="horizon"/> positions after the end of <paramref name="history"/>.</summary>
    IReadOnlyList<double> Forecast(SeasonalSeries history, int horizon);
}
