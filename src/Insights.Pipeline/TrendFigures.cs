using Insights.Breakdowns;
using Insights.Charts;
using Insights.Model;

namespace Insights.Pipeline;

/// <summary>The charts of the longer view: the district trend, a national year, a county / police force area, the forecast.</summary>
public static class TrendFigures
{
    /// <summary>Enquiries by financial year (district, then area, stacked by exploitation type), then by month (both lines).</summary>
    public static IReadOnlyList<ChartFigure> DistrictTrend(DistrictTrend trend, bool synthetic)
    {
        var source = DistrictFigures.Source(trend.Area) + (synthetic ? ", synthetic sample" : "")
            + (trend.Years.Any(y => !y.FullyCovered) || trend.Months.Any(m => !m.FullyCovered) ? "; (partial): a period the extract does not fully cover" : "");
        string YearLabel(TrendPeriod y) => y.FullyCovered ? y.Label : y.Label + " (partial)";
        var area = trend.Area.AreaAbbreviation;
        // Every type with an enquiry in any year, in the trend's one order, so colours and columns match across years.
        ChartFigure ByYear(string who, Func<(string ExploitationType, int District, int Area), int> pick)
        {
            var types = trend.ExploitationTypes.Where(t => trend.Years.Any(y => pick(y.ByType.Single(x => x.ExploitationType == t)) > 0)).ToHashSet(StringComparer.Ordinal);
            var cells = trend.Years.SelectMany(y => y.ByType.Where(t => types.Contains(t.ExploitationType)).Select(t => (YearLabel(y), t.ExploitationType, pick(t)))).ToArray();
            return Figures.ManySeriesSplit($"{who} enquiries by financial year and exploitation type",
                cells.Length > 0 ? cells : trend.Years.Select(y => (YearLabel(y), "Enquiries", 0)).ToArray(), source, "Financial year", "Enquiries",
                trend.ExploitationTypes);
        }
        return
        [
            ByYear(trend.District, t => t.District),
            ByYear($"All {area}", t => t.Area),
            // Two charts: the district's few a month would lie flat under the area's on one axis.
            Figures.Lines($"{trend.District} enquiries by month", trend.Months.Select(m => (m.Label, !m.FullyCovered)).ToArray(),
                [(trend.District, trend.Months.Select(m => m.District).ToArray())], source, "Month", "Enquiries"),
            Figures.Lines($"All {area} enquiries by month", trend.Months.Select(m => (m.Label, !m.FullyCovered)).ToArray(),
                [($"All {area}", trend.Months.Select(m => m.Area).ToArray())], source, "Month", "Enquiries"),
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
