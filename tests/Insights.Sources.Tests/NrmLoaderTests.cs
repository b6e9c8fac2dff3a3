using Insights.Breakdowns;
using Insights.Model;
using Insights.Narrative;
using Insights.Sources;
using Insights.Sources.Nrm;
using Insights.Sources.Ods;

namespace Insights.Tests;

/// <summary>
/// Loading NRM releases as published. Expected values are the Home Office bulletins' own figures
/// (data-samples/nrm/README.md), or counted by hand from the small fixtures built here.
/// </summary>
public class NrmLoaderTests
{
    static string SamplePath(params string[] parts) => Insights.Pipeline.Samples.PathOf(["nrm", .. parts]);

    static NrmHistory Q4_2023(string form) => form switch
    {
        "ods" => NrmLoader.Load([SamplePath(NrmSampleWorkbooks.Q4_2023)]),
        "csv" => NrmLoader.Load([SamplePath("published", "nrm-referrals-by-quarter-2023-q4-release.csv"),
                                 SamplePath("published", "nrm-first-responder-referrals-2023-q4.csv")]),
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    // The Q4 2023 bulletin (published 7 March 2024): 4,142 referred; "similar" to the previous quarter (4,131);
    // 6% fewer than Q4 2022 (4,413); adults 48% (1,978), children 47% (1,945); male 75% (3,097), female 25%.
    [Theory]
    [InlineData("ods")]
    [InlineData("csv")]
    public void Q4_2023_release_reproduces_the_bulletin_headline_figures(string form)
    {
        var c = National.Compute(Q4_2023(form));
        Assert.Equal(new Quarter(2023, 4), c.Quarter);
        Assert.Equal(4142, c.Referrals);
        Assert.Equal(4131, c.VersusPreviousQuarter!.Previous);
        Assert.Equal(0m, c.VersusPreviousQuarter.RoundedPercent(0)); // "similar"
        Assert.Equal(4413, c.VersusSameQuarterLastYear!.Previous);
        Assert.Equal(-6m, c.VersusSameQuarterLastYear.RoundedPercent(0));
        Assert.Equal((1978, "48%"), (c.AdultsOfAll!.Numerator, c.AdultsOfAll.Format(0)));
        Assert.Equal((1945, "47%"), (c.ChildrenOfAll!.Numerator, c.ChildrenOfAll.Format(0)));
        Assert.Equal((3097, "75%"), (c.Male!.Numerator, c.Male.Format(0)));
        // The bulletin says 1,041 females; the tables hold 1,040 (the one case outside them): still 25%.
        Assert.Equal((1040, "25%"), (c.Female!.Numerator, c.Female.Format(0)));
    }

    // UK 27% (1,139), Albanian 19% (802), Vietnamese 6% (268), shares of ALL 4,142 referrals, single nationalities
    // only. The first-responder tables hold 1,138 UK nationals: the bulletin's 1,139 includes the one referral
    // that sits outside those tables. Either way the share prints 27%.
    [Theory]
    [InlineData("ods")]
    [InlineData("csv")]
    public void Q4_2023_top_nationalities_are_UK_Albanian_Vietnamese_as_in_the_bulletin(string form)
    {
        var top = National.Compute(Q4_2023(form)).TopNationalities;
        Assert.Equal(["UK", "Albanian", "Vietnamese"], top.Select(t => t.Nationality));
        Assert.Equal(["27%", "19%", "6%"], top.Select(t => t.Share.Format(0)));
        Assert.Equal([1138, 802, 268], top.Select(t => t.Share.Numerator));
        Assert.All(top, t => Assert.Equal(4142, t.Share.Denominator));
    }

    // 1,139 / 4,142 = 27.4988...%: rounding once from full precision gives 27; rounding to one decimal first
    // (27.5) and then to whole would wrongly give 28.
    [Fact]
    public void Uk_share_27_point_4988_prints_27()
    {
        var share = Share.Of(1139, 4142, "all referrals");
        Assert.Equal("27%", share.Format(0));
        Assert.Equal("27.5%", share.Format(1));
    }

    // The four first-responder tables sum to 4,141, one short of Table_2's 4,142: reported, not hidden.
    [Theory]
    [InlineData("ods")]
    [InlineData("csv")]
    public void Q4_2023_first_responder_tables_sum_to_one_short_and_say_so(string form)
    {
        var c = National.Compute(Q4_2023(form));
        Assert.Equal(4141, c.FirstResponderTotal);
        Assert.Equal(1, c.FirstResponderShortfall);
        var warning = NationalWording.Warning(Assert.Single(c.Warnings, w => w.Code == "nrm-first-responder-total"));
        Assert.Contains("4,141", warning.Message);
        Assert.Contains("1 fewer", warning.Message);
    }

    // The ODS sample and the long CSVs are the same published tables: they must give the same tidy counts.
    [Fact]
    public void Q4_2023_workbook_and_long_csvs_give_the_same_tidy_counts()
    {
        static List<string> Keys(NrmReleaseData r) => r.FirstResponder.Concat(r.Series)
            .Select(c => $"{c.Table}|{c.Quarter}|{c.ResponderType}|{c.Responder}|{c.ExploitationType}|{c.AgeGroup}|{c.Gender}|{c.Nationality}|{c.Location}|{c.People}")
            .Order(StringComparer.Ordinal).ToList();
        var ods = Q4_2023("ods").Latest;
        var csv = Q4_2023("csv").Latest;
        Assert.Equal(6979, csv.FirstResponder.Count); // the long file's data rows
        // The long series has no annual rows; both hold 59 quarters (2009 Q2 to 2023 Q4) × 3 ages × 5 locations,
        // but the workbook drops zero cells of the first-responder tables only, as the long file does.
        Assert.Equal(Keys(csv), Keys(ods));
        Assert.Equal(new DateOnly(2024, 3, 7), ods.Release.Published);
    }

    // Q1 2023 bulletin (4 May 2023): 4,746 referred; 7% more than Q4 2022 (4,416 in this release); 26% more than
    // Q1 2022 (3,773).
    [Fact]
    public void Q1_2023_release_reproduces_the_bulletin_figures()
    {
        var c = National.Compute(NrmLoader.Load([SamplePath(NrmSampleWorkbooks.Q1_2023)]));
        Assert.Equal(4746, c.Referrals);
        Assert.Equal((4416, 7m), (c.VersusPreviousQuarter!.Previous, c.VersusPreviousQuarter.RoundedPercent(0)!.Value));
        Assert.Equal((3773, 26m), (c.VersusSameQuarterLastYear!.Previous, c.VersusSameQuarterLastYear.RoundedPercent(0)!.Value));
        Assert.Equal(["Albanian", "UK"], c.TopNationalities.Take(2).Select(t => t.Nationality));
        Assert.Equal(["31%", "25%"], c.TopNationalities.Take(2).Select(t => t.Share.Format(0)));
        Assert.Equal([1452, 1163], c.TopNationalities.Take(2).Select(t => t.Share.Numerator));
        Assert.Equal(4746, c.FirstResponderTotal); // in this release the tables add up to the headline
    }

    // The Q1 2023 release writes no 2023 row: a naive fill-down calls 2023 Q1 "2022 Q1" and gives 8,519
    // (3,773 + 4,746). The loader follows the quarter sequence and warns.
    [Fact]
    public void Table2_year_fill_down_in_Q1_2023_release()
    {
        var release = NrmLoader.Load([SamplePath(NrmSampleWorkbooks.Q1_2023)]).Latest;
        Assert.Equal(new Quarter(2023, 1), release.Release.Quarter);
        Assert.Equal(3773, release.SeriesTotal(new Quarter(2022, 1)));
        Assert.Equal(4746, release.SeriesTotal(new Quarter(2023, 1)));
        var warning = Assert.Single(release.Warnings, w => w.Code == "nrm-series-year-fill-down");
        Assert.Contains("sheet Table_2", warning.Message);
        Assert.Contains("2023 Q1", warning.Message);
    }

    // Every release revises earlier quarters: Q4 2022 was 4,416 in the Q1 2023 release and 4,413 in the Q4 2023
    // release, and each release's comparison uses its own figure.
    [Fact]
    public void Each_quarter_keeps_its_revision_history_and_comparisons_use_the_same_release()
    {
        var history = NrmLoader.Load([SamplePath(NrmSampleWorkbooks.Q4_2023), SamplePath(NrmSampleWorkbooks.Q1_2023)]);
        Assert.Equal([new Quarter(2023, 1), new Quarter(2023, 4)], history.Releases.Select(r => r.Release.Quarter));
        var revisions = history.Revisions(new Quarter(2022, 4));
        Assert.Equal([(new Quarter(2023, 1), 4416), (new Quarter(2023, 4), 4413)],
            revisions.Select(r => (r.Release.Quarter, r.People!.Value)));
        Assert.Equal(4416, National.Compute(history, new Quarter(2023, 1)).VersusPreviousQuarter!.Previous);
        Assert.Equal(4413, National.Compute(history, new Quarter(2023, 4)).VersusSameQuarterLastYear!.Previous);
        Assert.Equal(new DateOnly(2023, 5, 4), history.Releases[0].Release.Published);
    }

    // Without Table_2 the headline comes from the first-responder tables, and nothing is compared.
    [Fact]
    public void First_responder_csv_alone_gives_totals_from_those_tables()
    {
        var history = NrmLoader.Load([SamplePath("published", "nrm-first-responder-referrals-2023-q1.csv")]);
        var c = National.Compute(history);
        Assert.Equal(new Quarter(2023, 1), c.Quarter); // from the file name: the file itself does not say
        Assert.Equal(4746, c.Referrals);
        Assert.False(c.TotalsFromSeries);
        Assert.Null(c.VersusPreviousQuarter);
        Assert.Contains(c.Warnings, w => w.Code == "nrm-no-series");
    }

    [Fact]
    public void A_folder_loads_every_release_in_it()
    {
        var history = NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm")]);
        Assert.Equal([new Quarter(2023, 1), new Quarter(2023, 4), new Quarter(2025, 2)], history.Releases.Select(r => r.Release.Quarter));
    }

    // In 2025 Table_12 is referrals by UK county and the first-responder tables moved to Table_13-16: found by
    // their header cells, not their numbers.
    [Fact]
    public void Tables_are_found_by_header_not_number_in_the_2025_layout()
    {
        var workbook = OdsReader.Read(SamplePath(NrmSampleWorkbooks.Q2_2025));
        var tables = NrmTableLocator.Locate(workbook);
        Assert.Equal(["Table_2", "Table_13", "Table_14", "Table_15", "Table_16"], tables.Select(t => t.Sheet.Name));
        Assert.Equal(6, tables[0].HeaderRow); // six title rows above the wide series header
        Assert.Equal(["Government agency", "NGO and third sector", "Local Authority", "Police"], tables.Skip(1).Select(t => t.ResponderType));
    }

    // 2023 Q1 as its own release published it (4,746, here from its first-responder tables alone) and as the
    // Q4 2023 release revised it (2,586 + 1,894 + 258 = 4,738).
    [Fact]
    public void Revision_history_spans_a_first_responder_only_release_and_a_later_series()
    {
        var history = NrmLoader.Load([SamplePath("published")]);
        Assert.Equal([(new Quarter(2023, 1), 4746), (new Quarter(2023, 4), 4738)],
            history.Revisions(new Quarter(2023, 1)).Select(r => (r.Release.Quarter, r.People!.Value)));
    }
}

/// <summary>A release is its quarter and its edition: a reissue of a quarter loads beside the first edition.</summary>
public class NrmEditionTests
{
    // The Q4 2023 workbook as published (7 March 2024), and the same figures as if reissued on 4 April 2024 (the
    // reissue is made here by editing the cover's date).
    static (string First, string Reissue) TwoEditions()
    {
        var folder = Directory.CreateTempSubdirectory("insights-editions-").FullName;
        var first = Path.Combine(folder, "nrm-2023-q4-first.ods");
        File.Copy(Insights.Pipeline.Samples.PathOf("nrm", NrmSampleWorkbooks.Q4_2023), first);
        var reissue = Path.Combine(folder, "nrm-2023-q4-reissue.ods");
        File.Copy(first, reissue);
        using (var zip = System.IO.Compression.ZipFile.Open(reissue, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("content.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            Assert.Contains("7 March 2024", xml);
            xml = xml.Replace("7 March 2024", "4 April 2024", StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("content.xml").Open());
            writer.Write(xml);
        }
        return (first, reissue);
    }

    [Fact]
    public void Two_editions_of_one_quarter_load_side_by_side_in_publication_order()
    {
        var (first, reissue) = TwoEditions();
        var history = NrmLoader.Load([reissue, first]);
        Assert.Equal([new DateOnly(2024, 3, 7), new DateOnly(2024, 4, 4)], history.Releases.Select(r => r.Release.Published!.Value));
        Assert.All(history.Releases, r => Assert.Equal(new Quarter(2023, 4), r.Release.Quarter));
        Assert.NotEqual(history.Releases[0].Release, history.Releases[1].Release);
        Assert.Equal(2, history.Editions(new Quarter(2023, 4)).Count);
        Assert.Equal(new DateOnly(2024, 4, 4), history.Release(new Quarter(2023, 4))!.Release.Published);
    }

    [Fact]
    public void The_revision_history_compares_the_editions_of_a_quarter()
    {
        var (first, reissue) = TwoEditions();
        var revisions = NrmLoader.Load([first, reissue]).Revisions(new Quarter(2023, 4));
        Assert.Equal([(new DateOnly(2024, 3, 7), 4142), (new DateOnly(2024, 4, 4), 4142)],
            revisions.Select(r => (r.Release.Published!.Value, r.People!.Value)));
    }

    [Fact]
    public void An_undated_file_beside_two_editions_of_its_quarter_is_refused_with_a_clear_message()
    {
        var (first, reissue) = TwoEditions();
        var csv = Insights.Pipeline.Samples.PathOf("nrm", "published", "nrm-first-responder-referrals-2023-q4.csv");
        var e = Assert.Throws<InputException>(() => NrmLoader.Load([first, reissue, csv]));
        Assert.Contains("2 editions", e.Message);
        Assert.Contains("nrm-first-responder-referrals-2023-q4.csv", e.Message);
    }
}
