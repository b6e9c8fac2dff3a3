using Insights.Breakdowns;

namespace Insights.Narrative;

/// <summary>How the national paragraph says numbers in words: articles, changes and common fractions.</summary>
public static class NationalWording
{
    /// <summary>
    /// "a" or "an" before a whole number as it is read aloud: an 8, an 11, an 18, an 80-89, an 800; a 1, a 32, a 110.
    /// Decided by the leading thousands group, which is what a reader says first ("an 11,000").
    /// </summary>
    public static string Article(long number)
    {
        var n = Math.Abs(number);
        while (n >= 1000) n /= 1000;
        var leading = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return leading[0] == '8' || n is 11 or 18 ? "an" : "a";
    }

    /// <summary>"a 7% increase", "a 6% decrease", "an 11% decrease"; null when it rounds to 0% ("similar").</summary>
    public static string? ChangePhrase(Change change)
    {
        if (change.RoundedPercent(0) is not { } r || r == 0) return null;
        var whole = (long)Math.Abs(r);
        return $"{Article(whole)} {whole}% {(r > 0 ? "increase" : "decrease")}";
    }

    static readonly (decimal Percent, string Words)[] Fractions =
    [
        (50m, "around half"),
        (100m / 3, "around a third"),
        (200m / 3, "around two-thirds"),
        (25m, "around a quarter"),
        (75m, "around three-quarters"),
        (20m, "around a fifth"),
        (80m, "around four-fifths"),
    ];

    /// <summary>How near (in percentage points) a share must be to a common fraction to be called by its name.</summary>
    public const decimal FractionTolerance = 1m;

    /// <summary>
    /// A share as a person would say it: "around two-thirds" for 66.7%, "around three-quarters" for 75.4%, and
    /// the whole percentage ("72%") when no common fraction is within one percentage point. The exact percentage
    /// goes to facts.json.
    /// </summary>
    public static string AsFraction(Share share)
    {
        if (share.Percent is not { } p) return share.Format(0);
        foreach (var (percent, words) in Fractions)
            if (Math.Abs(p - percent) <= FractionTolerance) return words;
        return share.Format(0);
    }
}
