
namespace Insights.Model;

/// <summary>
/// What one release gave us: the quarterly series (Table_2, if loaded) and the first-responder tables of the
/// release quarter (if loaded), as tidy counts, with the warnings raised while reading them.
/// </summary>
public sealed record NrmReleaseData(
    NrmRelease Release,
    IReadOnlyList<NrmCount> Series,
    IReadOnlyList<NrmCount> FirstResponder,
    IReadOnlyList<InputWarning> Warnings,
    IReadOnlyList<string> Files,
    IReadOnlyList<NrmAreaCount>? Areas = null)
{
    /// <summary>The tables this release was read from, each with its file, sheet and cell range (the run manifest's
    /// sources); empty for the long CSVs, whose rows are the table.</summary>
    public IReadOnlyList<NrmTableRead> TablesRead { get; init; } = [];

    /// <summary>Referrals by UK county or police force area (the releases' table from 2025); empty when the release has none.</summary>
    public IReadOnlyList<NrmAreaCount> AreaCounts => Areas ?? [];

    public bool HasSeries => Series.Count > 0;
    public bool HasFirstResponder => FirstResponder.Count > 0;

    /// <summary>All referrals in a quarter by the series of this release (sum of the age groups' totals); null if not in it.</summary>
    public int? SeriesTotal(Quarter quarter)
    {
        var rows = Series.Where(c => c.Quarter == quarter && c.Location.IsTotal).ToList();
        if (rows.Count == 0) return null;
        return rows.Any(r => r.People is null) ? null : rows.Sum(r => r.People!.Value);
    }

    /// <summary>The cells <see cref="SeriesTotal"/> adds up for <paramref name="quarter"/> (each age group's total).</summary>
    public CellSet SeriesTotalCells(Quarter quarter) => CellSet.Of(Series.Where(c => c.Quarter == quarter && c.Location.IsTotal));

    public IEnumerable<Quarter> SeriesQuarters => Series.Select(c => c.Quarter).Distinct().Order();

    /// <summary>All referrals in this release's first-responder tables; null if they were not loaded.</summary>
    public int? FirstResponderTotal => HasFirstResponder ? NationalityTotals(FirstResponder).All : null;

    /// <summary>
    /// Referrals by nationality, and in all, over all first responders. A type's total row is used where published;
    /// otherwise its responders' total rows are added up (the Local Authority table has one responder and no
    /// separate responder total row).
    /// </summary>
    public static NrmNationalityTotals NationalityTotals(IEnumerable<NrmCount> counts)
    {
        var top = counts.Where(c => c.Table == NrmTable.FirstResponder && c.ExploitationType.IsTotal
            && c.AgeGroup.IsTotal && c.Gender.IsTotal).ToList();
        var all = 0;
        var byNationality = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var allCells = new List<NrmCount>();
        var cells = new Dictionary<string, List<NrmCount>>(StringComparer.Ordinal);
        foreach (var type in top.GroupBy(c => c.ResponderType))
        {
            var typeTotals = type.Where(c => c.Responder.IsTotal).ToList();
            var rows = typeTotals.Count > 0 ? typeTotals : type.Where(c => c.Responder.IsCategory).ToList();
            foreach (var c in rows)
                if (c.Nationality.IsTotal) { all += c.People ?? 0; allCells.Add(c); }
                else
                {
                    var name = c.Nationality.Category;
                    byNationality[name] = byNationality.GetValueOrDefault(name) + (c.People ?? 0);
                    (cells.TryGetValue(name, out var list) ? list : cells[name] = []).Add(c);
                }
        }
        return new NrmNationalityTotals(all, byNationality)
        {
            AllCells = CellSet.Of(allCells),
            CellsByNationality = cells.ToDictionary(kv => kv.Key, kv => CellSet.Of(kv.Value), StringComparer.Ordinal),
        };
    }
}

/// <summary>
/// Several releases loaded together, ordered by quarter and then publication date (two editions of one quarter
/// load side by side): the latest is the one reported; together they give the revision history of each quarter
/// (the same quarter as published in successive releases and editions).
/// </summary>
public sealed record NrmHistory(IReadOnlyList<NrmReleaseData> Releases)
{
    public NrmReleaseData Latest => Releases.Count > 0 ? Releases[^1]
        : throw new InvalidOperationException("no NRM release was loaded");

    /// <summary>The latest loaded edition of <paramref name="quarter"/>'s release, or null.</summary>
    public NrmReleaseData? Release(Quarter quarter) => Releases.LastOrDefault(r => r.Release.Quarter == quarter);

    /// <summary>Every loaded edition of <paramref name="quarter"/>'s release, earliest publication first.</summary>
    public IReadOnlyList<NrmReleaseData> Editions(Quarter quarter) => Releases.Where(r => r.Release.Quarter == quarter).ToList();

    public IEnumerable<InputWarning> Warnings => Releases.SelectMany(r => r.Warnings);

    /// <summary>Every loaded release's county / police force area counts, oldest release first.</summary>
    public IReadOnlyList<NrmAreaCount> AreaCounts => Releases.SelectMany(r => r.AreaCounts).ToList();

    /// <summary>The total referrals of <paramref name="quarter"/> as each loaded release published it, oldest release first.</summary>
    public IReadOnlyList<NrmRevision> Revisions(Quarter quarter) =>
        Releases.Select(r => new NrmRevision(quarter, r.Release, r.SeriesTotal(quarter) ?? FirstResponderTotalFor(r, quarter)))
            .Where(v => v.People is not null).ToList();

    static int? FirstResponderTotalFor(NrmReleaseData r, Quarter q) =>
        r.Release.Quarter == q && !r.HasSeries ? r.FirstResponderTotal : null;
}

/// <summary>Referrals over all first responders: in all (the tables' Total column) and by nationality column
/// (single and dual nationalities, "Unknown"), in ordinal order of the nationality.</summary>
public sealed record NrmNationalityTotals(int All, IReadOnlyDictionary<string, int> ByNationality)
{
    /// <summary>The cells <see cref="All"/> adds up.</summary>
    public CellSet AllCells { get; init; } = CellSet.None;

    /// <summary>The cells each nationality's count adds up (its column in each responder type's total rows).</summary>
    public IReadOnlyDictionary<string, CellSet> CellsByNationality { get; init; } = new Dictionary<string, CellSet>();

    public CellSet CellsOf(string nationality) => CellsByNationality.GetValueOrDefault(nationality) ?? CellSet.None;

    /// <summary>The nationality columns: what tells a dual nationality ("Albanian UK") from a single one.</summary>
    public IReadOnlySet<string> Columns => ByNationality.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The single, known nationalities, most referrals first (ties in name order).</summary>
    public IEnumerable<KeyValuePair<string, int>> SingleKnownByCount
    {
        get
        {
            var columns = Columns;
            return ByNationality.Where(kv => NrmNationality.IsSingleKnown(kv.Key, columns))
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal);
        }
    }
}

/// <summary>One quarter's total as published in one release.</summary>
public sealed record NrmRevision(Quarter Quarter, NrmRelease Release, int? People);

/// <summary>Where a table of a release was read: file name, sheet, the title above it and its cells ("A5:K60").</summary>
public sealed record NrmTableRead(string File, NrmTable Table, string Sheet, string Title, string Cells);
