using Insights.Breakdowns;
using Insights.Model;
using Insights.Narrative;
using Insights.Sources.Gmp;

namespace Insights.Tests;

public class DistrictNarrativeTests
{
    static readonly Lazy<DistrictSection> Section = new(() =>
    {
        var extract = GmpExtractReader.Read(Insights.Sources.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"));
        var context = DistrictBreakdown.Compute(extract.Enquiries, "Stockport", new FinancialYear(2024).Period);
        return DistrictNarrative.Render(context, new TemplateLibrary(TemplatesFolder), extract.SourceDescription);
    });

    // The repository's own template, not a copy in bin/, so the golden test checks what authors edit.
    static string TemplatesFolder => Path.Combine(Insights.Sources.Samples.RepositoryRoot, "src", "Insights", "Narrative", "Templates");

    [Fact]
    public void Stockport_2024_25_section_equals_the_statement_written_by_hand()
    {
        // Golden/district-context.md was typed from the 2025/26 statement (lines 76-101), with its typos fixed and
        // 44.4% where it printed 44.6%; it was never copied from the program's output.
        var expected = File.ReadAllText(Path.Combine(Insights.Sources.Samples.RepositoryRoot, "tests", "Insights.Tests", "Golden", "district-context.md"))
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
        var extract = GmpExtractReader.Read(Insights.Sources.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"));
        var context = DistrictBreakdown.Compute(extract.Enquiries, "Trafford", new FinancialYear(2024).Period);
        var md = DistrictNarrative.Render(context, new TemplateLibrary(TemplatesFolder), "test").Markdown;
        Assert.StartsWith("### Trafford context\n", md);
        Assert.Contains("logged 21 modern slavery enquiries relating to Trafford (22 in the previous year)", md);
        Assert.DoesNotContain("Stockport", md);
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
