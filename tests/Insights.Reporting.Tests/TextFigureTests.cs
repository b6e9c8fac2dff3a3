using Insights.Narrative;

namespace Insights.Tests;

public class TextFigureTests
{
    static IEnumerable<string> Figures(string sentence) => TextFigure.Find(sentence).Select(f => f.Normalised);

    [Theory]
    [InlineData("70% were adults (aged 18+) and 30% were aged 17 or under.", "70%|30%")]          // age bounds are not figures
    [InlineData("25 (73.5%) were males (14 adult; 11 under 18).", "25|73.5%|14|11")]
    [InlineData("under 17s accounted for around two-thirds", "")]
    [InlineData("In the second quarter of 2025 (April-June) ... from April to June 2024 (4,312).", "4,312")] // years are not
    [InlineData("The 2025/26 statement, on 15 April 2025, says £36m.", "")]
    [InlineData("This represents a 7% increase and an 11% decrease.", "7% increase|11% decrease")]
    [InlineData("increasing 6% from the previous record", "6% increase")]
    [InlineData("- fewer than 5 were Vietnamese; [c] were Indian.", "fewer than 5|[c]")]   // the disclosure rule's words
    [InlineData("Less than 10 (of 34) were female.", "fewer than 10|34")]
    public void Finds_the_figures_of_a_sentence_and_nothing_else(string sentence, string expected) =>
        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), Figures(sentence));

    [Fact]
    public void Keeps_the_article_written_before_a_figure() =>
        Assert.Equal(["an", "a", null], TextFigure.Find("an 32% increase, a 7% increase and 5").Select(f => f.Article));
}
