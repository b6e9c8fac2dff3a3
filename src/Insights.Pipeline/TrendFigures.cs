using Insights.Breakdowns;
using Insights.Charts;
using Insights.Model;

namespace Insights.Pipeline;

/// <summary>The charts of the longer view: the district trend, a national year, a county / police force area, the forecast.</summary>
public static class TrendFigures
{
    /// <summary>
    /// Enquiries by financial year and by month, for the district and for the whole area, each stacked by exploitation
    /// type (the tables give every type's count and the total). Partial periods are labelled "(partial)". Under the
    /// disclosure rule (<paramref name="suppression"/>) a withheld count is "[c]" in its chart and table.
    /// </summary>
    public static IReadOnlyList<ChartFigure> DistrictTrend(DistrictTrend trend, bool synthetic, DistrictTrendSuppression? suppression = null)
    {
        var source = DistrictFigures.Source(trend.Area) + (synthetic ? ", synthetic sample" : "")
            + (trend.Years.Any(y => !y.FullyCovered) || trend.Months.Any(m => !m.FullyCovered) ? "; (partial): a period the extract does not fully cover" : "");
        static string Label(TrendPeriod p) => p.FullyCovered ? p.Label : p.Label + " (partial)";
        var area = trend.Area.AreaAbbreviation;
        // Every type with an enquiry in any period, in the trend's one order, so colours and columns match across charts.
        ChartFigure ByPeriod(IReadOnlyList<TrendPeriod> periods, string title, string periodTitle, bool ofArea)
        {
            int Pick((string ExploitationType, int District, int Area) t) => ofArea ? t.Area : t.District;
            var types = trend.ExploitationTypes.Where(t => periods.Any(p => Pick(p.ByType.Single(x => x.ExploitationType == t)) > 0)).ToHashSet(StringComparer.Ordinal);
            var cells = periods.SelectMany(p => p.ByType.Where(t => types.Contains(t.ExploitationType)).Select(t => (Label(p), t.ExploitationType, Pick(t)))).ToArray();
            bool Withheld(TrendPeriod p, string? type) => suppression?.IsWithheld(new TrendFigure(p.Label, type, ofArea)) == true;
            var withheld = periods.SelectMany(p => types.Where(t => Withheld(p, t)).Select(t => (Label(p), t))).ToHashSet();
            var withheldTotals = periods.Where(p => Withheld(p, null)).Select(Label).ToHashSet(StringComparer.Ordinal);
            return Figures.ManySeriesSplit(title, cells.Length > 0 ? cells : periods.Select(p => (Label(p), "Enquiries", 0)).ToArray(),
                source, periodTitle, "Enquiries", trend.ExploitationTypes, withheld, withheldTotals);
        }
        return
        [
            ByPeriod(trend.Years, $"{trend.District} enquiries by financial year and exploitation type", "Financial year", ofArea: false),
            ByPeriod(trend.Years, $"All {area} enquiries by financial year and exploitation type", "Financial year", ofArea: true),
            ByPeriod(trend.Months, $"{trend.District} enquiries by month and exploitation type", "Month", ofArea: false),
            ByPeriod(trend.Months, $"All {area} enquiries by month and exploitation type", "Month", ofArea: true),
        ];
    }

    /// <summary>The year's quarters and the year before's, as published in the release the total comes from.</summary>
    public static ChartFigure NationalYear(NationalYearContext year, NrmReleaseData edition, bool reconstructed)
    {
        var source = NationalFigures.Source + (reconstructed ? " (reconstructed sample release)" : "") + $", {edition.Release.Quarter.InWords} release";
        var quarters = year.Year.Previous.Quarters.Concat(year.Year.Quarters)
            .Select(q => (Quarter: q, Total: edition.SeriesTotal(q))).Where(x => x.Total is not null).Select(x => (x.Quarter, x.Total!.Value)).ToArray();
        return Figures.ReferralsByQuarter(quarters, year.Year.Last, source,
            $"Potential victims referred to the NRM by quarter, {year.Year.Previous} and {year.Year}");
    }

    /// <summary>The areas the release's table lists (withheld ones left out), largest first, the named one highlighted.</summary>
    public static ChartFigure NrmArea(NrmAreaContext area, bool reconstructed)
    {
        var listed = area.Listed.Where(a => a.People is not null).Select(a => (a.Area, a.People!.Value)).ToArray();
        var source = NationalFigures.Source + (reconstructed ? " (reconstructed sample release)" : "") + $", {area.Release.Quarter.InWords} release"
            + (area.Listed.Any(a => a.People is null) ? "; areas whose count is withheld are not shown" : "");
        return Figures.DistrictComparison($"Referrals by county or police force area where the exploitation took place, {area.Quarter.InWords}",
            listed, area.Area, area.ShareOfUk?.Denominator ?? listed.Sum(a => a.Item2),
            area.ShareOfUk is not null ? "all referrals in the UK" : "referrals in the areas listed", source, "Referrals", "County or police force area");
    }
}
