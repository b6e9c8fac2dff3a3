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
    static readonly ContextOptions Options = new(GmpOptions.Samples(), SuppressBelow: 5);
    static readonly Lazy<ContextResult> Result = new(() => ContextJob.Compute(Options));
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
    public void Every_chart_is_drawn_and_a_withheld_count_reads_c_in_its_table_after_the_shown_ones()
    {
        var figures = ContextJob.Figures(Result.Value, Options);
        IReadOnlyList<IReadOnlyList<string>> Rows(string title) => figures.Single(f => f.Title.StartsWith(title, StringComparison.Ordinal)).Table.Rows;
        Assert.Equal(
        [
            ["Criminal exploitation", "16", "44.4%"], ["Labour exploitation", "9", "25.0%"], ["Sexual exploitation", "5", "13.9%"],
            ["Criminal (cannabis cultivation)", "[c]", "[c]"], ["Domestic servitude", "[c]", "[c]"], ["Unknown", "[c]", "[c]"],
        ], Rows("Stockport enquiries by exploitation type"));
        // Male 14 and 11 of 25: 56.0% and 44.0%; female 5 ([c], protecting the 4) and 4 (fewer than 5) of 9.
        Assert.Equal([["Male", "14 (56.0%)", "11 (44.0%)", "25"], ["Female", "[c]", "[c]", "9"]], Rows("Stockport enquiries by gender and age"));
        Assert.Equal([["British", "16", "47.1%"], ["Other nationalities", "10", "29.4%"], ["Indian", "[c]", "[c]"], ["Vietnamese", "[c]", "[c]"]],
            Rows("Stockport enquiries by nationality"));
        Assert.Contains(figures, f => f.Title.StartsWith("Stockport enquiries, April 2023 to March 2024 and", StringComparison.Ordinal));   // 46 and 36
        Assert.DoesNotContain(Result.Value.Warnings, w => w.Code == "disclosure-chart-left-out");
    }

    [Fact]
    public void The_tables_workbook_holds_no_withheld_value_and_its_cover_states_the_rule()
    {
        var tables = TablesJob.Tables(Result.Value, Options);
        var facts = tables.Tables[0].Rows.ToDictionary(r => r[0].Text);
        // Domestic servitude, 1 of 36 in the statement: neither the count nor its percentage's numerator is in the workbook.
        Assert.Equal(["Stockport enquiries: Domestic servitude", "fewer than 5", "[c]"], facts["Stockport enquiries: Domestic servitude"].Take(3).Select(v => v.Text));
        Assert.Equal(["[c]", "[c]", "[c]", "[c]"], facts["Domestic servitude as a share of Stockport enquiries"].Skip(1).Take(4).Select(v => v.Text));
        Assert.Equal(36, facts["GMP modern slavery enquiries relating to Stockport"][2].Number);
        Assert.Contains(OutputWording.DisclosureControlled(5), tables.Cover);
        Assert.DoesNotContain(OutputWording.NotDisclosureControlled, tables.Cover);
    }

    [Fact]
    public void The_district_trend_follows_the_same_threshold_in_its_charts_and_facts()
    {
        var options = Options with { Trends = new TrendOptions(DistrictTrend: true) };
        var result = ContextJob.Compute(options);
        var years = ContextJob.Figures(result, options).Single(f => f.Title == "Stockport enquiries by financial year and exploitation type");
        var year = years.Table.Rows.Single(r => r[0] == "2024/25");
        var header = years.Table.Header.ToList();
        // The statement's 2024/25: 36 in all, Domestic servitude 1 (withheld), Criminal exploitation 16.
        Assert.Equal(("36", "[c]"), (year[^1], year[header.IndexOf("Domestic servitude")]));
        foreach (var figure in ContextJob.Figures(result, options).Where(f => f.Title.Contains("by month and exploitation type", StringComparison.Ordinal)
                                                                            || f.Title.Contains("by financial year and exploitation type", StringComparison.Ordinal)))
            foreach (var row in figure.Table.Rows)
            {
                Assert.All(row.Skip(1), cell => Assert.True(cell == "[c]" || int.Parse(cell.Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture) is 0 or >= 5,
                    $"{figure.Title}, {row[0]}: {cell}"));
                Assert.NotEqual(1, row.Count(c => c == "[c]"));   // a period's types and its total: never one withheld alone
            }
        var fact = result.Facts.Facts.Single(f => f.Id == "district-trend.year-2024-25-stockport-domestic-servitude");
        Assert.Equal(("[c]", "primary: fewer than 5"), (fact.Printed, fact.Suppression));
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
