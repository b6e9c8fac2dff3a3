using Insights.Model;

namespace Insights.Tests;

/// <summary>A quarter or financial year that exists is a real one: no Q7, no year whose dates cannot be formed.</summary>
public class ValidByConstructionTests
{
    [Theory]
    [InlineData(2025, 7)]
    [InlineData(2025, 0)]
    [InlineData(2025, -1)]
    [InlineData(0, 1)]
    [InlineData(10000, 1)]
    public void A_quarter_outside_1_to_4_or_year_outside_1_to_9999_is_refused(int year, int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Quarter(year, number));

    [Fact]
    public void The_default_quarter_is_0001_Q1_with_real_dates_and_words()
    {
        var q = default(Quarter);
        Assert.Equal(new Quarter(1, 1), q);
        Assert.Equal((1, 1), (q.Year, q.Number));
        Assert.Equal(new DateOnly(1, 1, 1), q.FirstDay);
        Assert.Equal(new DateOnly(1, 3, 31), q.LastDay);
        Assert.Equal("January to March 1", q.InWords);
        Assert.Equal(new Quarter(1, 2), q.Next);
    }

    [Fact]
    public void Quarters_order_across_years() =>
        Assert.True(new Quarter(2024, 4) < new Quarter(2025, 1) && new Quarter(2025, 1) < new Quarter(2025, 2));

    [Fact]
    public void A_quarter_deconstructs_into_year_and_number()
    {
        var (year, number) = new Quarter(2023, 4);
        Assert.Equal((2023, 4), (year, number));
    }

    [Theory]
    [InlineData("2025 Q5")]
    [InlineData("0000 Q1")]
    [InlineData("Q0 2025")]
    public void Text_that_names_no_quarter_does_not_parse(string text) =>
        Assert.False(Quarter.TryParse(text, out _));

    [Theory]
    [InlineData(0)]
    [InlineData(9999)]
    public void A_financial_year_starting_outside_1_to_9998_is_refused(int start) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinancialYear(start));

    [Fact]
    public void The_default_financial_year_is_0001_02_with_real_dates()
    {
        var y = default(FinancialYear);
        Assert.Equal(new FinancialYear(1), y);
        Assert.Equal("1/02", y.ToString());
        Assert.Equal(new DateOnly(1, 4, 1), y.FirstDay);
        Assert.Equal(new DateOnly(2, 3, 31), y.LastDay);
    }

    [Fact]
    public void Financial_year_0000_01_does_not_parse() =>
        Assert.False(FinancialYear.TryParse("0000/01", out _));
}
