using Insights.Breakdowns;

namespace Insights.Narrative;

/// <summary>
/// The facts behind the district trend's charts and tables: each financial year's and each month's enquiries for the
/// district and the force area, in total and by exploitation type. A period the extract does not fully cover says
/// so in its description and filter, so a partial count is never read as the period's number.
/// </summary>
public static class DistrictTrendFacts
{
    public static IReadOnlyList<Fact> Build(DistrictTrend trend, string source)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var facts = new List<Fact>();
        var district = Wording.Slug(trend.District);
        var areaName = trend.Area.AreaAbbreviation;
        var area = Wording.Slug(areaName);
        void Add(string kind, TrendPeriod p, string id, int count, string who, string typeFilter, string? type = null)
        {
            var partial = p.FullyCovered ? "" : " (partial: the extract does not cover the whole period)";
            facts.Add(Fact.Count($"district-trend.{kind}-{Wording.Slug(p.Label)}-{id}", count,
                $"{who} enquiries{(type is null ? "" : $" for {type.ToLowerInvariant()}")}, {p.Label}{partial}",
                $"date logged {p.Period}{typeFilter}{(p.FullyCovered ? "" : "; period not fully covered")}", source));
        }
        foreach (var y in trend.Years)
        {
            Add("year", y, district, y.District, trend.District, $"; district = {trend.District}");
            Add("year", y, area, y.Area, $"all {areaName}", "; every district, and none logged");
            foreach (var (type, d, a) in y.ByType)
            {
                Add("year", y, $"{district}-{Wording.Slug(type)}", d, trend.District, $"; district = {trend.District}; exploitation type = {type}", type);
                Add("year", y, $"{area}-{Wording.Slug(type)}", a, $"all {areaName}", $"; exploitation type = {type}", type);
            }
        }
        foreach (var m in trend.Months)
        {
            Add("month", m, district, m.District, trend.District, $"; district = {trend.District}");
            Add("month", m, area, m.Area, $"all {areaName}", "; every district, and none logged");
            foreach (var (type, d, a) in m.ByType)
            {
                Add("month", m, $"{district}-{Wording.Slug(type)}", d, trend.District, $"; district = {trend.District}; exploitation type = {type}", type);
                Add("month", m, $"{area}-{Wording.Slug(type)}", a, $"all {areaName}", $"; exploitation type = {type}", type);
            }
        }
        return facts;
    }
}
