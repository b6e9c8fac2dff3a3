using System.Globalization;
using System.Text.RegularExpressions;

namespace Insights.Narrative;

/// <summary>What a figure in a sentence states: a count ("612"), a percentage ("44.4%"), a change ("a 7% increase",
/// "increasing 6%"), or a count the disclosure rule withholds ("fewer than 5": <see cref="TextFigure.Number"/> is
/// the bound; "[c]": withheld so that another cannot be worked out, no bound).</summary>
public enum FigureKind { Count, Percent, Change, Withheld }

/// <summary>
/// A figure as it reads in a sentence, found by <see cref="Find"/>: its text, kind, value and decimals as written,
/// the direction of a change, and the article written before it ("a"/"an"), if any.
/// </summary>
public sealed record TextFigure(string Text, FigureKind Kind, decimal Number, int Decimals, string? Direction, string? Article, int Index)
{
    /// <summary>The figure as a fact prints it: "5,690", "44.4%", "7% increase", "fewer than 5", "[c]".</summary>
    public string Normalised => Kind switch
    {
        FigureKind.Change => $"{NumberText}% {Direction}",
        FigureKind.Withheld => IsConfidential ? DisclosureWording.Confidential : string.Create(CultureInfo.InvariantCulture, $"fewer than {Number:0}"),
        _ => Text,
    };

    /// <summary>"[c]": withheld with no bound stated.</summary>
    public bool IsConfidential => Kind == FigureKind.Withheld && Number == 0;

    string NumberText => Regex.Match(Text, @"\d[\d,]*(\.\d+)?").Value;

    // A number not inside a word, a code or a fraction ("2025/26", "£36m", "17s", "Q2"); a percent sign or
    // "per cent"; a change word after it ("a 7% increase").
    static readonly Regex Pattern = new(
        @"(?<![\w.,/£$€\-])(?<num>\d{1,3}(?:,\d{3})+|\d+)(?<dec>\.\d+)?(?<pct>\s?%|\s?per\s?cent)?(?:\s+(?<dir>increase|decrease|rise|fall|drop|reduction)\b)?(?![\w/])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // The disclosure rule's words (DisclosureWording.Withheld): "fewer than 5" (also "less than 5", as people write
    // it) and "[c]".
    static readonly Regex WithheldPattern = new(@"\b(?:fewer|less)\s+than\s+(?<bound>\d+)(?![\w/%.])|\[c\]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Where(m => m.Length > 0).ToArray();

    /// <summary>
    /// The figures of <paramref name="sentence"/>, in order. Not figures: age bounds ("aged 18+", "17 or under",
    /// "under 18"), years (a four-digit number from 1900 to 2099 without a percent sign or thousands comma) and days
    /// of a month ("15 April").
    /// </summary>
    public static IReadOnlyList<TextFigure> Find(string sentence)
    {
        var result = new List<TextFigure>();
        var withheld = WithheldPattern.Matches(sentence).ToList();
        foreach (var w in withheld)
            result.Add(new TextFigure(Regex.Replace(w.Value, @"\s+", " "), FigureKind.Withheld,
                w.Groups["bound"].Success ? decimal.Parse(w.Groups["bound"].Value, CultureInfo.InvariantCulture) : 0, 0, null, null, w.Index));
        foreach (Match m in Pattern.Matches(sentence))
        {
            if (withheld.Any(w => m.Index >= w.Index && m.Index < w.Index + w.Length)) continue;
            var before = sentence[..m.Index];
            var after = sentence[(m.Index + m.Length)..];
            var previousWord = Regex.Match(before, @"(\w+)\W*$").Groups[1].Value.ToLowerInvariant();
            var percent = m.Groups["pct"].Success;
            var digits = m.Groups["num"].Value;
            if (!percent && IsAgeBound(previousWord, after)) continue;
            if (!percent && !m.Groups["dec"].Success && digits.Length == 4 && digits[0] is '1' or '2' && int.Parse(digits, CultureInfo.InvariantCulture) is >= 1900 and <= 2099) continue;
            if (!percent && Months.Any(month => after.TrimStart().StartsWith(month, StringComparison.OrdinalIgnoreCase))) continue;
            var number = decimal.Parse(digits.Replace(",", "", StringComparison.Ordinal) + m.Groups["dec"].Value, CultureInfo.InvariantCulture);
            var decimals = m.Groups["dec"].Success ? m.Groups["dec"].Value.Length - 1 : 0;
            var direction = m.Groups["dir"].Success ? DirectionOf(m.Groups["dir"].Value) : percent ? DirectionOf(previousWord) : null;
            var kind = !percent ? FigureKind.Count : direction is null ? FigureKind.Percent : FigureKind.Change;
            if (kind != FigureKind.Change) direction = null;
            var article = Regex.Match(before, @"\b(an?)\s+$", RegexOptions.IgnoreCase) is { Success: true } a ? a.Groups[1].Value : null;
            var text = Regex.Replace(m.Value, @"\s+", " ");
            result.Add(new TextFigure(text, kind, number, decimals, direction, article, m.Index));
        }
        result.Sort((a, b) => a.Index.CompareTo(b.Index));
        return result;
    }

    /// <summary>"increase" for a rise, "decrease" for a fall, in the facts' words; null for any other word.</summary>
    static string? DirectionOf(string word) => word.ToLowerInvariant() switch
    {
        "increase" or "rise" or "increasing" or "rising" or "up" => "increase",
        "decrease" or "fall" or "drop" or "reduction" or "decreasing" or "falling" or "down" => "decrease",
        _ => null,
    };

    static bool IsAgeBound(string previousWord, string after) =>
        previousWord is "aged" or "age" or "ages" or "under" or "over" ||
        Regex.IsMatch(after, @"^(\+|\s+(or|and)\s+(under|over|older|younger)\b|\s+years?\b)", RegexOptions.IgnoreCase);
}
