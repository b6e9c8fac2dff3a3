using Insights.Breakdowns;
using Insights.Model;
using Insights.Sources.Gmp;

namespace Insights.Tests;

/// <summary>
/// The statement's Stockport context (2025/26 statement, lines 76-101) is the oracle: the synthetic sample was
/// built to reproduce it, so every published figure must come back, with 44.4% where the statement printed 44.6%.
/// </summary>
public class DistrictBreakdownTests
{
    static readonly Lazy<IReadOnlyList<Enquiry>> Sample = new(() =>
        GmpExtractReader.Read(Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv")).Enquiries);

    static DistrictContext Stockport2024() => DistrictBreakdown.Compute(Sample.Value, "Stockport", new FinancialYear(2024).Period);

    [Fact]
    public void Stockport_2024_25_counts_match_the_statement()
    {
        var c = Stockport2024();
        Assert.Equal(36, c.Enquiries);
        Assert.Equal(46, c.PreviousEnquiries);
        Assert.Equal(612, c.GmEnquiries);
        Assert.Equal(155, c.DistrictNotLogged);
        Assert.Equal(new FinancialYear(2023).Period, c.PreviousPeriod);
    }

    [Fact]
    public void Share_of_gm_is_36_of_612_including_enquiries_without_a_district()
    {
        // 5.9% only if the 155 not logged stay in the denominator: 36/457 would be 7.9%.
        var s = Stockport2024().ShareOfGm;
        Assert.Equal((36, 612, new ShareBase.AreaEnquiries(PoliceArea.GreaterManchester)), (s.Numerator, s.Denominator, s.Base));
        Assert.Equal("5.9%", s.Format(1));
    }

    [Fact]
    public void Exploitation_types_largest_first_with_ties_in_gmp_list_order()
    {
        // Domestic servitude and Unknown tie at 1: GMP's list order puts Domestic servitude first, as the statement.
        var types = Stockport2024().ExploitationTypes;
        Assert.Equal(
            [("Criminal exploitation", 16, "44.4%"), ("Labour exploitation", 9, "25.0%"), ("Sexual exploitation", 5, "13.9%"),
             ("Criminal (cannabis cultivation)", 4, "11.1%"), ("Domestic servitude", 1, "2.8%"), ("Unknown", 1, "2.8%")],
            types.Select(t => (t.Name, t.Count, t.Share.Format(1))));
        Assert.All(types, t => Assert.Equal(36, t.Share.Denominator));
    }

    [Fact]
    public void Age_and_gender_shares_are_of_the_34_where_both_are_known()
    {
        var c = Stockport2024();
        Assert.Equal(34, c.AgeAndGenderKnown);
        Assert.Equal((25, 34, "73.5%", 14, 11), (c.Male.Share.Numerator, c.Male.Share.Denominator, c.Male.Share.Format(1), c.Male.Adults, c.Male.UnderEighteen));
        Assert.Equal((9, 34, "26.5%", 5, 4), (c.Female.Share.Numerator, c.Female.Share.Denominator, c.Female.Share.Format(1), c.Female.Adults, c.Female.UnderEighteen));
    }

    [Fact]
    public void Nationality_shares_are_of_the_34_where_nationality_is_known()
    {
        var c = Stockport2024();
        Assert.Equal(34, c.NationalityKnown);
        Assert.Equal([("British", 16, "47.1%"), ("Indian", 5, "14.7%"), ("Vietnamese", 3, "8.8%")],
            c.TopNationalities.Select(n => (n.Name, n.Count, n.Share.Format(1))));
        Assert.Equal((10, 34, "29.4%"), (c.OtherNationalities.Numerator, c.OtherNationalities.Denominator, c.OtherNationalities.Format(1)));
    }

    [Fact]
    public void Children_shares_use_everyone_of_the_nationality_group_as_denominator()
    {
        // 22.2% is 4/18: the 18 other known nationalities include one whose age is unknown (4/17 would be 23.5%).
        var c = Stockport2024();
        Assert.Equal((11, 16, "68.8%"), (c.BritishChildren.Numerator, c.BritishChildren.Denominator, c.BritishChildren.Format(1)));
        Assert.Equal((4, 18, "22.2%"), (c.OtherNationalityChildren.Numerator, c.OtherNationalityChildren.Denominator, c.OtherNationalityChildren.Format(1)));
    }

    [Fact]
    public void Top_nationalities_is_a_parameter_and_other_takes_the_rest()
    {
        var c = DistrictBreakdown.Compute(Sample.Value, "Stockport", new FinancialYear(2024).Period, topNationalities: 1);
        Assert.Equal("British", Assert.Single(c.TopNationalities).Name);
        Assert.Equal(18, c.OtherNationalities.Numerator);
    }

    static Enquiry E(string date, string? district, string type = "Unknown", int? age = null, Gender gender = Gender.Unknown, string? nationality = null) =>
        new("x", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), district, type, age, gender, nationality);

    [Fact]
    public void An_arbitrary_range_compares_with_the_same_length_just_before()
    {
        Enquiry[] data = [E("2024-06-30", "Bury"), E("2024-07-01", "Bury"), E("2024-09-30", "Bury"), E("2024-10-01", "Bury"), E("2024-07-15", null)];
        var c = DistrictBreakdown.Compute(data, "Bury", new Period(new DateOnly(2024, 7, 1), new DateOnly(2024, 9, 30)));
        Assert.Equal(2, c.Enquiries);          // both ends of the range are inside it
        Assert.Equal(1, c.PreviousEnquiries);  // 30 June is the last day of the preceding 92 days
        Assert.Equal((2, 3), (c.ShareOfGm.Numerator, c.ShareOfGm.Denominator));
        Assert.Equal(1, c.DistrictNotLogged);
    }

    [Fact]
    public void A_tie_at_the_nationality_cut_off_is_listed_whole_alphabetically_and_unlisted_types_come_before_unknown()
    {
        // Polish, Albanian and Czech, 1 each: the top 2 would split the tie, so all three are listed.
        Enquiry[] data =
        [
            E("2024-05-01", "Bury", "Unknown", nationality: "Polish"), E("2024-05-01", "Bury", "Forced begging", nationality: "Albanian"),
            E("2024-05-01", "Bury", "Organ harvesting", nationality: "Czech"),
        ];
        var c = DistrictBreakdown.Compute(data, "Bury", new FinancialYear(2024).Period, topNationalities: 2);
        Assert.Equal(["Organ harvesting", "Forced begging", "Unknown"], c.ExploitationTypes.Select(t => t.Name));
        Assert.Equal(["Albanian", "Czech", "Polish"], c.TopNationalities.Select(n => n.Name));
        Assert.Equal(["Albanian", "Czech", "Polish"], c.TiedAtCutOff.Select(n => n.Name));
        Assert.Equal(0, c.OtherNationalities.Numerator);
    }

    [Fact]
    public void A_tie_below_the_cut_off_is_not_listed_and_one_that_starts_inside_the_top_n_is_listed_whole()
    {
        // Vietnamese 3, then Albanian, Czech and Polish 1 each.
        Enquiry[] data =
        [
            .. Enumerable.Range(0, 3).Select(_ => E("2024-05-01", "Bury", "Unknown", nationality: "Vietnamese")),
            E("2024-05-01", "Bury", "Unknown", nationality: "Polish"), E("2024-05-01", "Bury", "Unknown", nationality: "Albanian"),
            E("2024-05-01", "Bury", "Unknown", nationality: "Czech"),
        ];
        var one = DistrictBreakdown.Compute(data, "Bury", new FinancialYear(2024).Period, topNationalities: 1);
        Assert.Equal(["Vietnamese"], one.TopNationalities.Select(n => n.Name));
        Assert.Empty(one.TiedAtCutOff);
        Assert.Equal((3, 6), (one.OtherNationalities.Numerator, one.OtherNationalities.Denominator));
        var three = DistrictBreakdown.Compute(data, "Bury", new FinancialYear(2024).Period, topNationalities: 3);
        Assert.Equal(["Vietnamese", "Albanian", "Czech", "Polish"], three.TopNationalities.Select(n => n.Name));
        Assert.Equal(["Albanian", "Czech", "Polish"], three.TiedAtCutOff.Select(n => n.Name));
        var four = DistrictBreakdown.Compute(data, "Bury", new FinancialYear(2024).Period, topNationalities: 4);
        Assert.Equal(4, four.TopNationalities.Count);
        Assert.Empty(four.TiedAtCutOff);   // the tie is listed within the top 4: no cut-off splits it
    }

    [Fact]
    public void A_district_with_no_enquiries_gives_zero_denominators_not_a_crash()
    {
        var c = DistrictBreakdown.Compute([E("2024-05-01", "Bury")], "Wigan", new FinancialYear(2024).Period);
        Assert.Equal(0, c.Enquiries);
        Assert.Null(c.BritishChildren.Percent);
        Assert.Equal("0.0%", c.ShareOfGm.Format(1));
    }
}
