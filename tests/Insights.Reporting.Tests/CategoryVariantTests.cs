using Insights.Breakdowns;
using Insights.Model;
using Insights.Narrative;
using Insights.Sources.Gmp;

namespace Insights.Tests;

/// <summary>
/// One-character variants of a category in an extract. Fact ids come from the category's spelling key, so two
/// spellings of one category are merged by the reader (with a warning naming each raw spelling and its count),
/// and a value that only looks like one of the text's own groups is kept apart with an id of its own. None of them
/// may stop the run.
/// </summary>
public sealed class CategoryVariantTests : IDisposable
{
    const string Header = "EnquiryId,DateLogged,District,ExploitationType,Age,Gender,Nationality";
    readonly string _folder = Directory.CreateTempSubdirectory("insights-variants-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static string TemplatesFolder => Path.Combine(Insights.Pipeline.Samples.RepositoryRoot, "src", "Insights.Reporting", "Narrative", "Templates");

    (GmpExtract Extract, DistrictSection Section) Run(params string[] rows)
    {
        var path = Path.Combine(_folder, "extract.csv");
        File.WriteAllText(path, Header + "\n" + string.Join("\n", rows) + "\n");
        var extract = GmpExtractReader.Read(path);
        var context = DistrictBreakdown.Compute(extract.Enquiries, "Stockport", new FinancialYear(2024).Period);
        return (extract, DistrictNarrative.Render(context, new TemplateLibrary(TemplatesFolder), extract.SourceDescription));
    }

    static void IdsAreDistinct(DistrictSection section) =>
        Assert.Equal(section.Facts.Count, section.Facts.Select(f => f.Id).Distinct().Count());

    [Fact]
    public void Criminal_exploitation_with_a_full_stop_is_counted_as_criminal_exploitation_and_the_merge_is_reported()
    {
        var (extract, section) = Run(
            "A,2024-05-01,Stockport,Criminal exploitation,30,Male,British",
            "B,2024-05-02,Stockport,Criminal exploitation.,31,Male,British",
            "C,2024-05-03,Stockport,Criminal exploitation.,32,Female,British");
        Assert.All(extract.Enquiries, e => Assert.Equal("Criminal exploitation", e.ExploitationType));
        var warning = Assert.Single(extract.Warnings, w => w.Code == "gmp-exploitation-type-spellings");
        Assert.Contains("'Criminal exploitation.' (2) as 'Criminal exploitation'", warning.Message);
        Assert.DoesNotContain(extract.Warnings, w => w.Code == "gmp-unknown-exploitation-type");
        IdsAreDistinct(section);
        Assert.Equal("3", Assert.Single(section.Facts, f => f.Id == "district.exploitation.criminal-exploitation").Printed);
    }

    [Fact]
    public void British_with_a_full_stop_is_counted_as_british_and_the_merge_is_reported()
    {
        var (extract, section) = Run(
            "A,2024-05-01,Stockport,Labour exploitation,30,Male,British",
            "B,2024-05-02,Stockport,Labour exploitation,16,Male,British.",
            "C,2024-05-03,Stockport,Labour exploitation,40,Male,Romanian");
        Assert.Equal(["British", "British", "Romanian"], extract.Enquiries.Select(e => e.Nationality));
        var warning = Assert.Single(extract.Warnings, w => w.Code == "gmp-nationality-spellings");
        Assert.Contains("'British.' (1) as 'British'", warning.Message);
        IdsAreDistinct(section);
        Assert.Equal("2", Assert.Single(section.Facts, f => f.Id == "district.nationality.british").Printed);
        Assert.Equal("1", Assert.Single(section.Facts, f => f.Id == "district.children.british").Printed);
    }

    [Fact]
    public void A_type_outside_the_list_in_two_spellings_is_one_type_spelt_as_most_rows_spell_it()
    {
        var (extract, section) = Run(
            "A,2024-05-01,Stockport,Forced marriage,30,Female,British",
            "B,2024-05-02,Stockport,Forced-marriage,31,Female,British",
            "C,2024-05-03,Stockport,Forced marriage,32,Female,British",
            // Most rows hold listed types, or the column would look mapped to the wrong column.
            "D,2024-05-04,Stockport,Sexual exploitation,33,Female,British",
            "E,2024-05-05,Stockport,Sexual exploitation,34,Female,British",
            "F,2024-05-06,Stockport,Sexual exploitation,35,Female,British",
            "G,2024-05-07,Stockport,Sexual exploitation,36,Female,British");
        Assert.All(extract.Enquiries.Take(3), e => Assert.Equal("Forced marriage", e.ExploitationType));
        Assert.Contains("'Forced-marriage' (1) as 'Forced marriage'",
            Assert.Single(extract.Warnings, w => w.Code == "gmp-exploitation-type-spellings").Message);
        Assert.Contains("'Forced marriage' (3)", Assert.Single(extract.Warnings, w => w.Code == "gmp-unknown-exploitation-type").Message);
        IdsAreDistinct(section);
    }

    [Fact]
    public void A_nationality_recorded_as_other_is_kept_apart_from_the_group_of_other_nationalities()
    {
        // Top three: British 3, Albanian 2, Other 2 (ties alphabetical); Polish 1 falls in the group of other nationalities.
        var (extract, section) = Run(
            "A,2024-05-01,Stockport,Labour exploitation,30,Male,British",
            "B,2024-05-02,Stockport,Labour exploitation,31,Male,British",
            "C,2024-05-03,Stockport,Labour exploitation,32,Male,British",
            "D,2024-05-04,Stockport,Labour exploitation,33,Male,Other",
            "E,2024-05-05,Stockport,Labour exploitation,34,Male,Other",
            "F,2024-05-06,Stockport,Labour exploitation,35,Male,Albanian",
            "H,2024-05-08,Stockport,Labour exploitation,37,Male,Albanian",
            "G,2024-05-07,Stockport,Labour exploitation,36,Male,Polish");
        Assert.DoesNotContain(extract.Warnings, w => w.Code == "gmp-nationality-spellings");
        IdsAreDistinct(section);
        Assert.Equal("2", Assert.Single(section.Facts, f => f.Id == "district.nationality.other-as-recorded").Printed);
        Assert.Equal("1", Assert.Single(section.Facts, f => f.Id == "district.nationality.other").Printed);
    }

    [Fact]
    public void A_british_synonym_written_with_full_stops_is_british()
    {
        var (extract, _) = Run("A,2024-05-01,Stockport,Labour exploitation,30,Male,UK.");
        Assert.Equal("British", Assert.Single(extract.Enquiries).Nationality);
        Assert.Contains("counted as British: 'UK' (1)", Assert.Single(extract.Warnings, w => w.Code == "gmp-nationality-british").Message);
    }
}
