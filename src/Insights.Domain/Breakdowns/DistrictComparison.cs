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
    public static IReadOnlyList<(string District, int Count)> CountsByDistrict(IReadOnlyList<Enquiry> enquiries, Period period,
        PoliceArea? area = null)
    {
        var counts = enquiries.Where(e => e.District is not null && period.Contains(e.DateLogged))
            .GroupBy(e => e.District!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return (area ?? PoliceArea.GreaterManchester).Districts.Select(d => (d, counts.GetValueOrDefault(d))).ToList();
    }
}
