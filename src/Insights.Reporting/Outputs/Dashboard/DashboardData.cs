using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Insights.Outputs.Dashboard;

/// <summary>Who the dashboard is for: inside the council (exact counts) or for publication (disclosure rule applied).</summary>
public enum DashboardMode { Internal, Publish }

/// <summary>
/// Counts of police enquiries over some of the dimensions of <see cref="PoliceData"/> (a cross-classification):
/// <see cref="Dimensions"/> names them ("district", "year", ...) and each cell holds one index into each dimension's
/// values, then the count. A combination that is absent counts 0. A null count is suppressed ("[c]").
/// </summary>
public sealed record CountCube(IReadOnlyList<string> Dimensions, IReadOnlyList<CubeCell> Cells);

/// <summary>One combination of dimension values (indices, in the order of the cube's dimensions) and its count.</summary>
[JsonConverter(typeof(CubeCellConverter))]
public sealed record CubeCell(IReadOnlyList<int> Key, int? Count);

/// <summary>
/// The police side of the dashboard, aggregates only: the value list of each dimension (district, financial year,
/// month of the financial year, exploitation type, age group, gender, nationality) and the count cubes over them.
/// Inside the council one cube holds every dimension; the published file holds only cubes that passed the
/// disclosure rule (one characteristic at a time), so every number it carries is safe, not only those drawn.
/// </summary>
public sealed record PoliceData(
    string AreaName,
    string AreaAbbreviation,
    string ForceAbbreviation,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Values,
    IReadOnlyList<CountCube> Cubes,
    string DefaultDistrict,
    string DefaultYear,
    string Source);

/// <summary>One quarter of the NRM series as the reported release published it (null: not published, shorthand).</summary>
public sealed record NationalQuarter(string Quarter, string InWords, int? Referrals);

/// <summary>A category's referrals in the release quarter ("Eritrean": 640 of 5,690).</summary>
public sealed record NationalCategory(string Name, int Referrals);

/// <summary>One exploitation type's referrals in the release quarter by age at exploitation.</summary>
public sealed record NationalTypeByAge(string ExploitationType, int Adults, int Children, int AgeNotSpecified);

/// <summary>
/// The national side: the reported release's quarterly series (the quarter slicer's values), and the release
/// quarter's splits from the first-responder tables. Published figures: the disclosure rule does not change them.
/// </summary>
public sealed record NationalData(
    string Release,
    string ReleaseQuarter,
    IReadOnlyList<NationalQuarter> Quarters,
    IReadOnlyList<NationalCategory> Nationalities,
    int ReleaseReferrals,
    IReadOnlyList<NationalTypeByAge> ExploitationTypes,
    string Source);

/// <summary>A forecast band over the NRM quarterly series (the trends issue fills it; null: no forecast drawn).</summary>
public sealed record ForecastPoint(string Quarter, double Central, double Lower, double Upper);

/// <summary>The trends page: what exists to draw (the monthly police series comes from the cubes; the NRM series from
/// <see cref="NationalData"/>), and the forecast band when the trends engine gives one.</summary>
public sealed record TrendsData(IReadOnlyList<ForecastPoint>? Forecast = null, string? ForecastLabel = null);

/// <summary>
/// Everything dashboard.html holds, embedded as one JSON document: aggregates, labels and notes, never a row, id,
/// date or age of the extract. Deterministic: built from sorted values, serialised in declaration order.
/// </summary>
public sealed record DashboardData(
    string Title,
    DashboardMode Mode,
    string Marking,
    string? SampleNote,
    int? SuppressBelow,
    PoliceData Police,
    NationalData? National,
    TrendsData Trends)
{
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        // The default encoder escapes <, >, &, ' and non-ASCII, so the JSON cannot close the <script> it sits in.
        Encoder = JavaScriptEncoder.Default,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = false,
    };

    /// <summary>The JSON, safe inside a &lt;script type="application/json"&gt; element.</summary>
    public string ToJson() => ScriptSafe(JsonSerializer.Serialize(this, Options));

    // Belt and braces over the encoder: no "</" or "<!--" can reach the HTML parser from the data.
    internal static string ScriptSafe(string json) =>
        json.Replace("<", "\\u003C", StringComparison.Ordinal).Replace(">", "\\u003E", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal).Replace("\u2029", "\\u2029", StringComparison.Ordinal);

    public static DashboardData FromJson(string json) =>
        JsonSerializer.Deserialize<DashboardData>(json, Options) ?? throw new JsonException("empty dashboard data");
}

/// <summary>A cell as a compact array: the indices, then the count (null when suppressed).</summary>
sealed class CubeCellConverter : JsonConverter<CubeCell>
{
    public override CubeCell Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var values = JsonSerializer.Deserialize<int?[]>(ref reader, options) ?? throw new JsonException("a cube cell is an array");
        if (values.Length == 0) throw new JsonException("a cube cell needs a count");
        return new CubeCell(values[..^1].Select(v => v ?? throw new JsonException("a cube index is a number")).ToArray(), values[^1]);
    }

    public override void Write(Utf8JsonWriter writer, CubeCell value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var k in value.Key) writer.WriteNumberValue(k);
        if (value.Count is { } c) writer.WriteNumberValue(c); else writer.WriteNullValue();
        writer.WriteEndArray();
    }
}
