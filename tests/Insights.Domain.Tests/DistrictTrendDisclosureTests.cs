using Insights.Breakdowns;
using Insights.Model;

namespace Insights.Tests;

/// <summary>
/// The disclosure rule on the district trend, worked by hand (threshold 5). Stockport: April 2024 6 labour and 3
/// sexual exploitation (9), May 2024 7 and 5 (12); Bolton one sexual in May. The year 2024/25 is the sum of its
/// months: Stockport 13 labour, 8 sexual, 21; GM 13, 9, 22.
/// Primary: April's 3. Secondary: April's 6 (9 − 6 gives the 3 back); then through the year's totals May's labour 7
/// (13 − 7 gives April's 6) and May's sexual count (8 − 5, or for GM 9 − 6, gives the 3). Totals stay: every line then
/// has two withheld figures or none.
/// </summary>
public class DistrictTrendDisclosureTests
{
    static DistrictTrend Trend()
    {
        var enquiries = new List<Enquiry>();
        void Add(string date, string district, string type, int n)
        {
            for (var i = 0; i < n; i++)
                enquiries.Add(new($"E{enquiries.Count}", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), district, type, 30, Gender.Male, "British"));
        }
        Add("2024-04-01", "Stockport", "Labour exploitation", 6);
        Add("2024-04-30", "Stockport", "Sexual exploitation", 3);
        Add("2024-05-02", "Stockport", "Labour exploitation", 7);
        Add("2024-05-31", "Stockport", "Sexual exploitation", 5);
        Add("2024-05-15", "Bolton", "Sexual exploitation", 1);
        return DistrictTrends.Compute(enquiries, "Stockport");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_small_month_and_the_counts_that_would_give_it_back_through_the_month_or_the_year_are_withheld(bool area)
    {
        var s = DistrictTrendDisclosure.Protect(Trend(), 5);
        var withheld = s.Withheld.Where(w => w.Key.Area == area).ToDictionary(w => (w.Key.Period, w.Key.Type), w => w.Value);
        Assert.Equal(new Dictionary<(string, string?), Withheld>
        {
            [("April 2024", "Sexual exploitation")] = Withheld.Primary,
            [("April 2024", "Labour exploitation")] = Withheld.Secondary,
            [("May 2024", "Labour exploitation")] = Withheld.Secondary,
            [("May 2024", "Sexual exploitation")] = Withheld.Secondary,
        }, withheld);
        Assert.Equal(5, s.Threshold);
    }

    [Fact]
    public void With_no_count_under_the_threshold_nothing_is_withheld()
    {
        // The smallest figure is April's 3 (Bolton's 1 is only inside GM's May 6).
        Assert.Empty(DistrictTrendDisclosure.Protect(Trend(), 3).Withheld);
    }
}
