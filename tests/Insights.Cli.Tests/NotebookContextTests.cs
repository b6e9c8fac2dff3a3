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
        var path = Path.Combine(Insights.Pipeline.Samples.RepositoryRoot, "notebooks", Name);
        Run = await NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = Parameters(OutputFolder), Host = Insights.Cli.InsightsNotebooks.Host });
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
        var lines = File.ReadAllLines(Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"));
        var header = Fields(lines[0].TrimStart('\uFEFF'));
        int date = header.IndexOf("DateLogged"), district = header.IndexOf("District");
        return lines.Skip(1).Where(l => l.Trim().Length > 0).Select(Fields).Select(f => (
            DateOnly.ParseExact(f[date].Trim(), ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture),
            f[district].Trim().ToLowerInvariant())).ToList();
    }

    // The sample quotes some fields (" Eritrean"); none holds a comma or a quote.
    static List<string> Fields(string line) => line.Split(',').Select(f => f.Trim('"')).ToList();
}

public sealed class NationalNotebookOnTheSamples : NotebookRunFixture
{
    protected override string Name => "01-national-context.ipynb";
}

public class NationalNotebookTests(NationalNotebookOnTheSamples notebook) : IClassFixture<NationalNotebookOnTheSamples>
{
    [Fact]
    public void On_the_samples_the_text_gives_the_reconstructed_2025_Q2_headline_of_5690_referrals()
    {
        // 5,690 is the figure the statement quotes for April to June 2025: the latest release in the samples folder
        // is the one reported.
        var text = Assert.Single(notebook.Texts, t => t.Contains("National context", StringComparison.Ordinal));
        Assert.Contains("In the second quarter of 2025 (April-June), Home Office National Referral Mechanism (NRM) received 5,690 referrals",
            text, StringComparison.Ordinal);
        Assert.Contains("a 7% increase in referrals compared to the previous quarter (5,295)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_revision_history_shows_2022_Q4_as_published_in_the_Q1_2023_release_and_as_revised_later()
    {
        // Published oracles: 4,416 in the release of 4 May 2023, revised to 4,413 in the release of 7 March 2024
        // (which the reconstructed 2025 Q2 release repeats). One row of the pivoted revisions frame, one column per release.
        Assert.Contains(notebook.Texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"(?m)^2022 Q4\s+4416\s+4413\s+4413$"));
    }

    [Fact]
    public void The_release_check_shows_the_Q4_2023_first_responder_tables_one_short_of_the_series()
    {
        // The Home Office's own tables: 4,141 by first responder against 4,142 referrals in the series.
        Assert.Contains(notebook.Texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"(?m)^\d+\s+2023 Q4 release\s+4142\s+4141\s+1$"));
    }
}

public sealed class SectionNotebookOnTheSamples : NotebookRunFixture
{
    protected override string Name => "03-statement-section.ipynb";
    protected override Dictionary<string, string> Parameters(string outputFolder) => new() { ["outputFolder"] = outputFolder };
}

public class SectionNotebookTests(SectionNotebookOnTheSamples notebook) : IClassFixture<SectionNotebookOnTheSamples>
{
    [Fact]
    public void It_writes_the_word_html_report_facts_and_parquet_files_into_the_given_output_folder()
    {
        var folder = notebook.OutputFolder;
        foreach (var file in new[] { "current-trends.docx", "current-trends.md", "current-trends.html", "report.html", "facts.json", "warnings.txt" })
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} was not written");
        Assert.True(File.Exists(Path.Combine(folder, "gmp-enquiries", "financial_year=2024-25", "part-0.parquet")));
        Assert.True(File.Exists(Path.Combine(folder, "nrm-referrals", "release=2025Q2", "part-0.parquet")));

        // The Word document holds the whole section: the national headline and the district's count.
        using var docx = System.IO.Compression.ZipFile.OpenRead(Path.Combine(folder, "current-trends.docx"));
        using var reader = new StreamReader(docx.GetEntry("word/document.xml")!.Open());
        var document = reader.ReadToEnd();
        Assert.Contains("5,690", document, StringComparison.Ordinal);
        Assert.Contains("36 modern slavery enquiries relating to Stockport", document, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_and_the_notebook_show_the_national_charts_before_the_district_ones()
    {
        var report = File.ReadAllText(Path.Combine(notebook.OutputFolder, "report.html"));
        var national = report.IndexOf("Potential victims referred to the NRM by quarter", StringComparison.Ordinal);
        var district = report.IndexOf("Stockport enquiries by exploitation type", StringComparison.Ordinal);
        Assert.True(national >= 0 && district > national, "report.html: the national chart should come first, then the district charts");
        // In the notebook too (a chart's text is its alt text).
        var texts = notebook.Texts.ToList();
        var nationalChart = texts.FindIndex(t => t.StartsWith("Column chart of referrals by quarter", StringComparison.Ordinal));
        var districtChart = texts.FindIndex(t => t.StartsWith("Bar chart of enquiries by district, Stockport highlighted", StringComparison.Ordinal));
        Assert.True(nationalChart >= 0 && districtChart > nationalChart, "the notebook should show the national charts, then the district ones");
    }

    [Fact]
    public void The_nrm_referrals_read_back_from_parquet_add_up_to_the_reported_release()
    {
        // Subtotal rows are not stored, so the cells sum to the first-responder total: 5,690 in the 2025 Q2 sample.
        Assert.Contains(notebook.Texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"(?m)^0\s+2025Q2\s+5690$"));
    }

    [Fact]
    public void The_shareable_enquiry_table_read_back_gives_the_statements_totals_per_place()
    {
        // The 2025/26 statement: 36 Stockport enquiries of GM's 612, the district not logged in 155.
        var table = Assert.Single(notebook.Htmls, h => h.Contains("<th>MissingReason</th>", StringComparison.Ordinal));
        foreach (var (place, count) in new[] { ("All", "612"), ("Stockport", "36"), ("Not logged", "155") })
            Assert.Contains($"<td>2024-25</td><td>{place}</td><td>{count}</td>", table, StringComparison.Ordinal);
    }

    [Fact]
    public void The_facts_table_lists_every_fact_of_facts_json()
    {
        // The author checks the text against this table: all 66 facts, none cut by the table cap.
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(notebook.OutputFolder, "facts.json")));
        var ids = json.RootElement.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();
        var table = Assert.Single(notebook.Htmls, h => h.Contains("<td>national.referrals</td>", StringComparison.Ordinal));
        Assert.All(ids, id => Assert.Contains($"<td>{id}</td>", table, StringComparison.Ordinal));
    }
}
