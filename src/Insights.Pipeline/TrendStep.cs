using Insights.Breakdowns;
using Insights.Charts;
using Insights.Model;
using Insights.Narrative;
using Insights.Sources;
using Insights.Sources.Gmp;

namespace Insights.Pipeline;

/// <summary>
/// The longer view, each part only when asked, so the default run's outputs stay as they are:
/// <see cref="NationalYear"/> writes the national context for a calendar or financial year instead of the quarter;
/// <see cref="NrmArea"/> adds the local NRM paragraph for a county or police force area; <see cref="DistrictTrend"/>
/// adds the district trend's charts, tables and facts to the report; <see cref="Forecast"/> adds the forecast's chart,
/// back-test and Parquet table to the report; <see cref="WithForecast"/> also puts the forecast sentence in the text.
/// </summary>
public sealed record TrendOptions(
    ReferralYear? NationalYear = null,
    string? NrmArea = null,
    bool DistrictTrend = false,
    bool Forecast = false,
    bool WithForecast = false,
    int Horizon = 4)
{
    public bool ForecastWanted => Forecast || WithForecast;
}

/// <summary>What the longer view computed; null parts were not asked for.</summary>
public sealed record TrendResult(
    NationalYearContext? NationalYear = null,
    NationalYearNarrative? NationalYearSection = null,
    NrmAreaContext? NrmArea = null,
    NrmAreaNarrative? NrmAreaSection = null,
    DistrictTrend? DistrictTrend = null,
    IReadOnlyList<Fact>? DistrictTrendFacts = null,
    ReferralForecast? Forecast = null,
    ForecastNarrative? ForecastSection = null,
    DistrictTrendSuppression? DistrictTrendSuppression = null);

public static class TrendStep
{
    /// <param name="extract">The police extract, or null for a run on NRM releases alone (then no district trend).</param>
    /// <param name="suppressBelow">The disclosure rule's threshold (<c>--suppress-below</c>) for the district trend; null: exact counts.</param>
    public static TrendResult Compute(TrendOptions options, NrmHistory nrm, GmpExtract? extract, District? district, int? suppressBelow = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(nrm);
        if (options.DistrictTrend && (extract is null || district is null))
            throw new ArgumentException("the district trend needs the police extract", nameof(options));
        var year = options.NationalYear is { } y ? NationalStep.Worded(() => Breakdowns.NationalYear.Compute(nrm, y)) : null;
        var area = options.NrmArea is { } a ? NationalStep.Worded(() => NrmAreas.Compute(nrm, a)) : null;
        var trend = options.DistrictTrend ? DistrictTrends.Compute(extract!.Columns, district!, extract.Area) : null;
        var withheld = trend is not null && suppressBelow is { } threshold ? DistrictTrendDisclosure.Protect(trend, threshold) : null;
        var forecast = options.ForecastWanted ? ReferralForecasts.Compute(nrm, options.Horizon) : null;
        ForecastNarrative? sentence = null;
        if (options.WithForecast && forecast is { } f)
        {
            var first = f.Forecasts[0];
            sentence = ForecastNarrative.Build(f.Method, f.Chosen.Mase, f.Chosen.Origins, first.Quarter.InWords, first.Quarter.Compact.ToLowerInvariant(),
                first.Value, first.Lower80, first.Upper80, first.Lower95, first.Upper95, ForecastSource(f));
        }
        return new TrendResult(year, year is null ? null : NationalYearNarrative.Build(year), area, area is null ? null : NrmAreaNarrative.Build(area),
            trend, trend is null ? null : DistrictTrendFacts.Build(trend, extract!.SourceDescription, withheld), forecast, sentence, withheld);
    }

    public static string ForecastSource(ReferralForecast f) =>
        $"forecast by Insights from the {NationalWording.ReleaseName(f.Release)} referrals-by-quarter series ({f.SeriesStart} to {f.SeriesEnd}){(f.Reconstructed ? ", a reconstructed sample release" : "")}";

    /// <summary>The national part of the section: the year's paragraph or the quarter's, then the area's and the forecast's.</summary>
    public static string NationalMarkdown(TrendResult trends, NationalNarrative quarter, TemplateLibrary templates)
    {
        var parts = new List<string> { (trends.NationalYearSection?.Render(templates) ?? quarter.Render(templates)).TrimEnd('\n') };
        if (trends.ForecastSection is { } f) parts.Add(f.Render(templates).TrimEnd('\n'));
        if (trends.NrmAreaSection is { } a) parts.Add(a.Render(templates).TrimEnd('\n'));
        return string.Join("\n\n", parts);
    }

    /// <summary>The facts of the national part, in the order of the text.</summary>
    public static IEnumerable<Fact> NationalFacts(TrendResult trends, NationalNarrative quarter) =>
        (trends.NationalYearSection?.Facts ?? quarter.Facts)
            .Concat(trends.ForecastSection?.Facts ?? [])
            .Concat(trends.NrmAreaSection?.Facts ?? []);

    /// <summary>The national charts: the year's instead of the quarter's when a year is asked for, then the area's and the forecast's.</summary>
    public static IReadOnlyList<ChartFigure> NationalCharts(TrendResult trends, IReadOnlyList<ChartFigure> quarterFigures, NrmHistory history)
    {
        var figures = new List<ChartFigure>();
        if (trends.NationalYear is { } y && history.Releases.Single(r => r.Release == y.Edition) is var edition)
            figures.Add(TrendFigures.NationalYear(y, edition, Samples.AreReconstructed(edition.Files)));
        else
            figures.AddRange(quarterFigures);
        if (trends.NrmArea is { } a)
            figures.Add(TrendFigures.NrmArea(a, Samples.AreReconstructed(history.Releases.Single(r => r.Release == a.Release).Files)));
        if (trends.Forecast is { } f)
            figures.Add(Figures.ForecastChart($"Potential victims referred to the NRM by quarter, with a forecast {Figures.ForecastMark}",
                f.Observed.TakeLast(20).ToList(),   // five years: enough to see the season, not so many that the band is a sliver
                f.Bands, f.Method, NationalFigures.Source + (f.Reconstructed ? " (reconstructed sample release)" : "") + $", {f.Release.Quarter.InWords} release; forecast {Figures.ForecastMark} by Insights"));
        return figures;
    }

    /// <summary>Markdown for report.html only (after the section): the forecast's back-test and how its intervals are made.</summary>
    public static string? ReportAppendix(TrendResult trends)
    {
        if (trends.Forecast is not { } f) return null;
        return $"## Forecast of national referrals {Figures.ForecastMark}\n\n" +
               $"Forecast from the {NationalWording.ReleaseName(f.Release)} series ({f.SeriesStart} to {f.SeriesEnd}) for the next {f.Forecasts.Count} quarters. " +
               $"A rolling-origin back-test ({f.Chosen.Origins} origins, horizons 1 to {f.Forecasts.Count}) compared a seasonal-naive forecast, a drift forecast and " +
               $"an ML.NET Poisson regression on trend and quarter of year (the last five years); the method with the lowest MASE is used: **{f.Method}**. " +
               $"{ReferralForecast.IntervalMethod}. Forecast values are marked {Figures.ForecastMark}; they are not official statistics" +
               (f.Reconstructed ? " (and this series is a reconstructed sample)" : "") + ".\n\n" + f.BacktestMarkdown();
    }
}
