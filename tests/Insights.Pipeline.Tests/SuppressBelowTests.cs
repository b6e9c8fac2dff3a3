using Insights.Breakdowns;
using Insights.Narrative;
using Insights.Pipeline;

namespace Insights.Tests;

/// <summary>
/// --suppress-below 5 on the samples, whose Stockport 2024/25 figures are the 2025/26 statement's (types 16, 9, 5, 4,
/// 1, 1 of 36; female 5 adult and 4 under 18; nationalities British 16, Indian 5, Vietnamese 3, other 10 of 34; other
/// nationalities' children 4 of 18). Worked by hand: 4, 1, 1, female under 18 (4), Vietnamese (3) and the other
/// nationalities' children (4) are under 5; female adults (5) and Indian (5) are each the only other part of a line
/// that would give a small one back.
/// </summary>
public class SuppressBelowTests
{
    static readonly Lazy<ContextResult> Result = new(() => ContextJob.Compute(new ContextOptions(GmpOptions.Samples(), SuppressBelow: 5)));
    static string Text => Result.Value.DistrictSection.Markdown;

    [Fact]
    public void Counts_under_5_read_fewer_than_5_and_lose_their_percentages()
    {
        Assert.Contains("- Criminal (cannabis cultivation) (fewer than 5).\n- Domestic servitude (fewer than 5).\n- Unknown (fewer than 5).\n", Text);
        Assert.Contains("- fewer than 5 were Vietnamese.\n", Text);
        Assert.DoesNotContain("; 11.1%", Text);   // 4 of 36
        Assert.DoesNotContain("(8.8%)", Text);   // 3 of 34
    }

    [Fact]
    public void The_only_other_part_of_a_line_with_one_small_count_is_withheld_as_c()
    {
        // 9 - 4 would give the female adults; 34 - 16 - 3 - 10 would give the Indian count.
        Assert.Contains("- 9 (26.5%) were female ([c] adult; fewer than 5 under 18).\n", Text);
        Assert.Contains("- [c] were Indian.\n", Text);
        Assert.Contains("- 25 (73.5%) were male (14 adult; 11 under 18).\n", Text);
    }

    [Fact]
    public void Counts_of_5_or_more_are_printed_as_the_statement_has_them()
    {
        Assert.Contains("logged 36 modern slavery enquiries relating to Stockport (46 in the previous year). These 36 accounted for 5.9% of the 612 enquiries", Text);
        Assert.Contains("- Sexual exploitation (5; 13.9%).\n", Text);
        Assert.Contains("The majority of British alleged victims (11; 68.8%) were children.", Text);
    }

    [Fact]
    public void A_sentence_about_children_whose_count_is_withheld_is_left_out_and_a_note_explains_the_rule()
    {
        Assert.DoesNotContain("related to children", Text);   // 4 of 18 in the statement
        Assert.Contains(DisclosureWording.SectionNote(5), Text);
    }

    [Fact]
    public void Facts_say_what_was_withheld_and_why()
    {
        var facts = Result.Value.Facts.Facts.ToDictionary(f => f.Id);
        Assert.Equal("fewer than 5", facts["district.exploitation.domestic-servitude"].Printed);
        Assert.StartsWith("primary", facts["district.exploitation.domestic-servitude"].Suppression);
        Assert.Equal("[c]", facts["district.female.adult"].Printed);
        Assert.StartsWith("secondary", facts["district.female.adult"].Suppression);
        Assert.Equal("", facts["district.nationality.vietnamese.share"].Printed);
        Assert.Null(facts["district.enquiries"].Suppression);
        Assert.Contains("\"suppression\": \"primary: fewer than 5\"", Result.Value.Facts.ToJson());
    }

    [Fact]
    public void A_chart_holding_a_withheld_count_is_left_out_with_a_warning()
    {
        var titles = ContextJob.Figures(Result.Value, new ContextOptions(GmpOptions.Samples(), SuppressBelow: 5)).Select(f => f.Title).ToList();
        Assert.DoesNotContain(titles, t => t.StartsWith("Stockport enquiries by exploitation type", StringComparison.Ordinal));
        Assert.Contains(titles, t => t.StartsWith("Stockport enquiries, April 2023 to March 2024 and", StringComparison.Ordinal));   // 46 and 36
        Assert.Contains(Result.Value.Warnings, w => w.Code == DisclosureWording.ChartLeftOutCode && w.Message.Contains("by exploitation type", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_option_the_counts_are_exact_as_the_council_publishes_them()
    {
        var exact = ContextJob.Compute(new ContextOptions(GmpOptions.Samples()));
        Assert.Contains("- Domestic servitude (1; 2.8%).\n", exact.Markdown);
        Assert.DoesNotContain(exact.Facts.Facts, f => f.Suppression is not null);
    }

    [Fact]
    public void The_published_dashboard_uses_the_same_threshold()
    {
        var options = new ContextOptions(GmpOptions.Samples(), Publish: true, SuppressBelow: 10);
        var data = DashboardJob.Data(ContextJob.Compute(options), options);
        Assert.Equal(10, data.SuppressBelow);
        Assert.All(data.Police.Cubes.SelectMany(c => c.Cells), c => Assert.True(c.Count is null or 0 or >= 10, $"a count of {c.Count} reached the published file"));
        Assert.Contains("below 10", data.Marking);
    }
}
