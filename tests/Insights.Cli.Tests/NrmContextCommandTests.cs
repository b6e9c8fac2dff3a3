using Insights.Cli;
using Insights.Sources;

namespace Insights.Tests;

/// <summary>The context command with NRM inputs: --nrm files or folders, --quarter.</summary>
public sealed class NrmContextCommandTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-nrm-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    string Out => Path.Combine(_folder, "out");

    static (int Code, string Stdout, string Stderr) Run(params string[] args) => ContextRun.Invoke(args);

    // The district side is the synthetic sample: a run given NRM files needs a police extract too.
    static string SyntheticGmp => Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv");

    static string Published => Insights.Pipeline.Samples.PathOf("nrm", "published");

    // The real Q4 2023 long CSVs: the bulletin's figures in the text, the one-short first-responder tables in
    // stderr and warnings.txt, and the exact shares in facts.json.
    [Fact]
    public void Long_csvs_of_Q4_2023_give_the_bulletin_figures_and_report_the_shortfall()
    {
        var (code, _, stderr) = Run("--gmp", SyntheticGmp, "--nrm", Path.Combine(Published, "nrm-referrals-by-quarter-2023-q4-release.csv"),
            Path.Combine(Published, "nrm-first-responder-referrals-2023-q4.csv"), "--out", Out);
        Assert.Equal(0, code);
        var md = File.ReadAllText(Path.Combine(Out, "current-trends.md"));
        Assert.Contains("In the fourth quarter of 2023 (October-December)", md);
        Assert.Contains("received 4,142 referrals", md);
        Assert.Contains("a similar number of referrals to the previous quarter (4,131) and a 6% decrease from October to December 2022 (4,413)", md);
        Assert.Contains("UK (27% of referrals), Albanian (19%) and Vietnamese (6%)", md);
        Assert.Contains("warning nrm-first-responder-total: the first-responder tables of the 2023 Q4 release sum to 4,141", stderr);
        Assert.Contains("nrm-first-responder-total", File.ReadAllText(Path.Combine(Out, "warnings.txt")));
        var facts = File.ReadAllText(Path.Combine(Out, "facts.json"));
        Assert.Contains("\"id\": \"national.nationality-1-uk-share\"", facts);
        Assert.Contains("\"id\": \"national.first-responder-tables-total\"", facts);
    }

    // A folder of releases; --quarter picks one. The Q1 2023 first-responder file alone has no series: its total
    // comes from those tables (4,746) and no comparison is made.
    [Fact]
    public void Quarter_option_picks_a_release_from_a_folder()
    {
        var (code, stdout, _) = Run("--gmp", SyntheticGmp, "--nrm", Published, "--quarter", "2023Q1", "--out", Out);
        Assert.Equal(0, code);
        Assert.Contains("National, January to March 2023", stdout);
        var md = File.ReadAllText(Path.Combine(Out, "current-trends.md"));
        Assert.Contains("received 4,746 referrals of potential victims of modern slavery. Within these:", md);
    }

    [Fact]
    public void Latest_published_is_the_analysts_word_and_never_said_of_an_earlier_release()
    {
        // The published folder holds the 2023 Q1 and Q4 releases (and the Q4 long CSVs).
        var (code, _, stderr) = Run("--gmp", SyntheticGmp, "--nrm", Published, "--latest-published", "--out", Out);
        Assert.Equal(0, code);
        Assert.Contains("In the fourth quarter of 2023 (October-December), the latest period for which data is available, [Home Office", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
        Assert.Contains("\"latestPublished\": \"true\"", File.ReadAllText(Path.Combine(Out, "manifest.json")));
        Assert.DoesNotContain("nrm-not-latest", stderr);
        Directory.Delete(Out, true);

        (code, _, stderr) = Run("--gmp", SyntheticGmp, "--nrm", Published, "--quarter", "2023Q1", "--latest-published", "--out", Out);
        Assert.Equal(0, code);
        Assert.DoesNotContain("the latest period for which data is available", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
        Assert.Contains("warning nrm-not-latest: --latest-published was given, but the 2023 Q1 release reported is not the latest loaded (2023 Q4)", stderr);
    }

    [Fact]
    public void Quarter_that_was_not_loaded_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => Run("--gmp", SyntheticGmp, "--nrm", Published, "--quarter", "2024 Q3", "--out", Out));
        Assert.Contains("no 2024 Q3 release was loaded (loaded: 2023 Q1, 2023 Q4)", e.Message);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Quarter_that_is_not_a_quarter_is_a_usage_error()
    {
        var (code, _, stderr) = Run("--quarter", "2025-06", "--out", Out);
        Assert.Equal(2, code);
        Assert.Equal("--quarter: '2025-06' is not a quarter (expected e.g. 2025Q2 or \"2025 Q2\")", stderr.Trim());
    }

    // A duplicated quarter in a long series: one-line error naming file and row; the previous output stays.
    [Fact]
    public void Bad_nrm_input_leaves_the_previous_output_untouched()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "current-trends.md"), "last quarter's text");
        var bad = Path.Combine(_folder, "series.csv");
        File.WriteAllText(bad, "Year,Quarter,Age at exploitation,Location of exploitation,NRM referrals\n" +
            "2025,Q1,Adult (18 or over),Total,4\n2025,Q3,Adult (18 or over),Total,5\n");
        var e = Assert.Throws<InputException>(() => Run("--gmp", SyntheticGmp, "--nrm", bad, "--out", Out));
        Assert.Equal("series.csv, row 3, column B: quarters out of sequence: 2025 Q3 follows 2025 Q1 (expected 2025 Q2)", e.Message);
        Assert.Equal("last quarter's text", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
    }

    [Fact]
    public void Help_lists_the_nrm_options()
    {
        var (_, stdout, _) = Run("--help");
        Assert.Contains("--nrm <file-or-folder>", stdout);
        Assert.Contains("--quarter", stdout);
    }
}
