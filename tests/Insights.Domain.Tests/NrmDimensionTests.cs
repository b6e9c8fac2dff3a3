using Insights.Breakdowns;
using Insights.Model;

namespace Insights.Tests;

/// <summary>
/// An NRM dimension's total is a case of its own, never a label: a category that happens to be called "Total"
/// (or "Police total") is counted as a category, and the totals are found without comparing any text.
/// </summary>
public class NrmDimensionTests
{
    static readonly NrmRelease Release = new(new Quarter(2023, 4));
    static readonly Breakdown<string> Total = Breakdown<string>.Total;

    static NrmCount FirstResponder(Breakdown<string> responder, Breakdown<string> nationality, int people) =>
        new(Release, NrmTable.FirstResponder, Release.Quarter, "Police", responder, Breakdown<NrmExploitationType>.Total,
            Total, Total, nationality, Total, people);

    [Fact]
    public void A_category_named_Total_is_not_the_total()
    {
        Breakdown<string> named = "Total";
        Assert.True(named.IsCategory);
        Assert.NotEqual(Total, named);
        Assert.Equal("Total", named.Category);
        Assert.True(Total.IsTotal);
        Assert.Equal(Total, default);
        Assert.Throws<InvalidOperationException>(() => Total.Category);
    }

    [Fact]
    public void A_count_of_a_nationality_named_Total_is_a_category_cell_not_a_subtotal()
    {
        NrmCount Leaf(Breakdown<string> nationality) => new(Release, NrmTable.FirstResponder, Release.Quarter, "Police", "Kent Police",
            NrmExploitationType.OneType("Criminal"), "Adult (18 or over)", "Male", nationality, Total, 3);
        Assert.False(Leaf("Total").IsSubtotal);
        Assert.True(Leaf(Total).IsSubtotal);
    }

    // The type's total row (published "Police total") is the total of the responders; a responder that is named
    // "Police total" is one responder. Tables: the total row 10 over UK 6 and Albanian 4; a responder so named 99.
    [Fact]
    public void Nationality_totals_come_from_the_type_total_row_whatever_a_responder_is_called()
    {
        var counts = new[]
        {
            FirstResponder(Total, Total, 10), FirstResponder(Total, "UK", 6), FirstResponder(Total, "Albanian", 4),
            FirstResponder("Police total", Total, 99), FirstResponder("Police total", "UK", 99),
        };
        var totals = NrmReleaseData.NationalityTotals(counts);
        Assert.Equal(10, totals.All);
        Assert.Equal([("Albanian", 4), ("UK", 6)], totals.ByNationality.Select(kv => (kv.Key, kv.Value)));
    }

    [Fact]
    public void Nationality_totals_hold_a_nationality_column_named_Total_apart_from_the_total()
    {
        var counts = new[] { FirstResponder(Total, Total, 10), FirstResponder(Total, "Total", 2), FirstResponder(Total, "UK", 8) };
        var totals = NrmReleaseData.NationalityTotals(counts);
        Assert.Equal(10, totals.All);
        Assert.Equal(2, totals.ByNationality["Total"]);
    }

    [Fact]
    public void A_combined_exploitation_type_is_known_by_its_components_not_by_its_punctuation()
    {
        var combined = new NrmExploitationType("Sexual, Labour & Criminal", ["Sexual", "Labour", "Criminal"]);
        Assert.True(combined.IsCombination);
        Assert.False(combined.IsSingle);
        // A single type whose name holds an ampersand is single when the reader says so.
        var single = NrmExploitationType.OneType("Forced criminality & begging");
        Assert.True(single.IsSingle);
        Assert.Equal(["Forced criminality & begging"], single.Components);
        Assert.True(NrmExploitationType.NotSpecified("Not specified or unknown").IsNotSpecified);
        Assert.Equal(NrmExploitationType.OneType("Criminal"), new NrmExploitationType("Criminal", ["Criminal"]));
    }

    // 100 referrals of one type: 30 adults, 70 children, so the type is mostly children — unless it is a
    // combination, which is not described but makes the sentence speak of "each single type".
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Only_single_types_are_described_and_a_combination_mostly_of_children_is_noted(bool combined)
    {
        var type = combined ? new NrmExploitationType("Labour & Criminal", ["Labour", "Criminal"]) : NrmExploitationType.OneType("Criminal");
        NrmCount Cell(string age, int people) => new(Release, NrmTable.FirstResponder, Release.Quarter, "Police", "Kent Police",
            type, age, Total, Total, Total, people);
        var data = new NrmReleaseData(Release, [], [FirstResponder(Total, Total, 100), Cell("Adult (18 or over)", 30), Cell("Child (17 or under)", 70)], [], ["t.ods"]);
        var c = National.Compute(data);
        if (combined)
        {
            Assert.Empty(c.ExploitationTypes);
            Assert.Equal(["Labour & Criminal"], c.OtherTypesMostlyChildren!);
        }
        else
        {
            var split = Assert.Single(c.ExploitationTypes);
            Assert.Equal((type, 70, 100), (split.ExploitationType, split.Children.Numerator, split.Children.Denominator));
            Assert.Empty(c.OtherTypesMostlyChildren!);
        }
    }
}
