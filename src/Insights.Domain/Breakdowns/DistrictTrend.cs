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
    District District,
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
        return Compute(EnquiryColumns.From(enquiries), (area ?? PoliceArea.GreaterManchester).Of(district), area);
    }

    /// <summary>The same from columns of codes: one pass into counts by month, district or not, and type; years
    /// are the sums of their months.</summary>
    public static DistrictTrend Compute(EnquiryColumns enquiries, District district, PoliceArea? area = null)
    {
        ArgumentNullException.ThrowIfNull(enquiries);
        if (enquiries.Count == 0) throw new ArgumentException("no enquiries", nameof(enquiries));
        area ??= PoliceArea.GreaterManchester;
        var (first, last) = enquiries.DateRange();
        // GMP's list order first, then any other type alphabetically, so rows and series keep one order.
        var types = enquiries.TypesPresent().Select(t => (Code: t, Name: enquiries.TypeNames[t]))
            .OrderBy(t => ExploitationType.All.Contains(t.Name) ? ExploitationType.All.ToList().IndexOf(t.Name) : int.MaxValue)
            .ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var column = new int[enquiries.TypeNames.Count];
        for (var i = 0; i < types.Count; i++) column[types[i].Code] = i;

        var firstMonth = new DateOnly(first.Year, first.Month, 1);
        int MonthIndex(DateOnly d) => (d.Year - firstMonth.Year) * 12 + d.Month - firstMonth.Month;
        // counts[month, type, 0] the district's, [.., 1] the area's.
        var counts = new int[MonthIndex(last) + 1, types.Count, 2];
        var code = enquiries.FindDistrict(district.Name);
        ReadOnlySpan<int> days = enquiries.Days, typeCodes = enquiries.Types;
        ReadOnlySpan<ushort> districts = enquiries.Districts;
        for (var i = 0; i < days.Length; i++)
        {
            var m = MonthIndex(DateOnly.FromDayNumber(days[i]));
            var t = column[typeCodes[i]];
            counts[m, t, 1]++;
            if (code > 0 && districts[i] == code) counts[m, t, 0]++;
        }

        TrendPeriod Count(string label, Period period)
        {
            var byType = new (int District, int Area)[types.Count];
            for (var m = Math.Max(0, MonthIndex(period.First)); m <= Math.Min(counts.GetLength(0) - 1, MonthIndex(period.Last)); m++)
                for (var t = 0; t < types.Count; t++)
                    byType[t] = (byType[t].District + counts[m, t, 0], byType[t].Area + counts[m, t, 1]);
            return new TrendPeriod(label, period, first <= period.First && last >= period.Last, byType.Sum(x => x.District), byType.Sum(x => x.Area),
                [.. types.Select((t, i) => (t.Name, byType[i].District, byType[i].Area))]);
        }

        var years = new List<TrendPeriod>();
        for (var fy = FinancialYear.Containing(first); fy <= FinancialYear.Containing(last); fy = new FinancialYear(fy.StartYear + 1))
            years.Add(Count(fy.ToString(), fy.Period));
        var months = new List<TrendPeriod>();
        for (var m = firstMonth; m <= last; m = m.AddMonths(1))
            months.Add(Count($"{MonthNames[m.Month - 1]} {m.Year}", new Period(m, m.AddMonths(1).AddDays(-1))));
        return new DistrictTrend(district, area, first, last, [.. types.Select(t => t.Name)], years, months);
    }
}
