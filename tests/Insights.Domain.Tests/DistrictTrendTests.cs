using Insights.Breakdowns;
using Insights.Model;

namespace Insights.Tests;

/// <summary>The district trend over every year and month an extract holds, counted by hand from five enquiries.</summary>
public class DistrictTrendTests
{
    static Enquiry E(string date, string district, string type) =>
        new("X", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), district, type, 30, Gender.Male, "British");

    // Stockport: 1 Apr 2023 criminal, 10 May 2023 labour, 2 Apr 2024 criminal; Bolton 11 May 2023 criminal; Bury 30 Jun 2024 sexual.
    // The extract holds 1 April 2023 to 30 June 2024: 2023/24 is whole (Stockport 2, GM 3); 2024/25 is partial (1, 2).
    static readonly Enquiry[] Five =
    [
        E("2023-04-01", "Stockport", "Criminal exploitation"), E("2023-05-10", "Stockport", "Labour exploitation"),
        E("2023-05-11", "Bolton", "Criminal exploitation"), E("2024-04-02", "Stockport", "Criminal exploitation"),
        E("2024-06-30", "Bury", "Sexual exploitation"),
    ];

    [Fact]
    public void Financial_years_count_the_district_and_the_area_and_mark_a_partial_year()
    {
        var t = DistrictTrends.Compute(Five, "Stockport");

        Assert.Equal([("2023/24", true, 2, 3), ("2024/25", false, 1, 2)], t.Years.Select(y => (y.Label, y.FullyCovered, y.District, y.Area)));
        Assert.Equal(("Criminal exploitation", 1, 2), t.Years[0].ByType.Single(x => x.ExploitationType == "Criminal exploitation"));
        Assert.Equal(("Sexual exploitation", 0, 1), t.Years[1].ByType.Single(x => x.ExploitationType == "Sexual exploitation"));
        Assert.Equal(["Criminal exploitation", "Labour exploitation", "Sexual exploitation"], t.ExploitationTypes);
    }

    [Fact]
    public void Months_run_from_the_first_to_the_last_month_logged_with_empty_months_as_zero()
    {
        var t = DistrictTrends.Compute(Five, "Stockport");

        Assert.Equal(15, t.Months.Count);   // April 2023 to June 2024
        Assert.Equal(("April 2023", true, 1, 1), (t.Months[0].Label, t.Months[0].FullyCovered, t.Months[0].District, t.Months[0].Area));
        Assert.Equal(("May 2023", 1, 2), (t.Months[1].Label, t.Months[1].District, t.Months[1].Area));
        Assert.Equal((0, 0), (t.Months[2].District, t.Months[2].Area));
        Assert.Equal(("June 2024", true, 0, 1), (t.Months[^1].Label, t.Months[^1].FullyCovered, t.Months[^1].District, t.Months[^1].Area));
    }

    [Fact]
    public void A_month_the_extract_starts_inside_is_partial()
    {
        var t = DistrictTrends.Compute(Five[1..], "Stockport");   // first date 10 May 2023
        Assert.False(t.Months[0].FullyCovered);
        Assert.False(t.Years[0].FullyCovered);
    }
}
