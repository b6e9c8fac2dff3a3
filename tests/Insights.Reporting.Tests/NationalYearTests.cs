using System.Globalization;
using Insights.Breakdowns;
using Insights.Model;
using Insights.Narrative;
using Insights.Sources;
using Insights.Sources.Nrm;

namespace Insights.Tests;

/// <summary>
/// The national context of a whole year. Oracle: the Home Office's published Table_2 of the October to December
/// 2023 release (data-samples/nrm/published/, the long CSV), summed here row by row, independently of the loader.
/// </summary>
public class NationalYearTests
{
    static string SamplePath(string name) => Insights.Pipeline.Samples.PathOf("nrm", name);
    static TemplateLibrary Templates => new(Path.Combine(AppContext.BaseDirectory, "templates"));

    /// <summary>Sum of the published CSV's age totals (Location = Total) for the rows a filter keeps.</summary>
    static int PublishedSum(Func<int, int, string, bool> keep)
    {
        var sum = 0;
        foreach (var line in File.ReadLines(SamplePath("published/nrm-referrals-by-quarter-2023-q4-release.csv")).Skip(1))
        {
            var f = line.Split(',');
            if (f[3] != "Total") continue;
            var year = int.Parse(f[0], CultureInfo.InvariantCulture);
            var quarter = int.Parse(f[1][1..], CultureInfo.InvariantCulture);
            if (keep(year, quarter, f[2])) sum += int.Parse(f[4], CultureInfo.InvariantCulture);
        }
        return sum;
    }

    static NationalYearContext Year2023(params string[] files) =>
        NationalYear.Compute(NrmLoader.Load(files.Select(SamplePath)), ReferralYear.Calendar(2023));

    [Fact]
    public void The_2023_total_on_the_real_Q4_2023_release_is_the_published_17_004()
    {
        var c = Year2023(NrmSampleWorkbooks.Q4_2023);

        var published = PublishedSum((y, _, _) => y == 2023);
        Assert.Equal(17004, published);
        Assert.Equal(published, c.Referrals);
        Assert.Equal(new Quarter(2023, 4), c.Edition.Quarter);
    }

    [Fact]
    public void The_change_on_2022_and_the_age_split_come_from_the_same_release()
    {
        var c = Year2023(NrmSampleWorkbooks.Q4_2023);

        var previous = PublishedSum((y, _, _) => y == 2022);
        // The age groups as the long CSV publishes them (docs/nrm.md), not the reader's constants.
        var adults = PublishedSum((y, _, a) => y == 2023 && a == "Adult (18 or over)");
        var children = PublishedSum((y, _, a) => y == 2023 && a == "Child (17 or under)");
        Assert.Equal(previous, c.VersusPreviousYear!.Previous);
        Assert.Equal(Rounding.HalfAwayFromZero(100m * (17004 - previous) / previous, 0), c.VersusPreviousYear.RoundedPercent(0));
        Assert.Equal((adults, adults + children), (c.AdultsWhereAgeKnown!.Numerator, c.AdultsWhereAgeKnown.Denominator));
        Assert.Equal(children, c.ChildrenWhereAgeKnown!.Numerator);
    }

    [Fact]
    public void A_financial_year_runs_April_to_March_in_the_same_release()
    {
        var history = NrmLoader.Load([SamplePath(NrmSampleWorkbooks.Q4_2023)]);
        var fy = NationalYear.Compute(history, ReferralYear.OfFinancialYear(new FinancialYear(2022)));

        Assert.Equal(PublishedSum((y, q, _) => (y == 2022 && q >= 2) || (y == 2023 && q == 1)), fy.Referrals);
        Assert.Equal(PublishedSum((y, q, _) => (y == 2021 && q >= 2) || (y == 2022 && q == 1)), fy.VersusPreviousYear!.Previous);
    }

    [Fact]
    public void A_year_the_series_does_not_reach_is_an_error_naming_what_was_loaded()
    {
        var history = NrmLoader.Load([SamplePath(NrmSampleWorkbooks.Q4_2023)]);
        var e = NationalWording.Error(Assert.Throws<InputProblemException>(() => NationalYear.Compute(history, ReferralYear.OfFinancialYear(new FinancialYear(2023)))).Problem);
        Assert.Contains("2023/24 (2023 Q2 to 2024 Q1)", e.Message);
        Assert.Contains("2023 Q4 release, series to 2023 Q4", e.Message);
    }

    [Fact]
    public void Without_every_quarter_s_first_responder_tables_the_author_is_told_which_are_missing()
    {
        var c = Year2023(NrmSampleWorkbooks.Q1_2023, NrmSampleWorkbooks.Q4_2023);
        Assert.False(c.HasSplits);
        Assert.Equal([new Quarter(2023, 2), new Quarter(2023, 3)], c.QuartersWithoutFirstResponderTables);

        var text = NationalYearNarrative.Build(c).Render(Templates);
        Assert.Contains("In 2023, 17,004 potential victims of modern slavery were referred", text);
        Assert.Contains("the releases for April to June 2023 (2023 Q2) and July to September 2023 (2023 Q3) were not loaded", text);
        Assert.DoesNotContain("largest victim group", text);
    }

    [Theory]
    [InlineData("2023", 2023, 1, false)]
    [InlineData("2023/24", 2023, 2, true)]
    [InlineData("2023-2024", 2023, 2, true)]
    public void Years_are_read_as_calendar_or_financial(string text, int year, int quarter, bool financial)
    {
        Assert.True(ReferralYear.TryParse(text, out var y));
        Assert.Equal((new Quarter(year, quarter), financial), (y.First, y.Financial));
    }

    [Fact]
    public void With_four_quarters_of_first_responder_tables_the_shares_are_of_their_sum()
    {
        // Four releases; each quarter 100 referrals: UK 30, Albanian 20 + q, Vietnamese 10, Albanian UK (dual) 40 − q.
        // Year: UK 120, Albanian 80 + 10 = 90, Vietnamese 40, of 400 → UK 30%, Albanian 22.5% → 23%, Vietnamese 10%.
        // Criminal 60 a quarter (240, 60%), Labour 40 (160, 40%).
        var releases = Enumerable.Range(1, 4).Select(q => Release(new Quarter(2023, q), q)).ToList();
        var c = NationalYear.Compute(new NrmHistory(releases), ReferralYear.Calendar(2023));

        Assert.Equal([("UK", 120), ("Albanian", 90), ("Vietnamese", 40)], c.TopNationalities.Select(n => (n.Nationality, n.Share.Numerator)));
        Assert.All(c.TopNationalities, n => Assert.Equal(400, n.Share.Denominator));
        Assert.Equal([("Criminal", "60%"), ("Labour", "40%")], c.ExploitationTypes.Select(e => (e.ExploitationType.Label, e.Share.Format(0))));

        var text = NationalYearNarrative.Build(c).Render(Templates);
        Assert.Contains("The largest victim group by nationality was UK nationals, who accounted for 30% (120) of all potential victims referred. " +
            "The second most commonly referred nationality was Albanian (23%) followed by Vietnamese (10%).", text);
        Assert.Contains("The most common type of exploitation was criminal (60%), followed by labour (40%).", text);
        Assert.DoesNotContain("[Author", text);
    }

    static NrmReleaseData Release(Quarter quarter, int q)
    {
        var release = new NrmRelease(quarter);
        // null: the total over that dimension.
        static Breakdown<string> Of(string? label) => label is null ? Breakdown<string>.Total : label;
        NrmCount Count(string? type, string? nationality, int people, NrmTable table = NrmTable.FirstResponder, string? age = null, Quarter? at = null) =>
            new(release, table, at ?? quarter, Of(table == NrmTable.FirstResponder ? "Police" : null), Of(table == NrmTable.FirstResponder ? "A force" : null),
                type is null ? Breakdown<NrmExploitationType>.Total : NrmExploitationType.OneType(type), Of(age), Of(null), Of(nationality), Of(null), people);
        var responder = new List<NrmCount>
        {
            Count(null, null, 100), Count(null, "UK", 30), Count(null, "Albanian", 20 + q),
            Count(null, "Vietnamese", 10), Count(null, "Albanian UK", 40 - q),
            Count("Criminal", null, 60), Count("Labour", null, 40),
        };
        // The series of this release: 100 referrals in every quarter from 2022 Q1 to this one, all adults.
        var series = new List<NrmCount>();
        for (var s = new Quarter(2022, 1); s <= quarter; s = s.Next)
            series.Add(Count(null, null, 100, NrmTable.QuarterlySeries, "Adult (18 or over)", s));
        return new NrmReleaseData(release, series, responder, [], [$"release-{quarter.Compact}.ods"]);
    }
}
