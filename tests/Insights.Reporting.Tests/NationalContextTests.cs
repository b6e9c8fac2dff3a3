using Insights.Breakdowns;
using Insights.Model;
using Insights.Narrative;
using Insights.Sources.Nrm;

namespace Insights.Tests;

/// <summary>
/// The national figures and paragraph. Oracles: the Stockport statement's national context (2025 Q2, on the
/// reconstructed release) and the Home Office bulletins (2023 Q1 and Q4, on the real figures).
/// </summary>
public class NationalContextTests
{
    static string SamplePath(string name) => Insights.Pipeline.Samples.PathOf("nrm", name);

    static NationalContext Q2_2025() => National.Compute(NrmLoader.Load([SamplePath(NrmSampleWorkbooks.Q2_2025)]));

    static TemplateLibrary Templates => new(Path.Combine(AppContext.BaseDirectory, "templates"));

    // The statement: 5,690 referrals; a 7% increase on the previous quarter (5,295); a 32% increase on April to
    // June 2024 (4,312): 395 / 5,295 = 7.46% and 1,378 / 4,312 = 31.96%.
    [Fact]
    public void Q2_2025_totals_and_changes_match_the_statement()
    {
        var c = Q2_2025();
        Assert.Equal(5690, c.Referrals);
        Assert.Equal((5295, 7m), (c.VersusPreviousQuarter!.Previous, c.VersusPreviousQuarter.RoundedPercent(0)!.Value));
        Assert.Equal((4312, 32m), (c.VersusSameQuarterLastYear!.Previous, c.VersusSameQuarterLastYear.RoundedPercent(0)!.Value));
        Assert.Equal(0, c.FirstResponderShortfall);
    }

    // UK 1,309 / 5,690 = 23.0%; Eritrean 640 = 11.2% and Vietnamese 612 = 10.8% both print 11%, and Eritrean comes
    // first because the rank is by count, not by the rounded share.
    [Fact]
    public void Q2_2025_top_nationalities_rank_by_count_not_rounded_share()
    {
        var top = Q2_2025().TopNationalities;
        Assert.Equal([("UK", 1309, "23%"), ("Eritrean", 640, "11%"), ("Vietnamese", 612, "11%")],
            top.Select(t => (t.Nationality, t.Share.Numerator, t.Share.Format(0))));
    }

    // 3,738 adults and 1,602 children of 5,340 with age known: 70.0% and 30.0%. UK nationals: 1,008 of 1,309
    // children (77.0%). Criminal exploitation: 1,000 of 1,500 children (66.7%), "around two-thirds".
    [Fact]
    public void Q2_2025_age_splits_match_the_statement()
    {
        var c = Q2_2025();
        Assert.Equal(("70%", "30%"), (c.AdultsWhereAgeKnown!.Format(0), c.ChildrenWhereAgeKnown!.Format(0)));
        Assert.Equal(5340, c.AdultsWhereAgeKnown.Denominator);
        Assert.Equal((1008, 1309, "77%"), (c.UkNationalsWhoWereChildren!.Numerator, c.UkNationalsWhoWereChildren.Denominator, c.UkNationalsWhoWereChildren.Format(0)));
        var criminal = Assert.Single(c.ExploitationTypes, e => e.MostlyChildren);
        Assert.Equal(("Criminal", 1000, 1500), (criminal.ExploitationType.Label, criminal.Children.Numerator, criminal.Children.Denominator));
        Assert.Equal("around two-thirds", NationalWording.AsFraction(criminal.Children));
        Assert.All(c.ExploitationTypes.Where(e => !e.MostlyChildren), e => Assert.True(e.Adults.Percent > 50m, e.ExploitationType.Label));
    }

    // Typed by hand from the statement's national context (lines 69-77): "an 32%" corrected to "a 32%"; the link
    // given its address; without the record sentence (only one release is loaded by default, so no record over the
    // loaded quarters can be shown, and "since the NRM began" needs data we do not have) and without the county
    // lines remark (the author's knowledge, not a figure).
    [Fact]
    public void Q2_2025_national_paragraph_matches_the_golden_text()
    {
        var expected = File.ReadAllText(Path.Combine(Insights.Pipeline.Samples.RepositoryRoot, "tests", "Insights.Reporting.Tests", "Golden", "national-context.md"))
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        var actual = NationalNarrative.Build(Q2_2025()).Render(Templates);
        Assert.Equal(expected, actual);
    }

    // The bulletin's wording for Q4 2023: "a similar number to the preceding quarter (4,131) and a 6% decrease from
    // October to December 2022 (4,413)"; UK (27%), Albanian (19%), Vietnamese (6%).
    [Fact]
    public void Q4_2023_paragraph_says_similar_and_a_6_percent_decrease()
    {
        var text = NationalNarrative.Build(National.Compute(NrmLoader.Load([SamplePath(NrmSampleWorkbooks.Q4_2023)]))).Render(Templates);
        Assert.Contains("received 4,142 referrals", text);
        Assert.Contains("This represents a similar number of referrals to the previous quarter (4,131) and a 6% decrease from October to December 2022 (4,413).", text);
        Assert.Contains("UK (27% of referrals), Albanian (19%) and Vietnamese (6%)", text);
    }

    [Fact]
    public void Every_figure_in_the_paragraph_is_a_fact()
    {
        var narrative = NationalNarrative.Build(Q2_2025());
        var printed = narrative.Facts.Select(f => f.Printed).ToHashSet();
        foreach (var figure in new[] { "5,690", "5,295", "4,312", "7% increase", "32% increase", "23%", "11%", "70%", "30%", "77%" })
            Assert.Contains(figure, printed);
        var criminal = Assert.Single(narrative.Facts, f => f.Id == "national.exploitation-criminal-children");
        Assert.Equal((1000, 1500, "66.7%"), (criminal.Numerator!.Value, criminal.Denominator!.Value, criminal.Printed));
        Assert.All(narrative.Facts, f => Assert.Contains("April to June 2025 release", f.Source!));
        Assert.Contains("nrm-2025-q2-tables-reconstructed.ods", narrative.Facts[0].Source!);
    }

    // A record needs the history: loading the 2023 Q1 and Q4 releases with 2025 Q2 gives three quarters of UK
    // counts (1,163; 1,138; 1,309), so 2025 Q2 is the highest of those loaded, 13% above 2023 Q1 (146 / 1,163 =
    // 12.55%). Said over the loaded quarters only, never "since the NRM began".
    [Fact]
    public void Uk_record_is_not_claimed_over_quarters_with_gaps()
    {
        // Review finding: 2023 Q1, 2023 Q4 and 2025 Q2 loaded gave "the largest number ... of the 3 quarters loaded",
        // although seven quarters between them were not loaded and any of them could have been higher.
        Assert.Null(Q2_2025().UkRecord);
        var history = NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm")]);
        Assert.Null(National.Compute(history).UkRecord);
        Assert.DoesNotContain("largest number of referrals for UK nationals", NationalNarrative.Build(National.Compute(history)).Render(Templates));
    }

    [Fact]
    public void Uk_record_over_consecutive_quarters_is_said_with_its_span_in_words()
    {
        // The statement's record, as far as loaded releases can support it: 1,309 in 2025 Q2 against 1,235 in 2025 Q1
        // (74 / 1,235 = 5.99%, so "6%"), over four consecutive quarters.
        var q = new Quarter(2025, 2);
        var record = new NationalRecord("UK", q, 1309, q.Previous, 1235, new Change(1309, 1235, "previous highest"), new Quarter(2024, 3), 4);
        var text = NationalNarrative.Build(Q2_2025() with { UkRecord = record }).Render(Templates);
        Assert.Contains("This quarter saw the largest number of referrals for UK nationals of the four consecutive quarters loaded (since July to September 2024), increasing 6% from the previous highest (in the previous quarter).", text);
    }

    [Theory]
    [InlineData(new[] { "2024 Q3", "2024 Q4", "2025 Q1", "2025 Q2" }, "2024 Q3", 4)]
    [InlineData(new[] { "2023 Q1", "2023 Q4", "2025 Q2" }, "2025 Q2", 1)]        // the samples: no run at all
    [InlineData(new[] { "2023 Q4", "2024 Q1", "2025 Q1", "2025 Q2" }, "2025 Q1", 2)] // the run stops at the gap
    public void A_record_runs_back_over_consecutive_quarters_only(string[] loaded, string first, int count) =>
        Assert.Equal((Quarter.Parse(first), count),
            National.ConsecutiveRunEndingAt(loaded.Select(Quarter.Parse).ToList(), new Quarter(2025, 2)));
}

public class NationalWordingTests
{
    // "an" where the number is read with a vowel sound first: eight, eleven, eighteen, eighty, eight hundred.
    [Theory]
    [InlineData(8, "an")]
    [InlineData(11, "an")]
    [InlineData(18, "an")]
    [InlineData(80, "an")]
    [InlineData(86, "an")]
    [InlineData(800, "an")]
    [InlineData(11000, "an")]
    [InlineData(1, "a")]
    [InlineData(7, "a")]
    [InlineData(32, "a")]
    [InlineData(110, "a")]
    [InlineData(180, "a")]
    public void Article_before_a_number_follows_how_it_is_said(int number, string article) =>
        Assert.Equal(article, NationalWording.Article(number));

    [Theory]
    [InlineData(5690, 5295, "a 7% increase")]     // statement
    [InlineData(5690, 4312, "a 32% increase")]    // statement, where it printed "an 32%"
    [InlineData(108, 100, "an 8% increase")]
    [InlineData(89, 100, "an 11% decrease")]
    [InlineData(82, 100, "an 18% decrease")]
    [InlineData(4142, 4413, "a 6% decrease")]     // Q4 2023 bulletin
    [InlineData(4142, 4131, null)]                // +0.27% rounds to 0: "similar"
    [InlineData(995, 1000, "a 1% decrease")]      // -0.5% rounds half away from zero to -1
    public void Change_is_worded_with_its_article_or_similar(int current, int previous, string? expected) =>
        Assert.Equal(expected, NationalWording.ChangePhrase(new Change(current, previous, "previous")));

    [Theory]
    [InlineData(1000, 1500, "around two-thirds")]  // 66.67%: the statement's criminal exploitation
    [InlineData(3, 4, "around three-quarters")]
    [InlineData(51, 100, "around half")]
    [InlineData(1, 3, "around a third")]
    [InlineData(72, 100, "72%")]                   // no common fraction within a point: the percentage
    [InlineData(77, 100, "77%")]
    public void Share_is_phrased_as_a_common_fraction_when_close(int n, int d, string expected) =>
        Assert.Equal(expected, NationalWording.AsFraction(Share.Of(n, d, "test")));

    static readonly NrmRelease Q4_2023 = new(new Quarter(2023, 4), new DateOnly(2024, 3, 7));

    // The domain hands over numbers; the words (and the option's name) are the wording module's, written out in full here.
    [Fact]
    public void National_warnings_are_worded_with_their_numbers_and_editions()
    {
        Assert.Equal("warning nrm-revision: 2022 Q4: 4,416 → 4,413 referrals (revised from the 2023 Q1 release published 4 May 2023 to the 2023 Q4 release published 7 March 2024)",
            NationalWording.Warning(new NrmRevised(new Quarter(2022, 4),
                new NrmRevision(new Quarter(2022, 4), new NrmRelease(new Quarter(2023, 1), new DateOnly(2023, 5, 4)), 4416),
                new NrmRevision(new Quarter(2022, 4), Q4_2023, 4413))).ToString());
        // An edition without a publication date is named by its quarter alone.
        Assert.Equal("2023 Q1: 4,746 → 4,738 referrals (revised from the 2023 Q1 release to the 2023 Q4 release)",
            NationalWording.Warning(new NrmRevised(new Quarter(2023, 1),
                new NrmRevision(new Quarter(2023, 1), new NrmRelease(new Quarter(2023, 1)), 4746),
                new NrmRevision(new Quarter(2023, 1), new NrmRelease(new Quarter(2023, 4)), 4738))).Message);
        Assert.Equal("the first-responder tables of the 2023 Q4 release sum to 4,141, 1 fewer than the 4,142 referrals in the referrals-by-quarter table; " +
            "nationality, gender and exploitation shares are of all 4,142 referrals, as the bulletin gives them",
            NationalWording.Warning(new FirstResponderTotalDiffers(Q4_2023, 4141, 4142)).Message);
        Assert.Equal("the first-responder tables of the 2023 Q4 release sum to 4,141, 41 more than the 4,100 given with --bulletin-total",
            NationalWording.Warning(new BulletinTotalDiffersFromFirstResponder(Q4_2023, 4141, 4100)).Message);
        Assert.Equal("the referrals-by-quarter table of the 2023 Q4 release gives 4,142 for 2023 Q4, not the 4,100 given with --bulletin-total; the text prints the table's 4,142 (check the quarter and the edition)",
            NationalWording.Warning(new BulletinTotalDiffersFromSeries(Q4_2023, new Quarter(2023, 4), 4142, 4100)).Message);
        Assert.Equal("the 2023 Q4 release was loaded without its referrals-by-quarter table: the total is the bulletin's 4,142 (--bulletin-total), the age split comes from the first-responder tables, and no change on earlier quarters can be stated",
            NationalWording.Warning(new SeriesNotLoaded(Q4_2023, 4142, 4142)).Message);
        Assert.StartsWith("the 2023 Q4 release was loaded without its referrals-by-quarter table: the total (4,141) and age split come from the first-responder tables,",
            NationalWording.Warning(new SeriesNotLoaded(Q4_2023, 4141, null)).Message);
    }

    [Theory]
    [InlineData(1, "1 count in the 2023 Q4 release is published as shorthand (missing, with a reason) and is left out of sums, not read as 0")]
    [InlineData(2, "2 counts in the 2023 Q4 release are published as shorthand (missing, with a reason) and are left out of sums, not read as 0")]
    public void Missing_counts_are_worded_singular_or_plural(int missing, string expected) =>
        Assert.Equal(expected, NationalWording.Warning(new CountsMissing(Q4_2023, missing)).Message);

    // An input problem is one line naming where (the option, or the release's files) and what was loaded.
    [Fact]
    public void National_input_problems_name_the_option_or_the_files()
    {
        var quarter = NationalWording.Error(new NrmQuarterNotLoaded(new Quarter(2024, 3), [new Quarter(2023, 1), new Quarter(2023, 4)]));
        Assert.Equal("--quarter: no 2024 Q3 release was loaded (loaded: 2023 Q1, 2023 Q4)", quarter.Message);
        var total = NationalWording.Error(new NrmQuarterTotalMissing(Q4_2023, new Quarter(2023, 4), ["/in/a.csv", "/in/b.csv"]));
        Assert.Equal("a.csv, b.csv: the 2023 Q4 release has no count of referrals for 2023 Q4 (neither the referrals-by-quarter table nor the first-responder tables)", total.Message);
        var year = NationalWording.Error(new NationalYearNotLoaded(ReferralYear.OfFinancialYear(new FinancialYear(2023)),
            [new NrmSeriesLoaded(new Quarter(2023, 1), null), new NrmSeriesLoaded(new Quarter(2023, 4), new Quarter(2023, 4))]));
        Assert.Equal("--national-year: no release loaded holds all four quarters of 2023/24 (2023 Q2 to 2024 Q1) in its referrals-by-quarter table (loaded: 2023 Q1 release, no series, 2023 Q4 release, series to 2023 Q4)", year.Message);
        Assert.Equal("--nrm-area: no release loaded has the referrals by county or police force area table (it is published from 2025; loaded: 2023 Q4)",
            NationalWording.Error(new NrmAreaTableNotLoaded([new Quarter(2023, 4)])).Message);
    }
}

public class NationalFactTests
{
    // The text says "around two-thirds"; facts.json keeps 1,000 / 1,500 = 66.7% and says how it was worded.
    [Fact]
    public void Fraction_in_the_text_is_an_exact_share_in_the_facts()
    {
        var narrative = NationalNarrative.Build(National.Compute(NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm", NrmSampleWorkbooks.Q2_2025)])));
        var fact = Assert.Single(narrative.Facts, f => f.Id == "national.exploitation-criminal-children");
        Assert.Equal("66.7%", fact.Printed);
        Assert.Contains("(in the text: \"around two-thirds\")", fact.Description);
        var change = Assert.Single(narrative.Facts, f => f.Id == "national.change-on-same-quarter-last-year");
        Assert.Equal(("32% increase", 1378, 4312), (change.Printed, change.Numerator!.Value, change.Denominator!.Value));
        Assert.Equal("quarter = 2025 Q2 against 2024 Q2; all referrals", change.Filter);
    }

    [Fact]
    public void All_types_of_exploitation_is_not_claimed_when_a_combined_type_is_mostly_children()
    {
        // Review finding on the real Q4 2023 release: Sexual & Criminal is 56 of 66 children, so "adults made up the
        // majority for all types, with one exception" was false; the sentence now speaks of single types.
        var text = NationalNarrative.Build(National.Compute(NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm", "nrm-2023-q4-tables.ods")])))
            .Render(new TemplateLibrary(Path.Combine(AppContext.BaseDirectory, "templates")));
        Assert.Contains("Adults made up the majority of referrals for each single type of exploitation, with one exception – children (aged 17 or under) accounted for 72% of referrals relating to criminal exploitation.", text);
    }

    [Fact]
    public void Only_the_analyst_can_call_a_release_the_latest_period_available_and_never_an_earlier_one()
    {
        var history = NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm")]);
        var templates = new TemplateLibrary(Path.Combine(AppContext.BaseDirectory, "templates"));
        // The files loaded cannot prove that a later release is not out: neutral wording unless the analyst says so.
        Assert.Contains("In the second quarter of 2025 (April-June), [Home Office", NationalNarrative.Build(National.Compute(history)).Render(templates));
        Assert.Contains("(April-June), the latest period for which data is available, [Home Office", NationalNarrative.Build(National.Compute(history), latestPublished: true).Render(templates));
        // A later release is loaded, so the 2023 Q1 release is not the latest, whatever the analyst says.
        Assert.DoesNotContain("the latest period for which data is available", NationalNarrative.Build(National.Compute(history, new Quarter(2023, 1)), latestPublished: true).Render(templates));
    }

}

/// <summary>Headline integrity: small bases not put in words, revisions between releases, the bulletin total.</summary>
public class NationalHeadlineTests
{
    static string SamplePath(string name) => Insights.Pipeline.Samples.PathOf("nrm", name);

    static NationalContext Q2_2025() => National.Compute(NrmLoader.Load([SamplePath(NrmSampleWorkbooks.Q2_2025)]));

    static TemplateLibrary Templates => new(Path.Combine(AppContext.BaseDirectory, "templates"));

    // A share of 1 referral ("100% of referrals relating to organ harvesting") is not a finding.
    [Fact]
    public void An_exploitation_type_of_fewer_than_50_referrals_is_not_described_in_words()
    {
        ExploitationAgeSplit Split(string type, int total, int adults, int children) =>
            new(NrmExploitationType.OneType(type), total, Share.Of(adults, total, "referrals of the type"), Share.Of(children, total, "referrals of the type"));
        var c = Q2_2025() with
        {
            ExploitationTypes = [Split("Labour", 900, 800, 100), Split("Criminal", 1000, 300, 700), Split("Organ harvesting", 1, 0, 1)],
            OtherTypesMostlyChildren = [],
        };
        var text = NationalNarrative.Build(c).Render(Templates);
        Assert.Contains("with one exception – children (aged 17 or under) accounted for 70% of referrals relating to criminal exploitation.", text);
        Assert.DoesNotContain("organ harvesting", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(50, NationalWording.MinimumBase);
    }

    // Each form of the exploitation sentence (the template's branches), with shares worked by hand: 800/900 = 89%
    // adults (the majority), 400/900 = 44% adults with 200 unknown (the larger share), 700/1,000 = 70% children
    // (no common fraction), 300/400 = 75% children ("around three-quarters").
    [Theory]
    [InlineData("adults", false, "Adults made up the majority of referrals for every type of exploitation.")]
    [InlineData("adults", true, "Adults made up the majority of referrals for each single type of exploitation.")]
    [InlineData("adults-not-half", false, "Adults made up the larger share of referrals for every type of exploitation.")]
    [InlineData("children", false, "Children (aged 17 or under) made up the larger share of referrals for every type of exploitation.")]
    [InlineData("two-children", false, "Adults made up the majority of referrals for most single types of exploitation; children (aged 17 or under) accounted for 70% of referrals relating to criminal exploitation and around three-quarters of referrals relating to sexual exploitation.")]
    public void The_exploitation_sentence_takes_the_form_its_figures_call_for(string types, bool combinationMostlyChildren, string sentence)
    {
        ExploitationAgeSplit Split(string type, int total, int adults, int children) =>
            new(NrmExploitationType.OneType(type), total, Share.Of(adults, total, "referrals of the type"), Share.Of(children, total, "referrals of the type"));
        var c = Q2_2025() with
        {
            ExploitationTypes = types switch
            {
                "adults" => [Split("Labour", 900, 800, 100)],
                "adults-not-half" => [Split("Labour", 900, 400, 300)],
                "children" => [Split("Criminal", 1000, 300, 700)],
                _ => [Split("Criminal", 1000, 300, 700), Split("Labour", 900, 800, 100), Split("Sexual", 400, 100, 300)],
            },
            OtherTypesMostlyChildren = combinationMostlyChildren ? ["Sexual & Criminal"] : [],
        };
        Assert.Contains("\n- " + sentence + "\n", NationalNarrative.Build(c).Render(Templates));
    }

    // The 2023 Q1 release gave 4,416 for 2022 Q4 and the 2023 Q4 release 4,413 (the bulletins' revised figures).
    [Fact]
    public void A_quarter_revised_between_releases_is_a_warning_naming_both_figures_and_editions()
    {
        var history = NrmLoader.Load([SamplePath(NrmSampleWorkbooks.Q1_2023), SamplePath(NrmSampleWorkbooks.Q4_2023)]);
        var c = National.Compute(history);
        Assert.Contains(c.Warnings.Select(NationalWording.Warning), w => w.Code == "nrm-revision" && w.Message.StartsWith("2022 Q4: 4,416 → 4,413 referrals (revised from the 2023 Q1 release published 4 May 2023 to the 2023 Q4 release", StringComparison.Ordinal));
        Assert.DoesNotContain(Q2_2025().Warnings, w => w.Code == "nrm-revision");
    }

    // The first-responder tables of 2023 Q4 sum to 4,141; the bulletin says 4,142.
    [Fact]
    public void Without_the_referrals_by_quarter_table_the_bulletin_total_given_is_printed_and_the_difference_warned()
    {
        var history = NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm", "published", "nrm-first-responder-referrals-2023-q4.csv")]);
        var alone = National.Compute(history);
        Assert.Equal(4141, alone.Referrals);
        Assert.Contains(alone.Warnings.Select(NationalWording.Warning), w => w.Code == "nrm-no-series" && w.Message.Contains("give --bulletin-total N", StringComparison.Ordinal));
        var given = National.Compute(history, bulletinTotal: 4142);
        Assert.Equal(4142, given.Referrals);
        Assert.Contains(given.Warnings.Select(NationalWording.Warning), w => w.Code == "nrm-bulletin-total" && w.Message.Contains("sum to 4,141, 1 fewer than the 4,142 given with --bulletin-total", StringComparison.Ordinal));
        Assert.Contains("received 4,142 referrals", NationalNarrative.Build(given).Render(Templates));
    }

    [Fact]
    public void A_bulletin_total_that_disagrees_with_the_referrals_by_quarter_table_is_a_warning_and_the_table_is_printed()
    {
        var c = National.Compute(NrmLoader.Load([SamplePath(NrmSampleWorkbooks.Q4_2023)]), bulletinTotal: 4100);
        Assert.Equal(4142, c.Referrals);
        Assert.Contains(c.Warnings.Select(NationalWording.Warning), w => w.Code == "nrm-bulletin-total" && w.Message.Contains("gives 4,142 for 2023 Q4, not the 4,100 given", StringComparison.Ordinal));
    }
}
