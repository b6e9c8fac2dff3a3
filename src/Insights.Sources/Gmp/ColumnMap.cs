using System.Text.Json;

namespace Insights.Sources.Gmp;

/// <summary>
/// Which header in the analyst's file holds each canonical column. Read from a JSON file:
/// <c>{"columns": {"DateLogged": "Date Reported", "District": "Division"}}</c>. Canonical columns not named in the
/// map are looked for under their own name. Headers match regardless of case and spacing.
/// </summary>
public sealed record ColumnMap(IReadOnlyDictionary<string, string> Columns)
{
    public static readonly ColumnMap Identity = new(new Dictionary<string, string>());

    /// <summary>The header to look for: the mapped one, or the canonical name itself.</summary>
    public string HeaderFor(string canonical) => Columns.TryGetValue(canonical, out var h) ? h : canonical;

    public static ColumnMap Load(string path)
    {
        var location = new SourceLocation(path);
        if (!File.Exists(path)) throw new InputException(location, "column map file not found");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InputException(location with { Row = (int?)(e.LineNumber + 1) },
                "is not valid JSON (expected {\"columns\": {\"DateLogged\": \"Header in your file\", ...}})");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object ||
                !doc.RootElement.TryGetProperty("columns", out var columns) || columns.ValueKind != JsonValueKind.Object)
                throw new InputException(location, "expected an object with a \"columns\" object: {\"columns\": {\"DateLogged\": \"Header in your file\"}}");
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in columns.EnumerateObject())
            {
                var canonical = GmpColumns.All.FirstOrDefault(c => string.Equals(c, p.Name.Trim(), StringComparison.OrdinalIgnoreCase))
                    ?? throw new InputException(location with { Column = p.Name },
                        $"'{p.Name}' is not a column of the GMP extract (expected one of {string.Join(", ", GmpColumns.All)})");
                if (p.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.Value.GetString()))
                    throw new InputException(location with { Column = p.Name }, "expected the header name as a non-empty string");
                map[canonical] = p.Value.GetString()!;
            }
            return new ColumnMap(map);
        }
    }
}

/// <summary>The canonical columns of a GMP modern slavery enquiry extract (docs/gmp-extract.md).</summary>
public static class GmpColumns
{
    public const string EnquiryId = "EnquiryId";
    public const string DateLogged = "DateLogged";
    public const string District = "District";
    public const string ExploitationType = "ExploitationType";
    public const string Age = "Age";
    public const string Gender = "Gender";
    public const string Nationality = "Nationality";

    public static readonly IReadOnlyList<string> All = [EnquiryId, DateLogged, District, ExploitationType, Age, Gender, Nationality];
}
