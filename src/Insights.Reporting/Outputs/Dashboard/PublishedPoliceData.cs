using Insights.Breakdowns;

namespace Insights.Outputs.Dashboard;

/// <summary>
/// The police data of the published dashboard: instead of the full cross-classification (whose cells are mostly
/// counts of 1), one table per financial year and characteristic (districts × exploitation type, × age group,
/// × gender, × age group and gender, × nationality, × month), with the district and area totals, protected together
/// by <see cref="SmallCountSuppression"/>. Only these tables go into the file, so no number it holds is below the
/// threshold or derivable from the others line by line; a view that would need two characteristics at once says
/// "not available" ([x]).
/// </summary>
public static class PublishedPoliceData
{
    /// <summary>The characteristics published one at a time (each as the dimensions of its columns).</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Characteristics =
    [
        [DashboardBuilder.Type], [DashboardBuilder.Age], [DashboardBuilder.Gender], [DashboardBuilder.Age, DashboardBuilder.Gender],
        [DashboardBuilder.Nationality], [DashboardBuilder.Month],
    ];

    public static PoliceData Apply(PoliceData full, int threshold)
    {
        var cube = full.Cubes.Single(c => c.Dimensions.SequenceEqual(DashboardBuilder.Dimensions));
        int Position(string dim) => DashboardBuilder.Dimensions.ToList().IndexOf(dim);
        var districts = full.Values[DashboardBuilder.District].Count;
        var years = full.Values[DashboardBuilder.Year].Count;

        var grandCells = new List<CubeCell>();
        var districtCells = new List<CubeCell>();
        var areaCells = Characteristics.Select(_ => new List<CubeCell>()).ToList();
        var tableCells = Characteristics.Select(_ => new List<CubeCell>()).ToList();

        for (var y = 0; y < years; y++)
        {
            var inYear = cube.Cells.Where(c => c.Key[Position(DashboardBuilder.Year)] == y).ToList();
            // Columns of each characteristic: the combinations the year has, in index order.
            var columns = Characteristics.Select(ch => inYear.Select(c => ch.Select(d => c.Key[Position(d)]).ToArray())
                .DistinctBy(k => string.Join(",", k)).OrderBy(k => k, DashboardBuilder.KeyOrder.Instance).ToList()).ToList();
            var grids = Characteristics.Select((ch, i) =>
            {
                var index = columns[i].Select((k, j) => (Key: string.Join(",", k), j)).ToDictionary(x => x.Key, x => x.j);
                var grid = Enumerable.Range(0, districts).Select(_ => new int[columns[i].Count]).ToArray();
                foreach (var c in inYear)
                    grid[c.Key[Position(DashboardBuilder.District)]][index[string.Join(",", ch.Select(d => c.Key[Position(d)]))]] += c.Count!.Value;
                return grid;
            }).ToList();
            var s = SmallCountSuppression.Apply(grids, threshold);

            int? Shown(int value, bool withheld) => withheld ? null : value;
            var rowTotals = grids[0].Select(r => r.Sum()).ToArray();
            var grand = rowTotals.Sum();
            if (grand > 0) grandCells.Add(new CubeCell([y], Shown(grand, s.GrandTotal)));
            for (var d = 0; d < districts; d++)
                if (rowTotals[d] > 0) districtCells.Add(new CubeCell([d, y], Shown(rowTotals[d], s.RowTotals[d])));
            for (var i = 0; i < Characteristics.Count; i++)
            {
                for (var c = 0; c < columns[i].Count; c++)
                {
                    var total = grids[i].Sum(r => r[c]);
                    if (total > 0) areaCells[i].Add(new CubeCell([y, .. columns[i][c]], Shown(total, s.ColumnTotals[i][c])));
                    for (var d = 0; d < districts; d++)
                        if (grids[i][d][c] > 0) tableCells[i].Add(new CubeCell([d, y, .. columns[i][c]], Shown(grids[i][d][c], s.Cells[i][d][c])));
                }
            }
        }

        var cubes = new List<CountCube>
        {
            new([DashboardBuilder.Year], grandCells),
            new([DashboardBuilder.District, DashboardBuilder.Year], Sorted(districtCells)),
        };
        for (var i = 0; i < Characteristics.Count; i++)
        {
            cubes.Add(new CountCube([DashboardBuilder.Year, .. Characteristics[i]], Sorted(areaCells[i])));
            cubes.Add(new CountCube([DashboardBuilder.District, DashboardBuilder.Year, .. Characteristics[i]], Sorted(tableCells[i])));
        }
        return full with { Cubes = cubes };
    }

    static List<CubeCell> Sorted(List<CubeCell> cells) => cells.OrderBy(c => c.Key, DashboardBuilder.KeyOrder.Instance).ToList();
}
