using Insights.Breakdowns;

namespace Insights.Narrative;

/// <summary>How the national paragraph says numbers in words: articles, changes and common fractions.</summary>
public static class NationalWording
{
    /// <inheritdoc cref="Wording.Article"/>
    public static string Article(long number) => Wording.Article(number);

    /// <inheritdoc cref="Wording.ChangePhrase"/>
    public static string? ChangePhrase(Change change) => Wording.ChangePhrase(change);

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

    /// <summary>
    /// The fewest referrals a national share may be of to be described in words: "100% of referrals relating to organ
    /// harvesting" (1 of 1) or "around half" (2 of 4) is noise, not a finding. Smaller bases stay in facts.json and the
    /// charts' tables.
    /// </summary>
    public const int MinimumBase = 50;

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
