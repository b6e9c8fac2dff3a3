using Insights.Model;

namespace Insights.Breakdowns;

/// <summary>
/// One period of the district trend (a financial year or a month): enquiries logged in it for the district and for
/// the whole force area, in total and by exploitation type. <see cref="FullyCovered"/> is false when the period
/// starts before the first date or ends after the last date the extract(s) hold: its counts are then partial.
/// </summary>
public sealed record TrendPeriod(
    string Label,
    Period Period,
    bool FullyCovered,
    int District,
    int Area,
    IReadOnlyList<(string ExploitationType, int District, int Area)> ByType);

/// <summary>
/// Enquiries over every financial year and month the extract(s) hold, for a district and its force area. Partial
/// periods are kept (the analyst sees what the extract holds) but marked, never compared as if complete.
/// </summary>
public sealed record DistrictTrend(
    string District,
    PoliceArea Area,
    DateOnly FirstLogged,
    DateOnly LastLogged,
    IReadOnlyList<string> ExploitationTypes,
    IReadOnlyList<TrendPeriod> Years,
    IReadOnlyList<TrendPeriod> Months);

public static class DistrictTrends
{
    static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static DistrictTrend Compute(IReadOnlyList<Enquiry> enquiries, string district, PoliceArea? area = null)
    {
        ArgumentNullException.ThrowIfNull(enquiries);
        if (enquiries.Count == 0) throw new ArgumentException("no enquiries", nameof(enquiries));
        area ??= PoliceArea.GreaterManchester;
        var first = enquiries.Min(e => e.DateLogged);
        var last = enquiries.Max(e => e.DateLogged);
        // GMP's list order first, then any other type alphabetically, so rows and series keep one order.
        var types = enquiries.Select(e => e.ExploitationType).Distinct(StringComparer.Ordinal)
            .OrderBy(t => ExploitationType.All.Contains(t) ? ExploitationType.All.ToList().IndexOf(t) : int.MaxValue).ThenBy(t => t, StringComparer.Ordinal).ToList();

        TrendPeriod Count(string label, Period period)
        {
            var inPeriod = enquiries.Where(e => period.Contains(e.DateLogged)).ToList();
            var mine = inPeriod.Where(e => e.District == district).ToList();
            return new TrendPeriod(label, period, first <= period.First && last >= period.Last, mine.Count, inPeriod.Count,
                types.Select(t => (t, mine.Count(e => e.ExploitationType == t), inPeriod.Count(e => e.ExploitationType == t))).ToList());
        }

        var years = new List<TrendPeriod>();
        for (var fy = FinancialYear.Containing(first); fy <= FinancialYear.Containing(last); fy = new FinancialYear(fy.StartYear + 1))
            years.Add(Count(fy.ToString(), fy.Period));
        var months = new List<TrendPeriod>();
        for (var m = new DateOnly(first.Year, first.Month, 1); m <= last; m = m.AddMonths(1))
            months.Add(Count($"{MonthNames[m.Month - 1]} {m.Year}", new Period(m, m.AddMonths(1).AddDays(-1))));
        return new DistrictTrend(district, area, first, last, types, years, months);
    }
}
