using Deedle;
using Insights.Model;
using DFrame = Deedle.Frame;

namespace Insights.Sources.Nrm;

/// <summary>
/// The loaded NRM counts as Deedle frames for analysts: tidy, one row per combination of dimensions, with the
/// count in <c>People</c> (a missing value where the table published shorthand; the reason in <c>MissingReason</c>).
/// Subtotals are rows like any other, flagged by <c>IsSubtotal</c>, so filter them before summing; a total is written
/// as the published layout writes it ("Total", "Police total").
/// </summary>
public static class NrmFrames
{
    /// <summary>One tidy row; column names are the property names.</summary>
    public sealed record Row(
        string Release, string Published, string Table, string Quarter, string ResponderType, string Responder,
        string ExploitationType, string AgeGroup, string Gender, string Nationality, string Location,
        double People, string MissingReason, bool IsSubtotal);

    public static Frame<int, string> Counts(IEnumerable<NrmCount> counts) =>
        DFrame.FromRecords(counts.Select(c => new Row(
            c.Release.Quarter.ToString(),
            c.Release.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            c.Table.ToString(), c.Quarter.ToString(), NrmLayoutWords.Text(c.ResponderType),
            c.ResponderType.IsCategory ? NrmLayoutWords.ResponderText(c.ResponderType.Category, c.Responder) : NrmLayoutWords.Text(c.Responder),
            c.ExploitationType.IsCategory ? c.ExploitationType.Category.Label : NrmLayoutWords.Total, NrmLayoutWords.Text(c.AgeGroup),
            NrmLayoutWords.Text(c.Gender), NrmLayoutWords.Text(c.Nationality), NrmLayoutWords.Text(c.Location),
            c.People ?? double.NaN, c.MissingReason ?? "", c.IsSubtotal)).ToList());

    /// <summary>Every count of every loaded release (series and first-responder tables).</summary>
    public static Frame<int, string> Counts(NrmHistory history) =>
        Counts(history.Releases.SelectMany(r => r.Series.Concat(r.FirstResponder)));

    /// <summary>Quarter totals as each release published them: columns Quarter, Release, People — the revision history.</summary>
    public static Frame<int, string> Revisions(NrmHistory history) =>
        DFrame.FromRecords(history.Releases.SelectMany(r => r.SeriesQuarters.Select(q => new Revision(q.ToString(), r.Release.Quarter.ToString(), r.SeriesTotal(q) ?? double.NaN)))
            .ToList());

    public sealed record Revision(string Quarter, string Release, double People);
}
