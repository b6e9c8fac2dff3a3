using Insights.Breakdowns;
using Insights.Model;
using Insights.Narrative;
using Insights.Sources;
using Insights.Sources.Nrm;
using Insights.Sources.Ods;

namespace Insights.Tests;

/// <summary>
/// The local NRM context from the releases' county / police force area table. Oracle: the reconstructed 2025 Q2
/// workbook's Table_12 (Greater Manchester 240; data-samples/nrm/README.md) over the statement's published UK total
/// of 5,690 for April to June 2025: 240 / 5,690 = 4.2179% → 4.2%.
/// </summary>
public class NrmAreaTests
{
    static TemplateLibrary Templates => new(Path.Combine(AppContext.BaseDirectory, "templates"));
    static NrmHistory Q2_2025() => NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm", NrmSampleWorkbooks.Q2_2025)]);

    [Fact]
    public void Greater_Manchester_is_240_referrals_4_point_2_percent_of_the_UK_s_5_690()
    {
        var c = NrmAreas.Compute(Q2_2025(), "  greater   MANCHESTER ");

        Assert.Equal(("Greater Manchester", 240, 240, 5690), (c.Area, c.People, c.ShareOfUk!.Numerator, c.ShareOfUk.Denominator));
        Assert.Equal("4.2%", c.ShareOfUk.Format(1));
        Assert.Null(c.Change);   // the sample's table has one quarter and no earlier release has the table
        Assert.Equal(
            "### Local NRM context\n\nIn April to June 2025, 240 potential victims were referred to the NRM where the exploitation took place in Greater Manchester, 4.2% of the 5,690 referrals in the UK.\n",
            NrmAreaNarrative.Build(c).Render(Templates));
    }

    [Fact]
    public void The_table_is_found_by_its_title_whatever_its_number()
    {
        var sheets = NrmSampleWorkbooks.Release2025Q2().Select(s => s.Name == "Table_12" ? Renamed(s, "Table_9") : s).ToList();
        using var file = new OdsFixture.TempFile(".ods", NrmSampleWorkbooks.Bytes(sheets));
        Assert.Equal(240, NrmAreas.Compute(NrmLoader.Load([file.Path]), "Greater Manchester").People);
    }

    [Fact]
    public void An_unknown_area_lists_the_areas_of_the_table()
    {
        var e = NationalWording.Error(Assert.Throws<InputProblemException>(() => NrmAreas.Compute(Q2_2025(), "Greater Manchster")).Problem);
        Assert.Contains("'Greater Manchster' is not in the 2025 Q2 release's county and police force area table (expected one of Greater London, Greater Manchester, West Midlands, Other counties)", e.Message);
    }

    [Fact]
    public void A_withheld_count_is_not_stated()
    {
        var e = NationalWording.Error(Assert.Throws<InputProblemException>(() => NrmAreas.Compute(Q2_2025(), "Other counties")).Problem);
        Assert.Contains("as shorthand (confidential)", e.Message);
    }

    [Fact]
    public void A_column_for_the_same_quarter_a_year_earlier_gives_the_change()
    {
        // 240 against 200: +40 / 200 = 20% increase.
        var county = new SheetBuilder("Table_12")
            .Row("Table 12: NRM referrals by UK county where the exploitation took place, April to June 2025")
            .Row("County", "April to June 2024", "April to June 2025")
            .Row("Greater Manchester", 200, 240).Row("West Midlands", 190, 200)
            .Build();
        var sheets = NrmSampleWorkbooks.Release2025Q2().Select(s => s.Name == "Table_12" ? county : s).ToList();
        using var file = new OdsFixture.TempFile(".ods", NrmSampleWorkbooks.Bytes(sheets));

        var c = NrmAreas.Compute(NrmLoader.Load([file.Path]), "Greater Manchester");
        Assert.Equal((240, 200, new Quarter(2024, 2)), (c.People, c.Change!.Previous, c.ComparedWith!.Value));
        Assert.EndsWith("4.2% of the 5,690 referrals in the UK. This is a 20% increase on April to June 2024 (200).\n", NrmAreaNarrative.Build(c).Render(Templates));
    }

    [Fact]
    public void One_referral_is_a_potential_victim_who_was_referred()
    {
        var county = new SheetBuilder("Table_12")
            .Row("Table 12: NRM referrals by UK county where the exploitation took place, April to June 2025")
            .Row("County", "April to June 2025")
            .Row("Rutland", 1).Row("West Midlands", 200)
            .Build();
        var sheets = NrmSampleWorkbooks.Release2025Q2().Select(s => s.Name == "Table_12" ? county : s).ToList();
        using var file = new OdsFixture.TempFile(".ods", NrmSampleWorkbooks.Bytes(sheets));
        var text = NrmAreaNarrative.Build(NrmAreas.Compute(NrmLoader.Load([file.Path]), "Rutland")).Render(Templates);
        Assert.Contains("In April to June 2025, 1 potential victim was referred to the NRM where the exploitation took place in Rutland", text);
        Assert.Contains("In April to June 2025, 200 potential victims were referred",
            NrmAreaNarrative.Build(NrmAreas.Compute(NrmLoader.Load([file.Path]), "West Midlands")).Render(Templates));
    }

    // A total row is the table's total, not an area: never listed, never named as one.
    [Fact]
    public void A_total_row_of_the_table_is_not_an_area()
    {
        var county = new SheetBuilder("Table_12")
            .Row("Table 12: NRM referrals by UK county where the exploitation took place, April to June 2025")
            .Row("County", "Referrals")
            .Row("Greater Manchester", 240).Row("West Midlands", 200).Row("Total", 440)
            .Build();
        var sheets = NrmSampleWorkbooks.Release2025Q2().Select(s => s.Name == "Table_12" ? county : s).ToList();
        using var file = new OdsFixture.TempFile(".ods", NrmSampleWorkbooks.Bytes(sheets));
        var history = NrmLoader.Load([file.Path]);

        var c = NrmAreas.Compute(history, "Greater Manchester");
        Assert.Equal([("Greater Manchester", 240), ("West Midlands", 200)], c.Listed.Select(a => (a.Area, a.People ?? -1)));
        var e = NationalWording.Error(Assert.Throws<InputProblemException>(() => NrmAreas.Compute(history, "Total")).Problem);
        Assert.Contains("(expected one of Greater Manchester, West Midlands)", e.Message);
    }

    [Fact]
    public void A_release_without_the_table_says_so()
    {
        var history = NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm", NrmSampleWorkbooks.Q4_2023)]);
        var e = NationalWording.Error(Assert.Throws<InputProblemException>(() => NrmAreas.Compute(history, "Greater Manchester")).Problem);
        Assert.Contains("no release loaded has the referrals by county or police force area table", e.Message);
    }

    static Sheet Renamed(Sheet s, string name) => s with
    {
        Name = name,
        Rows = [[Cell.FromText(s.Rows[0][0].Text.Replace("Table 12", "Table 9", StringComparison.Ordinal))], .. s.Rows.Skip(1)],
    };
}
