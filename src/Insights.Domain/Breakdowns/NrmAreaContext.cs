using Insights.Model;

namespace Insights.Breakdowns;

/// <summary>
/// One county or police force area in the NRM statistics: its referrals in the quarter, that count as a share of
/// all UK referrals in the quarter (the referrals-by-quarter total of the same release), and the change on the
/// same quarter a year earlier (or, failing that, the previous quarter) where a loaded table gives it.
/// </summary>
public sealed record NrmAreaContext(
    string Area,
    NrmRelease Release,
    Quarter Quarter,
    int People,
    Share? ShareOfUk,
    Change? Change,
    Quarter? ComparedWith,
    IReadOnlyList<(string Area, int? People)> Listed,
    IReadOnlyList<string>? Files)
{
    /// <summary>The published cells of the area's count, of the UK total and of the earlier count compared with, for the run manifest.</summary>
    public NrmAreaCells Cells { get; init; } = new(CellSet.None, CellSet.None, CellSet.None);
}

/// <summary>The cells behind an <see cref="NrmAreaContext"/>'s figures (<see cref="CellSet"/>).</summary>
public sealed record NrmAreaCells(CellSet People, CellSet Uk, CellSet Earlier);

public static class NrmAreas
{
    /// <summary>The named area (matched ignoring case and spacing) in the latest release loaded that has the table.</summary>
    public static NrmAreaContext Compute(NrmHistory history, string area)
    {
        ArgumentNullException.ThrowIfNull(history);
        // A total row is not an area: it is neither named, listed nor compared.
        var counts = history.AreaCounts.Where(c => c.Area.IsCategory).ToList();
        var latest = counts.Where(c => c.Quarter == c.Release.Quarter).Select(c => c.Release).Distinct().OrderBy(r => r.Quarter).LastOrDefault()
            ?? throw new InputProblemException(new NrmAreaTableNotLoaded([.. history.Releases.Select(r => r.Release.Quarter)]));
        var quarter = latest.Quarter;
        var table = counts.Where(c => c.Release == latest && c.Quarter == quarter).ToList();
        var key = Category.Key(area);
        var row = table.FirstOrDefault(c => Category.Key(c.Area.Category) == key)
            ?? throw new InputProblemException(new NrmAreaNotListed(area, latest, [.. table.Select(c => c.Area.Category)]));
        if (row.People is not { } people)
            throw new InputProblemException(new NrmAreaCountWithheld(row.Area.Category, latest, quarter, row.MissingReason));

        var data = history.Release(quarter);
        var uk = data?.SeriesTotal(quarter);
        var share = uk is { } total ? Share.Of(people, total, new ShareBase.UkReferrals(quarter)) : null;

        // The newest publication of an earlier quarter: the same release's own column where it has one, else an earlier release's table.
        NrmAreaCount? Earlier(Quarter q) => counts.Where(c => c.Quarter == q && Category.Key(c.Area.Category) == key && c.People is not null)
            .OrderByDescending(c => c.Release.Quarter).FirstOrDefault();
        Change? change = null;
        Quarter? compared = null;
        NrmAreaCount? earlier = null;
        foreach (var q in new[] { quarter.SameQuarterLastYear, quarter.Previous })
            if (Earlier(q) is { People: { } before } e)
            {
                change = new Change(people, before, new ChangeBase.AreaQuarter(row.Area.Category, q));
                compared = q;
                earlier = e;
                break;
            }
        static CellSet CellOf(NrmAreaCount? c) => c?.At is { } at ? new CellSet([at]) : CellSet.None;
        return new NrmAreaContext(row.Area.Category, latest, quarter, people, share, change, compared,
            table.Select(c => (c.Area.Category, c.People)).ToList(), data?.Files)
        {
            Cells = new NrmAreaCells(CellOf(row), uk is null ? CellSet.None : data!.SeriesTotalCells(quarter), CellOf(earlier)),
        };
    }
}
