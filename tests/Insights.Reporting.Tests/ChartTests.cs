using System.Text.Json;
using Insights.Breakdowns;
using Insights.Charts;
using Insights.Model;

namespace Insights.Tests;

public class ChartTests
{
    static JsonElement Json(ChartFigure f) => JsonDocument.Parse(f.Json).RootElement;

    [Fact]
    public void Alt_text_lists_the_same_figures_as_the_table()
    {
        var f = ChartSamples.StockportByType();
        Assert.StartsWith("Bar chart: Criminal exploitation 16 (44.4%), Labour exploitation 9 (25.0%), Sexual exploitation 5 (13.9%), "
            + "Criminal (cannabis cultivation) 4 (11.1%), Domestic servitude 1 (2.8%), Unknown 1 (2.8%).", f.AltText);
        Assert.Equal(["Criminal exploitation", "16", "44.4%"], f.Table.Rows[0]);
        // The header names the denominator: every percentage says what it is a share of.
        Assert.Equal("Percentage of the 36 enquiries", f.Table.Header[2]);
        foreach (var row in f.Table.Rows) Assert.Contains($"{row[0]} {row[1]} ({row[2]})", f.AltText);
    }

    [Fact]
    public void Hover_shows_count_and_percent()
    {
        var trace = Json(ChartSamples.StockportByType()).GetProperty("data")[0];
        Assert.Equal("16 (44.4%)", trace.GetProperty("customdata")[0].GetString());
        Assert.Contains("%{customdata}", trace.GetProperty("hovertemplate").GetString());
        Assert.Equal(16, trace.GetProperty("x")[0].GetInt32());
    }

    [Fact]
    public void Theme_is_installed_as_the_default_template_with_the_Analysis_Function_palette()
    {
        var layout = Json(ChartSamples.StockportByType()).GetProperty("layout");
        var template = layout.GetProperty("template").GetProperty("layout");
        Assert.Equal(["#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"],
            template.GetProperty("colorway").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Contains("sans-serif", template.GetProperty("font").GetProperty("family").GetString());
        Assert.Equal("left", template.GetProperty("title").GetProperty("xanchor").GetString());
        Assert.Equal("#D6D6D6", template.GetProperty("xaxis").GetProperty("gridcolor").GetString());
        // Installed once: calling Install again keeps the same template object.
        var installed = Plotly.NET.Defaults.DefaultTemplate;
        AnalysisFunctionTheme.Install();
        Assert.Same(installed, Plotly.NET.Defaults.DefaultTemplate);
    }

    [Fact]
    public void Current_quarter_is_marked_in_the_focus_colour_and_the_rest_in_grey()
    {
        var f = ChartSamples.ReferralsByQuarter();
        var colours = Json(f).GetProperty("data")[0].GetProperty("marker").GetProperty("color").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal("#12436D", colours[^1]);
        Assert.All(colours.Take(colours.Count - 1), c => Assert.Equal("#BFBFBF", c));
        // Q4 2023 bulletin: 4,142, "similar" to the previous quarter's 4,131 (+0.27% rounds to 0%).
        Assert.Equal(["October to December 2023", "4,142", "similar (0%)"], f.Table.Rows[^1]);
        Assert.Equal(["January to March 2022", "3,773", "[x]"], f.Table.Rows[0]);
        Assert.Contains("October to December 2023 4,142", f.AltText);
    }

    [Fact]
    public void Quarter_on_quarter_change_in_Q1_2023_is_a_7_percent_increase()
    {
        // Q1 2023 bulletin: 4,746 was 7% more than Q4 2022 (4,416). Table_2 of the later release revises both
        // (4,738 and 4,413), and the change on the revised figures is still 7%.
        var f = ChartSamples.ReferralsByQuarter();
        Assert.Equal(["January to March 2023", "4,738", "7% increase"], f.Table.Rows[4]);
    }

    [Fact]
    public void Split_gives_each_count_its_share_of_the_category()
    {
        var f = ChartSamples.AgeByGender();
        // Statement: 25 males (14 adult; 11 under 18), 9 females (5 adult; 4 under 18). 14/25 = 56.0%, 4/9 = 44.4%.
        Assert.Equal(["Gender", "Adult", "Under 18", "Total"], f.Table.Header);
        Assert.Equal(["Male", "14 (56.0%)", "11 (44.0%)", "25"], f.Table.Rows[0]);
        Assert.Equal(["Female", "5 (55.6%)", "4 (44.4%)", "9"], f.Table.Rows[1]);
        var data = Json(f).GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.Equal("#12436D", data[0].GetProperty("marker").GetProperty("color").GetString());   // duo palette
        Assert.Equal("#F46A25", data[1].GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal("stack", Json(f).GetProperty("layout").GetProperty("barmode").GetString());
        Assert.Contains("Male: Adult 14 (56.0%), Under 18 11 (44.0%)", f.AltText);
    }

    [Fact]
    public void District_comparison_highlights_one_district_with_its_share_of_all_GM_enquiries()
    {
        var f = ChartSamples.DistrictComparison();
        var stockport = f.Table.Rows.Single(r => r[0] == "Stockport");
        Assert.Equal(["Stockport", "36", "5.9%"], stockport);   // statement: 36 of 612 = 5.88%
        Assert.Equal("Manchester", f.Table.Rows[0][0]);          // largest first
        var trace = Json(f).GetProperty("data")[0];
        var names = trace.GetProperty("y").EnumerateArray().Select(e => e.GetString()).ToList();
        var colours = trace.GetProperty("marker").GetProperty("color").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal("#12436D", colours[names.IndexOf("Stockport")]);
        Assert.Equal(9, colours.Count(c => c == "#BFBFBF"));
    }

    [Fact]
    public void Year_on_year_states_the_change_in_words()
    {
        var f = ChartSamples.YearOnYear();
        // 46 to 36: -21.7% rounds to 22%.
        Assert.Equal(["2024-25", "36", "22% decrease"], f.Table.Rows[1]);
        Assert.Equal("Column chart: 2023-24 46; 2024-25 36, a 22% decrease.", f.AltText);
    }

    [Theory]
    [InlineData(50, 54, "an 8% increase")]  // the alt text once said "a 8% increase": the article follows the number
    [InlineData(100, 100, "a similar number")] // never "a no change"
    public void Year_on_year_alt_text_reads_as_a_sentence(int previous, int current, string expected)
    {
        var f = Insights.Charts.Figures.YearOnYear("Enquiries", ("2023-24", previous), ("2024-25", current), "Source: test");
        Assert.EndsWith(expected + ".", f.AltText);
    }

    [Fact]
    public void Chart_ids_come_from_the_title_not_a_GUID()
    {
        Assert.Equal("chart-stockport-enquiries-year-on-year", ChartSamples.YearOnYear().Id);
        var html = ChartSamples.YearOnYear().ToHtml();
        Assert.Contains("<div id=\"chart-stockport-enquiries-year-on-year\" class=\"plotly-chart\" role=\"img\" aria-label=\"Column chart: 2023-24 46", html);
        Assert.Contains("Plotly.newPlot(\"chart-stockport-enquiries-year-on-year\"", html);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}", html);
    }

    [Fact]
    public void Figure_html_has_a_caption_with_the_source_and_a_table()
    {
        var html = ChartSamples.StockportByType().ToHtml();
        Assert.Contains("<figcaption", html);
        Assert.Contains(ChartSamples.GmpSource, html);
        Assert.Contains("<th scope=\"row\">Criminal exploitation</th><td class=\"number\">16</td><td class=\"number\">44.4%</td>", html);
    }

    [Fact]
    public void A_label_cannot_close_the_script_element()
    {
        var f = Figures.CategoryCounts("Tricky </script> label", [("</script><b>x", 1, "100.0%")], "Source: test");
        var html = f.ToHtml();
        Assert.Equal(1, Text.Occurrences(html, "</script>"));   // only the real end of the script
    }

    const string Link = "<a href=\"javascript:alert(1)\">x</a>";
    const string Image = "<img src=x onerror=alert(1)>";

    static readonly Dictionary<string, Func<ChartFigure>> HostileCharts = new()
    {
        ["category counts"] = () => Figures.CategoryCounts(Link, [(Link, 2, "66.7%"), (Image, 1, "33.3%")], "Source: test", Image, Link),
        ["split (categories and series)"] = () => Figures.Split("t", [(Link, Image, 1), (Image, Link, 2)], "Source: test", Link, Image),
        ["many series"] = () => Figures.ManySeriesSplit("t", [("2023/24", Link, 1), ("2024/25", Image, 2)], "Source: test", "Year", "Enquiries"),
        ["district comparison"] = () => Figures.DistrictComparison("t", [(Link, 3), (Image, 1)], Link, 4, "the 4 enquiries", "Source: test", Image, Link),
        ["year on year"] = () => Figures.YearOnYear("t", (Link, 1), (Image, 2), "Source: test", Link),
    };

    public static TheoryData<string> HostileChartNames() => [.. HostileCharts.Keys];

    /// <summary>Every string of the chart's data and layout Plotly would draw.</summary>
    static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [Theory]
    [MemberData(nameof(HostileChartNames))]
    public void Markup_in_a_label_is_drawn_as_text_not_as_a_link_or_an_image(string chart)
    {
        var json = Json(HostileCharts[chart]());
        var drawn = Strings(json.GetProperty("data")).Concat(Strings(json.GetProperty("layout"))).ToList();
        // Plotly's pseudo-HTML: only the program's own markup (hover's <extra>, the annotation's <b> and <br>) is left.
        var markup = drawn.Select(t => t.Replace("<extra></extra>", "").Replace("<b>", "").Replace("</b>", "").Replace("<br>", ""));
        Assert.All(markup, t => Assert.DoesNotContain("<", t));
        Assert.Contains(drawn, t => t.Contains("&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt;", StringComparison.Ordinal) || t.Contains("&lt;img src=x onerror=alert(1)&gt;", StringComparison.Ordinal));
    }

    [Fact]
    public void A_series_named_like_a_hover_substitution_is_shown_as_written()
    {
        var f = Figures.Split("t", [("A", "%{x}", 1)], "Source: test", "Type");
        var template = Json(f).GetProperty("data")[0].GetProperty("hovertemplate").GetString();
        Assert.Equal("%\u200b{x}: %{customdata}<extra></extra>", template);
    }

    [Fact]
    public void An_apostrophe_in_a_title_is_kept_as_text()
    {
        // HTML-encoding it would make Plotly print "Women&#39;s" on the chart.
        var f = Figures.CategoryCounts("Women's refuges & hostels", [("A", 1, "100.0%")], "Source: test");
        var title = Json(f).GetProperty("layout").GetProperty("title").GetProperty("text").GetString();
        Assert.Equal("Women's refuges &amp; hostels", title);
    }

    [Fact]
    public void Table_as_Markdown_right_aligns_numbers_and_survives_a_pipe_in_a_label()
    {
        var f = Figures.CategoryCounts("t", [("Criminal | county lines", 16, "44.4%")], "Source: test", "Enquiries", "Type", "Share of the 36");
        Assert.Equal("| Type | Enquiries | Share of the 36 |\n|---|--:|--:|\n| Criminal \\| county lines | 16 | 44.4% |\n", f.TableMarkdown());
        // ... and Markdig reads it back as one three-column row, so Word gets the same table.
        Assert.Contains("<td>Criminal | county lines</td>", Insights.Outputs.HtmlSection.Fragment(f.TableMarkdown()));
    }

    [Fact]
    public void Drawing_the_same_chart_twice_gives_the_same_json()
    {
        Assert.Equal(ChartSamples.DistrictComparison().Json, ChartSamples.DistrictComparison().Json);
        Assert.Equal(ChartSamples.ReferralsByQuarter().ToHtml(), ChartSamples.ReferralsByQuarter().ToHtml());
    }

    [Fact]
    public void A_current_quarter_outside_the_series_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Figures.ReferralsByQuarter(ChartSamples.NrmQuarters, new Quarter(2024, 1), ChartSamples.NrmSource));
        Assert.Contains("2024 Q1", e.Message);
    }

    [Fact]
    public void A_gap_in_the_quarters_gives_no_change_rather_than_a_change_over_two_quarters()
    {
        var f = Figures.ReferralsByQuarter([(new Quarter(2023, 1), 100), (new Quarter(2023, 3), 150)], new Quarter(2023, 3), "Source: test");
        Assert.Equal("[x]", f.Table.Rows[1][2]);
    }

}
