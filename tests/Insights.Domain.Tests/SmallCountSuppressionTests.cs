using Insights.Breakdowns;

namespace Insights.Tests;

/// <summary>Hand-worked cases of primary and secondary suppression (threshold 5 unless said).</summary>
public class SmallCountSuppressionTests
{
    static Suppression One(int[][] table, int threshold = 5) => SmallCountSuppression.Apply([table], threshold);

    [Fact]
    public void Counts_of_five_or_more_and_zeros_are_shown()
    {
        var s = One([[5, 0], [7, 9]]);
        Assert.All(s.Cells[0].SelectMany(r => r), Assert.False);
        Assert.False(s.RowTotals.Any(x => x) || s.ColumnTotals[0].Any(x => x) || s.GrandTotal);
    }

    [Fact]
    public void A_lone_small_cell_needs_a_second_cell_withheld_in_its_row_and_column()
    {
        // Row 0: 2 | 10 | 20 (total 32). Withholding only the 2 leaves it as 32 - 10 - 20: the 10 (smallest other
        // non-zero) goes too. Column 0: 2 and 6 (total 8): the 6 goes too; then row 1 (6 | 12 | 30) has one withheld, so
        // its 12 goes; column 1 then holds 10 and 12, two withheld: done.
        var s = One([[2, 10, 20], [6, 12, 30]]);
        Assert.Equal([[true, true, false], [true, true, false]], s.Cells[0]);
        Assert.False(s.ColumnTotals[0].Any(x => x));
        Assert.False(s.RowTotals.Any(x => x));
    }

    [Fact]
    public void A_small_row_total_would_leak_through_the_grand_total_unless_another_total_goes()
    {
        // District totals 3 and 40 (grand 43): 3 is withheld, but 43 - 40 gives it back, so 40 is withheld too; the
        // cells of row 0 (1, 2) are small anyway; row 1 (15, 25) then has a withheld total and must lose a cell as well.
        var s = One([[1, 2], [15, 25]]);
        Assert.Equal([true, true], s.RowTotals);
        Assert.Equal([true, true], s.Cells[0][0]);
        Assert.True(s.Cells[0][1].Count(x => x) >= 1);
        Assert.False(s.GrandTotal);
        // No line of the table keeps exactly one withheld entry.
        Assert.NotEqual(1, s.Cells[0][1].Count(x => x) + (s.RowTotals[1] ? 1 : 0));
    }

    [Fact]
    public void Linked_tables_share_their_row_totals()
    {
        // The same two districts split by type and by gender. Row totals 9 and 30 are safe; the 4 in the gender table
        // is withheld with a partner in its own table; the type table, all counts of 5 or more, stays as it was.
        var byType = new[] { new[] { 9, 0 }, new[] { 10, 20 } };
        var byGender = new[] { new[] { 4, 5 }, new[] { 15, 15 } };
        var s = SmallCountSuppression.Apply([byType, byGender], 5);
        Assert.All(s.Cells[0].SelectMany(r => r), Assert.False);
        Assert.True(s.Cells[1][0][0] && s.Cells[1][0][1]);
        Assert.True(s.Cells[1][1][0]);   // column 0 of the gender table: 4 and 15
        Assert.False(s.RowTotals.Any(x => x));
    }

    [Fact]
    public void Tables_that_split_different_totals_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SmallCountSuppression.Apply([[[1, 2]], [[4]]], 5));
    }
}
