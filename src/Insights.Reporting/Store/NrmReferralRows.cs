using Insights.Model;

namespace Insights.Store;

/// <summary>The NRM tables of every loaded release as tidy Parquet rows: published cells, no subtotals (so every
/// dimension of a row is a category).</summary>
public static class NrmReferralRows
{
    /// <summary>The first-responder tables of every loaded release; <paramref name="provenance"/> names each release's source.</summary>
    public static IReadOnlyList<NrmReferralRow> FromHistory(NrmHistory history, Func<NrmReleaseData, string> provenance) =>
        history.Releases
            .SelectMany(r => r.FirstResponder.Where(c => !c.IsSubtotal).Select(c => (Source: provenance(r), Cell: c)))
            .Select(x => new NrmReferralRow(x.Cell.Release.Quarter.Compact, x.Cell.Quarter.Year, x.Cell.Quarter.Number,
                x.Cell.Quarter.FirstDay, x.Cell.Quarter.LastDay, x.Cell.ResponderType.Category, x.Cell.Responder.Category,
                x.Cell.ExploitationType.Category.Label, x.Cell.AgeGroup.Category, x.Cell.Gender.Category, x.Cell.Nationality.Category,
                x.Cell.People, x.Cell.MissingReason, x.Source))
            .ToList();

    /// <summary>The referrals-by-quarter series of every loaded release, without its subtotal (location "Total") cells.</summary>
    public static IReadOnlyList<NrmSeriesRow> SeriesFromHistory(NrmHistory history, Func<NrmReleaseData, string> provenance) =>
        history.Releases
            .SelectMany(r => r.Series.Where(c => !c.IsSubtotal).Select(c => (Source: provenance(r), Cell: c)))
            .Select(x => new NrmSeriesRow(x.Cell.Release.Quarter.Compact, x.Cell.Quarter.Year, x.Cell.Quarter.Number,
                x.Cell.Quarter.FirstDay, x.Cell.Quarter.LastDay, x.Cell.AgeGroup.Category, x.Cell.Location.Category, x.Cell.People, x.Cell.MissingReason, x.Source))
            .ToList();
}
