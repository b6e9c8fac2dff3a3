namespace Insights.Breakdowns;

/// <summary>Why a figure is withheld: it is small itself, or it would reveal a small one by subtraction.</summary>
public enum Withheld { Primary, Secondary }

/// <summary>A published total and the published (or implied) parts that add up to it.</summary>
public sealed record Line<TKey>(IReadOnlyList<TKey> Parts, TKey Total) where TKey : notnull;

/// <summary>
/// Primary and secondary suppression over named figures that appear in several lines at once (a district's enquiries
/// are a part of the area's list of districts and the total of its list of exploitation types).
/// <para>Primary: every figure from 1 to threshold − 1 is withheld (0 is shown: an empty group identifies nobody).</para>
/// <para>Secondary: a line with exactly one withheld entry (part or total) would give it away by subtraction, so its
/// smallest other non-zero part is withheld too (or, if it has none, its total), repeated until no line has exactly
/// one. Lines are visited in the order given and parts in value order (ties in the order given), so the result is
/// the same for the same figures.</para>
/// The same line-by-line rule as <see cref="SmallCountSuppression"/>; it does not solve the full audit problem (a
/// withheld value bounded through several lines at once).
/// </summary>
public static class LineSuppression
{
    /// <param name="together">Figures printed as one ("Albanian and Czech, 2 each"): one withheld withholds all of them.</param>
    public static IReadOnlyDictionary<TKey, Withheld> Apply<TKey>(IReadOnlyDictionary<TKey, int> figures, IReadOnlyList<Line<TKey>> lines, int threshold,
        IReadOnlyList<IReadOnlyList<TKey>>? together = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        foreach (var line in lines)
        {
            foreach (var key in line.Parts.Append(line.Total))
                if (!figures.ContainsKey(key)) throw new ArgumentException($"line figure {key} has no value", nameof(lines));
            if (line.Parts.Sum(p => figures[p]) != figures[line.Total])
                throw new ArgumentException($"the parts of {line.Total} do not add up to it", nameof(lines));
        }
        var withheld = new Dictionary<TKey, Withheld>();
        foreach (var (key, value) in figures)
            if (value > 0 && value < threshold) withheld[key] = Withheld.Primary;

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var line in lines)
            {
                var entries = line.Parts.Append(line.Total).Distinct().ToList();
                if (entries.Count(withheld.ContainsKey) != 1) continue;
                var candidates = line.Parts.Where(p => !withheld.ContainsKey(p) && figures[p] > 0).OrderBy(p => figures[p]).Take(1).ToList();
                if (candidates.Count == 1) withheld[candidates[0]] = Withheld.Secondary;
                else if (!withheld.ContainsKey(line.Total)) withheld[line.Total] = Withheld.Secondary;
                else continue;   // the total alone, every part 0 or withheld: nothing left to give away
                changed = true;
            }
            foreach (var group in together ?? [])
            {
                var shown = group.Where(f => !withheld.ContainsKey(f)).ToList();
                if (shown.Count == 0 || shown.Count == group.Count) continue;
                foreach (var f in shown) withheld[f] = Withheld.Secondary;
                changed = true;
            }
        }
        return withheld;
    }
}
