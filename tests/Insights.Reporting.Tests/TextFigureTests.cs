using Insights.Narrative;

namespace Insights.Tests;

public class TextFigureTests
{
    static IEnumerable<string> Figures(string sentence) => TextFigure.Find(sentence).Select(f => f.Normalised);

    [Theory]
    [InlineData("70% were adults (aged 18+) and 30% were aged 17 or under.", "70%|30%")]          // age bounds are not figures
    [InlineData("25 (73.5%) were males (14 adult; 11 under 18).", "25|73.5%|14|11")]
    [InlineData("under 17s accounted for around two-thirds", "around two-thirds")]                // a share in words
    [InlineData("Two thirds were adults, one-third children; about a quarter were UK nationals.", "around two-thirds|around a third|around a quarter")]
    [InlineData("In the second half of 2024, on behalf of the council, a half-year review.", "")] // a time, not a share
    [InlineData("In the second quarter of 2025 (April-June) ... from April to June 2024 (4,312).", "4,312")] // years are not
    [InlineData("The 2025/26 statement, on 15 April 2025, says £36m.", "")]
    [InlineData("This represents a 7% increase and an 11% decrease.", "7% increase|11% decrease")]
    [InlineData("increasing 6% from the previous record", "6% increase")]
    [InlineData("- fewer than 5 were Vietnamese; [c] were Indian.", "fewer than 5|[c]")]   // the disclosure rule's words
    [InlineData("Less than 10 (of 34) were female.", "fewer than 10|34")]
    public void Finds_the_figures_of_a_sentence_and_nothing_else(string sentence, string expected) =>
        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), Figures(sentence));

    [Theory]
    [InlineData("around two-thirds", 200.0 / 3, FractionQualifier.Around)]
    [InlineData("more than half", 50.0, FractionQualifier.Over)]
    [InlineData("just under a fifth", 20.0, FractionQualifier.Nearly)]
    [InlineData("nearly three-quarters", 75.0, FractionQualifier.Nearly)]
    [InlineData("less than a third", 100.0 / 3, FractionQualifier.Under)]
    public void A_share_in_words_is_its_fraction_and_how_near_it_is(string written, double percent, FractionQualifier qualifier)
    {
        var figure = Assert.Single(TextFigure.Find($"Of these, {written} were children."));
        Assert.Equal((FigureKind.Fraction, written, qualifier), (figure.Kind, figure.Text, figure.Qualifier));
        Assert.Equal((decimal)percent, figure.Number, 10);
    }

    [Fact]
    public void Keeps_the_article_written_before_a_figure() =>
        Assert.Equal(["an", "a", null], TextFigure.Find("an 32% increase, a 7% increase and 5").Select(f => f.Article));
}
