using System.Globalization;
using System.Text.RegularExpressions;

namespace Insights.Narrative;

/// <summary>What a figure in a sentence states: a count ("612"), a percentage ("44.4%"), a change ("a 7% increase",
/// "increasing 6%"), or a count the disclosure rule withholds ("fewer than 5": <see cref="TextFigure.Number"/> is
/// the bound; "[c]": withheld so that another cannot be worked out, no bound), or a share in words ("around
/// two-thirds": <see cref="TextFigure.Number"/> is the fraction as a percentage, <see cref="TextFigure.Qualifier"/>
/// the word before it).</summary>
public enum FigureKind { Count, Percent, Change, Withheld, Fraction }

/// <summary>How a share in words relates to its fraction: "around" (or about, roughly, or no word), "over" (more
/// than), "under" (less than), "nearly" (almost: just under).</summary>
public enum FractionQualifier { Around, Over, Under, Nearly }

/// <summary>
/// A figure as it reads in a sentence, found by <see cref="Find"/>: its text, kind, value and decimals as written,
/// the direction of a change, and the article written before it ("a"/"an"), if any.
/// </summary>
public sealed record TextFigure(string Text, FigureKind Kind, decimal Number, int Decimals, string? Direction, string? Article, int Index,
    FractionQualifier? Qualifier = null)
{
    /// <summary>The figure as a fact prints it: "5,690", "44.4%", "7% increase", "fewer than 5", "[c]".</summary>
    public string Normalised => Kind switch
    {
        FigureKind.Change => $"{NumberText}% {Direction}",
        FigureKind.Withheld => IsConfidential ? DisclosureWording.Confidential : string.Create(CultureInfo.InvariantCulture, $"fewer than {Number:0}"),
        // As the national text and the facts' descriptions write a share near a fraction: "around two-thirds".
        FigureKind.Fraction => $"{NationalWording.Around} {FractionName}",
        _ => Text,
    };

    /// <summary>"[c]": withheld with no bound stated.</summary>
    public bool IsConfidential => Kind == FigureKind.Withheld && Number == 0;

    string NumberText => Regex.Match(Text, @"\d[\d,]*(\.\d+)?").Value;

    string FractionName => NationalWording.CommonFractions.First(f => f.Percent == Number).Fraction;

    // A common fraction in words, as people write it ("two-thirds", "two thirds", "one third", "a quarter"), with
    // the word before it that says how near the share is; not a time ("the second half of 2024", "half-year").
    static readonly Regex FractionPattern = new(
        @"(?<!\b(?:first|second|latter|former|other|1st|2nd)\s+)\b(?:(?<q>around|about|roughly|approximately|some|over|more\s+than|under|less\s+than|nearly|almost|just\s+under|just\s+over)\s+)?(?<f>half|(?:a|one)[\s-]third|two[\s-]thirds|(?:a|one)[\s-]quarter|three[\s-]quarters|(?:a|one)[\s-]fifth|four[\s-]fifths)(?![-\w])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "Two thirds", "one-third", "a quarter" as the text names them: "two-thirds", "a third", "a quarter".
    static (decimal Percent, string Fraction) CommonFraction(string written)
    {
        var words = Regex.Split(written.ToLowerInvariant(), @"[\s-]+");
        if (words[0] == "one") words[0] = "a";
        var name = string.Join(words[0] == "a" ? " " : "-", words);
        return NationalWording.CommonFractions.Single(f => f.Fraction == name);
    }

    static FractionQualifier QualifierOf(string word) => Regex.Replace(word.ToLowerInvariant(), @"\s+", " ") switch
    {
        "over" or "more than" or "just over" => FractionQualifier.Over,
        "under" or "less than" => FractionQualifier.Under,
        "nearly" or "almost" or "just under" => FractionQualifier.Nearly,
        _ => FractionQualifier.Around,
    };

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
        foreach (Match m in FractionPattern.Matches(sentence))
        {
            var (percent, _) = CommonFraction(m.Groups["f"].Value);
            result.Add(new TextFigure(Regex.Replace(m.Value, @"\s+", " "), FigureKind.Fraction, percent, 0, null, null, m.Index,
                m.Groups["q"].Success ? QualifierOf(m.Groups["q"].Value) : FractionQualifier.Around));
        }
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
