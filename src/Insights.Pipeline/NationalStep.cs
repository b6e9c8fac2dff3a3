using Insights.Breakdowns;
using Insights.Charts;
using Insights.Model;
using Insights.Narrative;
using Insights.Outputs;
using Insights.Sources;
using Insights.Sources.Gmp;
using Insights.Sources.Nrm;
using Insights.Store;

namespace Insights.Pipeline;

/// <summary>What the national part of a run computed: the releases, the reported quarter, its paragraph, the longer
/// view asked for, and the warnings of the releases (the reported one's first).</summary>
public sealed record NationalPart(
    NrmHistory Nrm,
    NationalContext National,
    NationalNarrative Section,
    TrendResult Trends,
    IReadOnlyList<InputWarning> Warnings)
{
    /// <summary>The files of the release whose quarter the text reports.</summary>
    public IReadOnlyList<string> ReportedFiles => (Nrm.Release(National.Quarter) ?? Nrm.Latest).Files;
}

/// <summary>The national part of the context job, with or without a police extract beside it.</summary>
public static class NationalStep
{
    /// <param name="policeFiles">The police extract's files (none for a run on NRM releases alone), to keep samples apart.</param>
    /// <param name="suppressBelow">The disclosure rule's threshold for the district trend (<c>--suppress-below</c>).</param>
    public static NationalPart Compute(NrmOptions options, TrendOptions? trends, IReadOnlyList<string> policeFiles,
        GmpExtract? extract = null, District? district = null, int? suppressBelow = null)
    {
        var nrm = NrmLoader.Load(options.Files, options.Quarter);
        Samples.CheckNotMixed(policeFiles, [.. nrm.Releases.SelectMany(r => r.Files)]);
        var national = Worded(() => Breakdowns.National.Compute(nrm, options.Quarter, options.BulletinTotal));
        var section = NationalNarrative.Build(national, options.LatestPublished);
        // The reported release's reader warnings, then the breakdown's (worded once, in Reporting), then the other releases'.
        var warnings = nrm.Releases.Where(r => r.Release == national.Release).SelectMany(r => r.Warnings)
            .Concat(national.Warnings.Select(NationalWording.Warning))
            .Concat(nrm.Releases.Where(r => r.Release != national.Release).SelectMany(r => r.Warnings)).ToList();
        if (options.LatestPublished && !national.LatestLoaded)
            warnings.Add(new InputWarning(NationalWording.NotLatestCode, NationalWording.NotLatest(national.Quarter, nrm.Latest.Release.Quarter)));
        // The longer view (national year, local NRM area, district trend, forecast): only what the options ask for.
        var longer = TrendStep.Compute(trends ?? new TrendOptions(), nrm, extract, district, suppressBelow);
        return new NationalPart(nrm, national, section, longer, warnings);
    }

    /// <summary>A breakdown's result, or its problem worded (Reporting's wording) as the one-line input error the user sees.</summary>
    internal static T Worded<T>(Func<T> compute)
    {
        try { return compute(); }
        catch (InputProblemException e) { throw NationalWording.Error(e.Problem); }
    }

    /// <summary>The national charts of the report: the quarter's (or the year's), then the area's and the forecast's.</summary>
    public static IReadOnlyList<ChartFigure> Figures(NationalContext national, NrmHistory history, TrendResult? trends) =>
        TrendStep.NationalCharts(trends ?? new TrendResult(),
            NationalFigures.Build(national, history, Samples.AreReconstructed((history.Release(national.Quarter) ?? history.Latest).Files)), history);

    /// <summary>The NRM Parquet tables (referrals, series, forecast), each row with its provenance.</summary>
    public static void WriteTables(StagedOutput output, NrmHistory history, TrendResult? trends)
    {
        string Provenance(NrmReleaseData release) => Samples.Provenance(release.Files, Samples.AreReconstructed(release.Files));
        if (NrmReferralRows.FromHistory(history, Provenance) is { Count: > 0 } rows)
            ParquetStore.WriteNrmReferrals(output.PathOf(ParquetStore.NrmFolder), rows);
        if (NrmReferralRows.SeriesFromHistory(history, Provenance) is { Count: > 0 } series)
            ParquetStore.WriteNrmSeries(output.PathOf(ParquetStore.NrmSeriesFolder), series);
        if (trends?.Forecast is { } forecast)
            ParquetStore.WriteNrmForecast(output.PathOf(ParquetStore.NrmForecastFolder), forecast.Rows);
    }
}
