using Insights.Model;

namespace Insights.Store;

/// <summary>The first-responder tables of every loaded release as tidy Parquet rows: published cells, no subtotals.</summary>
public static class NrmReferralRows
{
    public static IReadOnlyList<NrmReferralRow> FromHistory(NrmHistory history) =>
        history.Releases
            .SelectMany(r => r.FirstResponder)
            .Where(c => !c.IsSubtotal)
            .Select(c => new NrmReferralRow(c.Release.Quarter.Compact, c.Quarter.Year, c.Quarter.Number,
                c.Quarter.FirstDay, c.Quarter.LastDay, c.ResponderType, c.Responder, c.ExploitationType, c.AgeGroup,
                c.Gender, c.Nationality, c.People, c.MissingReason))
            .ToList();
}
