using System.Text.Json;
using Insights.Breakdowns;
using Insights.Charts;

namespace Insights.Tests;

/// <summary>
/// Under the disclosure rule a chart keeps its categories and shows "[c]" for a withheld count: no bar, the mark
/// where the bar would be, "[c]" in the table and the alt text, and the withheld value nowhere in the chart's JSON.
/// Figures are the 2025/26 statement's for Stockport (types of 36; gender × age of 34; the years 46 and 36).
/// </summary>
public class WithheldChartTests
{
    static JsonElement Json(ChartFigure f) => JsonDocument.Parse(f.Json).RootElement;

    static readonly (string, Share)[] Types =
    [
        ("Criminal exploitation", Share.Of(16, 36, "the 36 enquiries")), ("Labour exploitation", Share.Of(9, 36, "the 36 enquiries")),
        ("Criminal (cannabis cultivation)", Share.Of(4, 36, "the 36 enquiries")), ("Domestic servitude", Share.Of(1, 36, "the 36 enquiries")),
    ];

    [Fact]
    public void A_withheld_category_reads_c_in_the_table_and_alt_text_after_the_shown_ones_in_label_order()
    {
        var f = Figures.CategoryCounts("Types", Types, "Source: test", "Enquiries", "Exploitation type",
            withheld: new HashSet<string> { "Domestic servitude", "Criminal (cannabis cultivation)" });
        Assert.Equal(
        [
            ["Criminal exploitation", "16", "44.4%"], ["Labour exploitation", "9", "25.0%"],
            ["Criminal (cannabis cultivation)", "[c]", "[c]"], ["Domestic servitude", "[c]", "[c]"],
        ], f.Table.Rows);
        Assert.Equal("Bar chart: Criminal exploitation 16 (44.4%), Labour exploitation 9 (25.0%), Criminal (cannabis cultivation) [c], Domestic servitude [c].", f.AltText);
    }

    [Fact]
    public void A_withheld_bar_has_no_value_and_a_c_mark_and_its_count_is_nowhere_in_the_chart()
    {
        var f = Figures.CategoryCounts("Types", Types, "Source: test", "Enquiries", "Exploitation type", withheld: new HashSet<string> { "Domestic servitude" });
        var json = Json(f);
        var trace = json.GetProperty("data")[0];
        Assert.Equal([JsonValueKind.Number, JsonValueKind.Number, JsonValueKind.Number, JsonValueKind.Null],
            trace.GetProperty("x").EnumerateArray().Select(x => x.ValueKind));
        Assert.Equal("[c]", trace.GetProperty("customdata")[3].GetString());
        var mark = Assert.Single(json.GetProperty("layout").GetProperty("annotations").EnumerateArray());
        Assert.Equal(("Domestic servitude", "[c]"), (mark.GetProperty("y").GetString(), mark.GetProperty("text").GetString()));
        Assert.DoesNotContain("2.8%", f.Json);   // 1 of 36
    }

    [Fact]
    public void A_withheld_base_leaves_every_percentage_out()
    {
        var f = Figures.CategoryCounts("Types", Types, "Source: test", "Enquiries", "Exploitation type", withheld: new HashSet<string>(), baseWithheld: true);
        Assert.Equal(["Criminal exploitation", "16", "[c]"], f.Table.Rows[0]);
        Assert.StartsWith("Bar chart: Criminal exploitation 16, Labour exploitation 9,", f.AltText);
        Assert.DoesNotContain("%", f.Json.Replace("%{customdata}", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_withheld_segment_of_a_stacked_bar_is_c_and_a_withheld_total_keeps_the_counts_without_percentages()
    {
        // Male 14 adult and 11 under 18 (25); female 5 and 4 (9): the female cells withheld, then the male total.
        var f = Figures.Split("Gender and age", [("Male", "Adult", 14), ("Male", "Under 18", 11), ("Female", "Adult", 5), ("Female", "Under 18", 4)],
            "Source: test", "Gender", "Enquiries",
            withheld: new HashSet<(string, string)> { ("Female", "Adult"), ("Female", "Under 18") }, withheldTotals: new HashSet<string> { "Male" });
        Assert.Equal([["Male", "14", "11", "[c]"], ["Female", "[c]", "[c]", "9"]], f.Table.Rows);
        Assert.Equal("Stacked bar chart by gender: Male: Adult 14, Under 18 11; Female: Adult [c], Under 18 [c].", f.AltText);
        var mark = Assert.Single(Json(f).GetProperty("layout").GetProperty("annotations").EnumerateArray());
        Assert.Equal(("Female", 0, "Adult [c], Under 18 [c]"), (mark.GetProperty("y").GetString(), mark.GetProperty("x").GetInt32(), mark.GetProperty("text").GetString()));
    }

    [Fact]
    public void A_shown_cell_beside_a_withheld_one_keeps_its_share_and_the_mark_follows_the_shown_stack()
    {
        var f = Figures.Split("Gender and age", [("Male", "Adult", 14), ("Male", "Under 18", 11)], "Source: test", "Gender", "Enquiries",
            withheld: new HashSet<(string, string)> { ("Male", "Adult") });
        // 11 of 25 = 44.0%; the mark sits at 11, the end of the shown part of the bar.
        Assert.Equal([["Male", "[c]", "11 (44.0%)", "25"]], f.Table.Rows);
        Assert.Equal(11, Json(f).GetProperty("layout").GetProperty("annotations")[0].GetProperty("x").GetInt32());
    }

    [Fact]
    public void A_withheld_year_makes_the_change_c()
    {
        var f = Figures.YearOnYear("Years", ("April 2023 to March 2024", 46), ("April 2024 to March 2025", 36), "Source: test", "Enquiries", currentWithheld: true);
        Assert.Equal([["April 2023 to March 2024", "46", "[x]"], ["April 2024 to March 2025", "[c]", "[c]"]], f.Table.Rows);
        Assert.Equal("Column chart: April 2023 to March 2024 46; April 2024 to March 2025 [c], the change is not given.", f.AltText);
        Assert.DoesNotContain("22%", f.Json);   // 36 on 46
        var trace = Json(f).GetProperty("data")[0];
        Assert.Equal(JsonValueKind.Null, trace.GetProperty("y")[1].ValueKind);
        Assert.Equal(["46", ""], trace.GetProperty("text").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["46", "[c]"], trace.GetProperty("customdata").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Withheld_districts_come_last_in_name_order_whatever_their_counts()
    {
        // Of 100: Stockport 36 shown; Bury 60 and Wigan 4 withheld (60 to protect the 4). Sorted by count, Bury would lead.
        var f = Figures.DistrictComparison("Districts", [("Bury", 60), ("Stockport", 36), ("Wigan", 4)], "Stockport", 100, "all enquiries", "Source: test",
            withheld: new HashSet<string> { "Wigan", "Bury" });
        Assert.Equal([["Stockport", "36", "36.0%"], ["Bury", "[c]", "[c]"], ["Wigan", "[c]", "[c]"]], f.Table.Rows);
        var trace = Json(f).GetProperty("data")[0];
        Assert.Equal([36, -1, -1], trace.GetProperty("x").EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? -1 : x.GetInt32()));
        Assert.Equal(["36 (36.0%)", "[c]", "[c]"], trace.GetProperty("customdata").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void The_chart_of_districts_has_a_not_logged_bar_so_its_bars_add_up_to_the_total()
    {
        // The statement's year: 612 enquiries across GM, 155 with no district logged; here three districts of 457.
        var f = Figures.DistrictComparison("Districts", [("Bury", 300), ("Stockport", 36), ("Wigan", 121)], "Stockport", 612, "all 612 enquiries", "Source: test",
            notLogged: (155, false));
        Assert.Equal([["Bury", "300", "49.0%"], ["Wigan", "121", "19.8%"], ["Stockport", "36", "5.9%"], ["Not logged", "155", "25.3%"]], f.Table.Rows);
        var trace = Json(f).GetProperty("data")[0];
        Assert.Equal(612, trace.GetProperty("x").EnumerateArray().Sum(x => x.GetInt32()));
        // Hatched, so it does not read as one more district.
        Assert.Equal(["", "", "", "/"], trace.GetProperty("marker").GetProperty("pattern").GetProperty("shape").EnumerateArray().Select(x => x.GetString()));
        Assert.Contains("Not logged 155 (25.3%).", f.AltText);
    }

    [Fact]
    public void A_withheld_not_logged_count_is_c_like_a_district()
    {
        var f = Figures.DistrictComparison("Districts", [("Bury", 60), ("Stockport", 36)], "Stockport", 100, "all enquiries", "Source: test",
            withheld: new HashSet<string> { "Bury" }, notLogged: (4, true));
        Assert.Equal([["Stockport", "36", "36.0%"], ["Bury", "[c]", "[c]"], ["Not logged", "[c]", "[c]"]], f.Table.Rows);
        Assert.DoesNotContain("\"x\":[36,null,4]", f.Json.Replace(" ", ""));
        Assert.Equal([36, -1, -1], Json(f).GetProperty("data")[0].GetProperty("x").EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? -1 : x.GetInt32()));
    }

    [Fact]
    public void Without_withheld_figures_a_chart_is_the_chart_drawn_without_the_rule()
    {
        Assert.Equal(Figures.CategoryCounts("Types", Types, "Source: test").Json,
            Figures.CategoryCounts("Types", Types, "Source: test", withheld: new HashSet<string>()).Json);
        Assert.DoesNotContain("annotations", Figures.CategoryCounts("Types", Types, "Source: test").Json);
    }
}
