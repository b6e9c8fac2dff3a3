using Insights.Breakdowns;
using Insights.Model;
using Insights.Narrative;
using Insights.Sources.Gmp;

namespace Insights.Tests;

public class DistrictNarrativeTests
{
    static readonly Lazy<DistrictSection> Section = new(() =>
    {
        var extract = GmpExtractReader.Read(Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"));
        var context = DistrictBreakdown.Compute(extract.Enquiries, "Stockport", new FinancialYear(2024).Period);
        return DistrictNarrative.Render(context, new TemplateLibrary(TemplatesFolder), extract.SourceDescription);
    });

    // The repository's own template, not a copy in bin/, so the golden test checks what authors edit.
    static string TemplatesFolder => Path.Combine(Insights.Pipeline.Samples.RepositoryRoot, "src", "Insights.Reporting", "Narrative", "Templates");

    [Fact]
    public void Stockport_2024_25_section_equals_the_statement_written_by_hand()
    {
        // Golden/district-context.md was typed from the 2025/26 statement (lines 76-101), with its typos fixed and
        // 44.4% where it printed 44.6%; it was never copied from the program's output.
        var expected = File.ReadAllText(Path.Combine(Insights.Pipeline.Samples.RepositoryRoot, "tests", "Insights.Reporting.Tests", "Golden", "district-context.md"))
            .Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, Section.Value.Markdown);
    }

    [Fact]
    public void Every_percentage_in_the_text_is_a_fact_with_its_numerator_and_denominator()
    {
        var facts = Section.Value.Facts;
        var percentages = facts.Where(f => f.Printed.EndsWith('%')).ToList();
        Assert.Equal(15, percentages.Count); // GM share 1 + types 6 + genders 2 + nationalities 3 and other 1 + children 2
        Assert.All(percentages, f =>
        {
            Assert.NotNull(f.Numerator);
            Assert.NotNull(f.Denominator);
            Assert.False(string.IsNullOrEmpty(f.DenominatorLabel));
            Assert.Contains(f.Printed, Section.Value.Markdown);
        });
        var criminal = Assert.Single(facts, f => f.Id == "district.exploitation.criminal-exploitation.share");
        Assert.Equal(("44.4%", 16, 36), (criminal.Printed, criminal.Numerator, criminal.Denominator));
        Assert.Contains("ExploitationType = Criminal exploitation", criminal.Filter);
        Assert.Equal("GMP modern slavery enquiries (gmp-enquiries-synthetic.csv)", criminal.Source);
    }

    // Stockport 2024/25 in the sample: British 16, Indian 5, Vietnamese 3, then Albanian, Eritrean and Romanian 2 each,
    // of 34 known; so the top 4 ends inside a tie of three, and the other nationalities are 34 - 16 - 5 - 3 - 6 = 4.
    static DistrictSection TopFour(int? suppressBelow = null)
    {
        var extract = GmpExtractReader.Read(Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"));
        var context = DistrictBreakdown.Compute(extract.Enquiries, "Stockport", new FinancialYear(2024).Period, topNationalities: 4);
        var rule = suppressBelow is { } n ? DistrictDisclosure.Protect(context, DistrictComparison.CountsByDistrict(extract.Enquiries, context.Period), n) : null;
        return DistrictNarrative.Render(context, new TemplateLibrary(TemplatesFolder), extract.SourceDescription, rule);
    }

    [Fact]
    public void Nationalities_tied_at_the_cut_off_are_named_together_rather_than_cut_alphabetically()
    {
        var section = TopFour();
        // 2 of 34 = 5.9%, 4 of 34 = 11.8%; printed, 47.1 + 14.7 + 8.8 + 3 x 5.9 + 11.8 = 100.1, so the rounding note.
        Assert.Contains("- 3 (8.8%) were Vietnamese.\n- Albanian, Eritrean and Romanian, 2 each (5.9% each).\n- 4 (11.8%) were other nationalities.\n", section.Markdown);
        Assert.Contains("Percentages are rounded, so a list may not add up to 100%.", section.Markdown);
        var romanian = section.Facts.Single(f => f.Id == "district.nationality.romanian");
        Assert.Equal("2", romanian.Printed);
        Assert.EndsWith("(in the text: \"Albanian, Eritrean and Romanian, 2 each (5.9% each)\")", romanian.Description);
        // Each tied fact is placed in the bullet that names it.
        var where = FactPlacement.Where(section.Markdown, section.Facts);
        Assert.All(new[] { "albanian", "eritrean", "romanian" }, n => Assert.Single(where[$"district.nationality.{n}"]));
    }

    [Fact]
    public void Tied_nationalities_under_the_disclosure_rule_read_fewer_than_n_each_without_a_percentage()
    {
        Assert.Contains("- Albanian, Eritrean and Romanian, fewer than 5 each.\n", TopFour(suppressBelow: 5).Markdown);
    }

    [Fact]
    public void Judgement_sentences_are_left_to_the_author()
    {
        // The data cannot say incidence is "relatively low" or what the predominant theme is.
        Assert.Equal(2, Section.Value.Markdown.Split('\n').Count(l => l.StartsWith("> [Author:", StringComparison.Ordinal)));
        Assert.DoesNotContain("relatively low within Stockport.", Section.Value.Markdown.Replace("\"Recorded incidence of modern slavery is relatively low within Stockport.\"", "", StringComparison.Ordinal));
    }

    [Fact]
    public void The_section_is_named_for_the_district_asked_for()
    {
        var extract = GmpExtractReader.Read(Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"));
        var context = DistrictBreakdown.Compute(extract.Enquiries, "Trafford", new FinancialYear(2024).Period);
        var md = DistrictNarrative.Render(context, new TemplateLibrary(TemplatesFolder), "test").Markdown;
        Assert.StartsWith("### Trafford context\n", md);
        Assert.Contains("logged 21 modern slavery enquiries relating to Trafford (22 in the previous year)", md);
        Assert.DoesNotContain("Stockport", md);
    }

    // minimumBase 1: every percentage, as the council's statements print them (--min-base 1).
    static string SampleSection(string district, Period period, int minimumBase = DistrictNarrative.DefaultMinimumBase)
    {
        var extract = GmpExtractReader.Read(Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"));
        var context = DistrictBreakdown.Compute(extract.Enquiries, district, period);
        return DistrictNarrative.Render(context, new TemplateLibrary(TemplatesFolder), "test", minimumBase: minimumBase).Markdown;
    }

    static readonly Period FirstDaysOfApril2024 = new(new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 5));

    [Fact]
    public void One_enquiry_reads_as_good_English_not_these_1()
    {
        // A review found "These 1 accounted for", "known for 1 of these 1 cases", "known in 1 cases". Hand-checked in
        // the sample: 1 to 5 April 2024 has 9 GM enquiries (2 with no district); Stockport's one is labour
        // exploitation, a woman of 33, Sudanese; 27 to 31 March had 2 Stockport enquiries.
        var md = SampleSection("Stockport", FirstDaysOfApril2024, minimumBase: 1);
        Assert.Contains("logged 1 modern slavery enquiry relating to Stockport (2 in the preceding period of the same length). " +
            "This enquiry accounted for 11.1% of the 9 enquiries across GM (though the originating district was not logged in 2 cases). " +
            "The Stockport enquiry related to:", md);
        // No line of noughts for the men: "0 (0.0%) were male (0 adult; 0 under 18)" says nothing.
        Assert.Contains("The alleged victim’s age and gender were known for this case:\n\n- 1 (100.0%) was female (1 adult; 0 under 18).", md);
        Assert.DoesNotContain("were male", md);
        Assert.Contains("Nationality of the alleged victim was known in 1 case:\n\n- 1 (100.0%) was Sudanese.", md);
        Assert.Contains("The enquiry relating to another nationality did not relate to a child.", md);
        Assert.DoesNotContain("These 1", md);
        Assert.DoesNotContain(" 1 cases", md);
    }

    [Fact]
    public void No_percentage_of_a_base_under_10_unless_the_council_asks_for_one()
    {
        // The same enquiry as above: 1 of 9 enquiries across GM, 1 of 1 woman, 1 of 1 Sudanese.
        var md = SampleSection("Stockport", FirstDaysOfApril2024);
        Assert.Contains("logged 1 modern slavery enquiry relating to Stockport (2 in the preceding period of the same length). " +
            "There were 9 enquiries across GM (the originating district was not logged in 2 cases). The Stockport enquiry related to:", md);
        Assert.Contains("- Labour exploitation (1 enquiry).", md);
        Assert.Contains("- 1 was female (1 adult; 0 under 18).", md);
        Assert.Contains("- 1 was Sudanese.", md);
        Assert.DoesNotContain("%", md);
        // Manchester's two British alleged victims, one a child: the count without "50.0%".
        Assert.Contains("Half of British alleged victims (1) were children.", SampleSection("Manchester", FirstDaysOfApril2024));
        // The base of 10 is enough: 10 enquiries of one type in Bury, 100.0% of the 10.
        Assert.Contains("(10 enquiries; 100.0% of the 10).", Bury([.. Enumerable.Range(0, 10).Select(i => ("Labour exploitation", 30 + i))]));
    }

    [Fact]
    public void A_percentage_left_out_for_its_small_base_is_still_a_fact_marked_why()
    {
        var extract = GmpExtractReader.Read(Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"));
        var context = DistrictBreakdown.Compute(extract.Enquiries, "Stockport", FirstDaysOfApril2024);
        var share = DistrictNarrative.Render(context, new TemplateLibrary(TemplatesFolder), "test").Facts.Single(f => f.Id == "district.share-of-gm");
        Assert.Equal("", share.Printed);
        Assert.Equal((1, 9), (share.Numerator, share.Denominator));
        Assert.Equal("left out: its base is fewer than 10 (--min-base)", share.Suppression);
    }

    static string Bury(params (string Type, int Age)[] people) => Bury(DistrictNarrative.DefaultMinimumBase, people);

    static string Bury(int minimumBase, params (string Type, int Age)[] people)
    {
        var day = new DateOnly(2024, 6, 1);
        var context = DistrictBreakdown.Compute(
            [.. people.Select((p, i) => new Enquiry($"E{i}", day, "Bury", p.Type, p.Age, Gender.Female, "Polish"))], "Bury", new FinancialYear(2024).Period);
        return DistrictNarrative.Render(context, new TemplateLibrary(TemplatesFolder), "test", minimumBase: minimumBase).Markdown;
    }

    [Fact]
    public void Two_cases_are_both_cases_not_all_2()
    {
        var md = Bury(("Labour exploitation", 30), ("Labour exploitation", 40));
        Assert.Contains("The alleged victim’s age and gender were known for both cases:", md);
        Assert.DoesNotContain("all 2", md);
    }

    [Fact]
    public void A_list_whose_percentages_do_not_add_up_to_100_says_they_are_rounded()
    {
        // Three types of one enquiry each: 33.3% + 33.3% + 33.3% = 99.9%.
        var md = Bury(1, ("Labour exploitation", 30), ("Sexual exploitation", 31), ("Criminal exploitation", 32));
        Assert.Contains("(1 enquiry; 33.3% of the 3).", md);
        Assert.Contains("Percentages are rounded, so a list may not add up to 100%.", md);
        // 2 of 4 and 2 of 4: 50.0% + 50.0%, and every other list is 100.0%: no note.
        Assert.DoesNotContain("Percentages are rounded", Bury(1, ("Labour exploitation", 30), ("Labour exploitation", 31), ("Sexual exploitation", 32), ("Sexual exploitation", 33)));
        // Under the default minimum base no percentage of the 3 is printed, so no list needs the note.
        Assert.DoesNotContain("Percentages are rounded", Bury(("Labour exploitation", 30), ("Sexual exploitation", 31), ("Criminal exploitation", 32)));
    }

    [Fact]
    public void One_british_child_is_a_child_not_the_majority_of_british_alleged_victims()
    {
        // Rochdale, 1 to 5 April 2024: one enquiry, aged 15, British, gender not logged.
        var md = SampleSection("Rochdale", FirstDaysOfApril2024);
        Assert.Contains("The alleged victim’s age and gender were not both known.", md);
        Assert.Contains("The British alleged victim was a child.", md);
        Assert.DoesNotContain("majority", md);
    }

    [Fact]
    public void All_and_none_are_said_in_words_not_100_or_0_percent()
    {
        // Manchester, 1 to 5 April 2024: three men (14 British, 15 Sudanese, 56 British), all ages and genders known.
        var manchester = SampleSection("Manchester", FirstDaysOfApril2024, minimumBase: 1);
        Assert.Contains("The alleged victim’s age and gender were known for all 3 cases:", manchester);
        Assert.Contains("Half of British alleged victims (1; 50.0%) were children. The enquiry relating to another nationality related to a child.", manchester);

        // Built by hand: two British children and two Polish adults in Bury, one enquiry in Bolton with no district's.
        var day = new DateOnly(2024, 6, 1);
        Enquiry E(string id, string? district, int age, string nationality) =>
            new(id, day, district, ExploitationType.UnknownName, age, Gender.Male, nationality);
        var context = DistrictBreakdown.Compute(
            [E("A", "Bury", 15, "British"), E("B", "Bury", 16, "British"), E("C", "Bury", 30, "Polish"), E("D", "Bury", 40, "Polish")],
            "Bury", new FinancialYear(2024).Period);
        var md = DistrictNarrative.Render(context, new TemplateLibrary(TemplatesFolder), "test").Markdown;
        Assert.Contains("All British alleged victims (2) were children. Of the enquiries relating to other nationalities, however, none related to children.", md);

        var alone = DistrictBreakdown.Compute([E("X", null, 30, "Polish")], "Bury", new FinancialYear(2024).Period);
        Assert.Contains("There was 1 enquiry across GM (the originating district was not logged in 1 case).",
            DistrictNarrative.Render(alone, new TemplateLibrary(TemplatesFolder), "test").Markdown);
    }

    [Theory]
    [InlineData("2024-04-01", "2025-03-31", "Between April 2024 and March 2025")] // the statement's financial year
    [InlineData("2024-02-01", "2024-02-29", "In February 2024")]                  // one whole month (leap year end)
    [InlineData("2024-04-15", "2025-03-31", "Between 15 April 2024 and 31 March 2025")] // part month: exact days
    [InlineData("2024-04-01", "2024-06-30", "Between April 2024 and June 2024")]
    public void Period_phrase_never_calls_part_months_whole(string first, string last, string expected) =>
        Assert.Equal(expected, DistrictNarrative.PeriodPhrase(new Period(
            DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture))));

    [Theory]
    [InlineData("Criminal (cannabis cultivation)", "criminal-cannabis-cultivation")]
    [InlineData("Sri Lankan", "sri-lankan")]
    public void Fact_ids_use_slugs(string name, string slug) => Assert.Equal(slug, Wording.Slug(name));
}
