using System.Text.Json;
using Insights.Model;

namespace Insights.Sources.Gmp;

/// <summary>
/// Reads a <see cref="PoliceArea"/> from a JSON file (<c>--area area.json</c>, docs/gmp-extract.md):
/// <c>{"forceName": "West Yorkshire Police", "forceAbbreviation": "WYP", "areaName": "West Yorkshire",
/// "areaAbbreviation": "West Yorkshire", "districts": ["Bradford", "Calderdale", ...]}</c>.
/// Strict: a missing, blank or unknown field, an empty district list or a district listed twice is an error naming
/// the file and what was expected, because a wrong area would silently count the wrong enquiries.
/// </summary>
public static class PoliceAreaFile
{
    public const string ForceName = "forceName";
    public const string ForceAbbreviation = "forceAbbreviation";
    public const string AreaName = "areaName";
    public const string AreaAbbreviation = "areaAbbreviation";
    public const string Districts = "districts";

    static readonly string[] Fields = [ForceName, ForceAbbreviation, AreaName, AreaAbbreviation, Districts];

    static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        [ForceName] = "\"West Yorkshire Police\"",
        [ForceAbbreviation] = "\"WYP\"",
        [AreaName] = "\"West Yorkshire\"",
        [AreaAbbreviation] = "\"West Yorkshire\" or a short form such as \"GM\"",
    };

    const string Shape =
        "{\"forceName\": \"...\", \"forceAbbreviation\": \"...\", \"areaName\": \"...\", \"areaAbbreviation\": \"...\", \"districts\": [\"...\", ...]}";

    public static PoliceArea Load(string path)
    {
        var location = new SourceLocation(path);
        if (!File.Exists(path)) throw new InputException(location, "police area file not found");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InputException(location with { Row = (int?)(e.LineNumber + 1) }, $"is not valid JSON (expected {Shape})");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new InputException(location, $"expected a JSON object: {Shape}");

            var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var field = Fields.FirstOrDefault(f => string.Equals(f, p.Name.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw new InputException(location,
                        $"'{p.Name}' is not a field of a police area (expected {string.Join(", ", Fields)})");
                if (!found.TryAdd(field, p.Value))
                    throw new InputException(location, $"\"{field}\" is given twice (expected it once)");
            }

            string Text(string field)
            {
                if (!found.TryGetValue(field, out var value))
                    throw new InputException(location, $"\"{field}\" is missing (expected text, e.g. {Examples[field]})");
                if (value.ValueKind != JsonValueKind.String || Normalise(value.GetString()) is not { Length: > 0 } text)
                    throw new InputException(location, $"\"{field}\" must be non-empty text (e.g. {Examples[field]})");
                return text;
            }

            return new PoliceArea(Text(ForceName), Text(ForceAbbreviation), Text(AreaName), Text(AreaAbbreviation), ReadDistricts());

            IReadOnlyList<string> ReadDistricts()
            {
                if (!found.TryGetValue(Districts, out var list))
                    throw new InputException(location, $"\"{Districts}\" is missing (expected the area's districts, e.g. [\"Bradford\", \"Leeds\"])");
                if (list.ValueKind != JsonValueKind.Array)
                    throw new InputException(location, $"\"{Districts}\" must be a list of district names, e.g. [\"Bradford\", \"Leeds\"]");
                if (list.GetArrayLength() == 0)
                    throw new InputException(location, $"\"{Districts}\" is empty (expected at least one district name)");
                var districts = new List<string>();
                var number = 0;
                foreach (var item in list.EnumerateArray())
                {
                    number++;
                    if (item.ValueKind != JsonValueKind.String || Normalise(item.GetString()) is not { Length: > 0 } name)
                        throw new InputException(location, $"district {number} in \"{Districts}\" must be a non-empty name");
                    // These words mean "not logged" in the extract, so a district so named could never be counted.
                    if (Category.IsNotLogged(name))
                        throw new InputException(location,
                            $"'{name}' cannot be a district: in the extract it means the district was not logged");
                    var twin = districts.FirstOrDefault(d => Category.Key(d) == Category.Key(name));
                    if (twin is not null)
                        throw new InputException(location,
                            $"district '{name}' is listed twice in \"{Districts}\"" +
                            (twin == name ? "" : $" (as '{twin}' and '{name}': names match regardless of case and spacing)") +
                            " (expected each district once)");
                    districts.Add(name);
                }
                return districts;
            }
        }
    }

    /// <summary>"  West   Yorkshire " → "West Yorkshire": the name as the text will print it.</summary>
    static string Normalise(string? text) => InputText.Clean(text);
}
