using Insights.Model;

namespace Insights.Breakdowns;

/// <summary>Enquiries per Greater Manchester district in a period: the district among its neighbours.</summary>
public static class DistrictComparison
{
    /// <summary>
    /// Every GM district with its count in the period (zero counts kept, so all ten appear), in the GM list order.
    /// Enquiries whose district was not logged are not a district and are left out; they stay in the GM total.
    /// </summary>
    public static IReadOnlyList<(string District, int Count)> CountsByDistrict(IReadOnlyList<Enquiry> enquiries, Period period)
    {
        var counts = enquiries.Where(e => e.District is not null && period.Contains(e.DateLogged))
            .GroupBy(e => e.District!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return District.GreaterManchester.Select(d => (d, counts.GetValueOrDefault(d))).ToList();
    }
}
