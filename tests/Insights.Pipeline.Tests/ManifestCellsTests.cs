using System.Text.Json;
using Insights.Model;
using Insights.Pipeline;
using Insights.Sources;
using Insights.Sources.Ods;

namespace Insights.Tests;

/// <summary>
/// Each national figure names the published cells it was computed from (manifest.json, docs/outputs.md): read back
/// from the workbook, the cells a count lists add up to the count, and a share's cells to its numerator and
/// denominator. The cells are looked up in the release itself, not taken from the program.
/// </summary>
public sealed class ManifestCellsTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-cells-").FullName;
    static readonly string Release = Insights.Pipeline.Samples.PathOf("nrm", "nrm-2025-q2-tables-reconstructed.ods");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    (JsonDocument Manifest, JsonDocument Facts) Run(TrendOptions? trends = null)
    {
        ContextJob.Run(new ContextOptions(GmpOptions.Samples(), _folder, Nrm: NrmOptions.Samples(), Trends: trends));
        return (JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, RunManifest.FileName))),
            JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "facts.json"))));
    }

    /// <summary>The sum of the listed cells' values in the workbook ("[c]" and other shorthand count as nothing).</summary>
    static int Sum(Workbook workbook, JsonElement ranges)
    {
        var sum = 0;
        foreach (var range in ranges.EnumerateArray())
        {
            Assert.Equal(Path.GetFileName(Release), range.GetProperty("file").GetString());
            var sheet = workbook.Sheets.Single(s => s.Name == range.GetProperty("sheet").GetString());
            foreach (var part in range.GetProperty("cells").GetString()!.Split(", "))
            {
                var ends = part.Split(':');
                var (column, first) = Address(ends[0]);
                var (lastColumn, last) = Address(ends[^1]);
                Assert.Equal(column, lastColumn);
                for (var row = first; row <= last; row++)
                    sum += sheet[row - 1, column].Number is { } n ? (int)n : 0;
            }
        }
        return sum;
    }

    static (int Column, int Row) Address(string cell)
    {
        var letters = new string(cell.TakeWhile(char.IsAsciiLetterUpper).ToArray());
        var column = letters.Aggregate(0, (n, ch) => n * 26 + (ch - 'A' + 1)) - 1;
        return (column, int.Parse(cell[letters.Length..]));
    }

    static JsonElement Entry(JsonDocument doc, string id) =>
        doc.RootElement.GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("id").GetString() == id);

    [Fact]
    public void The_quarters_total_is_the_three_age_totals_of_its_row_in_Table_2()
    {
        var (manifest, _) = Run();
        var cells = Assert.Single(Entry(manifest, "national.referrals").GetProperty("source").GetProperty("cells").GetProperty("count").EnumerateArray());
        Assert.Equal("Table_2", cells.GetProperty("sheet").GetString());
        // Table_2 has Overseas, UK, UK and Overseas, Not specified and Total under each of three age groups; the
        // quarter's row is the last (data-samples/nrm/README.md: 5,690 referrals in April to June 2025).
        Assert.Equal("G89, L89, Q89", cells.GetProperty("cells").GetString());
        Assert.Equal(5690, Sum(OdsReader.Read(Release), Entry(manifest, "national.referrals").GetProperty("source").GetProperty("cells").GetProperty("count")));
    }

    [Fact]
    public void Every_national_count_and_share_adds_up_from_the_cells_it_lists()
    {
        var (manifest, facts) = Run();
        Assert.True(CheckCells(manifest, facts, "national.") > 20);
    }

    [Fact]
    public void The_national_year_and_the_areas_figures_add_up_from_the_cells_they_list()
    {
        // 2023 from the sample release's referrals-by-quarter table; Greater Manchester from its area table.
        var (manifest, facts) = Run(new TrendOptions(NationalYear: ReferralYear.Calendar(2023), NrmArea: "Greater Manchester"));
        Assert.True(CheckCells(manifest, facts, "national-year.") >= 5);
        Assert.True(CheckCells(manifest, facts, "nrm-area.") >= 2);
    }

    /// <summary>Checks every fact whose id starts with the prefix against the cells it lists; the number checked.</summary>
    static int CheckCells(JsonDocument manifest, JsonDocument facts, string prefix)
    {
        var workbook = OdsReader.Read(Release);
        var checkedFacts = facts.RootElement.GetProperty("facts").EnumerateArray().Where(f => f.GetProperty("id").GetString()!.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        foreach (var fact in checkedFacts)
        {
            var id = fact.GetProperty("id").GetString()!;
            var cells = Entry(manifest, id).GetProperty("source").GetProperty("cells");
            if (cells.TryGetProperty("count", out var count))
                Assert.True(fact.GetProperty("value").GetInt32() == Sum(workbook, count), id);
            // A change's numerator is the difference of two totals and lists both totals' cells: they add up to
            // current + previous, that is the difference plus twice the previous.
            else if (id.Contains("change", StringComparison.Ordinal) || id.Contains("increase", StringComparison.Ordinal))
            {
                var (difference, previous) = (fact.GetProperty("numerator").GetInt32(), fact.GetProperty("denominator").GetInt32());
                Assert.True(previous == Sum(workbook, cells.GetProperty("denominator")), id + " denominator");
                Assert.True(difference + 2 * previous == Sum(workbook, cells.GetProperty("numerator")), id + " numerator");
            }
            // The non-UK share is all referrals of an age less the UK ones: its cells are both, not a sum.
            else if (id.Contains("non-uk", StringComparison.Ordinal))
                Assert.True(cells.GetProperty("numerator").GetArrayLength() > 0, id);
            else
            {
                Assert.True(fact.GetProperty("numerator").GetInt32() == Sum(workbook, cells.GetProperty("numerator")), id + " numerator");
                Assert.True(fact.GetProperty("denominator").GetInt32() == Sum(workbook, cells.GetProperty("denominator")), id + " denominator");
            }
        }
        return checkedFacts.Count;
    }

    [Fact]
    public void Cells_of_a_column_are_joined_into_runs_of_rows_column_by_column()
    {
        SourceLocation At(string column, int row, string sheet = "Table_13") => new("/data/release.ods", sheet, row, column);
        var ranges = RunManifest.Ranges(new CellSet([At("F", 15), At("AA", 3), At("F", 14), At("F", 20), At("G", 2), At("F", 16), At("B", 7, "Table_2")]))!;
        Assert.Equal([("release.ods", "Table_13", "F14:F16, F20, G2, AA3"), ("release.ods", "Table_2", "B7")],
            ranges.Select(r => (r.File, r.Sheet, r.Cells)));
        Assert.Null(RunManifest.Ranges(CellSet.None));
    }
}
