using Insights.Breakdowns;

namespace Insights.Tests;

/// <summary>Primary and secondary suppression over named figures, worked by hand with threshold 5.</summary>
public class LineSuppressionTests
{
    static IReadOnlyDictionary<string, Withheld> Apply(Dictionary<string, int> figures, params Line<string>[] lines) =>
        LineSuppression.Apply(figures, lines, threshold: 5);

    static Line<string> L(string[] parts, string total) => new(parts, total);

    [Fact]
    public void A_count_of_3_is_withheld_and_its_line_loses_its_smallest_other_part()
    {
        // 10 + 3 + 7 = 20: with 3 alone withheld, 20 - 10 - 7 gives it back; so 7 (the smaller of 10 and 7) goes too.
        var w = Apply(new() { ["a"] = 10, ["b"] = 3, ["c"] = 7, ["total"] = 20 }, L(["a", "b", "c"], "total"));
        Assert.Equal(Withheld.Primary, w["b"]);
        Assert.Equal(Withheld.Secondary, w["c"]);
        Assert.Equal(2, w.Count);
    }

    [Fact]
    public void Figures_printed_as_one_are_withheld_together()
    {
        // 6 + 6 + 3 = 15: the 3 is withheld, then the first 6 to protect it; "a and b, 6 each" would give that 6
        // back, so b goes too.
        var figures = new Dictionary<string, int> { ["a"] = 6, ["b"] = 6, ["c"] = 3, ["total"] = 15 };
        var w = LineSuppression.Apply(figures, [L(["a", "b", "c"], "total")], threshold: 5, together: [["a", "b"]]);
        Assert.Equal([("a", Withheld.Secondary), ("b", Withheld.Secondary), ("c", Withheld.Primary)], w.OrderBy(x => x.Key).Select(x => (x.Key, x.Value)));
        Assert.False(LineSuppression.Apply(figures, [L(["a", "b", "c"], "total")], threshold: 5).ContainsKey("b"));
    }

    [Fact]
    public void Two_small_counts_in_one_line_need_no_secondary_suppression_and_zero_is_shown()
    {
        var w = Apply(new() { ["a"] = 4, ["b"] = 1, ["c"] = 0, ["d"] = 9, ["total"] = 14 }, L(["a", "b", "c", "d"], "total"));
        Assert.Equal(["a", "b"], w.Keys.Order());
        Assert.All(w.Values, v => Assert.Equal(Withheld.Primary, v));
    }

    [Fact]
    public void A_part_withheld_to_protect_a_small_count_is_not_given_back_through_the_line_it_totals()
    {
        // District 11 = 5 + 6 (its types) and area 13 = 11 + 2 (the districts). 2 is small, so 11 is withheld beside it;
        // then 5 + 6 would give 11 back, so the smaller type, 5, is withheld as well.
        var w = Apply(new() { ["type 1"] = 5, ["type 2"] = 6, ["district"] = 11, ["not logged"] = 2, ["area"] = 13 },
            new(["type 1", "type 2"], "district"), L(["district", "not logged"], "area"));
        Assert.Equal(Withheld.Primary, w["not logged"]);
        Assert.Equal(Withheld.Secondary, w["district"]);
        Assert.Equal(Withheld.Secondary, w["type 1"]);
        Assert.False(w.ContainsKey("type 2"));
        Assert.False(w.ContainsKey("area"));
    }

    [Fact]
    public void A_small_count_whose_line_has_no_other_part_takes_its_total_with_it()
    {
        // 3 + 0 = 3: the total is the count itself (both primary); 12 = 3 + 9 in another line then needs 9 withheld.
        var w = Apply(new() { ["a"] = 3, ["b"] = 0, ["sub"] = 3, ["c"] = 9, ["total"] = 12 },
            new(["a", "b"], "sub"), L(["sub", "c"], "total"));
        Assert.Equal(Withheld.Primary, w["a"]);
        Assert.Equal(Withheld.Primary, w["sub"]);
        Assert.Equal(Withheld.Secondary, w["c"]);
    }

    [Fact]
    public void Of_two_equal_candidates_the_first_listed_is_withheld_so_the_result_never_varies()
    {
        var w = Apply(new() { ["x"] = 3, ["first six"] = 6, ["second six"] = 6, ["total"] = 15 }, L(["x", "first six", "second six"], "total"));
        Assert.Equal(Withheld.Secondary, w["first six"]);
        Assert.False(w.ContainsKey("second six"));
    }

    [Fact]
    public void Parts_that_do_not_add_up_to_their_total_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Apply(new() { ["a"] = 2, ["b"] = 2, ["total"] = 5 }, L(["a", "b"], "total")));
    }
}
