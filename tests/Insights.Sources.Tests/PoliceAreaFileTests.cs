using Insights.Model;
using Insights.Sources;
using Insights.Sources.Gmp;

namespace Insights.Tests;

/// <summary>The police area definition (<c>--area area.json</c>): what a good file gives, and what a bad one says.</summary>
public sealed class PoliceAreaFileTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-area-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    string Json(string text)
    {
        var path = Path.Combine(_folder, "area.json");
        File.WriteAllText(path, text);
        return path;
    }

    const string Names =
        "\"forceName\": \"West Yorkshire Police\", \"forceAbbreviation\": \"WYP\", \"areaName\": \"West Yorkshire\", \"areaAbbreviation\": \"West Yorkshire\"";

    [Fact]
    public void The_west_yorkshire_example_is_the_force_and_its_five_districts()
    {
        var area = PoliceAreaFile.Load(Insights.Pipeline.Samples.PathOf("areas", "west-yorkshire.json"));
        Assert.Equal(new PoliceArea("West Yorkshire Police", "WYP", "West Yorkshire", "West Yorkshire",
            ["Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield"]), area);
    }

    [Fact]
    public void Greater_Manchester_is_the_default_area_with_its_ten_districts()
    {
        // The statement's own wording comes from these four names; the ten are GMP's district field.
        var gm = PoliceArea.GreaterManchester;
        Assert.Equal(("Greater Manchester Police", "GMP", "Greater Manchester", "GM"),
            (gm.ForceName, gm.ForceAbbreviation, gm.AreaName, gm.AreaAbbreviation));
        Assert.Equal(["Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford", "Wigan"], gm.Districts);
        Assert.Same(gm.Districts, District.GreaterManchester);
    }

    [Fact]
    public void Names_are_tidied_and_field_names_match_regardless_of_case()
    {
        // Hand-edited JSON: stray spaces in values, a capitalised key. The text prints the tidied names.
        var area = PoliceAreaFile.Load(Json(
            "{\"ForceName\": \"  West   Yorkshire Police \", \"forceAbbreviation\": \"WYP\", \"areaName\": \"West Yorkshire\"," +
            " \"areaAbbreviation\": \"WY\", \"districts\": [\" Leeds \", \"Bradford\"]}"));
        Assert.Equal("West Yorkshire Police", area.ForceName);
        Assert.Equal(["Leeds", "Bradford"], area.Districts);
        Assert.Equal("Leeds", area.Canonical("  LEEDS "));
        Assert.Null(area.Canonical("Stockport"));
    }

    [Theory]
    // Each: the file's content, then the message after "area.json: ".
    [InlineData("{\"forceAbbreviation\": \"WYP\", \"areaName\": \"West Yorkshire\", \"areaAbbreviation\": \"WY\", \"districts\": [\"Leeds\"]}",
        "\"forceName\" is missing (expected text, e.g. \"West Yorkshire Police\")")]
    [InlineData("{" + Names + "}",
        "\"districts\" is missing (expected the area's districts, e.g. [\"Bradford\", \"Leeds\"])")]
    [InlineData("{" + Names + ", \"districts\": []}",
        "\"districts\" is empty (expected at least one district name)")]
    [InlineData("{" + Names + ", \"districts\": \"Leeds\"}",
        "\"districts\" must be a list of district names, e.g. [\"Bradford\", \"Leeds\"]")]
    [InlineData("{" + Names + ", \"districts\": [\"Leeds\", \"Bradford\", \"Leeds\"]}",
        "district 'Leeds' is listed twice in \"districts\" (expected each district once)")]
    // A case variant would make two districts that the extract's values could never tell apart.
    [InlineData("{" + Names + ", \"districts\": [\"Leeds\", \"LEEDS \"]}",
        "district 'LEEDS' is listed twice in \"districts\" (as 'Leeds' and 'LEEDS': names match regardless of case and spacing) (expected each district once)")]
    [InlineData("{" + Names + ", \"districts\": [\"Leeds\", \"\"]}",
        "district 2 in \"districts\" must be a non-empty name")]
    // "Not recorded" in the extract means no district: a district so named could never be counted.
    [InlineData("{" + Names + ", \"districts\": [\"Leeds\", \"Not recorded\"]}",
        "'Not recorded' cannot be a district: in the extract it means the district was not logged")]
    [InlineData("{\"forceName\": \" \", \"forceAbbreviation\": \"WYP\", \"areaName\": \"West Yorkshire\", \"areaAbbreviation\": \"WY\", \"districts\": [\"Leeds\"]}",
        "\"forceName\" must be non-empty text (e.g. \"West Yorkshire Police\")")]
    // A misspelt field must not be ignored, or the default would silently stand in for it.
    [InlineData("{" + Names + ", \"district\": [\"Leeds\"]}",
        "'district' is not a field of a police area (expected forceName, forceAbbreviation, areaName, areaAbbreviation, districts)")]
    [InlineData("[\"Leeds\"]",
        "expected a JSON object: {\"forceName\": \"...\", \"forceAbbreviation\": \"...\", \"areaName\": \"...\", \"areaAbbreviation\": \"...\", \"districts\": [\"...\", ...]}")]
    public void A_bad_area_file_names_the_file_and_what_was_expected(string json, string problem)
    {
        var path = Json(json);
        var e = Assert.Throws<InputException>(() => PoliceAreaFile.Load(path));
        Assert.Equal("area.json: " + problem, e.Message);
    }

    [Fact]
    public void Invalid_json_names_the_line()
    {
        var path = Json("{\n  \"forceName\": \"West Yorkshire Police\",\n  \"districts\": [\"Leeds\" \"Bradford\"]\n}");
        var e = Assert.Throws<InputException>(() => PoliceAreaFile.Load(path));
        Assert.StartsWith("area.json, row 3: is not valid JSON (expected {", e.Message);
    }

    [Fact]
    public void A_missing_area_file_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => PoliceAreaFile.Load(Path.Combine(_folder, "nowhere.json")));
        Assert.Equal("nowhere.json: police area file not found", e.Message);
    }
}
