using Insights.Breakdowns;
using Insights.Model;

namespace Insights.Tests;

/// <summary>Small cells of the district's cross-classifications, worked by hand from the enquiries listed.</summary>
public sealed class DisclosureRiskTests
{
    static readonly Period Year = new(new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31));

    static Enquiry E(string id, string date, string? district, int? age, Gender gender, string? nationality) =>
        new(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), district, "Criminal exploitation", age, gender, nationality);

    // Stockport: 5 British boys in May (no risk: 5 is not below 5), 1 Indian woman in June, 1 man of unknown age
    // and nationality in June; one Bury enquiry and one Stockport enquiry of the year before are out of scope.
    static readonly Enquiry[] Enquiries =
    [
        E("1", "2024-05-01", "Stockport", 15, Gender.Male, "British"), E("2", "2024-05-02", "Stockport", 16, Gender.Male, "British"),
        E("3", "2024-05-03", "Stockport", 14, Gender.Male, "British"), E("4", "2024-05-04", "Stockport", 17, Gender.Male, "British"),
        E("5", "2024-05-05", "Stockport", 13, Gender.Male, "British"),
        E("6", "2024-06-01", "Stockport", 40, Gender.Female, "Indian"),
        E("7", "2024-06-02", "Stockport", null, Gender.Male, null),
        E("8", "2024-06-03", "Bury", 30, Gender.Female, "Polish"),
        E("9", "2024-03-31", "Stockport", 30, Gender.Female, "Polish"),
    ];

    [Fact]
    public void Cells_from_1_to_4_of_gender_by_age_nationality_by_age_and_months_are_risks_and_5_is_not()
    {
        var cells = DisclosureRisk.Find(Enquiries, "Stockport", Year);
        Assert.Equal(
        [
            new SmallCell(CrossClassification.GenderByAge, "Male", AgeGroup.Unknown, null, 1),
            new SmallCell(CrossClassification.GenderByAge, "Female", AgeGroup.Adult, null, 1),
            new SmallCell(CrossClassification.NationalityByAge, "Indian", AgeGroup.Adult, null, 1),
            new SmallCell(CrossClassification.NationalityByAge, "Unknown", AgeGroup.Unknown, null, 1),
            new SmallCell(CrossClassification.DistrictByMonth, "Stockport", null, new DateOnly(2024, 6, 1), 2),
        ], cells);
    }

    [Fact]
    public void A_threshold_of_3_keeps_only_the_cells_of_1_and_2()
    {
        Assert.Equal(5, DisclosureRisk.Find(Enquiries, "Stockport", Year, threshold: 3).Count);
        Assert.Equal(4, DisclosureRisk.Find(Enquiries, "Stockport", Year, threshold: 2).Count); // June's 2 is not below 2
    }

    [Fact]
    public void No_enquiries_no_risks()
    {
        Assert.Empty(DisclosureRisk.Find(Enquiries, "Wigan", Year));
    }
}
