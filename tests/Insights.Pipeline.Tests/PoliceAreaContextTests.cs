using Insights.Breakdowns;
using Insights.Cli;
using Insights.Model;
using Insights.Narrative;
using Insights.Pipeline;
using Insights.Sources;
using Insights.Sources.Gmp;

namespace Insights.Tests;

/// <summary>
/// A council outside Greater Manchester: a small SYNTHETIC West Yorkshire extract built here, read with the West
/// Yorkshire area definition, gives a Leeds section that names the force and counts across its area. Every
/// expected figure below was counted by hand from the rows.
/// </summary>
public sealed class PoliceAreaContextTests : IDisposable
{
    const string Header = "EnquiryId,DateLogged,District,ExploitationType,Age,Gender,Nationality";
    readonly string _folder = Directory.CreateTempSubdirectory("insights-area-context-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static readonly PoliceArea WestYorkshire = new("West Yorkshire Police", "WYP", "West Yorkshire", "West Yorkshire",
        ["Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield"]);

    static readonly Period Year2024 = new FinancialYear(2024).Period;

    // 2024/25 (1 April 2024 to 31 March 2025): Leeds 5, Bradford 2, Calderdale 0, Kirklees 1, Wakefield 1, district
    // not logged 2: 11 across West Yorkshire. 2023/24: Leeds 1 (on its last day), Bradford 1. 2025/26: Leeds 1 (out).
    const string Rows = """
        SYN-L1,01/04/2024, leeds ,Labour exploitation,30,Male,Romanian
        SYN-L2,2024-07-01,LEEDS,Criminal exploitation,16,M,british
        SYN-L3,20/12/2024,Leeds,criminal exploitation,15,Female,British
        SYN-L4,31/03/2025,Leeds,Sexual exploitation,,Female,
        SYN-L5,11/11/2024,Leeds,Labour exploitation,17,Male,Romanian
        SYN-B1,05/05/2024,Bradford,Labour exploitation,40,Male,Polish
        SYN-B2,09/09/2024,BRADFORD,Unknown,,,
        SYN-K1,06/06/2024,Kirklees,Criminal exploitation,22,Male,British
        SYN-W1,10/10/2024,Wakefield,Domestic servitude,35,Female,Indian
        SYN-N1,08/08/2024,,Labour exploitation,28,Male,British
        SYN-N2,15/01/2025,Not recorded,Sexual exploitation,19,Female,
        SYN-P1,31/03/2024,Leeds,Criminal exploitation,14,Male,British
        SYN-P2,01/04/2023,Bradford,Labour exploitation,50,Male,
        SYN-A1,01/04/2025,Leeds,Labour exploitation,30,Male,British
        """;

    string Extract(string rows = Rows)
    {
        var path = Path.Combine(_folder, "wyp.csv");
        File.WriteAllText(path, Header + "\n" + rows.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        return path;
    }

    static string TemplatesFolder => Path.Combine(Insights.Pipeline.Samples.RepositoryRoot, "src", "Insights.Reporting", "Narrative", "Templates");

    DistrictSection LeedsSection(out DistrictContext context, out GmpExtract extract)
    {
        extract = GmpExtractReader.Read(Extract(), area: WestYorkshire);
        context = DistrictBreakdown.Compute(extract.Enquiries, "Leeds", Year2024, area: WestYorkshire);
        // Every percentage (--min-base 1), so the hand-worked shares of these few enquiries are all checked.
        return DistrictNarrative.Render(context, new TemplateLibrary(TemplatesFolder), extract.SourceDescription, minimumBase: 1);
    }

    [Fact]
    public void Leeds_section_names_West_Yorkshire_Police_and_counts_across_West_Yorkshire()
    {
        // By hand: 5 of 11 = 45.45...% → 45.5%. Types of the 5: Criminal 2 (L2, L3), Labour 2 (L1, L5), Sexual 1
        // (L4); the 2-2 tie in GMP's list order. Age and gender known for 4 (L4's age blank): male 3 (L1 adult;
        // L2, L5 under 18) = 75.0%, female 1 (L3, under 18) = 25.0%. Nationality known for 4 (not L4): British 2,
        // Romanian 2, the tie alphabetical. British children 2 of 2: "All", not "The majority" (a review's find); Romanian children 1 (L5) of 2 = 50.0%.
        const string expected = """
            ### Leeds context

            > [Author: how common recorded modern slavery is in Leeds, e.g. "Recorded incidence of modern slavery is relatively low within Leeds."]

            Between April 2024 and March 2025, West Yorkshire Police (WYP) logged 5 modern slavery enquiries relating to Leeds (1 in the previous year). These 5 accounted for 45.5% of the 11 enquiries across West Yorkshire (though the originating district was not logged in 2 cases). The Leeds enquiries related to:

            - Criminal exploitation (2 enquiries; 40.0% of the 5).
            - Labour exploitation (2; 40.0%).
            - Sexual exploitation (1; 20.0%).

            The alleged victim’s age and gender were known for 4 of these 5 cases. Of the 4:

            - 3 (75.0%) were male (1 adult; 2 under 18).
            - 1 (25.0%) was female (0 adult; 1 under 18).

            Nationality of the alleged victim was known in 4 cases – of these:

            - 2 (50.0%) were British.
            - 2 (50.0%) were Romanian.

            All British alleged victims (2) were children. Of the enquiries relating to other nationalities, however, only 1 (50.0%) related to children.

            > [Author: the predominant theme running through these enquiries, e.g. "The predominant theme running through these enquiries is ..."]
            """;
        var section = LeedsSection(out _, out _);
        Assert.Equal(expected.TrimEnd('\n'), section.Markdown.TrimEnd('\n'));
        Assert.DoesNotContain("Greater Manchester", section.Markdown);
        Assert.DoesNotContain("GM", section.Markdown);
    }

    [Fact]
    public void Leeds_facts_say_the_share_is_of_all_West_Yorkshire_enquiries_from_WYP()
    {
        var facts = LeedsSection(out _, out _).Facts;
        var share = Assert.Single(facts, f => f.Id == "district.share-of-gm");
        Assert.Equal(("45.5%", 5, 11, "all West Yorkshire enquiries"), (share.Printed, share.Numerator, share.Denominator, share.DenominatorLabel));
        Assert.Equal("WYP modern slavery enquiries (wyp.csv)", share.Source);
        var all = Assert.Single(facts, f => f.Id == "gm.enquiries");
        Assert.Equal("WYP modern slavery enquiries across West Yorkshire, district logged or not", all.Description);
        Assert.DoesNotContain(facts, f => $"{f.Description} {f.DenominatorLabel} {f.Source}".Contains("GM", StringComparison.Ordinal));
    }

    [Fact]
    public void District_comparison_lists_the_areas_five_districts_zero_counts_kept()
    {
        LeedsSection(out var context, out var extract);
        // Calderdale has no enquiry but is still a district of the area; the 2 not logged are in the 11, not here.
        Assert.Equal([("Bradford", 2), ("Calderdale", 0), ("Kirklees", 1), ("Leeds", 5), ("Wakefield", 1)],
            DistrictComparison.CountsByDistrict(extract.Enquiries, Year2024, WestYorkshire).Select(x => (x.District.Name, x.Count)));
        var figures = DistrictFigures.Build(context, extract.Columns, synthetic: false);
        var comparison = Assert.Single(figures, f => f.Title.StartsWith("Enquiries by", StringComparison.Ordinal));
        Assert.Equal("Enquiries by West Yorkshire district, April 2024 to March 2025", comparison.Title);
        Assert.All(figures, f => Assert.Equal("Source: WYP modern slavery enquiries", f.Source));
    }

    [Fact]
    public void An_unknown_district_in_the_extract_lists_the_areas_districts()
    {
        // Stockport is a GM district, not a West Yorkshire one: with --area it must be refused, not counted.
        var path = Extract("SYN-L1,01/04/2024,Leeds,Labour exploitation,30,Male,Romanian\nSYN-X1,01/05/2024,Stockport,Unknown,,,");
        var e = Assert.Throws<InputException>(() => GmpExtractReader.Read(path, area: WestYorkshire));
        Assert.Equal("wyp.csv, row 3, column C (District): 'Stockport' is not a West Yorkshire district " +
                     "(expected one of Bradford, Calderdale, Kirklees, Leeds, Wakefield, or blank / Not recorded)", e.Message);
    }

    [Fact]
    public void A_district_outside_the_area_is_refused_before_anything_is_read()
    {
        // --district defaults to Stockport: with a West Yorkshire area the message must say which districts exist.
        var options = new ContextOptions(new GmpOptions([Extract()], Area: WestYorkshire), Path.Combine(_folder, "out"));
        var e = Assert.Throws<InputException>(() => ContextJob.Compute(options));
        Assert.Equal("--district: 'Stockport' is not a West Yorkshire district (expected one of Bradford, Calderdale, Kirklees, Leeds, Wakefield)", e.Message);
    }

    [Fact]
    public void Greater_Manchester_given_explicitly_gives_the_golden_section()
    {
        // The default area and GM passed by name must be the same run: the statement's wording byte for byte.
        var extract = GmpExtractReader.Read(Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"), area: PoliceArea.GreaterManchester);
        var context = DistrictBreakdown.Compute(extract.Enquiries, "Stockport", Year2024, area: PoliceArea.GreaterManchester);
        var section = DistrictNarrative.Render(context, new TemplateLibrary(TemplatesFolder), extract.SourceDescription);
        var expected = File.ReadAllText(Path.Combine(Insights.Pipeline.Samples.RepositoryRoot, "tests", "Insights.Reporting.Tests", "Golden", "district-context.md"))
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, section.Markdown);
    }

    [Fact]
    public void Context_command_with_area_writes_the_Leeds_section()
    {
        var areaFile = Insights.Pipeline.Samples.PathOf("areas", "west-yorkshire.json");
        var output = Path.Combine(_folder, "out");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ContextCommand.Run(["--area", areaFile, "--nrm", Insights.Pipeline.Samples.PathOf("nrm", "nrm-2023-q4-tables.ods"), "--gmp", Extract(), "--district", "leeds", "--year", "2024/25", "--out", output], stdout, stderr);
        Assert.Equal(0, code);
        var md = File.ReadAllText(Path.Combine(output, "current-trends.md"));
        Assert.Contains("\n### Leeds context\n", md);
        Assert.Contains("West Yorkshire Police (WYP) logged 5 modern slavery enquiries relating to Leeds (1 in the previous year). These 5 accounted for 45.5% of the 11 enquiries across West Yorkshire", md);
    }

    [Fact]
    public void Context_command_reports_a_bad_area_file_as_input_error()
    {
        var bad = Path.Combine(_folder, "area.json");
        File.WriteAllText(bad, "{\"forceName\": \"West Yorkshire Police\"}");
        var e = Assert.Throws<InputException>(() => ContextCommand.Run(["--area", bad, "--out", Path.Combine(_folder, "out")], TextWriter.Null, TextWriter.Null));
        Assert.Equal("area.json: \"forceAbbreviation\" is missing (expected text, e.g. \"WYP\")", e.Message);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }
}
