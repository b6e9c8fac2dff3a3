using Insights.Model;

namespace Insights.Breakdowns;

/// <summary>Enquiries per district of a police area in a period: the district among its neighbours.</summary>
public static class DistrictComparison
{
    /// <summary>
    /// Every district of the area (default Greater Manchester) with its count in the period (zero counts kept, so
    /// every district appears), in the area's list order. Enquiries whose district was not logged are not a district
    /// and are left out; they stay in the area's total.
    /// </summary>
    public static IReadOnlyList<(District District, int Count)> CountsByDistrict(IReadOnlyList<Enquiry> enquiries, Period period,
        PoliceArea? area = null) => CountsByDistrict(EnquiryColumns.From(enquiries), period, area);

    /// <summary>The same from columns of codes, counted in an array keyed by the district code.</summary>
    public static IReadOnlyList<(District District, int Count)> CountsByDistrict(EnquiryColumns enquiries, Period period,
        PoliceArea? area = null)
    {
        var counts = new int[enquiries.DistrictNames.Count + 1];
        var (first, last) = (period.First.DayNumber, period.Last.DayNumber);
        ReadOnlySpan<int> days = enquiries.Days;
        ReadOnlySpan<ushort> districts = enquiries.Districts;
        for (var i = 0; i < days.Length; i++)
            if (days[i] >= first && days[i] <= last) counts[districts[i]]++;
        area ??= PoliceArea.GreaterManchester;
        return area.Districts.Select(d => (area.Of(d), enquiries.FindDistrict(d) is var code and > 0 ? counts[code] : 0)).ToList();
    }
}
