using Insights.Outputs.Dashboard;
using Insights.Pipeline;

namespace Insights.Tests.Dashboard;

/// <summary>The published mode: every police number the file holds follows the disclosure rule, not only those drawn.</summary>
public class PublishedDashboardTests
{
    static readonly ContextOptions Options = new(GmpOptions.Samples(), Publish: true);
    static readonly Lazy<ContextResult> Result = new(() => ContextJob.Compute(Options));
    static DashboardData Data => DashboardJob.Data(Result.Value, Options);
    const int Threshold = DashboardBuilder.DefaultSuppressBelow;

    [Fact]
    public void No_count_the_file_holds_is_between_1_and_4()
    {
        var data = DashboardData.FromJson(Data.ToJson());   // what the page reads, not the object we built
        Assert.Equal(DashboardMode.Publish, data.Mode);
        Assert.Equal(Threshold, data.SuppressBelow);
        var counts = data.Police.Cubes.SelectMany(c => c.Cells).Select(c => c.Count).ToList();
        Assert.Contains(counts, c => c is null);   // the samples have small counts: some are withheld
        Assert.All(counts, c => Assert.True(c is null or >= Threshold, $"a count of {c} reached the published file"));
        Assert.DoesNotContain(data.Police.Cubes, c => c.Dimensions.Count == DashboardBuilder.Dimensions.Count);
        Assert.StartsWith("For publication", data.Marking);
    }

    [Fact]
    public void No_line_of_a_published_table_has_exactly_one_withheld_entry()
    {
        var data = Data;
        var years = data.Police.Values[DashboardBuilder.Year].Count;
        var districts = data.Police.Values[DashboardBuilder.District].Count;
        CountCube Cube(params string[] dims) => data.Police.Cubes.Single(c => c.Dimensions.SequenceEqual(dims));
        var districtTotals = Cube(DashboardBuilder.District, DashboardBuilder.Year).Cells.ToDictionary(c => (c.Key[0], c.Key[1]), c => c.Count);
        var grand = Cube(DashboardBuilder.Year).Cells.ToDictionary(c => c.Key[0], c => c.Count);
        foreach (var ch in PublishedPoliceData.Characteristics)
        {
            var cells = Cube([DashboardBuilder.District, DashboardBuilder.Year, .. ch]).Cells;
            var area = Cube([DashboardBuilder.Year, .. ch]).Cells.ToDictionary(c => (c.Key[0], string.Join(",", c.Key.Skip(1))), c => c.Count);
            for (var y = 0; y < years; y++)
            {
                for (var d = 0; d < districts; d++)
                {
                    var row = cells.Where(c => c.Key[0] == d && c.Key[1] == y).ToList();
                    var withheld = row.Count(c => c.Count is null) + (districtTotals.TryGetValue((d, y), out var t) && t is null ? 1 : 0);
                    Assert.NotEqual(1, withheld);
                }
                foreach (var column in cells.Where(c => c.Key[1] == y).GroupBy(c => string.Join(",", c.Key.Skip(2))))
                {
                    var withheld = column.Count(c => c.Count is null) + (area[(y, column.Key)] is null ? 1 : 0);
                    Assert.NotEqual(1, withheld);
                }
                var totals = area.Where(a => a.Key.Item1 == y).Count(a => a.Value is null) + (grand.GetValueOrDefault(y) is null && grand.ContainsKey(y) ? 1 : 0);
                Assert.NotEqual(1, totals);
            }
        }
    }

    [Fact]
    public void Totals_of_five_or_more_are_published_exactly_Stockport_2024_25_is_36()
    {
        var data = Data;
        var v = data.Police.Values;
        var stockport = v[DashboardBuilder.District].ToList().IndexOf("Stockport");
        var year = v[DashboardBuilder.Year].ToList().IndexOf("2024/25");
        var totals = data.Police.Cubes.Single(c => c.Dimensions.SequenceEqual([DashboardBuilder.District, DashboardBuilder.Year]));
        Assert.Equal(Result.Value.District.Enquiries, totals.Cells.Single(c => c.Key[0] == stockport && c.Key[1] == year).Count);
    }
}
