using Insights.Breakdowns;

namespace Insights.Narrative;

/// <summary>
/// The facts behind the district trend's charts and tables: each financial year's and each month's enquiries for the
/// district and the force area, in total and by exploitation type. A period the extract does not fully cover says
/// so in its description and filter, so a partial count is never read as the period's number.
/// </summary>
public static class DistrictTrendFacts
{
    /// <param name="suppression">The disclosure rule's withheld figures: such a fact is printed as the charts' tables print it
    /// ("[c]"), with why; null: exact counts.</param>
    public static IReadOnlyList<Fact> Build(DistrictTrend trend, string source, DistrictTrendSuppression? suppression = null)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var facts = new List<Fact>();
        var district = Wording.Slug(trend.District.Name);
        var areaName = trend.Area.AreaAbbreviation;
        var area = Wording.Slug(areaName);
        void Add(string kind, TrendPeriod p, string id, int count, string who, string typeFilter, bool ofArea, string? type = null)
        {
            var partial = p.FullyCovered ? "" : " (partial: the extract does not cover the whole period)";
            var fact = Fact.Count($"district-trend.{kind}-{Wording.Slug(p.Label)}-{id}", count,
                $"{who} enquiries{(type is null ? "" : $" for {type.ToLowerInvariant()}")}, {p.Label}{partial}",
                $"date logged {p.Period}{typeFilter}{(p.FullyCovered ? "" : "; period not fully covered")}", source);
            if (suppression?.Withheld.TryGetValue(new TrendFigure(p.Label, type, ofArea), out var why) == true)
                fact = DisclosureWording.Withhold(fact, why, suppression.Threshold) with { Printed = DisclosureWording.Confidential };
            facts.Add(fact);
        }
        foreach (var (kind, periods) in new[] { ("year", trend.Years), ("month", trend.Months) })
            foreach (var p in periods)
            {
                Add(kind, p, district, p.District, trend.District.Name, $"; district = {trend.District}", ofArea: false);
                Add(kind, p, area, p.Area, $"all {areaName}", "; every district, and none logged", ofArea: true);
                foreach (var (type, d, a) in p.ByType)
                {
                    Add(kind, p, $"{district}-{Wording.Slug(type)}", d, trend.District.Name, $"; district = {trend.District}; exploitation type = {type}", ofArea: false, type);
                    Add(kind, p, $"{area}-{Wording.Slug(type)}", a, $"all {areaName}", $"; exploitation type = {type}", ofArea: true, type);
                }
            }
        return facts;
    }
}
