using System.Globalization;
using Insights.Breakdowns;
using Insights.Model;

namespace Insights.Narrative;

/// <summary>
/// The figures of the "National context" paragraph, formatted for its template (<c>national-context.sbn</c>), and
/// the facts behind every one of them. Property names are what the template uses.
/// </summary>
public sealed record NationalNarrative(
    string QuarterOrdinal,
    string PeriodShort,
    string Period,
    string Total,
    bool HasPrevious,
    string? PreviousChange,
    string PreviousTotal,
    bool HasYearAgo,
    string? YearAgoChange,
    string YearAgoPeriod,
    string YearAgoTotal,
    bool HasNationalities,
    IReadOnlyList<NationalNarrative.Nationality> Nationalities,
    bool HasRecord,
    string RecordQuarters,
    string RecordSince,
    string? RecordIncrease,
    bool RecordInPreviousQuarter,
    string RecordPreviousPeriod,
    bool HasAge,
    string AdultsPercent,
    string ChildrenPercent,
    bool HasUkChildren,
    bool NonUkMostlyAdults,
    string UkChildrenPercent,
    NationalNarrative.Exploitation? ExploitationTypes,
    IReadOnlyList<Fact> Facts,
    bool LatestAvailable = false)
{
    public const string TemplateName = "national-context";

    /// <summary>A nationality among the most commonly referred, and its share of all referrals, formatted.</summary>
    public sealed record Nationality(string Name, string Percent);

    /// <summary>An exploitation type where children were the larger group: the share in words ("around two-thirds") and the type in lower case.</summary>
    public sealed record MostlyChildrenType(string Fraction, string Type);

    /// <summary>
    /// What the exploitation sentence says: whether adults were over half of every type where they were the larger
    /// group, whether a combination or "not specified" type had more children (then the sentence speaks of single
    /// types), whether any type had more adults, and the types where children were the larger group.
    /// </summary>
    public sealed record Exploitation(bool AdultsMajority, bool OtherTypesMostlyChildren, bool HasAdultTypes,
        IReadOnlyList<MostlyChildrenType> MostlyChildren);

    static readonly string[] Ordinals = ["first", "second", "third", "fourth"];
    static readonly string[] MonthShort = ["January-March", "April-June", "July-September", "October-December"];

    /// <summary>The paragraph in Markdown, from the template library's <c>national-context.sbn</c>.</summary>
    public string Render(TemplateLibrary templates) => templates.Render(TemplateName, this);

    /// <param name="latestPublished">The analyst has checked that the release is the latest the Home Office has
    /// published (<c>--latest-published</c>): only then, and only for the latest release loaded, does the text say "the
    /// latest period for which data is available"; the files loaded cannot prove it.</param>
    public static NationalNarrative Build(NationalContext c, bool latestPublished = false)
    {
        var facts = new List<Fact>();
        var q = c.Quarter;
        var quarterFilter = $"quarter = {q}";
        var totalsSource = NationalWording.TotalsSource(c.Sources);
        var splitsSource = NationalWording.SplitsSource(c.Sources);
        var cells = c.Cells;
        facts.Add(Fact.Count("national.referrals", c.Referrals, $"potential victims referred to the NRM in {q.InWords}",
            quarterFilter + (c.TotalsFromSeries ? "; all ages and locations" : "; all first responders"), totalsSource) with { Cells = FactCells.OfCount(cells.Referrals) });

        string previousTotal = "", yearAgoTotal = "";
        if (c.VersusPreviousQuarter is { } p)
        {
            previousTotal = Wording.Number(p.Previous);
            facts.Add(Fact.Count("national.referrals-previous-quarter", p.Previous, $"referrals in {q.Previous.InWords}, as revised in the same release",
                $"quarter = {q.Previous}", totalsSource) with { Cells = FactCells.OfCount(cells.PreviousQuarter) });
            facts.Add(ChangeFact("national.change-on-previous-quarter", p, $"change in referrals from {q.Previous.InWords} to {q.InWords}",
                $"quarter = {q} against {q.Previous}; all referrals", totalsSource) with { Cells = new(cells.Referrals.And(cells.PreviousQuarter), cells.PreviousQuarter) });
        }
        if (c.VersusSameQuarterLastYear is { } y)
        {
            yearAgoTotal = Wording.Number(y.Previous);
            facts.Add(Fact.Count("national.referrals-same-quarter-last-year", y.Previous, $"referrals in {q.SameQuarterLastYear.InWords}, as revised in the same release",
                $"quarter = {q.SameQuarterLastYear}", totalsSource) with { Cells = FactCells.OfCount(cells.SameQuarterLastYear) });
            facts.Add(ChangeFact("national.change-on-same-quarter-last-year", y, $"change in referrals from {q.SameQuarterLastYear.InWords} to {q.InWords}",
                $"quarter = {q} against {q.SameQuarterLastYear}; all referrals", totalsSource) with { Cells = new(cells.Referrals.And(cells.SameQuarterLastYear), cells.SameQuarterLastYear) });
        }

        var nationalityParts = new List<Nationality>();
        for (var i = 0; i < c.TopNationalities.Count; i++)
        {
            var n = c.TopNationalities[i];
            var id = $"national.nationality-{i + 1}-{Wording.Slug(n.Nationality)}";
            facts.Add(Fact.Count(id + "-referrals", n.Share.Numerator, $"referrals of {n.Nationality} nationals (single nationality)",
                $"{quarterFilter}; nationality = {n.Nationality} (dual nationals not included); all first responders", splitsSource) with { Cells = FactCells.OfCount(cells.Nationality(n.Nationality)) });
            facts.Add(Fact.Percentage(id + "-share", n.Share, 0, $"{n.Nationality} nationals as a share of all referrals (rank {i + 1} by count)",
                $"{quarterFilter}; nationality = {n.Nationality}", splitsSource + (c.TotalsFromSeries ? "; denominator: " + totalsSource : "")) with { Cells = new(cells.Nationality(n.Nationality), cells.Referrals) });
            nationalityParts.Add(new Nationality(n.Nationality, n.Share.Format(0)));
        }

        string recordIncrease = "";
        if (c.UkRecord is { } r)
        {
            facts.Add(Fact.Count("national.uk-record-referrals", r.People, $"referrals of UK nationals in {r.Quarter.InWords}, the highest of the {r.QuartersLoaded} quarters loaded",
                $"nationality = UK; quarters {r.FirstQuarterLoaded} to {r.Quarter} as loaded", "first-responder tables of each loaded release") with { Cells = FactCells.OfCount(cells.UkRecord) });
            facts.Add(Fact.Count("national.uk-previous-record-referrals", r.PreviousRecord, $"referrals of UK nationals in {r.PreviousRecordQuarter.InWords}, the previous highest of the quarters loaded",
                $"nationality = UK; quarter = {r.PreviousRecordQuarter}", $"first-responder tables of the {r.PreviousRecordQuarter} release") with { Cells = FactCells.OfCount(cells.UkPreviousRecord) });
            facts.Add(ChangeFact("national.uk-record-increase", r.IncreaseOnPreviousRecord, "increase on the previous highest count of UK nationals",
                $"nationality = UK; {r.Quarter} against {r.PreviousRecordQuarter}", "first-responder tables of each loaded release") with { Cells = new(cells.UkRecord.And(cells.UkPreviousRecord), cells.UkPreviousRecord) });
            var rounded = r.IncreaseOnPreviousRecord.RoundedPercent(0) ?? 0;
            recordIncrease = rounded == 0 ? "" : rounded.ToString(CultureInfo.InvariantCulture);
        }

        string adults = "", children = "";
        if (c.AdultsWhereAgeKnown is { } a && c.ChildrenWhereAgeKnown is { } ch)
        {
            adults = a.Format(0);
            children = ch.Format(0);
            var ageSource = c.TotalsFromSeries ? totalsSource : splitsSource;
            var known = cells.Adults.And(cells.Children);
            facts.Add(Fact.Percentage("national.adults-where-age-known", a, 0, "adults (18 or over) as a share of referrals where age was known", quarterFilter + "; age = adult", ageSource) with { Cells = new(cells.Adults, known) });
            facts.Add(Fact.Percentage("national.children-where-age-known", ch, 0, "children (17 or under) as a share of referrals where age was known", quarterFilter + "; age = child", ageSource) with { Cells = new(cells.Children, known) });
        }
        if (c.AdultsOfAll is { } aa && c.ChildrenOfAll is { } ca)
        {
            var ageSource = c.TotalsFromSeries ? totalsSource : splitsSource;
            facts.Add(Fact.Percentage("national.adults-of-all", aa, 0, "adults as a share of all referrals (the bulletin's figure)", quarterFilter + "; age = adult", ageSource) with { Cells = new(cells.Adults, cells.Referrals) });
            facts.Add(Fact.Percentage("national.children-of-all", ca, 0, "children as a share of all referrals (the bulletin's figure)", quarterFilter + "; age = child", ageSource) with { Cells = new(cells.Children, cells.Referrals) });
        }
        if (c.Male is { } m && c.Female is { } f)
        {
            facts.Add(Fact.Percentage("national.male", m, 0, "males as a share of all referrals", quarterFilter + "; gender = male", splitsSource) with { Cells = new(cells.Male, cells.Referrals) });
            facts.Add(Fact.Percentage("national.female", f, 0, "females as a share of all referrals", quarterFilter + "; gender = female", splitsSource) with { Cells = new(cells.Female, cells.Referrals) });
        }

        var ukChildren = "";
        var nonUkMostlyAdults = false;
        if (c.UkNationalsWhoWereChildren is { } uk)
        {
            ukChildren = uk.Format(0);
            facts.Add(Fact.Percentage("national.uk-nationals-children", uk, 0, "children (17 or under) as a share of referrals of UK nationals",
                quarterFilter + "; nationality = UK; age = child", splitsSource) with { Cells = new(cells.UkChildren, cells.Uk) });
            if (c.NonUkAdultsWhereAgeKnown is { Percent: > 50m } nonUk)
            {
                nonUkMostlyAdults = true;
                facts.Add(Fact.Percentage("national.non-uk-adults-where-age-known", nonUk, 1, "adults as a share of referrals of non-UK nationals where age was known (the basis of 'most ... were adults')",
                    quarterFilter + "; nationality other than UK (all other columns, duals included); age = adult", splitsSource) with { Cells = new(cells.NonUkAdults, cells.NonUkAdults.And(cells.NonUkChildren)) });
            }
        }

        var exploitation = DescribeExploitation(c, facts, quarterFilter);
        if (c.FirstResponderShortfall is { } shortfall && shortfall != 0 && c.FirstResponderTotal is { } frTotal)
            facts.Add(Fact.Count("national.first-responder-tables-total", frTotal,
                $"referrals in the first-responder tables ({Math.Abs(shortfall)} {(shortfall > 0 ? "fewer" : "more")} than the headline; not printed, kept so the difference is visible)",
                quarterFilter + "; all first responders", splitsSource) with { Cells = FactCells.OfCount(cells.FirstResponderTotal) });

        return new NationalNarrative(
            $"{Ordinals[q.Number - 1]} quarter of {q.Year}", MonthShort[q.Number - 1], q.InWords, Wording.Number(c.Referrals),
            c.VersusPreviousQuarter is not null, c.VersusPreviousQuarter is { } pc ? NationalWording.ChangePhrase(pc) : null, previousTotal,
            c.VersusSameQuarterLastYear is not null, c.VersusSameQuarterLastYear is { } yc ? NationalWording.ChangePhrase(yc) : null, q.SameQuarterLastYear.InWords, yearAgoTotal,
            nationalityParts.Count > 0, nationalityParts,
            c.UkRecord is not null, c.UkRecord is { } ur ? Wording.SmallNumber(ur.QuartersLoaded) : "", c.UkRecord?.FirstQuarterLoaded.InWords ?? "",
            recordIncrease.Length > 0 ? recordIncrease : null,
            c.UkRecord is { } pr && pr.PreviousRecordQuarter == pr.Quarter.Previous, c.UkRecord?.PreviousRecordQuarter.InWords ?? "",
            adults.Length > 0, adults, children,
            ukChildren.Length > 0, nonUkMostlyAdults, ukChildren,
            exploitation, facts, latestPublished && c.LatestLoaded);
    }

    static Exploitation? DescribeExploitation(NationalContext c, List<Fact> facts, string quarterFilter)
    {
        if (c.ExploitationTypes.Count == 0) return null;
        var splitsSource = NationalWording.SplitsSource(c.Sources);
        foreach (var e in c.ExploitationTypes)
        {
            var slug = Wording.Slug(e.ExploitationType.Label);
            var cells = c.Cells.Exploitation(e.ExploitationType.Label);
            facts.Add(Fact.Percentage($"national.exploitation-{slug}-adults", e.Adults, 1, $"adults as a share of referrals for {e.ExploitationType.Label.ToLowerInvariant()} exploitation",
                $"{quarterFilter}; exploitation type = {e.ExploitationType.Label} (alone, not in combination); age = adult", splitsSource) with { Cells = new(cells.Adults, cells.Total) });
            var children = Fact.Percentage($"national.exploitation-{slug}-children", e.Children, 1, $"children as a share of referrals for {e.ExploitationType.Label.ToLowerInvariant()} exploitation",
                $"{quarterFilter}; exploitation type = {e.ExploitationType.Label} (alone, not in combination); age = child", splitsSource) with { Cells = new(cells.Children, cells.Total) };
            // The text names a common fraction where one is near: the fact keeps the exact share and says how it was worded.
            facts.Add(e.MostlyChildren ? children with { Description = children.Description + $" (in the text: \"{NationalWording.AsFraction(e.Children)}\")" } : children);
        }
        var described = c.ExploitationTypes.Where(e => e.Total >= NationalWording.MinimumBase).ToList();
        if (described.Count == 0) return null;
        var childTypes = described.Where(e => e.MostlyChildren).ToList();
        var adultTypes = described.Where(e => !e.MostlyChildren).ToList();
        // "The majority" only when adults are over half of every such type, unknown ages included in the whole.
        // The sentence speaks of single types; it may say "all types" only if no combination or "not specified"
        // type has more children than adults (in the Q4 2023 release Sexual & Criminal is 85% children).
        return new Exploitation(adultTypes.All(e => e.Adults.Percent > 50m), c.OtherTypesMostlyChildren is { Count: > 0 }, adultTypes.Count > 0,
            [.. childTypes.Select(e => new MostlyChildrenType(NationalWording.AsFraction(e.Children), e.ExploitationType.Label.ToLowerInvariant()))]);
    }

    static Fact ChangeFact(string id, Change change, string description, string filter, string source)
    {
        var rounded = change.RoundedPercent(0);
        var printed = rounded is null ? "[z]" : rounded == 0 ? "similar" : $"{Math.Abs(rounded.Value)}% {(rounded > 0 ? "increase" : "decrease")}";
        return new Fact(id, printed, description, change.Percent, change.Current - change.Previous, change.Previous, Wording.Against(change.Against),
            $"whole percent, {Rounding.RuleName}; 'similar' when it rounds to 0%", filter, source);
    }

}
