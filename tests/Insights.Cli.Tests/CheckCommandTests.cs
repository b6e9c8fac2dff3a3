using Insights.Cli;

namespace Insights.Tests;

/// <summary><c>insights check</c> from the command line: its lines, summary and exit codes (docs/cli.md).</summary>
public sealed class CheckCommandTests : IDisposable
{
    static readonly string Published = Path.Combine(Insights.Pipeline.Samples.RepositoryRoot, "tests", "Insights.Pipeline.Tests", "Statements",
        "stockport-modern-slavery-statement-2025-26-current-trends.txt");

    readonly string _folder = Directory.CreateTempSubdirectory("insights-check-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = InsightsCommand.Run(["check", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    static string[] Line(string stdout, string written) =>
        stdout.Split('\n').Single(l => l.Contains($"  {written}  ", StringComparison.Ordinal)).Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void A_wrong_figure_prints_as_written_and_as_computed_and_exits_1()
    {
        var (code, stdout, _) = Run(Published);
        Assert.Equal(ExitCodes.CheckFailed, code);
        Assert.StartsWith("SAMPLE DATA, not for publication", stdout);
        Assert.Equal(["wrong", "Stockport context ¶2", "44.6%", "44.4% (16 of 36)", "district.exploitation.criminal-exploitation.share"], Line(stdout, "44.6%"));
        Assert.Equal(["wrong (article)", "National context ¶1", "an 32% increase", "a 32% increase"], Line(stdout, "an 32% increase")[..4]);
        Assert.Contains("56 figures: 54 ok, 1 wrong, 0 not found, 1 cannot be checked; 1 wrong article before a figure", stdout);
    }

    [Fact]
    public void A_statement_whose_figures_are_all_right_exits_0()
    {
        var path = Path.Combine(_folder, "statement.md");
        File.WriteAllText(path, File.ReadAllText(Published).Replace("44.6%", "44.4%", StringComparison.Ordinal).Replace("an 32%", "a 32%", StringComparison.Ordinal));
        var (code, stdout, _) = Run(path);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("56 figures: 55 ok, 0 wrong, 0 not found, 1 cannot be checked", stdout);
    }

    // The line whose "as written" column is exactly that: verdict, as written, as computed, fact.
    static string[] Written(string stdout, string written) =>
        stdout.Split('\n').Select(l => l.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Single(c => c.Length >= 3 && c[2] == written) is var c ? [c[0], c[2], c.Length > 3 ? c[3] : "", c.Length > 4 ? c[4] : ""] : [];

    [Fact]
    public void Fewer_than_n_and_c_are_checked_against_the_run_with_the_same_suppress_below()
    {
        // docs/disclosure.md's hand-worked Stockport case under --suppress-below 5: Vietnamese 3 reads "fewer than 5",
        // Indian 5 reads [c] (34 - 16 - 10 - 3 would give the 3 back). Planted: British (16) as "less than 5".
        var path = Path.Combine(_folder, "statement.md");
        File.WriteAllText(path, File.ReadAllText(Published)
            .Replace("- 3 (8.8%) were Vietnamese", "- fewer than 5 were Vietnamese", StringComparison.Ordinal)
            .Replace("- 5 (14.7%) were Indian.", "- [c] were Indian.", StringComparison.Ordinal)
            .Replace("- 16 (47.1%) were British.", "- less than 5 were British.", StringComparison.Ordinal));
        var (code, stdout, _) = Run(path, "--suppress-below", "5");
        Assert.Equal(ExitCodes.CheckFailed, code);
        Assert.Equal(["ok", "fewer than 5", "fewer than 5", "district.nationality.vietnamese"], Written(stdout, "fewer than 5"));
        Assert.Equal(["ok", "[c]", "[c]", "district.nationality.indian"], Written(stdout, "[c]"));
        Assert.Equal(["wrong", "less than 5", "16", "district.nationality.british"], Written(stdout, "less than 5"));

        // Without the option the run prints the counts: "fewer than 5" is still true of 3, [c] cannot be checked.
        (code, stdout, _) = Run(path);
        Assert.Equal(["ok", "fewer than 5", "3", "district.nationality.vietnamese"], Written(stdout, "fewer than 5"));
        Assert.Equal("cannot be checked", Written(stdout, "[c]")[0]);
    }

    [Fact]
    public void With_nrm_alone_the_national_figures_are_checked_and_the_districts_are_not_found()
    {
        var (code, stdout, _) = Run(Published, "--nrm", Path.Combine(Insights.Pipeline.Samples.Folder, "nrm", "nrm-2025-q2-tables-reconstructed.ods"));
        Assert.Equal(ExitCodes.CheckFailed, code);
        // The statement's 13 national figures (one the record, one "around two-thirds") and its 43 district figures.
        Assert.Contains("56 figures: 12 ok, 0 wrong, 43 not found, 1 cannot be checked; 1 wrong article before a figure", stdout);
    }

    [Theory]
    // The Q2 2025 sample: children were 1,000 of the 1,500 referrals for criminal exploitation (66.7%).
    [InlineData("around two-thirds", "ok")]
    [InlineData("more than half", "ok")]
    [InlineData("around half", "wrong")]
    [InlineData("nearly three-quarters", "wrong")]   // 8.3 points under: more than "nearly" allows
    [InlineData("less than a third", "wrong")]
    public void A_share_written_in_words_is_checked_against_the_computed_share(string written, string verdict)
    {
        var path = Path.Combine(_folder, "statement.md");
        File.WriteAllText(path, File.ReadAllText(Published).Replace("around two-thirds", written, StringComparison.Ordinal));
        var (_, stdout, _) = Run(path);
        Assert.Equal([verdict, written, "66.7% (1,000 of 1,500)", "national.exploitation-criminal-children"], Written(stdout, written));
    }

    [Fact]
    public void A_file_of_another_kind_is_an_input_error_naming_it()
    {
        var path = Path.Combine(_folder, "statement.pdf");
        File.WriteAllText(path, "%PDF-1.7");
        var (code, _, stderr) = Run(path);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Equal("error: statement.pdf: not a statement this can read (expected .docx, .md or .txt)", stderr.Trim());
    }

    [Fact]
    public void The_statement_is_required_and_the_context_rules_apply()
    {
        Assert.Equal(ExitCodes.Usage, Run().Code);
        var (code, _, stderr) = Run(Published, "--gmp", "extract.csv");
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--gmp without --nrm", stderr);
        Assert.Equal(ExitCodes.Usage, Run(Published, "--year", "2024/25", "--from", "2024-04-01", "--to", "2025-03-31").Code);
    }
}
