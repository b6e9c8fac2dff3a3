using System.Text;
using Insights.Checking;
using Insights.Pipeline;
using Insights.Word;

namespace Insights.Tests;

/// <summary>
/// <c>check</c> on the council's published 2025/26 statement (a copy in Statements/) against the samples, which
/// reproduce the statement's figures with its errors corrected (data-samples/*/README.md); and on copies with
/// errors planted in them. Every expected value below is read off the statement, not off the program.
/// </summary>
public sealed class StatementCheckTests : IDisposable
{
    static readonly string Published = Path.Combine(Insights.Pipeline.Samples.RepositoryRoot, "tests", "Insights.Pipeline.Tests", "Statements",
        "stockport-modern-slavery-statement-2025-26-current-trends.txt");
    static readonly ContextOptions OnTheSamples = new(GmpOptions.Samples(), Nrm: NrmOptions.Samples());

    readonly string _folder = Directory.CreateTempSubdirectory("insights-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static StatementCheckResult Check(string path) => StatementCheckJob.Check(path, OnTheSamples).Check;

    string Planted(string find, string replace, string extension = ".txt")
    {
        var text = File.ReadAllText(Published);
        Assert.Contains(find, text);
        var path = Path.Combine(_folder, "planted" + extension);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal), new UTF8Encoding(false));
        return path;
    }

    static IEnumerable<string> Written(StatementCheckResult r, CheckStatus status, CheckSubject subject = CheckSubject.Figure) =>
        r.Lines.Where(l => l.Subject == subject && l.Status == status).Select(l => l.Written);

    [Fact]
    public void The_2025_26_statement_has_one_wrong_percentage_44_6_for_16_of_36()
    {
        var wrong = Assert.Single(Check(Published).Lines, l => l.Subject == CheckSubject.Figure && l.Status == CheckStatus.Wrong);
        Assert.Equal(("44.6%", "44.4% (16 of 36)", "district.exploitation.criminal-exploitation.share", "Stockport context", 2),
            (wrong.Written, wrong.Computed, wrong.FactId, wrong.Section, wrong.Paragraph));
    }

    [Fact]
    public void The_2025_26_statement_writes_an_32_percent_which_reads_a_thirty_two()
    {
        var article = Assert.Single(Check(Published).Lines, l => l.Subject == CheckSubject.Grammar);
        Assert.Equal(("an 32% increase", "a 32% increase", CheckStatus.Wrong), (article.Written, article.Computed, article.Status));
    }

    [Fact]
    public void The_record_since_the_NRM_began_cannot_be_checked_from_the_tables()
    {
        var result = Check(Published);
        var record = Assert.Single(result.Lines, l => l.Subject == CheckSubject.Figure && l.Status == CheckStatus.CannotBeChecked);
        Assert.Equal(("6%", "National context"), (record.Written, record.Section));
        Assert.Contains("since the NRM began", record.Note);
        Assert.Empty(Written(result, CheckStatus.NotFound));
    }

    [Fact]
    public void Every_other_figure_of_the_2025_26_statement_is_ok()
    {
        // Typed from the statement, in its order; "aged 18+", "17 or under", "under 18" and the years are not figures;
        // a share in words is ("around two-thirds").
        string[] statement =
        [
            "5,690", "7% increase", "5,295", "32% increase", "4,312", "23%", "11%", "11%", "70%", "30%", "77%", "around two-thirds",
            "36", "46", "36", "5.9%", "612", "155", "16", "36", "9", "25.0%", "5", "13.9%", "4", "11.1%", "1", "2.8%", "1", "2.8%",
            "34", "36", "34", "25", "73.5%", "14", "11", "9", "26.5%", "5", "4", "34", "16", "47.1%", "5", "14.7%", "3", "8.8%",
            "10", "29.4%", "11", "68.8%", "4", "22.2%",
        ];
        Assert.Equal(statement, Written(Check(Published), CheckStatus.Ok));
    }

    [Fact]
    public void Each_ok_figure_is_matched_to_the_fact_of_its_context()
    {
        var ok = Check(Published).Lines.Where(l => l.Status == CheckStatus.Ok).ToList();
        // The same printed value, different facts: the words around the figure decide.
        Assert.Equal(["national.nationality-2-eritrean-share", "national.nationality-3-vietnamese-share"], ok.Where(l => l.Written == "11%").Select(l => l.FactId));
        Assert.Equal(["district.age-and-gender-known", "district.age-and-gender-known", "district.nationality-known"], ok.Where(l => l.Written == "34").Select(l => l.FactId));
        Assert.Equal(["district.exploitation.sexual-exploitation", "district.female.adult", "district.nationality.indian"], ok.Where(l => l.Written == "5").Select(l => l.FactId));
        Assert.Equal(["district.exploitation.domestic-servitude", "district.exploitation.unknown"], ok.Where(l => l.Written == "1").Select(l => l.FactId));
    }

    [Fact]
    public void A_planted_wrong_count_is_wrong_and_names_the_computed_count()
    {
        var result = Check(Planted("logged 36 modern slavery enquiries", "logged 38 modern slavery enquiries"));
        var wrong = result.Lines.Where(l => l.Status == CheckStatus.Wrong && l.Subject == CheckSubject.Figure).ToList();
        Assert.Equal([("38", "36", "district.enquiries"), ("44.6%", "44.4% (16 of 36)", "district.exploitation.criminal-exploitation.share")],
            wrong.Select(l => (l.Written, l.Computed, l.FactId)));
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void A_planted_wrong_percentage_is_wrong()
    {
        var result = Check(Planted("(9; 25.0%)", "(9; 25.9%)"));
        Assert.Contains(result.Lines, l => l is { Written: "25.9%", Computed: "25.0% (9 of 36)", Status: CheckStatus.Wrong });
    }

    [Fact]
    public void A_planted_figure_the_data_has_no_counterpart_for_is_not_found()
    {
        var result = Check(Planted("- Unknown (1; 2.8%).", "- Unknown (1; 2.8%).\n- Organ harvesting (2; 5.6%)."));
        Assert.Equal(["2", "5.6%"], Written(result, CheckStatus.NotFound));
        var extra = Check(Planted("(46 in the previous year).", "(46 in the previous year). Of these, 12 were referred by the council."));
        Assert.Equal(["12"], Written(extra, CheckStatus.NotFound));
    }

    [Fact]
    public void The_statement_with_its_two_errors_corrected_passes()
    {
        var path = Planted("44.6%", "44.4%");
        File.WriteAllText(path, File.ReadAllText(path).Replace("an 32%", "a 32%", StringComparison.Ordinal));
        var result = Check(path);
        Assert.False(result.HasErrors);
        Assert.Equal(55, result.Count(CheckStatus.Ok));
    }

    [Fact]
    public void A_whole_percentage_is_checked_at_the_precision_written()
    {
        // 16 of 36 is 44.44...%: "44%" is right, "45%" is not.
        Assert.Contains(Check(Planted("44.6%", "44%")).Lines, l => l is { Written: "44%", Status: CheckStatus.Ok });
        Assert.Contains(Check(Planted("44.6%", "45%")).Lines, l => l is { Written: "45%", Status: CheckStatus.Wrong });
    }

    [Fact]
    public void The_products_own_section_as_markdown_and_as_word_checks_ok_throughout()
    {
        var run = ContextJob.Compute(OnTheSamples);
        var md = Path.Combine(_folder, "current-trends.md");
        File.WriteAllText(md, run.Markdown);
        var docx = Path.Combine(_folder, "current-trends.docx");
        File.WriteAllBytes(docx, SectionDocument.FromMarkdown(run.Markdown));
        foreach (var result in new[] { Check(md), Check(docx) })
        {
            Assert.All(result.Lines.Where(l => l.Subject != CheckSubject.Claim), l => Assert.Equal(CheckStatus.Ok, l.Status));
            // The statement's 56 figures less its record, which the samples' single release cannot make.
            Assert.Equal(55, result.Count(CheckStatus.Ok));
        }
        Assert.Equal(Check(md).Lines.Select(l => (l.Written, l.FactId)), Check(docx).Lines.Select(l => (l.Written, l.FactId)));
    }

    [Fact]
    public void A_statement_without_the_section_is_an_input_error_naming_the_file()
    {
        var path = Planted("Current trends relating to modern slavery", "Trends");
        var e = Assert.Throws<InputException>(() => Check(path));
        Assert.StartsWith("planted.txt: no section \"Current trends relating to modern slavery\"", e.Message);
    }
}
