using Insights.Breakdowns;

namespace Insights.Tests;

public class RoundingTests
{
    [Theory]
    [InlineData(16, 36, "44.4")] // statement printed 44.6%: the 2025/26 error this product exists to stop
    [InlineData(1, 36, "2.8")]   // statement's domestic servitude: 2.777… rounds up
    [InlineData(25, 34, "73.5")] // males where age and gender were known: 73.529…
    [InlineData(9, 34, "26.5")]  // females: 26.470…
    [InlineData(9, 36, "25.0")]  // a whole number still shows its decimal place, as the statement prints it
    [InlineData(1, 8, "12.5")]   // exact, no rounding needed
    [InlineData(1, 16, "6.3")]   // 6.25 is a midpoint: half away from zero gives 6.3 where half-to-even gives 6.2
    [InlineData(5, 8, "62.5")]
    public void Share_to_one_decimal_place(int numerator, int denominator, string expected) =>
        Assert.Equal(expected + "%", Share.Of(numerator, denominator, "all").Format(1));

    [Fact]
    public void Share_of_16_in_36_is_44_point_4_percent() =>
        Assert.Equal("44.4%", Share.Of(16, 36, "the district's enquiries").Format(1));

    [Fact]
    public void Uk_share_27_point_4988_prints_27()
    {
        // Q4 2023 bulletin: UK nationals 1,139 of 4,142 = 27.4988…%. Rounding 27.5 (an intermediate) would print 28.
        var share = Share.Of(1139, 4142, "all referrals");
        Assert.Equal("27%", share.Format(0));
    }

    [Theory]
    [InlineData(2.5, 0, 3)]    // Math.Round's default would give 2
    [InlineData(-2.5, 0, -3)]  // away from zero, not up
    [InlineData(0.125, 2, 0.13)]
    [InlineData(0.135, 2, 0.14)]
    public void Midpoints_round_away_from_zero(decimal value, int decimals, decimal expected) =>
        Assert.Equal(expected, Rounding.HalfAwayFromZero(value, decimals));

    [Fact]
    public void A_zero_denominator_states_no_share() =>
        Assert.Null(Share.Of(0, 0, "none").Percent);
}
