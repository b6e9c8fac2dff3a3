using System.CommandLine;
using System.Globalization;
using Insights.Charts;
using Insights.Narrative;
using Insights.Pipeline;
using Insights.Sources.Nrm;

namespace Insights.Cli;

/// <summary>
/// <c>insights forecast --nrm FILE... [--horizon 4] [--json]</c>: national referrals per quarter forecast from the
/// latest release's referrals-by-quarter series, with the back-test that chose the method.
/// </summary>
public static class ForecastCommand
{
    static readonly Option<string[]> Nrm = ValueOptions.Nrm(
        "NRM releases [default: the reconstructed 2025 Q2 sample]; the latest release with the referrals-by-quarter table is forecast");
    static readonly Option<int?> Horizon = ValueOptions.Horizon();
    static readonly Option<bool> Json = ValueOptions.Flag("--json",
        """print {"series_end", "method", "backtest": {method: {"mase", "mape", "origins"}}, "forecasts": [{"quarter", "value", "lower80", "upper80", "lower95", "upper95"}]}""");

    const string Epilogue = """

        A rolling-origin back-test (up to 20 origins, at least 12, horizons 1 to n) compares seasonal-naive,
        drift and an ML.NET Poisson regression on trend and quarter of year; the method with the lowest MASE
        makes the forecast, even a baseline. Intervals are the back-test errors' percentiles at each horizon.
        Forecast values are marked [f]: they are not official statistics.
        """;

    public static Command Create()
    {
        var command = new Command("forecast", "forecast national NRM referrals per quarter from a release's referrals-by-quarter table")
        {
            Nrm, Horizon, Json,
        };
        command.SetAction(result => Run(result, result.InvocationConfiguration.Output));
        return command.WithEpilogue(Epilogue);
    }

    /// <summary><c>insights forecast ARGS</c>, the run's errors thrown (as the tests want them).</summary>
    public static int Run(string[] args, TextWriter stdout) => InsightsCommand.Invoke(["forecast", .. args], stdout, Console.Error);

    static int Run(ParseResult a, TextWriter stdout)
    {
        var files = a.Values(Nrm);
        var history = NrmLoader.Load(files.Count > 0 ? files : NrmOptions.Samples().Files);
        var forecast = ReferralForecasts.Compute(history, a.HorizonOrDefault(Horizon));
        if (a.GetValue(Json))
        {
            stdout.Write(forecast.ToJson());
            return ExitCodes.Ok;
        }
        stdout.WriteLine($"Series: {NationalWording.ReleaseName(forecast.Release)}, {forecast.SeriesStart} to {forecast.SeriesEnd}{(forecast.Reconstructed ? " (reconstructed sample)" : "")}");
        stdout.WriteLine($"Back-test (rolling origin, horizons 1 to {forecast.Forecasts.Count}):");
        stdout.Write(forecast.BacktestMarkdown());
        stdout.WriteLine($"Method used: {forecast.Method} (lowest MASE). Intervals: back-test error percentiles at each horizon.");
        foreach (var f in forecast.Forecasts)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{f.Quarter}  {Figures.Forecast(f.Value)}  80%: {Figures.Forecast(f.Lower80)} to {Figures.Forecast(f.Upper80)}  95%: {Figures.Forecast(f.Lower95)} to {Figures.Forecast(f.Upper95)}"));
        return ExitCodes.Ok;
    }
}
