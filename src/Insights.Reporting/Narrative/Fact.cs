using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Insights.Breakdowns;
using Insights.Model;

namespace Insights.Narrative;

/// <summary>
/// One figure that appears in the text, with everything needed to check it by hand: what it counts, its
/// numerator and denominator, how it was rounded, the filter that selected the records and where they came from.
/// <see cref="Suppression"/> says why the disclosure rule (<c>--suppress-below</c>) withheld it, null when printed as is.
/// </summary>
public sealed record Fact(
    string Id,
    string Printed,
    string Description,
    decimal? Value = null,
    int? Numerator = null,
    int? Denominator = null,
    string? DenominatorLabel = null,
    string? Rounding = null,
    string? Filter = null,
    string? Source = null,
    string? Suppression = null)
{
    /// <summary>The published cells the figure was computed from, for the run manifest (not written to facts.json,
    /// which says what a figure is; the manifest says where to find it). Null for the police extract's facts, whose
    /// source is the extract's rows the filter selects.</summary>
    [JsonIgnore]
    public FactCells? Cells { get; init; }

    public static Fact Count(string id, int count, string description, string filter, string source) =>
        new(id, count.ToString("N0", Wording.Culture), description, count, Filter: filter, Source: source);

    public static Fact Percentage(string id, Share share, int decimals, string description, string filter, string source) =>
        new(id, share.Format(decimals), description, share.Percent, share.Numerator, share.Denominator,
            Wording.Denominator(share.Base), $"{decimals} decimal place{(decimals == 1 ? "" : "s")}, {Breakdowns.Rounding.RuleName}",
            filter, source);
}

/// <summary>The cells behind a fact: its count or numerator, and its denominator (empty for a count). A change's
/// numerator is the difference of two figures: both figures' cells.</summary>
public sealed record FactCells(CellSet Numerator, CellSet Denominator)
{
    public static FactCells OfCount(CellSet cells) => new(cells, CellSet.None);
}

/// <summary>The facts of one run, written as facts.json beside the text, in the order they were added.</summary>
public sealed class FactSheet
{
    readonly List<Fact> _facts = [];
    readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public IReadOnlyList<Fact> Facts => _facts;

    public Fact Add(Fact fact)
    {
        if (!_ids.Add(fact.Id)) throw new InvalidOperationException($"Fact '{fact.Id}' was added twice.");
        _facts.Add(fact);
        return fact;
    }

    public void AddRange(IEnumerable<Fact> facts)
    {
        foreach (var f in facts) Add(f);
    }

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="sampleNote">A run on the samples says so before its first fact ("SAMPLE DATA, not for publication: ...").</param>
    public string ToJson(string? sampleNote = null) =>
        (sampleNote is null ? JsonSerializer.Serialize(new { facts = _facts }, Json) : JsonSerializer.Serialize(new { sample = sampleNote, facts = _facts }, Json)) + "\n";
}
