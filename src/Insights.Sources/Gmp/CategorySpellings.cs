using System.Globalization;
using Insights.Model;

namespace Insights.Sources.Gmp;

/// <summary>
/// The values of one category column (exploitation type, nationality), folded so that one category has one
/// spelling: values whose <see cref="Category.SpellingKey"/> is the same ("Criminal exploitation." and "Criminal
/// exploitation", "British." and "British") are one category, written as the listed name where there is one and
/// otherwise as the spelling most rows use (ties: the first in ordinal order). Each merge is reported by
/// <see cref="Merges"/> with the raw spellings and their counts, so no category is folded silently.
/// </summary>
sealed class CategorySpellings(IEnumerable<string> listed)
{
    readonly Dictionary<string, string> _listed = listed.GroupBy(Category.SpellingKey).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    readonly Dictionary<string, Dictionary<string, int>> _written = new(StringComparer.Ordinal);
    // Each written value's key and canonical spelling, worked out once: Add and Canonical are called for every row.
    readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);

    string KeyOf(string written)
    {
        if (!_keys.TryGetValue(written, out var key)) _keys[written] = key = Category.SpellingKey(written);
        return key;
    }

    /// <summary>Records <paramref name="rows"/> rows' value as <paramref name="written"/> (already case- and
    /// space-folded by the reader).</summary>
    public void Add(string written, int rows = 1)
    {
        _canonical.Clear();
        var key = KeyOf(written);
        if (!_written.TryGetValue(key, out var spellings)) _written[key] = spellings = new(StringComparer.Ordinal);
        spellings[written] = spellings.GetValueOrDefault(written) + rows;
    }

    /// <summary>The category's one spelling for a value recorded with <see cref="Add"/> (with
    /// <paramref name="orWritten"/>, a value never recorded is its own spelling, or the listed one).</summary>
    public string Canonical(string written, bool orWritten = false)
    {
        if (_canonical.TryGetValue(written, out var known)) return known;
        var key = KeyOf(written);
        var name = _listed.TryGetValue(key, out var listedName) ? listedName
            : orWritten && !_written.ContainsKey(key) ? written
            : _written[key].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
        return _canonical[written] = name;
    }

    /// <summary>True when some value was written differently from its category's spelling.</summary>
    public bool AnyMerged => _written.Values.Any(s => s.Keys.Any(w => w != Canonical(w)));

    /// <summary>"'Criminal exploitation.' (2) as Criminal exploitation; ...": the merged spellings and their counts.</summary>
    public string Merges(Func<string, string> quoted) => string.Join("; ", _written.OrderBy(kv => kv.Key, StringComparer.Ordinal)
        .Select(kv => (Name: Canonical(kv.Value.Keys.First()), Others: kv.Value.Where(s => s.Key != Canonical(s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal).ToList()))
        .Where(m => m.Others.Count > 0)
        .Select(m => string.Join(", ", m.Others.Select(s => $"{quoted(s.Key)} ({s.Value.ToString(CultureInfo.InvariantCulture)})")) + $" as {quoted(m.Name)}"));
}
