using Insights.Model;

namespace Insights.Breakdowns;

/// <summary>A nationality's referrals as a share of all referrals in the quarter.</summary>
public sealed record NationalityShare(string Nationality, Share Share);

/// <summary>How one exploitation type splits between adults and children, and which group is the larger.</summary>
public sealed record ExploitationAgeSplit(NrmExploitationType ExploitationType, int Total, Share Adults, Share Children)
{
    public bool MostlyChildren => Children.Numerator > Adults.Numerator;
    /// <summary>The larger group's share of all referrals of this type (age unknown included in the whole).</summary>
    public Share Larger => MostlyChildren ? Children : Adults;
}

/// <summary>
/// The latest quarter's count for a nationality is the highest of the quarters loaded. Only the loaded releases
/// are known, so the record is stated over them, never "since the NRM began" unless the whole series is loaded.
/// </summary>
public sealed record NationalRecord(string Nationality, Quarter Quarter, int People, Quarter PreviousRecordQuarter,
    int PreviousRecord, Change IncreaseOnPreviousRecord, Quarter FirstQuarterLoaded, int QuartersLoaded);

/// <summary>
/// The published cells behind each figure of a <see cref="NationalContext"/> (<see cref="CellSet"/>), for the run
/// manifest: a share's numerator and denominator are each one of these. Empty where the figure was not read from a
/// cell (the bulletin's total as the analyst gave it).
/// </summary>
public sealed record NationalCells
{
    public CellSet Referrals { get; init; } = CellSet.None;
    public CellSet PreviousQuarter { get; init; } = CellSet.None;
    public CellSet SameQuarterLastYear { get; init; } = CellSet.None;
    public CellSet Adults { get; init; } = CellSet.None;
    public CellSet Children { get; init; } = CellSet.None;
    public CellSet Male { get; init; } = CellSet.None;
    public CellSet Female { get; init; } = CellSet.None;
    /// <summary>Each of <see cref="NationalContext.TopNationalities"/> by name.</summary>
    public IReadOnlyDictionary<string, CellSet> Nationalities { get; init; } = new Dictionary<string, CellSet>();
    public CellSet Uk { get; init; } = CellSet.None;
    public CellSet UkChildren { get; init; } = CellSet.None;
    /// <summary>All adults less UK adults: the cells of both.</summary>
    public CellSet NonUkAdults { get; init; } = CellSet.None;
    public CellSet NonUkChildren { get; init; } = CellSet.None;
    /// <summary>Each of <see cref="NationalContext.ExploitationTypes"/> by its label.</summary>
    public IReadOnlyDictionary<string, ExploitationCells> ExploitationTypes { get; init; } = new Dictionary<string, ExploitationCells>();
    public CellSet FirstResponderTotal { get; init; } = CellSet.None;
    /// <summary>The UK count of the record quarter, and of the previous highest (another release's cells).</summary>
    public CellSet UkRecord { get; init; } = CellSet.None;
    public CellSet UkPreviousRecord { get; init; } = CellSet.None;

    public CellSet Nationality(string name) => Nationalities.GetValueOrDefault(name) ?? CellSet.None;
    public ExploitationCells Exploitation(string label) => ExploitationTypes.GetValueOrDefault(label) ?? ExploitationCells.None;
}

/// <summary>The cells of one exploitation type's referrals: all ages, adults, children.</summary>
public sealed record ExploitationCells(CellSet Total, CellSet Adults, CellSet Children)
{
    public static readonly ExploitationCells None = new(CellSet.None, CellSet.None, CellSet.None);
}

/// <summary>Where the quarter's total came from.</summary>
public enum NationalTotalFrom
{
    /// <summary>The referrals-by-quarter table (the bulletin's headline).</summary>
    Series,
    /// <summary>The bulletin's headline as the analyst read it, for a release loaded without its series.</summary>
    Bulletin,
    /// <summary>The sum of the first-responder tables.</summary>
    FirstResponder,
}

/// <summary>Where each figure came from, for facts.json (worded in Reporting): the release, its files, and the total's table.
/// The splits always come from the release's first-responder tables.</summary>
public sealed record NationalSources(NrmRelease Release, IReadOnlyList<string> Files, NationalTotalFrom Totals);

/// <summary>
/// The national figures for one quarter, all from the same release (as the bulletin compares against the revised
/// figures of the same release). Totals and age splits come from the quarterly series when loaded; nationality,
/// gender and exploitation splits from the first-responder tables, whose shares are of all referrals.
/// </summary>
public sealed record NationalContext(
    NrmRelease Release,
    Quarter Quarter,
    int Referrals,
    bool TotalsFromSeries,
    Change? VersusPreviousQuarter,
    Change? VersusSameQuarterLastYear,
    IReadOnlyList<NationalityShare> TopNationalities,
    Share? AdultsWhereAgeKnown,
    Share? ChildrenWhereAgeKnown,
    Share? AdultsOfAll,
    Share? ChildrenOfAll,
    Share? Male,
    Share? Female,
    Share? UkNationalsWhoWereChildren,
    Share? NonUkAdultsWhereAgeKnown,
    IReadOnlyList<ExploitationAgeSplit> ExploitationTypes,
    NationalRecord? UkRecord,
    int? FirstResponderTotal,
    NationalSources Sources,
    IReadOnlyList<NationalWarning> Warnings,
    IReadOnlyList<string>? OtherTypesMostlyChildren = null,
    bool LatestLoaded = true)
{
    /// <summary>The published cells behind each figure, for the run manifest.</summary>
    public NationalCells Cells { get; init; } = new();

    /// <summary>Series total minus the first-responder tables' total (1 in the Q4 2023 release); null without both.</summary>
    public int? FirstResponderShortfall => TotalsFromSeries && FirstResponderTotal is { } f ? Referrals - f : null;
}

/// <summary>Pure functions from loaded releases to the national context figures.</summary>
public static class National
{
    /// <summary>The national context of <paramref name="quarter"/> (default: the latest release loaded).</summary>
    /// <param name="bulletinTotal">The bulletin's headline for the quarter, as the analyst read it:
    /// printed when the release was loaded without its referrals-by-quarter table, else checked against it.</param>
    public static NationalContext Compute(NrmHistory history, Quarter? quarter = null, int? bulletinTotal = null)
    {
        var data = quarter is { } q
            ? history.Release(q) ?? throw new InputProblemException(new NrmQuarterNotLoaded(q, [.. history.Releases.Select(r => r.Release.Quarter)]))
            : history.Latest;
        var context = Compute(data, history, bulletinTotal);
        return context with { Warnings = [.. context.Warnings, .. RevisionWarnings(history)] };
    }

    /// <summary>
    /// Each quarter whose total differs between two loaded releases (or editions), consecutive in publication order:
    /// the Home Office revises earlier quarters as late referrals arrive, so a figure quoted from an older release
    /// may no longer be the published one.
    /// </summary>
    public static IReadOnlyList<(Quarter Quarter, NrmRevision Old, NrmRevision New)> Revisions(NrmHistory history)
    {
        var quarters = history.Releases.SelectMany(r => r.SeriesQuarters).Distinct().Order();
        var revisions = new List<(Quarter, NrmRevision, NrmRevision)>();
        foreach (var q in quarters)
        {
            var published = history.Revisions(q);
            for (var i = 1; i < published.Count; i++)
                if (published[i].People != published[i - 1].People)
                    revisions.Add((q, published[i - 1], published[i]));
        }
        return revisions;
    }

    static IEnumerable<NationalWarning> RevisionWarnings(NrmHistory history) =>
        Revisions(history).Select(r => new NrmRevised(r.Quarter, r.Old, r.New));

    public static NationalContext Compute(NrmReleaseData data, NrmHistory? history = null, int? bulletinTotal = null)
    {
        var release = data.Release;
        var quarter = release.Quarter;
        // The reader's warnings stay with the release (data.Warnings); these are the breakdown's own.
        var warnings = new List<NationalWarning>();
        var seriesTotal = data.SeriesTotal(quarter);
        var responderTotal = data.HasFirstResponder ? FirstResponderTotal(data.FirstResponder) : (int?)null;
        var withheld = data.Series.FirstOrDefault(c => c.Quarter == quarter && c.Location.IsTotal && c.People is null);
        var referrals = seriesTotal ?? bulletinTotal ?? responderTotal
            ?? throw new InputProblemException(new NrmQuarterTotalMissing(release, quarter, data.Files, withheld?.AgeGroup, withheld?.MissingReason));
        var fromSeries = seriesTotal is not null;
        var sources = new NationalSources(release, data.Files,
            fromSeries ? NationalTotalFrom.Series : bulletinTotal is not null ? NationalTotalFrom.Bulletin : NationalTotalFrom.FirstResponder);

        if (fromSeries && responderTotal is { } f && f != referrals)
            warnings.Add(new FirstResponderTotalDiffers(release, f, referrals));
        if (!fromSeries)
            warnings.Add(new SeriesNotLoaded(release, referrals, bulletinTotal));
        if (bulletinTotal is { } b && responderTotal is { } r && b != r)
            warnings.Add(new BulletinTotalDiffersFromFirstResponder(release, r, b));
        if (bulletinTotal is { } bt && seriesTotal is { } st && bt != st)
            warnings.Add(new BulletinTotalDiffersFromSeries(release, quarter, st, bt));

        var responderTotals = data.HasFirstResponder ? NationalityTotals(data.FirstResponder) : null;
        var cells = new NationalCells
        {
            Referrals = fromSeries ? data.SeriesTotalCells(quarter) : bulletinTotal is not null ? CellSet.None : responderTotals?.AllCells ?? CellSet.None,
            FirstResponderTotal = responderTotals?.AllCells ?? CellSet.None,
        };
        Change? previous = null, yearAgo = null;
        if (fromSeries)
        {
            cells = cells with { PreviousQuarter = data.SeriesTotalCells(quarter.Previous), SameQuarterLastYear = data.SeriesTotalCells(quarter.SameQuarterLastYear) };
            previous = data.SeriesTotal(quarter.Previous) is { } p ? new Change(referrals, p, new ChangeBase.QuarterAsPublished(quarter.Previous, release)) : null;
            yearAgo = data.SeriesTotal(quarter.SameQuarterLastYear) is { } y ? new Change(referrals, y, new ChangeBase.QuarterAsPublished(quarter.SameQuarterLastYear, release)) : null;
        }

        // Ages: from the series when loaded (its headline), else from the first-responder tables.
        int adults, children, ageUnknown;
        if (fromSeries)
        {
            adults = SeriesAge(data, quarter, NrmLabels.Adult);
            children = SeriesAge(data, quarter, NrmLabels.Child);
            ageUnknown = SeriesAge(data, quarter, NrmLabels.AgeUnknownSeries);
            cells = cells with { Adults = SeriesAgeCells(data, quarter, NrmLabels.Adult), Children = SeriesAgeCells(data, quarter, NrmLabels.Child) };
        }
        else
        {
            var byAge = ResponderLeaves(data.FirstResponder, ageLevel: true).GroupBy(c => c.AgeGroup.Category).ToDictionary(g => g.Key, g => g.ToList());
            adults = byAge.GetValueOrDefault(NrmLabels.Adult)?.Sum(c => c.People ?? 0) ?? 0;
            children = byAge.GetValueOrDefault(NrmLabels.Child)?.Sum(c => c.People ?? 0) ?? 0;
            ageUnknown = referrals - adults - children;
            cells = cells with { Adults = CellSet.Of(byAge.GetValueOrDefault(NrmLabels.Adult) ?? []), Children = CellSet.Of(byAge.GetValueOrDefault(NrmLabels.Child) ?? []) };
        }
        var known = adults + children;
        ShareBase ageKnown = new ShareBase.QuarterReferralsWhereAgeKnown();
        ShareBase allReferrals = new ShareBase.QuarterReferrals();

        var top = new List<NationalityShare>();
        Share? male = null, female = null, ukChildren = null, nonUkAdults = null;
        var exploitation = new List<ExploitationAgeSplit>();
        var otherMostlyChildren = new List<string>();
        if (data.HasFirstResponder)
        {
            var byNationality = responderTotals!;
            top = byNationality.SingleKnownByCount.Take(3)
                .Select(kv => new NationalityShare(kv.Key, Share.Of(kv.Value, referrals, allReferrals))).ToList();

            var genders = GenderLeaves(data.FirstResponder).GroupBy(c => c.Gender.Category).ToDictionary(g => g.Key, g => g.ToList());
            int GenderCount(string gender) => genders.GetValueOrDefault(gender)?.Sum(c => c.People ?? 0) ?? 0;
            male = Share.Of(GenderCount(NrmLabels.Male), referrals, allReferrals);
            female = Share.Of(GenderCount(NrmLabels.Female), referrals, allReferrals);

            var ageByNationality = ResponderLeaves(data.FirstResponder, ageLevel: true, everyNationality: true)
                .GroupBy(c => (c.Nationality, c.AgeGroup)).ToDictionary(g => g.Key, g => g.ToList());
            var uk = byNationality.ByNationality.GetValueOrDefault(NrmLabels.Uk);
            if (uk > 0)
                ukChildren = Share.Of(AgeOf(NrmLabels.Uk, NrmLabels.Child), uk, new ShareBase.UkNationals());
            List<NrmCount> AgeRows(Breakdown<string> nationality, string age) => ageByNationality.GetValueOrDefault((nationality, Breakdown<string>.Of(age))) ?? [];
            int AgeOf(Breakdown<string> nationality, string age) => AgeRows(nationality, age).Sum(c => c.People ?? 0);
            CellSet AgeCells(Breakdown<string> nationality, string age) => CellSet.Of(AgeRows(nationality, age));
            cells = cells with
            {
                Nationalities = top.ToDictionary(n => n.Nationality, n => byNationality.CellsOf(n.Nationality), StringComparer.Ordinal),
                Male = CellSet.Of(genders.GetValueOrDefault(NrmLabels.Male) ?? []),
                Female = CellSet.Of(genders.GetValueOrDefault(NrmLabels.Female) ?? []),
                Uk = byNationality.CellsOf(NrmLabels.Uk),
                UkChildren = AgeCells(NrmLabels.Uk, NrmLabels.Child),
                NonUkAdults = AgeCells(Breakdown<string>.Total, NrmLabels.Adult).And(AgeCells(NrmLabels.Uk, NrmLabels.Adult)),
                NonUkChildren = AgeCells(Breakdown<string>.Total, NrmLabels.Child).And(AgeCells(NrmLabels.Uk, NrmLabels.Child)),
            };
            var nonUkAdultCount = AgeOf(Breakdown<string>.Total, NrmLabels.Adult) - AgeOf(NrmLabels.Uk, NrmLabels.Adult);
            var nonUkChildCount = AgeOf(Breakdown<string>.Total, NrmLabels.Child) - AgeOf(NrmLabels.Uk, NrmLabels.Child);
            nonUkAdults = Share.Of(nonUkAdultCount, nonUkAdultCount + nonUkChildCount, new ShareBase.NonUkNationalsWhereAgeKnown());

            var exploitationCells = new Dictionary<string, ExploitationCells>(StringComparer.Ordinal);
            foreach (var g in ResponderLeaves(data.FirstResponder, ageLevel: true).GroupBy(c => c.ExploitationType.Category).OrderBy(g => g.Key.Label, StringComparer.Ordinal))
            {
                var total = g.Sum(c => c.People ?? 0);
                if (total == 0) continue;
                if (!g.Key.IsSingle)
                {
                    // Combinations and "not specified" are not described, but a sentence about "all types" must hold
                    // for them too (in the Q4 2023 release Sexual & Criminal is 85% children).
                    if (g.Where(c => c.AgeGroup == NrmLabels.Child).Sum(c => c.People ?? 0) > g.Where(c => c.AgeGroup == NrmLabels.Adult).Sum(c => c.People ?? 0))
                        otherMostlyChildren.Add(g.Key.Label);
                    continue;
                }
                exploitationCells[g.Key.Label] = new ExploitationCells(CellSet.Of(g),
                    CellSet.Of(g.Where(c => c.AgeGroup == NrmLabels.Adult)), CellSet.Of(g.Where(c => c.AgeGroup == NrmLabels.Child)));
                var label = new ShareBase.TypeReferrals(g.Key);
                exploitation.Add(new ExploitationAgeSplit(g.Key, total,
                    Share.Of(g.Where(c => c.AgeGroup == NrmLabels.Adult).Sum(c => c.People ?? 0), total, label),
                    Share.Of(g.Where(c => c.AgeGroup == NrmLabels.Child).Sum(c => c.People ?? 0), total, label)));
            }
            cells = cells with { ExploitationTypes = exploitationCells };
            exploitation = exploitation.OrderByDescending(e => e.Total).ThenBy(e => e.ExploitationType.Label, StringComparer.Ordinal).ToList();
        }

        var missing = data.FirstResponder.Count(c => c.People is null) + data.Series.Count(c => c.People is null);
        if (missing > 0)
            warnings.Add(new CountsMissing(release, missing));

        var record = history is null ? null : UkRecord(history, quarter);
        if (record is not null)
            cells = cells with { UkRecord = UkCells(history!, record.Quarter), UkPreviousRecord = UkCells(history!, record.PreviousRecordQuarter) };
        return new NationalContext(release, quarter, referrals, fromSeries, previous, yearAgo, top,
            known > 0 ? Share.Of(adults, known, ageKnown) : null,
            known > 0 ? Share.Of(children, known, ageKnown) : null,
            Share.Of(adults, referrals, allReferrals), Share.Of(children, referrals, allReferrals),
            male, female, ukChildren, nonUkAdults, exploitation,
            record,
            responderTotal, sources, warnings, otherMostlyChildren,
            LatestLoaded: history is null || history.Releases.All(r => r.Release.Quarter <= quarter)) { Cells = cells };
    }

    // The UK count of a quarter comes from that quarter's own release (UkRecord), the latest loaded edition of it.
    static CellSet UkCells(NrmHistory history, Quarter quarter) =>
        history.Releases.LastOrDefault(r => r.HasFirstResponder && r.Release.Quarter == quarter) is { } r
            ? NationalityTotals(r.FirstResponder).CellsOf(NrmLabels.Uk) : CellSet.None;

    /// <summary>Referrals of UK nationals in each loaded release's own quarter, and a record if the latest is the highest.</summary>
    public static NationalRecord? UkRecord(NrmHistory history, Quarter quarter)
    {
        // Each quarter once, as its latest loaded edition publishes it: a superseded edition is not a quarter of its own.
        var loaded = history.Releases.Where(r => r.HasFirstResponder && r.Release.Quarter <= quarter)
            .GroupBy(r => r.Release.Quarter).Select(g => g.Last())
            .Select(r => (r.Release.Quarter, People: NationalityTotals(r.FirstResponder).ByNationality.GetValueOrDefault(NrmLabels.Uk)))
            .OrderBy(x => x.Quarter).ToList();
        // A record is only a record over an unbroken run of quarters: with gaps, an unloaded quarter could be higher.
        var run = ConsecutiveRunEndingAt(loaded.Select(x => x.Quarter).ToList(), quarter);
        var byQuarter = loaded.Where(x => x.Quarter >= run.First).ToList();
        if (run.Count < 2) return null;
        var latest = byQuarter[^1];
        var best = byQuarter[..^1].OrderByDescending(x => x.People).ThenByDescending(x => x.Quarter).First();
        if (latest.People <= best.People) return null;
        return new NationalRecord(NrmLabels.Uk, quarter, latest.People, best.Quarter, best.People,
            new Change(latest.People, best.People, new ChangeBase.PreviousHighest(best.Quarter)),
            byQuarter[0].Quarter, byQuarter.Count);
    }

    /// <summary>
    /// The unbroken run of consecutive quarters that ends at <paramref name="last"/> among those given (sorted):
    /// its first quarter and its length; length 0 when <paramref name="last"/> is not among them.
    /// </summary>
    internal static (Quarter First, int Count) ConsecutiveRunEndingAt(IReadOnlyList<Quarter> quarters, Quarter last)
    {
        if (!quarters.Contains(last)) return (last, 0);
        var first = last;
        var count = 1;
        while (quarters.Contains(first.Previous)) { first = first.Previous; count++; }
        return (first, count);
    }

    /// <summary>All referrals in the first-responder tables: each type's total row, or its responders' totals.</summary>
    public static int FirstResponderTotal(IEnumerable<NrmCount> counts) => NationalityTotals(counts).All;

    /// <summary>Referrals by nationality and in all over all first responders; see <see cref="NrmReleaseData.NationalityTotals"/>.</summary>
    public static NrmNationalityTotals NationalityTotals(IEnumerable<NrmCount> counts) => NrmReleaseData.NationalityTotals(counts);

    /// <summary>Rows at exploitation-type × age level (gender total) for all nationalities together, or (<paramref name="everyNationality"/>) for each.</summary>
    static IEnumerable<NrmCount> ResponderLeaves(IEnumerable<NrmCount> counts, bool ageLevel, bool everyNationality = false) =>
        counts.Where(c => c.Table == NrmTable.FirstResponder && c.Responder.IsCategory
            && c.ExploitationType.IsCategory && (ageLevel ? c.AgeGroup.IsCategory : c.AgeGroup.IsTotal)
            && c.Gender.IsTotal && (everyNationality || c.Nationality.IsTotal));

    static IEnumerable<NrmCount> GenderLeaves(IEnumerable<NrmCount> counts) =>
        counts.Where(c => c.Table == NrmTable.FirstResponder && c.Responder.IsCategory
            && c.ExploitationType.IsCategory && c.AgeGroup.IsCategory && c.Gender.IsCategory && c.Nationality.IsTotal);

    static int SeriesAge(NrmReleaseData data, Quarter quarter, string age) => SeriesAgeRows(data, quarter, age).Sum(c => c.People ?? 0);

    static CellSet SeriesAgeCells(NrmReleaseData data, Quarter quarter, string age) => CellSet.Of(SeriesAgeRows(data, quarter, age));

    static IEnumerable<NrmCount> SeriesAgeRows(NrmReleaseData data, Quarter quarter, string age) =>
        data.Series.Where(c => c.Quarter == quarter && c.AgeGroup == age && c.Location.IsTotal);
}
