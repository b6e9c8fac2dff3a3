using Insights.Model;

namespace Insights.Tests;

public class PeriodTests
{
    [Theory]
    [InlineData("2025 Q2", "April to June 2025")]  // the statement's "second quarter of 2025 (April-June)"
    [InlineData("2023Q4", "October to December 2023")]
    [InlineData("Q1 2023", "January to March 2023")]
    public void Quarters_are_named_in_words_as_the_bulletin_does(string text, string words) =>
        Assert.Equal(words, Quarter.Parse(text).InWords);

    [Fact]
    public void The_quarter_before_Q1_is_Q4_of_the_year_before() =>
        Assert.Equal(new Quarter(2024, 4), new Quarter(2025, 1).Previous);

    [Fact]
    public void Same_quarter_last_year_of_2025_Q2_is_2024_Q2() =>
        Assert.Equal(new Quarter(2024, 2), new Quarter(2025, 2).SameQuarterLastYear);

    [Theory]
    [InlineData("2025 Q5")]
    [InlineData("Q2")]
    [InlineData("")]
    public void A_quarter_that_does_not_exist_does_not_parse(string text) =>
        Assert.False(Quarter.TryParse(text, out _));

    [Theory]
    [InlineData("2024/25", 2024)]
    [InlineData("2024-25", 2024)]
    [InlineData("2024/2025", 2024)]
    [InlineData("1999/00", 1999)] // the century turns inside the year
    public void Financial_years_parse_from_their_usual_spellings(string text, int start) =>
        Assert.Equal(start, FinancialYear.Parse(text).StartYear);

    [Theory]
    [InlineData("2024/26")]
    [InlineData("2024")]
    public void A_financial_year_that_is_not_one_year_long_is_refused(string text) =>
        Assert.False(FinancialYear.TryParse(text, out _));

    [Fact]
    public void Financial_year_2024_25_runs_from_1_April_2024_to_31_March_2025()
    {
        var year = FinancialYear.Parse("2024/25");
        Assert.Equal(new DateOnly(2024, 4, 1), year.FirstDay);
        Assert.Equal(new DateOnly(2025, 3, 31), year.LastDay);
        Assert.Equal("2024/25", year.ToString());
    }

    [Theory]
    [InlineData(2025, 3, 31, 2024)] // 31 March belongs to the year that began the April before
    [InlineData(2025, 4, 1, 2025)]
    public void A_date_belongs_to_the_financial_year_containing_it(int y, int m, int d, int start) =>
        Assert.Equal(start, FinancialYear.Containing(new DateOnly(y, m, d)).StartYear);

    [Fact]
    public void The_year_before_a_financial_year_spanning_a_leap_day_is_the_previous_financial_year()
    {
        // 2023/24 contains 29 February 2024: stepping back by a count of days would shift the dates by one.
        var previous = FinancialYear.Parse("2024/25").Period.Preceding();
        Assert.Equal(FinancialYear.Parse("2023/24").Period, previous);
    }

    [Fact]
    public void The_period_before_an_arbitrary_range_has_the_same_length_and_ends_the_day_before()
    {
        var range = new Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)); // 91 days in a leap year
        var previous = range.Preceding();
        Assert.Equal(new DateOnly(2023, 12, 31), previous.Last);
        Assert.Equal(range.Last.DayNumber - range.First.DayNumber, previous.Last.DayNumber - previous.First.DayNumber);
    }
}
