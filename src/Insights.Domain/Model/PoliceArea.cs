namespace Insights.Model;

/// <summary>
/// A police force and the districts of its area: the only values an enquiry extract's District column may hold, and
/// the names the district context uses for the force ("Greater Manchester Police (GMP)") and for the area ("across
/// GM"). <see cref="GreaterManchester"/> is the default; other councils load theirs from a JSON file
/// (<c>--area area.json</c>, docs/gmp-extract.md).
/// </summary>
/// <param name="ForceName">"Greater Manchester Police".</param>
/// <param name="ForceAbbreviation">"GMP": how the text and sources name the force after first use.</param>
/// <param name="AreaName">"Greater Manchester": "a Greater Manchester district".</param>
/// <param name="AreaAbbreviation">"GM": "enquiries across GM"; the full name where the area has no customary short form.</param>
/// <param name="Districts">The area's districts as the text writes them, in the order comparisons list them.</param>
public sealed record PoliceArea(
    string ForceName,
    string ForceAbbreviation,
    string AreaName,
    string AreaAbbreviation,
    IReadOnlyList<string> Districts)
{
    public static readonly PoliceArea GreaterManchester = new(
        "Greater Manchester Police", "GMP", "Greater Manchester", "GM",
        ["Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford", "Wigan"]);

    /// <summary>The district for any case or spacing of its name ("  STOCKPORT "), or null when the area has none of that name.</summary>
    public District? Find(string? text) => Canonical(text) is { } name ? new District(name) : null;

    /// <summary>The district the area writes as <paramref name="name"/> (a name of <see cref="Districts"/>, any case or spacing).</summary>
    public District Of(string name) => Find(name) ?? throw new ArgumentException($"'{name}' is not a district of {AreaName}", nameof(name));

    /// <summary>The district's name as the area writes it, for any case or spacing of it ("  STOCKPORT "), or null.</summary>
    public string? Canonical(string? text)
    {
        if (_byKey is not { } cached || !ReferenceEquals(cached.Of, Districts))
            _byKey = cached = new DistrictKeys(Districts, Districts.GroupBy(Category.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
        return cached.ByKey.GetValueOrDefault(Category.Key(text));
    }

    // The districts by key, built once for the list they were built from (a `with` copy may bring another list):
    // an extract asks for every row's district.
    DistrictKeys? _byKey;

    sealed record DistrictKeys(IReadOnlyList<string> Of, Dictionary<string, string> ByKey);

    /// <summary>"Bolton, Bury, ..., Wigan": for messages that say what was expected.</summary>
    public string DistrictList => string.Join(", ", Districts);

    // Value equality over the district list too (a record compares lists by reference), so an area loaded twice
    // from the same file is the same area.
    public bool Equals(PoliceArea? other) =>
        other is not null && ForceName == other.ForceName && ForceAbbreviation == other.ForceAbbreviation &&
        AreaName == other.AreaName && AreaAbbreviation == other.AreaAbbreviation &&
        Districts.SequenceEqual(other.Districts, StringComparer.Ordinal);

    public override int GetHashCode() =>
        HashCode.Combine(ForceName, ForceAbbreviation, AreaName, AreaAbbreviation, Districts.Count);

    public override string ToString() => $"{ForceName} ({ForceAbbreviation}): {AreaName}, {Districts.Count} districts";
}
