using System.Globalization;
using Insights.Breakdowns;
using Insights.Model;

namespace Insights.Narrative;

/// <summary>
/// How the national paragraph says numbers in words (articles, changes and common fractions), and the words of the
/// national breakdown's warnings.
/// </summary>
public static class NationalWording
{
    /// <inheritdoc cref="Wording.Article"/>
    public static string Article(long number) => Wording.Article(number);

    /// <inheritdoc cref="Wording.ChangePhrase"/>
    public static string? ChangePhrase(Change change) => Wording.ChangePhrase(change);

    /// <summary>The common fractions the text names a share by ("two-thirds"), and the word before them when the share is near one.</summary>
    public static readonly IReadOnlyList<(decimal Percent, string Fraction)> CommonFractions =
    [
        (50m, "half"),
        (100m / 3, "a third"),
        (200m / 3, "two-thirds"),
        (25m, "a quarter"),
        (75m, "three-quarters"),
        (20m, "a fifth"),
        (80m, "four-fifths"),
    ];

    public const string Around = "around";

    /// <summary>
    /// The fewest referrals a national share may be of to be described in words: "100% of referrals relating to organ
    /// harvesting" (1 of 1) or "around half" (2 of 4) is noise, not a finding. Smaller bases stay in facts.json and the
    /// charts' tables.
    /// </summary>
    public const int MinimumBase = 50;

    public const string NotLatestCode = "nrm-not-latest";

    /// <summary>The warning when --latest-published is given for a quarter a later loaded release follows.</summary>
    public static string NotLatest(Model.Quarter reported, Model.Quarter latestLoaded) =>
        $"--latest-published was given, but the {reported} release reported is not the latest loaded ({latestLoaded}): the text does not call it the latest period for which data is available";

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
        foreach (var (percent, fraction) in CommonFractions)
            if (Math.Abs(p - percent) <= FractionTolerance) return $"{Around} {fraction}";
        return share.Format(0);
    }

    /// <summary>
    /// A national warning as warnings.txt and the console print it ("warning nrm-revision: 2022 Q4: 4,416 → 4,413
    /// referrals ..."). The analyst's option for the bulletin's headline is named as the command line spells it.
    /// </summary>
    public static InputWarning Warning(NationalWarning warning) => new(warning.Code, warning switch
    {
        NrmRevised r =>
            $"{r.Quarter}: {Num(r.Old.People!.Value)} → {Num(r.New.People!.Value)} referrals (revised from the {Edition(r.Old.Release)} to the {Edition(r.New.Release)})",
        FirstResponderTotalDiffers f =>
            $"the first-responder tables of the {f.Release} sum to {Num(f.FirstResponderTotal)}, {Num(Math.Abs(f.Referrals - f.FirstResponderTotal))} {FewerOrMore(f.FirstResponderTotal, f.Referrals)} than the {Num(f.Referrals)} referrals in the referrals-by-quarter table; " +
            $"nationality, gender and exploitation shares are of all {Num(f.Referrals)} referrals, as the bulletin gives them",
        SeriesNotLoaded { BulletinTotal: { } given } s =>
            $"the {s.Release} was loaded without its referrals-by-quarter table: the total is the bulletin's {Num(given)} ({BulletinTotalOption}), the age split comes from the first-responder tables, and no change on earlier quarters can be stated",
        SeriesNotLoaded s =>
            $"the {s.Release} was loaded without its referrals-by-quarter table: the total ({Num(s.Referrals)}) and age split come from the first-responder tables, whose sum can differ from the bulletin's headline by a few referrals in either direction (2022 Q4: 4,417 against 4,416; 2023 Q4: 4,141 against 4,142); check it against the bulletin and give {BulletinTotalOption} N to print the published figure; no change on earlier quarters can be stated",
        BulletinTotalDiffersFromFirstResponder b =>
            $"the first-responder tables of the {b.Release} sum to {Num(b.FirstResponderTotal)}, {Num(Math.Abs(b.BulletinTotal - b.FirstResponderTotal))} {FewerOrMore(b.FirstResponderTotal, b.BulletinTotal)} than the {Num(b.BulletinTotal)} given with {BulletinTotalOption}",
        BulletinTotalDiffersFromSeries b =>
            $"the referrals-by-quarter table of the {b.Release} gives {Num(b.SeriesTotal)} for {b.Quarter}, not the {Num(b.BulletinTotal)} given with {BulletinTotalOption}; the text prints the table's {Num(b.SeriesTotal)} (check the quarter and the edition)",
        CountsMissing { Missing: 1 } m =>
            $"1 count in the {m.Release} is published as shorthand (missing, with a reason) and is left out of sums, not read as 0",
        CountsMissing m =>
            $"{m.Missing.ToString(CultureInfo.InvariantCulture)} counts in the {m.Release} are published as shorthand (missing, with a reason) and are left out of sums, not read as 0",
        _ => throw new ArgumentOutOfRangeException(nameof(warning), warning.Code, "a national warning without words"),
    });

    /// <summary>"NRM statistics, October to December 2023 release (published 7 March 2024)": a release as sources name it.</summary>
    public static string ReleaseName(NrmRelease release) => release.Published is { } p
        ? $"NRM statistics, {release.Quarter.InWords} release (published {p.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)})"
        : $"NRM statistics, {release.Quarter.InWords} release";

    /// <summary>Where a year's total (or the year before's) came from: the edition's referrals-by-quarter table, summed.</summary>
    public static string YearTotalsSource(NationalYearSources s, ReferralYear year) =>
        $"{ReleaseName(s.Edition)}, referrals by quarter, age and location table ({FileNames(s.EditionFiles)}): sum of {year.First} to {year.Last}";

    /// <summary>Where a year's splits came from: the first-responder tables of each of its quarters' releases ("" without them).</summary>
    public static string YearSplitsSource(NationalYearSources s) => s.SplitReleases.Count == 0 ? ""
        : "first-responder tables of " + string.Join("; ", s.SplitReleases.Select(r => $"the {ReleaseName(r.Release)} ({FileNames(r.Files)})"));

    /// <summary>Where an area's count came from: the release's county or police force area table.</summary>
    public static string AreaSource(NrmAreaContext c) =>
        $"{ReleaseName(c.Release)}, referrals by county or police force area table{(c.Files is { } files ? $" ({FileNames(files)})" : "")}";

    /// <summary>Where the quarter's total and its age split came from, as facts.json names it.</summary>
    public static string TotalsSource(NationalSources s) => s.Totals switch
    {
        NationalTotalFrom.Series => $"{ReleaseName(s.Release)}, referrals by quarter, age and location table ({FileNames(s.Files)})",
        NationalTotalFrom.Bulletin => $"{ReleaseName(s.Release)}, the bulletin's headline as given with {BulletinTotalOption}",
        _ => SplitsSource(s),
    };

    /// <summary>Where the nationality, gender and exploitation splits came from, as facts.json names it.</summary>
    public static string SplitsSource(NationalSources s) => $"{ReleaseName(s.Release)}, first-responder tables ({FileNames(s.Files)})";

    static string FileNames(IEnumerable<string> files) => string.Join(", ", files.Select(Path.GetFileName));

    /// <summary>
    /// A national breakdown's problem as the one line the user sees: where (the option that asked for it, or the
    /// release's files) and what is wrong, with what was loaded.
    /// </summary>
    public static InputException Error(InputProblem problem) => problem switch
    {
        NrmQuarterNotLoaded q => new(new SourceLocation("--quarter"),
            $"no {q.Quarter} release was loaded (loaded: {string.Join(", ", q.Loaded)})"),
        NrmQuarterTotalMissing { WithheldAgeGroup: { } age } m => new(Files(m.Files),
            $"the {m.Release} publishes the {m.Quarter} total for {age} as shorthand ({m.Reason}), so the quarter's total cannot be stated"),
        NrmQuarterTotalMissing m => new(Files(m.Files),
            $"the {m.Release} has no count of referrals for {m.Quarter} (neither the referrals-by-quarter table nor the first-responder tables)"),
        NrmAreaTableNotLoaded a => new(new SourceLocation("--nrm-area"),
            $"no release loaded has the referrals by county or police force area table (it is published from 2025; loaded: {string.Join(", ", a.Loaded)})"),
        NrmAreaNotListed a => new(new SourceLocation("--nrm-area"),
            $"'{a.Area}' is not in the {a.Release}'s county and police force area table (expected one of {string.Join(", ", a.Listed)})"),
        NrmAreaCountWithheld a => new(new SourceLocation("--nrm-area"),
            $"the {a.Release} publishes {a.Area}'s count for {a.Quarter} as shorthand ({a.Reason}), so it cannot be stated"),
        NationalYearNotLoaded y => new(new SourceLocation("--national-year"),
            $"no release loaded holds all four quarters of {y.Year} ({y.Year.First} to {y.Year.Last}) in its referrals-by-quarter table " +
            $"(loaded: {string.Join(", ", y.Loaded.Select(r => r.SeriesTo is { } to ? $"{r.Release} release, series to {to}" : $"{r.Release} release, no series"))})"),
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "an input problem without words"),
    };

    static SourceLocation Files(IEnumerable<string> files) => new(FileNames(files));

    /// <summary>The command line's option for the bulletin's headline (docs/cli.md).</summary>
    const string BulletinTotalOption = "--bulletin-total";

    static string FewerOrMore(int count, int than) => count < than ? "fewer" : "more";

    static string Num(int n) => Wording.Number(n);

    /// <summary>"2023 Q1 release published 4 May 2023": an edition as the revision warning names it.</summary>
    static string Edition(NrmRelease r) => r.Published is { } p
        ? $"{r} published {p.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}" : r.ToString();
}
