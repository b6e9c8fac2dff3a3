using Insights.Model;

namespace Insights.Store;

/// <summary>The NRM tables of every loaded release as tidy Parquet rows: published cells, no subtotals.</summary>
public static class NrmReferralRows
{
    /// <summary>The first-responder tables of every loaded release.</summary>
    public static IReadOnlyList<NrmReferralRow> FromHistory(NrmHistory history) =>
        history.Releases
            .SelectMany(r => r.FirstResponder)
            .Where(c => !c.IsSubtotal)
            .Select(c => new NrmReferralRow(c.Release.Quarter.Compact, c.Quarter.Year, c.Quarter.Number,
                c.Quarter.FirstDay, c.Quarter.LastDay, c.ResponderType, c.Responder, c.ExploitationType, c.AgeGroup,
                c.Gender, c.Nationality, c.People, c.MissingReason))
            .ToList();

    /// <summary>The referrals-by-quarter series of every loaded release, without its subtotal (location "Total") cells.</summary>
    public static IReadOnlyList<NrmSeriesRow> SeriesFromHistory(NrmHistory history) =>
        history.Releases
            .SelectMany(r => r.Series)
            .Where(c => !c.IsSubtotal)
            .Select(c => new NrmSeriesRow(c.Release.Quarter.Compact, c.Quarter.Year, c.Quarter.Number,
                c.Quarter.FirstDay, c.Quarter.LastDay, c.AgeGroup, c.Location, c.People, c.MissingReason))
            .ToList();
}
