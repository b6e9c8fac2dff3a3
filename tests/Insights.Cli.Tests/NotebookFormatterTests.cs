using Insights.Notebooks;

namespace Insights.Tests;

public class NotebookFormatterTests
{
    sealed record Enquiries(string District, int Count);
    sealed record Category(string Name, Insights.Breakdowns.Share Share);

    [Fact]
    public void A_frame_longer_than_the_cap_shows_the_first_rows_and_says_how_many_are_hidden()
    {
        var rows = Enumerable.Range(1, 60).Select(i => new Enquiries($"D{i}", i)).ToList();
        var formatted = Insights.Cli.InsightsNotebooks.Host.CreateFormatters().Format(Deedle.Frame.FromRecords(rows), new DisplayContext(1, 1));
        Assert.Contains("<td>D50</td>", formatted.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>D51</td>", formatted.Html, StringComparison.Ordinal);
        Assert.Contains("10 more rows not shown (60 rows in all)", formatted.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registered_formatter_overrides_the_built_in_one_for_its_type()
    {
        var registry = Insights.Cli.InsightsNotebooks.Host.CreateFormatters();
        registry.Register<Enquiries>((e, context) => new FormattedValue($"{e.District}: {e.Count}", $"<p id=\"{context.ElementId("fact")}\">{e.Count}</p>"));
        var formatted = registry.Format(new Enquiries("Stockport", 36), new DisplayContext(4, 2));
        Assert.Equal("Stockport: 36", formatted.PlainText);
        Assert.Equal("<p id=\"fact-cell4-2\">36</p>", formatted.Html);
        // Other types keep the built-ins: a list of records is still a table.
        Assert.StartsWith("<table", registry.Format(new[] { new Enquiries("Bolton", 52) }, new DisplayContext(1, 1)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fact_sheet_shows_as_a_table_of_its_facts_and_a_share_names_its_denominator()
    {
        var registry = Insights.Cli.InsightsNotebooks.Host.CreateFormatters();
        var sheet = new Insights.Narrative.FactSheet();
        sheet.Add(Insights.Narrative.Fact.Percentage("district.adult-share", Insights.Breakdowns.Share.Of(16, 36, "district enquiries"), 1,
            "adults among enquiries", "financial year 2024/25", "GMP extract"));
        var table = registry.Format(sheet, new DisplayContext(1, 1)).Html!;
        Assert.Contains("<td>district.adult-share</td><td>44.4%</td>", table, StringComparison.Ordinal);
        Assert.Equal("44.4% (16 of 36 district enquiries)",
            registry.Format(Insights.Breakdowns.Share.Of(16, 36, "district enquiries"), new DisplayContext(1, 1)).PlainText);
        // A share inside a record shows the same way in a table cell, not as the record's ToString().
        var shares = new[] { new Category("Criminal exploitation", Insights.Breakdowns.Share.Of(15, 40, "Bolton enquiries")) };
        Assert.Contains("<td>Criminal exploitation</td><td>37.5% (15 of 40 Bolton enquiries)</td>",
            registry.Format(shares, new DisplayContext(1, 1)).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Facts_show_every_row_with_numerator_and_denominator_but_not_the_full_precision_value()
    {
        // The statement section has 66 facts: the author checks each one, so none may be cut at the 50-row cap,
        // and a 28-digit value column made the table too wide to read.
        var facts = Enumerable.Range(1, 60).Select(i => Insights.Narrative.Fact.Percentage($"fact.{i}",
            Insights.Breakdowns.Share.Of(i, 1200, "district enquiries"), 1, "a share", "filter", "source")).ToList();
        facts.Add(Insights.Narrative.Fact.Count("fact.count", 4142, "referrals", "quarter = 2023 Q4", "NRM"));
        var html = Insights.Cli.InsightsNotebooks.Host.CreateFormatters().Format(facts, new DisplayContext(1, 1)).Html!;
        Assert.DoesNotContain("not shown", html, StringComparison.Ordinal);
        Assert.Contains("<td>fact.60</td><td>5.0%</td><td>a share</td><td>60</td><td>1,200 district enquiries</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>fact.count</td><td>4,142</td><td>referrals</td><td></td><td></td><td>quarter = 2023 Q4</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>Value</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_and_dates_display_in_the_invariant_culture()
    {
        // A machine set to, say, German would otherwise print 1,5 and 23.11.2026.
        var registry = Insights.Cli.InsightsNotebooks.Host.CreateFormatters();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("1.5", registry.Format(1.5, new DisplayContext(1, 1)).PlainText);
            Assert.Equal("[2026-11-23, 2027-01-05]", registry.Format(new[] { new DateOnly(2026, 11, 23), new DateOnly(2027, 1, 5) }, new DisplayContext(1, 1)).PlainText);
            Assert.Equal("1,5", 1.5.ToString(System.Globalization.CultureInfo.CurrentCulture)); // the trap is real here
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }
}

public class NotebookFailureMessageTests
{
    [Fact]
    public void A_two_line_exception_message_is_reported_on_one_line() =>
        // Review finding: ArgumentOutOfRangeException adds "Actual value was -1." on a second line.
        Assert.Equal("cell 8 (line 1): must be non-negative. Actual value was -1.",
            new Insights.Notebooks.CellException(8, 1, "must be non-negative.\nActual value was -1.").Message);
}
