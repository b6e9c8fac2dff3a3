using Insights.Breakdowns;
using Insights.Model;

namespace Insights.Tests;

/// <summary>Exploitation types and nationalities are values of their own, never blank, and British is the NRM's UK.</summary>
public class CategoryTypeTests
{
    [Fact]
    public void British_and_UK_are_one_nationality()
    {
        Assert.Equal(Nationality.British, Nationality.FromNrm("UK"));
        Assert.True(Nationality.FromNrm("UK").IsBritish);
        Assert.Equal(Nationality.Of("Albanian"), Nationality.FromNrm("Albanian"));
        Assert.False(Nationality.Of("Albanian").IsBritish);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_category_cannot_be_blank(string name)
    {
        Assert.Throws<ArgumentException>(() => Nationality.Of(name));
        Assert.Throws<ArgumentException>(() => ExploitationType.Of(name));
    }

    [Fact]
    public void Types_rank_in_GMPs_order_with_their_own_after_and_unknown_last()
    {
        string[] written = ["Unknown", "Forced begging", "Domestic servitude", "Criminal exploitation"];
        Assert.Equal(["Criminal exploitation", "Domestic servitude", "Forced begging", "Unknown"],
            written.Select(ExploitationType.Of).OrderBy(t => t.Rank).Select(t => t.Name));
        Assert.Same(ExploitationType.Unknown, ExploitationType.Of("Unknown"));
    }

    [Fact]
    public void The_district_context_holds_typed_types_and_nationalities()
    {
        var day = new DateOnly(2024, 5, 1);
        Enquiry E(string id, string type, string? nationality) => new(id, day, "Stockport", type, 30, Gender.Male, nationality);
        var c = DistrictBreakdown.Compute([E("1", "Labour exploitation", "British"), E("2", "Labour exploitation", "Albanian"), E("3", "Organ harvesting", null)],
            "Stockport", new FinancialYear(2024).Period);
        Assert.Equal([ExploitationType.Of("Labour exploitation"), ExploitationType.Of("Organ harvesting")], c.ExploitationTypes.Select(t => t.Category));
        Assert.Equal([(Nationality.Of("Albanian"), 1), (Nationality.British, 1)], c.TopNationalities.Select(n => (n.Category, n.Count)));
    }
}
