using System.Globalization;
using Insights.Breakdowns;
using Insights.Notebooks;

namespace Insights.Tests;

/// <summary>One run of a notebook in notebooks/ with the given parameters, shared by the tests that read it
/// (Roslyn compiles every cell, so each run costs seconds).</summary>
public abstract class NotebookRunFixture : IAsyncLifetime
{
    protected abstract string Name { get; }
    protected virtual Dictionary<string, string> Parameters(string outputFolder) => [];

    public NotebookRun Run { get; private set; } = null!;
    public string OutputFolder { get; } = Path.Combine(Path.GetTempPath(), "insights-nb-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var path = Path.Combine(NotebookFixtures.RepositoryRoot, "notebooks", Name);
        Run = await NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = Parameters(OutputFolder) });
        Assert.True(Run.Succeeded, Run.Failure?.ToString());
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(OutputFolder)) Directory.Delete(OutputFolder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Every output's text as a reader sees it: console text and the plain-text form of displays.</summary>
    public IEnumerable<string> Texts => Run.Executed.Cells.SelectMany(c => c.Outputs)
        .Select(o => o.Text ?? o.PlainText ?? "");

    public IEnumerable<string> Htmls => Run.Executed.Cells.SelectMany(c => c.Outputs).Select(o => o.Html ?? "");
}

public sealed class DistrictNotebookForBolton : NotebookRunFixture
{
    protected override string Name => "02-district-context.ipynb";
    protected override Dictionary<string, string> Parameters(string outputFolder) => new() { ["district"] = "Bolton" };
}

public class DistrictNotebookTests(DistrictNotebookForBolton notebook) : IClassFixture<DistrictNotebookForBolton>
{
    [Fact]
    public void With_district_Bolton_the_text_gives_Bolton_s_enquiries_counted_straight_from_the_sample_file()
    {
        // Counted here from the CSV itself, not through the library: the notebook must pass the parameter through
        // to every step, and the sample's messy spellings ("BOLTON ", "bolton") still count as Bolton.
        var rows = SampleRows();
        bool InYear(DateOnly d, int start) => d >= new DateOnly(start, 4, 1) && d <= new DateOnly(start + 1, 3, 31);
        var bolton = rows.Count(r => r.District == "bolton" && InYear(r.Date, 2024));
        var boltonBefore = rows.Count(r => r.District == "bolton" && InYear(r.Date, 2023));
        var gm = rows.Count(r => InYear(r.Date, 2024));
        var share = Share.Of(bolton, gm, "all GM enquiries").Format(1);

        var text = Assert.Single(notebook.Texts, t => t.Contains("Bolton context", StringComparison.Ordinal));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"logged {bolton} modern slavery enquiries relating to Bolton ({boltonBefore} in the previous year). These {bolton} accounted for {share} of the {gm} enquiries across GM"), text, StringComparison.Ordinal);
        // The comparison chart highlights the district the parameter named.
        Assert.Contains(notebook.Texts, t => t.Contains($"Bolton highlighted", StringComparison.Ordinal)
            && t.Contains($"Bolton {bolton} ({share})", StringComparison.Ordinal));
    }

    [Fact]
    public void The_notebook_shows_counts_only_never_an_enquiry_row()
    {
        // The extract is personal data: no output may carry an enquiry id (the sample's ids all start "SYN-"),
        // which is what showing the frame itself, or any row of it, would do.
        Assert.DoesNotContain(notebook.Texts.Concat(notebook.Htmls), t => t.Contains("SYN-", StringComparison.Ordinal));
    }

    static List<(DateOnly Date, string District)> SampleRows()
    {
        var lines = File.ReadAllLines(Insights.Sources.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"));
        var header = Fields(lines[0].TrimStart('\uFEFF'));
        int date = header.IndexOf("DateLogged"), district = header.IndexOf("District");
        return lines.Skip(1).Where(l => l.Trim().Length > 0).Select(Fields).Select(f => (
            DateOnly.ParseExact(f[date].Trim(), ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture),
            f[district].Trim().ToLowerInvariant())).ToList();
    }

    // The sample quotes some fields (" Eritrean"); none holds a comma or a quote.
    static List<string> Fields(string line) => line.Split(',').Select(f => f.Trim('"')).ToList();
}
