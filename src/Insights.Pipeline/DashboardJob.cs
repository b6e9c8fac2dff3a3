using Insights.Outputs;
using Insights.Outputs.Dashboard;
using Insights.Sources;

namespace Insights.Pipeline;

/// <summary>The context job's dashboard: what it is built from, in the mode the run asks for.</summary>
public static class DashboardJob
{
    public static DashboardInputs Inputs(ContextResult result, ContextOptions options)
    {
        var synthetic = Samples.AreSynthetic(options.Gmp.Files);
        var reconstructed = result.Nrm is { } history && result.National is { } national &&
            Samples.AreReconstructed((history.Release(national.Quarter) ?? history.Latest).Files);
        var area = result.District.Area;
        return new DashboardInputs(
            $"Modern slavery dashboard: {result.District.District} and {area.AreaName}, with the national NRM figures",
            result.Extract.Columns,
            result.District,
            synthetic ? DistrictFigures.Source(area) + ", synthetic sample" : DistrictFigures.Source(area),
            synthetic,
            result.National,
            result.Nrm,
            reconstructed ? NationalFigures.Source + " (reconstructed sample release)" : NationalFigures.Source,
            reconstructed);
    }

    /// <summary>The dashboard's data: exact counts, or with <see cref="ContextOptions.Publish"/> the published tables
    /// protected with the run's threshold (<see cref="ContextOptions.PublishThreshold"/>: --suppress-below, default 5).</summary>
    public static DashboardData Data(ContextResult result, ContextOptions options)
    {
        var data = options.Publish
            ? DashboardBuilder.Build(Inputs(result, options), DashboardMode.Publish, options.PublishThreshold)
            : DashboardBuilder.Build(Inputs(result, options));
        // The trends page draws the forecast band when the run made one (--forecast or --with-forecast).
        return result.Trends?.Forecast is { } f
            ? data with
            {
                Trends = new TrendsData(
                    f.Forecasts.Select(q => new ForecastPoint(q.Quarter.ToString(), q.Value, q.Lower80, q.Upper80)).ToList(),
                    $"80% prediction interval ({f.Method})"),
            }
            : data;
    }

    /// <summary>Writes dashboard.html into the staged output.</summary>
    public static void Write(StagedOutput output, ContextResult result, ContextOptions options) =>
        output.WriteText(DashboardPage.FileName, DashboardPage.Render(Data(result, options)));
}
