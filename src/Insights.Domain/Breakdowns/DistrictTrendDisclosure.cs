namespace Insights.Breakdowns;

/// <summary>A figure of the district trend: a period's enquiries (<see cref="Type"/> null) or one type's, for the
/// district or for the whole area (<see cref="Area"/>).</summary>
public sealed record TrendFigure(string Period, string? Type, bool Area);

/// <summary>The district trend's figures that its charts, tables and facts withhold, and the threshold.</summary>
public sealed record DistrictTrendSuppression(int Threshold, IReadOnlyDictionary<TrendFigure, Withheld> Withheld)
{
    public bool IsWithheld(TrendFigure figure) => Withheld.ContainsKey(figure);
}

/// <summary>
/// The disclosure rule applied to the district trend (<c>--suppress-below N</c>, the threshold of the section): for
/// the district and for the area, each period's types add up to its total, and each financial year's months add up
/// to the year (per type and in total), protected with <see cref="LineSuppression"/>. Pure.
/// </summary>
public static class DistrictTrendDisclosure
{
    public static DistrictTrendSuppression Protect(DistrictTrend trend, int threshold)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var figures = new Dictionary<TrendFigure, int>();
        var lines = new List<Line<TrendFigure>>();
        foreach (var area in new[] { false, true })
        {
            foreach (var p in trend.Years.Concat(trend.Months))
            {
                var total = new TrendFigure(p.Label, null, area);
                figures[total] = area ? p.Area : p.District;
                var types = p.ByType.Select(t => new TrendFigure(p.Label, t.ExploitationType, area)).ToList();
                foreach (var (t, figure) in p.ByType.Zip(types)) figures[figure] = area ? t.Area : t.District;
                lines.Add(new(types, total));
            }
            foreach (var y in trend.Years)
            {
                // The extract holds no enquiry outside its months, so a year is the sum of its months, partial or not.
                var months = trend.Months.Where(m => y.Period.Contains(m.Period.First)).ToList();
                if (months.Count == 0) continue;
                foreach (var type in trend.ExploitationTypes.Cast<string?>().Append(null))
                    lines.Add(new([.. months.Select(m => new TrendFigure(m.Label, type, area))], new TrendFigure(y.Label, type, area)));
            }
        }
        return new DistrictTrendSuppression(threshold, LineSuppression.Apply(figures, lines, threshold));
    }
}
