using Insights.Breakdowns;
using Insights.Model;

namespace Insights.Tests;

/// <summary>A district is one of its police area's, named as the area writes it; only the area makes one.</summary>
public class DistrictTypeTests
{
    static readonly PoliceArea WestYorkshire = new("West Yorkshire Police", "WYP", "West Yorkshire", "West Yorkshire",
        ["Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield"]);

    [Theory]
    [InlineData("Stockport")]
    [InlineData("  STOCKPORT ")]
    [InlineData("stockport")]
    public void District_is_matched_whatever_its_case_and_spacing_and_is_canonical_inside(string written)
    {
        var district = PoliceArea.GreaterManchester.Find(written);
        Assert.NotNull(district);
        Assert.Equal("Stockport", district.Name);
        Assert.Equal(PoliceArea.GreaterManchester.Of("Stockport"), district);
        Assert.Equal("Stockport enquiries", $"{district} enquiries");
    }

    [Theory]
    [InlineData("Leeds")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Stock port")]
    public void A_name_that_is_not_a_district_of_the_area_is_none(string? written) =>
        Assert.Null(PoliceArea.GreaterManchester.Find(written));

    [Fact]
    public void A_district_belongs_to_its_area_only() =>
        Assert.Throws<ArgumentException>(() => WestYorkshire.Of("Stockport"));

    [Fact]
    public void The_districts_counts_are_typed_districts_of_the_area()
    {
        var counts = DistrictComparison.CountsByDistrict(new EnquiryColumns(), new FinancialYear(2024).Period, WestYorkshire);
        Assert.Equal(WestYorkshire.Districts, counts.Select(c => c.District.Name));
        Assert.All(counts, c => Assert.Equal(0, c.Count));
    }
}
