using Insights.Model;

namespace Insights.Breakdowns;

/// <summary>An exploitation type's referrals as a share of all referrals in the year's first-responder tables.</summary>
public sealed record ExploitationShare(NrmExploitationType ExploitationType, Share Share);

/// <summary>
/// The national figures of one year. The total is the sum of its four quarters as published in one release (the
/// latest loaded that holds them all: each release revises earlier quarters), compared with the year before from
/// the same release. Nationality and exploitation-type shares need the first-responder tables of every quarter of
/// the year (each release has its own quarter's only); they are shares of the referrals in those four tables.
/// </summary>
public sealed record NationalYearContext(
    ReferralYear Year,
    NrmRelease Edition,
    int Referrals,
    IReadOnlyList<(Quarter Quarter, int People)> QuarterTotals,
    Change? VersusPreviousYear,
    Share? AdultsWhereAgeKnown,
    Share? ChildrenWhereAgeKnown,
    IReadOnlyList<NationalityShare> TopNationalities,
    IReadOnlyList<ExploitationShare> ExploitationTypes,
    int? FirstResponderReferrals,
    IReadOnlyList<Quarter> QuartersWithoutFirstResponderTables,
    NationalYearSources Sources)
{
    public bool HasSplits => QuartersWithoutFirstResponderTables.Count == 0;

    /// <summary>The published cells behind each figure, for the run manifest.</summary>
    public NationalYearCells Cells { get; init; } = new();
}

/// <summary>The published cells behind the figures of a <see cref="NationalYearContext"/> (<see cref="CellSet"/>).</summary>
public sealed record NationalYearCells
{
    public CellSet Referrals { get; init; } = CellSet.None;
    public CellSet PreviousYear { get; init; } = CellSet.None;
    public CellSet Adults { get; init; } = CellSet.None;
    public CellSet Children { get; init; } = CellSet.None;
    /// <summary>All referrals in the year's four first-responder tables: the denominator of the splits.</summary>
    public CellSet FirstResponderReferrals { get; init; } = CellSet.None;
    /// <summary>Each of the top nationalities by name.</summary>
    public IReadOnlyDictionary<string, CellSet> Nationalities { get; init; } = new Dictionary<string, CellSet>();
    /// <summary>Each exploitation type by its label.</summary>
    public IReadOnlyDictionary<string, CellSet> ExploitationTypes { get; init; } = new Dictionary<string, CellSet>();

    public CellSet Nationality(string name) => Nationalities.GetValueOrDefault(name) ?? CellSet.None;
    public CellSet ExploitationType(string label) => ExploitationTypes.GetValueOrDefault(label) ?? CellSet.None;
}

/// <summary>Where the year's figures came from (worded in Reporting): the edition whose referrals-by-quarter table
/// gives the totals, with its files, and the releases whose first-responder tables give the splits (empty when a
/// quarter's tables were not loaded).</summary>
public sealed record NationalYearSources(NrmRelease Edition, IReadOnlyList<string> EditionFiles,
    IReadOnlyList<(NrmRelease Release, IReadOnlyList<string> Files)> SplitReleases);

public static class NationalYear
{
    static readonly ShareBase ReferralsInYearTables = new ShareBase.YearFirstResponderReferrals();

    public static NationalYearContext Compute(NrmHistory history, ReferralYear year)
    {
        ArgumentNullException.ThrowIfNull(history);
        var edition = history.Releases.LastOrDefault(r => year.Quarters.All(q => r.SeriesTotal(q) is not null))
            ?? throw new InputProblemException(new NationalYearNotLoaded(year,
                [.. history.Releases.Select(r => new NrmSeriesLoaded(r.Release.Quarter, r.HasSeries ? r.SeriesQuarters.Max() : null))]));
        var totals = year.Quarters.Select(q => (q, edition.SeriesTotal(q)!.Value)).ToList();
        var referrals = totals.Sum(t => t.Item2);

        var previousTotals = year.Previous.Quarters.Select(edition.SeriesTotal).ToList();
        var previous = previousTotals.All(t => t is not null)
            ? new Change(referrals, previousTotals.Sum(t => t!.Value), new ChangeBase.YearAsPublished(year.Previous, edition.Release))
            : null;

        IEnumerable<NrmCount> AgeRows(string group) => edition.Series.Where(c => year.Quarters.Contains(c.Quarter) && c.AgeGroup == group && c.Location.IsTotal);
        int Age(string group) => AgeRows(group).Sum(c => c.People ?? 0);
        CellSet YearTotal(ReferralYear y) => y.Quarters.Select(edition.SeriesTotalCells).Aggregate(CellSet.None, (a, b) => a.And(b));
        var cells = new NationalYearCells
        {
            Referrals = YearTotal(year),
            PreviousYear = previous is null ? CellSet.None : YearTotal(year.Previous),
            Adults = CellSet.Of(AgeRows(NrmLabels.Adult)),
            Children = CellSet.Of(AgeRows(NrmLabels.Child)),
        };
        var adults = Age(NrmLabels.Adult);
        var children = Age(NrmLabels.Child);
        ShareBase ageKnown = new ShareBase.YearReferralsWhereAgeKnown();

        var tables = year.Quarters.Select(q => (Quarter: q, Release: history.Releases.LastOrDefault(r => r.Release.Quarter == q && r.HasFirstResponder))).ToList();
        var missing = tables.Where(t => t.Release is null).Select(t => t.Quarter).ToList();
        var top = new List<NationalityShare>();
        var types = new List<ExploitationShare>();
        int? responderReferrals = null;
        IReadOnlyList<(NrmRelease, IReadOnlyList<string>)> splitReleases = [];
        if (missing.Count == 0)
        {
            var releases = tables.Select(t => t.Release!).ToList();
            var byNationality = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var whole = 0;
            var wholeCells = CellSet.None;
            var nationalityCells = new Dictionary<string, CellSet>(StringComparer.Ordinal);
            foreach (var r in releases)
            {
                var released = NrmReleaseData.NationalityTotals(r.FirstResponder);
                whole += released.All;
                wholeCells = wholeCells.And(released.AllCells);
                foreach (var (nationality, people) in released.ByNationality)
                {
                    byNationality[nationality] = byNationality.GetValueOrDefault(nationality) + people;
                    nationalityCells[nationality] = (nationalityCells.GetValueOrDefault(nationality) ?? CellSet.None).And(released.CellsOf(nationality));
                }
            }
            responderReferrals = whole;
            top = new NrmNationalityTotals(whole, byNationality).SingleKnownByCount.Take(3)
                .Select(kv => new NationalityShare(kv.Key, Share.Of(kv.Value, whole, ReferralsInYearTables))).ToList();
            var byType = releases.SelectMany(r => r.FirstResponder)
                .Where(c => c.Table == NrmTable.FirstResponder && c.Responder.IsCategory && c.ExploitationType is { IsCategory: true, Category.IsSingle: true }
                    && c.AgeGroup.IsTotal && c.Gender.IsTotal && c.Nationality.IsTotal)
                .GroupBy(c => c.ExploitationType.Category).ToList();
            cells = cells with
            {
                FirstResponderReferrals = wholeCells,
                Nationalities = top.ToDictionary(n => n.Nationality, n => nationalityCells[n.Nationality], StringComparer.Ordinal),
                ExploitationTypes = byType.ToDictionary(g => g.Key.Label, g => CellSet.Of(g), StringComparer.Ordinal),
            };
            types = byType
                .Select(g => new ExploitationShare(g.Key, Share.Of(g.Sum(c => c.People ?? 0), whole, ReferralsInYearTables)))
                .Where(e => e.Share.Numerator > 0)
                .OrderByDescending(e => e.Share.Numerator).ThenBy(e => e.ExploitationType.Label, StringComparer.Ordinal).ToList();
            splitReleases = [.. releases.Select(r => (r.Release, r.Files))];
        }

        return new NationalYearContext(year, edition.Release, referrals, totals, previous,
            adults + children > 0 ? Share.Of(adults, adults + children, ageKnown) : null,
            adults + children > 0 ? Share.Of(children, adults + children, ageKnown) : null,
            top, types, responderReferrals, missing, new NationalYearSources(edition.Release, edition.Files, splitReleases)) { Cells = cells };
    }
}
