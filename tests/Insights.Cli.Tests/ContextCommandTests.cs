using System.Diagnostics;
using Insights.Cli;
using Insights.Sources;

namespace Insights.Tests;

public sealed class ContextCommandTests : IDisposable
{
    const string Header = "EnquiryId,DateLogged,District,ExploitationType,Age,Gender,Nationality";
    readonly string _folder = Directory.CreateTempSubdirectory("insights-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    string Out => Path.Combine(_folder, "out");

    // A published release (real figures, kept in data-samples/nrm): a run on your own extract needs an NRM input too.
    static string PublishedNrm => Insights.Pipeline.Samples.PathOf("nrm", "nrm-2023-q4-tables.ods");

    (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ContextCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The police extract's warnings on stderr, one a line (the NRM release's own come first).</summary>
    static string[] PoliceWarnings(string stderr) =>
        [.. stderr.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').Where(l => !l.StartsWith("warning nrm-", StringComparison.Ordinal))];

    string Csv(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Default_run_on_the_samples_writes_the_section_and_facts()
    {
        var (code, _, stderr) = Run("--out", Out);
        Assert.Equal(0, code);
        // The samples' only warnings are the small cells the council's practice prints (9 women: 5 adult, 4 under 18).
        Assert.All(PoliceWarnings(stderr), l => Assert.StartsWith("warning disclosure-risk: Stockport, April 2024 to March 2025, ", l));
        Assert.Contains("warning disclosure-risk: Stockport, April 2024 to March 2025, gender × age: ", stderr);
        Assert.Contains("Female, under 18 (4)", stderr);
        Assert.Equal(["current-trends.docx", "current-trends.html", "current-trends.md", "dashboard.html", "facts.json", "manifest.json", "report.html", "tables.ods", "tables.xlsx", "warnings.txt"],
            Directory.GetFiles(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["financial_year=2023-24", "financial_year=2024-25"],
            Directory.GetDirectories(Path.Combine(Out, "gmp-enquiries")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var md = File.ReadAllText(Path.Combine(Out, "current-trends.md"));
        Assert.StartsWith("> **SAMPLE DATA, not for publication: the police enquiries are a synthetic sample; the NRM release is a reconstructed sample.**\n\n## Current trends relating to modern slavery\n\n### National context\n", md);
        Assert.Contains("\n\n### Stockport context\n", md);
        Assert.Contains("These 36 accounted for 5.9% of the 612 enquiries across GM", md);
        Assert.Contains("\"printed\": \"44.4%\"", File.ReadAllText(Path.Combine(Out, "facts.json")));
    }

    [Fact]
    public void Stage_times_are_printed_only_when_asked_and_hold_no_data()
    {
        var (_, plainOut, plain) = Run("--out", Out);
        Assert.DoesNotContain(" ms", plain + plainOut);
        var (code, stdout, stderr) = Run("--out", Out, "--stage-times");
        Assert.Equal(0, code);
        Assert.Equal(plainOut, stdout);
        // Beside the run's own warnings, one line per stage: a stage's name, its time and the JIT's work in it.
        var lines = stderr.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').Where(l => !l.StartsWith("warning ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["runtime start, command line", "police extract", "district figures", "disclosure risks", "templates", "district text", "national (NRM)",
            "charts", "current-trends.docx", "current-trends.html", "report.html", "facts.json, manifest.json", "Parquet tables", "dashboard.html",
            "tables.ods, tables.xlsx", "commit", "total"], lines.Select(l => l[..l.IndexOf("  ", StringComparison.Ordinal)].TrimEnd()));
        Assert.All(lines, l => Assert.Matches(@"^[a-zA-Z(),. -]+ +\d+ ms  \(JIT: +\d+ methods, +\d+ ms\)$", l));
    }

    [Fact]
    public void Publish_writes_the_dashboard_for_publication_and_the_default_marks_it_official_sensitive()
    {
        Assert.Equal(0, Run("--out", Out).Code);
        Assert.Contains("OFFICIAL-SENSITIVE: do not publish", File.ReadAllText(Path.Combine(Out, "dashboard.html")));
        var published = Path.Combine(_folder, "published");
        Assert.Equal(0, Run("--publish", "--out", published).Code);
        var html = File.ReadAllText(Path.Combine(published, "dashboard.html"));
        Assert.Contains("\"mode\":\"publish\"", html);
        Assert.DoesNotContain("OFFICIAL-SENSITIVE", html);
        // --publish changes the dashboard only: the section is the same text.
        Assert.Equal(File.ReadAllText(Path.Combine(Out, "current-trends.md")), File.ReadAllText(Path.Combine(published, "current-trends.md")));
    }

    [Fact]
    public void Outputs_hold_no_row_level_data()
    {
        // Personal data rule: no enquiry id or date logged of any row may reach an output file.
        Run("--out", Out);
        var outputs = string.Concat(Directory.GetFiles(Out).Select(File.ReadAllText));
        var rows = Insights.Sources.Csv.CsvReader.ReadFile(Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv")).Skip(1).ToList();
        Assert.DoesNotContain("SYN-", outputs);
        // The period's own first and last days appear in the facts' filters; no other date may.
        string[] periodBounds = ["2023-04-01", "2024-03-31", "2024-04-01", "2025-03-31"];
        // Ordinal search: the report inlines plotly.js (megabytes), and a culture-aware search of it takes a minute.
        Assert.All(rows.Select(r => r.Fields[1]).Distinct().Except(periodBounds),
            date => Assert.False(outputs.Contains(date, StringComparison.Ordinal), $"an enquiry's date logged ({date}) reached an output"));
    }

    [Fact]
    public void Same_inputs_give_byte_identical_outputs()
    {
        // Every file, Word, report and Parquet tables included: zip and Parquet writers stamp times unless told not to.
        List<string> Files() => Directory.GetFiles(Out, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(Out, f) + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            .ToList();
        Run("--out", Out);
        var first = Files();
        Thread.Sleep(1100); // past a one-second timestamp resolution
        Run("--out", Out);
        var second = Files();
        Assert.Contains(first, f => f.Contains(".parquet ", StringComparison.Ordinal));
        Assert.Contains(first, f => f.Contains(".docx ", StringComparison.Ordinal));
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_German_or_Turkish_machine_writes_the_same_files()
    {
        // Analysts' laptops have many cultures: "5,690" must not become "5.690", nor "44.4%" "44,4 %".
        string Section(string culture)
        {
            var before = System.Globalization.CultureInfo.CurrentCulture;
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
            try
            {
                Run("--out", Out);
                return File.ReadAllText(Path.Combine(Out, "current-trends.md")) + File.ReadAllText(Path.Combine(Out, "facts.json"));
            }
            finally { System.Globalization.CultureInfo.CurrentCulture = before; }
        }
        // The machine must really have German number formats, or this test could not fail.
        Assert.Equal("5.690", 5690.ToString("N0", new System.Globalization.CultureInfo("de-DE")));
        var british = Section("en-GB");
        Assert.Contains("5,690", british);
        Assert.Equal(british, Section("de-DE"));
        Assert.Equal(british, Section("tr-TR"));
    }

    [Fact]
    public void District_year_and_top_options_change_the_section()
    {
        var (code, _, _) = Run("--district", "  trafford ", "--year", "2023/24", "--top", "2", "--out", Out);
        Assert.Equal(0, code);
        var md = File.ReadAllText(Path.Combine(Out, "current-trends.md"));
        Assert.Contains("### Trafford context", md);
        Assert.Contains("Between April 2023 and March 2024", md);
        Assert.Contains("logged 22 modern slavery enquiries relating to Trafford", md);
    }

    [Fact]
    public void Min_base_1_prints_the_percentages_of_small_bases_as_the_council_does()
    {
        // Stockport, 1 to 5 April 2024 in the sample: 1 enquiry of the 9 across GM (1 of 9 = 11.1%).
        var (code, _, _) = Run("--from", "2024-04-01", "--to", "2024-04-05", "--out", Out);
        Assert.Equal(0, code);
        Assert.DoesNotContain("11.1%", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
        Directory.Delete(Out, true);
        (code, _, _) = Run("--from", "2024-04-01", "--to", "2024-04-05", "--min-base", "1", "--out", Out);
        Assert.Equal(0, code);
        Assert.Contains("This enquiry accounted for 11.1% of the 9 enquiries across GM", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
        Assert.Contains("\"minBase\": \"1\"", File.ReadAllText(Path.Combine(Out, "manifest.json")));
    }

    [Fact]
    public void From_and_to_give_an_arbitrary_period()
    {
        // The second half of 2024/25: 6 months, compared with the 6 months before.
        var (code, _, _) = Run("--from", "2024-10-01", "--to", "31/03/2025", "--out", Out);
        Assert.Equal(0, code);
        var md = File.ReadAllText(Path.Combine(Out, "current-trends.md"));
        Assert.Contains("Between October 2024 and March 2025", md);
        Assert.Contains("in the preceding period of the same length)", md);
    }

    [Fact]
    public void Columns_option_reads_a_differently_headed_extract_and_warnings_go_to_stderr_one_a_line()
    {
        var data = Csv("renamed.csv", "Ref,When,Division,ExploitationType,Age,Gender,Nationality\n" +
            "A,2024-05-01,Bury,Forced begging,,,\nB,2024-05-02,Bury,Labour exploitation,30,Male,Polish\n");
        var map = Csv("map.json", """{"columns": {"EnquiryId": "Ref", "DateLogged": "When", "District": "Division"}}""");
        var (code, _, stderr) = Run("--nrm", PublishedNrm, "--gmp", data, "--columns", map, "--district", "Bury", "--year", "2024/25", "--out", Out);
        Assert.Equal(0, code);
        // Two enquiries: the small cells are disclosure risks (docs/disclosure.md), listed after the extract's own warnings.
        var lines = PoliceWarnings(stderr).Where(l => !l.StartsWith("warning disclosure-risk:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal("warning gmp-unknown-exploitation-type: renamed.csv: ExploitationType values not in GMP's list, kept as categories of their own: 'Forced begging' (1)", lines[0]);
        // The extract holds 2024/25 only, so "0 in the previous year" would be missing data, not a fact.
        Assert.StartsWith("warning gmp-previous-period-not-covered: the extract's earliest date logged is after the previous period began", lines[1]);
        // 1 of 2: a base under 10, so the count without a percentage (--min-base).
        Assert.Contains("- Forced begging (1).", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
    }

    [Theory]
    [InlineData("A,2024-05-01,Bury,Unknown,old,,", "row 2, column E (Age)")]
    [InlineData("A,2024-13-01,Bury,Unknown,,,", "row 2, column B (DateLogged)")]
    [InlineData("A,2024-05-01,Narnia,Unknown,,,", "row 2, column C (District)")]
    public void Bad_input_leaves_the_previous_output_untouched(string row, string where)
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "current-trends.md"), "last quarter's text");
        var bad = Csv("bad.csv", Header + "\n" + row + "\n");
        var e = Assert.Throws<InputException>(() => Run("--nrm", PublishedNrm, "--gmp", bad, "--out", Out));
        Assert.Contains($"bad.csv, {where}", e.Message);
        Assert.Equal(["current-trends.md"], Directory.GetFiles(Out).Select(Path.GetFileName));
        Assert.Equal("last quarter's text", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).Where(n => n!.Contains("out", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("--year", "2024/26", "--year: '2024/26' is not a financial year (expected e.g. 2024/25)")]
    [InlineData("--top", "0", "--top: '0' is not a number from 1 to 20")]
    [InlineData("--min-base", "0", "--min-base: '0' is not a number from 1 to 1000")]
    [InlineData("--from", "2024-01-01", "--from and --to go together")]
    [InlineData("--bogus", "x", "Unrecognized command or argument '--bogus'")]
    public void Bad_options_are_usage_errors(string option, string value, string message)
    {
        var (code, _, stderr) = Run(option, value, "--out", Out);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Year_and_range_together_are_refused()
    {
        var (code, _, stderr) = Run("--year", "2024/25", "--from", "2024-04-01", "--to", "2024-06-30");
        Assert.Equal(2, code);
        Assert.Contains("give either --year or --from/--to, not both", stderr);
    }

    [Fact]
    public void Help_lists_every_option()
    {
        var (code, stdout, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--gmp", "--district", "--year", "--from", "--to", "--columns", "--out", "--templates", "--top" })
            Assert.Contains(option, stdout);
    }

    [Fact]
    public void The_program_exits_1_with_a_one_line_error_for_a_missing_file()
    {
        // The real executable: exit code and stderr as a user sees them (no stack trace).
        var cli = Path.Combine(AppContext.BaseDirectory, "Insights.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _folder };
        foreach (var a in new[] { cli, "context", "--nrm", PublishedNrm, "--gmp", Path.Combine(_folder, "missing.csv"), "--out", Out }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(1, p.ExitCode);
        Assert.Equal("error: missing.csv: file not found", stderr.TrimEnd());
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Without_year_the_year_of_the_latest_date_is_used_and_a_mid_year_extract_is_flagged()
    {
        // An extract taken in August 2024: 2024/25 is chosen, and the analyst is told it is incomplete.
        var data = Csv("mid.csv", Header + "\nA,2024-03-31,Bury,Unknown,,,\nB,2024-08-01,Bury,Unknown,,,\n");
        var (code, _, stderr) = Run("--nrm", PublishedNrm, "--gmp", data, "--district", "Bury", "--out", Out);
        Assert.Equal(0, code);
        Assert.StartsWith("warning gmp-partial-year: no enquiry was logged on or after 2025-02-28, so 2024/25 may be incomplete", PoliceWarnings(stderr)[0]);
        // The extract starts on the last day of 2023/24: its previous-year count is not a fact the text may state.
        Assert.Contains("logged 1 modern slavery enquiry relating to Bury ([Author: the number in the previous year; the extract does not cover April 2023 to March 2024]).", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
    }

    [Fact]
    public void A_mistyped_future_year_is_an_error_not_a_default_year_of_zeros()
    {
        // A review found 2204-04-04 choosing 2204/05 as the default year and a section of zeros, exit 0.
        var data = Csv("typo.csv", Header + "\nA,2024-05-01,Bury,Unknown,,,\nB,2204-04-04,Bury,Unknown,,,\n");
        var e = Assert.Throws<InputException>(() => Run("--nrm", PublishedNrm, "--gmp", data, "--district", "Bury", "--out", Out));
        Assert.StartsWith("typo.csv, row 3, column B (DateLogged): a date after the date of this run", e.Message);
        Assert.DoesNotContain("2204", e.Message);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Default_year_with_no_enquiries_for_the_district_is_an_error_not_a_section_of_zeros()
    {
        var data = Csv("bury.csv", Header + "\nA,2024-05-01,Bury,Unknown,,,\nB,2025-03-30,Bury,Unknown,,,\n");
        var e = Assert.Throws<InputException>(() => Run("--nrm", PublishedNrm, "--gmp", data, "--out", Out)); // Stockport by default
        Assert.Equal("bury.csv: no enquiries for Stockport from 2024-04-01 to 2025-03-31, the year of the latest date logged (check --district and the extract, or give --year or --from/--to)", e.Message);
        Assert.False(Directory.Exists(Out));
        // Asked for explicitly, the year is reported (with a warning), as the user chose it.
        var (code, _, stderr) = Run("--nrm", PublishedNrm, "--gmp", data, "--year", "2024/25", "--out", Out);
        Assert.Equal(0, code);
        Assert.Contains("warning gmp-no-district-enquiries", stderr);
    }

    [Fact]
    public void Previous_year_outside_the_extract_is_left_to_the_author_not_printed_as_0()
    {
        // A review found "(0 in the previous year)" in the text while a warning said the count was wrong.
        var data = Csv("one-year.csv", Header + "\nA,2024-05-01,Bury,Unknown,,,\nB,2025-03-30,Bury,Unknown,,,\n");
        var (code, _, stderr) = Run("--nrm", PublishedNrm, "--gmp", data, "--district", "Bury", "--min-base", "1", "--out", Out);
        Assert.Equal(0, code);
        Assert.Contains("warning gmp-previous-period-not-covered", stderr);
        var text = File.ReadAllText(Path.Combine(Out, "current-trends.md"));
        Assert.Contains("logged 2 modern slavery enquiries relating to Bury ([Author: the number in the previous year; the extract does not cover April 2023 to March 2024]). These 2 accounted", text);
        Assert.DoesNotContain("in the previous year)", text);
        Assert.DoesNotContain("district.enquiries.previous-period", File.ReadAllText(Path.Combine(Out, "facts.json")));
    }

    [Fact]
    public void A_tie_at_the_top_nationalities_cut_off_is_named_whole_in_the_text_and_in_a_warning()
    {
        // Stockport 2024/25 in the sample: British 16, Indian 5, Vietnamese 3, then Albanian, Eritrean, Romanian 2 each.
        // --top 4 would list Albanian only because of the alphabet: all three are named together instead.
        var (code, _, stderr) = Run("--top", "4", "--out", Out);
        Assert.Equal(0, code);
        Assert.Contains("warning gmp-nationality-tie: 3 nationalities tie with 2 enquiries each at the top-4 cut-off (Albanian, Eritrean, Romanian); the text names them together in one bullet, so it lists 6 nationalities; --top 3 would count the tied ones among other nationalities", stderr);
        Assert.Contains("- Albanian, Eritrean and Romanian, 2 each (5.9% each).", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
        // No tie is split at --top 3 (Vietnamese 3, next 2) or --top 6.
        Assert.DoesNotContain("gmp-nationality-tie", Run("--top", "3", "--out", Out).Stderr);
        Assert.DoesNotContain("gmp-nationality-tie", Run("--top", "6", "--out", Out).Stderr);
    }

    [Fact]
    public void One_enquiry_is_printed_as_1_enquiry()
    {
        var (code, stdout, _) = Run("--from", "2024-04-01", "--to", "2024-04-05", "--out", Out);
        Assert.Equal(0, code);
        Assert.Contains("Stockport, 2024-04-01 to 2024-04-05: 1 enquiry; wrote", stdout);
    }

    [Fact]
    public void An_edited_template_changes_the_wording_without_recompiling()
    {
        var templates = Directory.CreateDirectory(Path.Combine(_folder, "templates")).FullName;
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "district-context.sbn"));
        // A templates folder holds the whole section's templates: the national one unchanged.
        File.Copy(Path.Combine(AppContext.BaseDirectory, "templates", "national-context.sbn"), Path.Combine(templates, "national-context.sbn"));
        File.WriteAllText(Path.Combine(templates, "district-context.sbn"),
            original.Replace("modern slavery {{ EnquiriesNoun }} relating to", "{{ EnquiriesNoun }} about modern slavery in", StringComparison.Ordinal));
        var (code, _, _) = Run("--templates", templates, "--out", Out);
        Assert.Equal(0, code);
        Assert.Contains("logged 36 enquiries about modern slavery in Stockport", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
    }

    [Fact]
    public void A_period_with_no_enquiries_at_all_is_an_input_error_not_an_empty_section()
    {
        // Usually a wrong --year or the wrong file: a section of zeros would look like a real finding.
        var e = Assert.Throws<InputException>(() => Run("--year", "2021/22", "--out", Out));
        Assert.Contains("no enquiries logged from 2021-04-01 to 2022-03-31", e.Message);
        Assert.False(Directory.Exists(Out));
    }

    // 25 April, 4 May and 20 May 2024 as a US system writes them; day first, 05/04/2024 would be 5 April.
    string UsDated() => Csv("us.csv", Header + "\nA,04/25/2024,Bury,Unknown,,,\nB,05/04/2024,Bury,Unknown,,,\nC,05/20/2024,Bury,Unknown,,,\n");

    [Fact]
    public void A_US_dated_extract_is_refused_without_date_format_naming_the_row_and_the_option()
    {
        var e = Assert.Throws<InputException>(() => Run("--nrm", PublishedNrm, "--gmp", UsDated(), "--district", "Bury", "--out", Out));
        Assert.StartsWith("us.csv, row 2, column B (DateLogged): a date written month first", e.Message);
        Assert.Contains("give --date-format MM/dd/yyyy", e.Message);
        Assert.DoesNotContain("04/25", e.Message);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Date_format_MM_dd_yyyy_reads_a_US_dated_extract_month_first()
    {
        // May 2024 holds 4 May and 20 May: two enquiries (day first, 05/04/2024 would be April and 05/20 no date at all).
        var (code, stdout, _) = Run("--nrm", PublishedNrm, "--gmp", UsDated(), "--date-format", "MM/dd/yyyy", "--district", "Bury",
            "--from", "2024-05-01", "--to", "2024-05-31", "--out", Out);
        Assert.Equal(0, code);
        Assert.Contains("Bury, 2024-05-01 to 2024-05-31: 2 enquiries; wrote", stdout);
    }

    [Theory]
    [InlineData("dd/MM/yyyy", "not a date (expected dd/MM/yyyy, as --date-format says, yyyy-MM-dd or an Excel date)")]
    [InlineData("yyyy-MM-dd", "not a date (expected yyyy-MM-dd, as --date-format says, or an Excel date)")]
    public void A_date_format_that_does_not_fit_the_column_stops_at_the_first_date_it_cannot_read(string format, string message)
    {
        var e = Assert.Throws<InputException>(() => Run("--nrm", PublishedNrm, "--gmp", UsDated(), "--date-format", format, "--district", "Bury", "--out", Out));
        Assert.Equal($"us.csv, row 2, column B (DateLogged): {message}", e.Message);
    }

    [Fact]
    public void An_unknown_date_format_is_a_usage_error_before_the_extract_is_read()
    {
        var (code, _, stderr) = Run("--nrm", PublishedNrm, "--gmp", UsDated(), "--date-format", "dd.MM.yyyy", "--out", Out);
        Assert.Equal(2, code);
        Assert.Contains("--date-format: 'dd.MM.yyyy' is not a date format (expected dd/MM/yyyy, MM/dd/yyyy or yyyy-MM-dd)", stderr);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Date_format_without_an_extract_is_a_usage_error()
    {
        var (code, _, stderr) = Run("--date-format", "MM/dd/yyyy", "--out", Out);
        Assert.Equal(2, code);
        Assert.Contains("--date-format says how the extract given with --gmp writes its dates: give it with --gmp", stderr);
        Assert.False(Directory.Exists(Out));
    }
}
