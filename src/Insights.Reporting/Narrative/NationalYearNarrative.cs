using Insights.Breakdowns;

namespace Insights.Narrative;

/// <summary>
/// The figures of the year's national paragraph (template <c>national-year.sbn</c>), formatted, and the facts behind
/// each. Property names are what the template uses.
/// </summary>
public sealed record NationalYearNarrative(
    string Year,
    string Total,
    string Edition,
    bool HasPrevious,
    string? Change,
    string PreviousYear,
    string PreviousTotal,
    bool HasAge,
    string AdultsPercent,
    string ChildrenPercent,
    bool HasNationalities,
    string FirstNationality,
    string FirstPercent,
    string FirstCount,
    string SecondNationality,
    string SecondPercent,
    string ThirdNationality,
    string ThirdPercent,
    IReadOnlyList<NationalYearNarrative.ExploitationShare> ExploitationTypes,
    IReadOnlyList<NationalYearNarrative.MissingQuarter> MissingQuarters,
    IReadOnlyList<Fact> Facts)
{
    public const string TemplateName = "national-year";

    /// <summary>One of the year's most common exploitation types (in lower case) and its share, formatted.</summary>
    public sealed record ExploitationShare(string Type, string Percent);

    /// <summary>A quarter of the year whose first-responder tables were not loaded: in words and as "2023 Q2".</summary>
    public sealed record MissingQuarter(string Period, string Quarter);

    public string Render(TemplateLibrary templates) => templates.Render(TemplateName, this);

    public static NationalYearNarrative Build(NationalYearContext c)
    {
        var facts = new List<Fact>();
        var year = c.Year;
        var filter = $"quarters {year.First} to {year.Last}";
        var totalsSource = NationalWording.YearTotalsSource(c.Sources, year);
        var splitsSource = NationalWording.YearSplitsSource(c.Sources);
        facts.Add(Fact.Count("national-year.referrals", c.Referrals, $"potential victims referred to the NRM in {year.InWords} (sum of the four quarters)",
            filter + "; all ages and locations", totalsSource) with { Cells = FactCells.OfCount(c.Cells.Referrals) });
        string previousTotal = "";
        if (c.VersusPreviousYear is { } p)
        {
            previousTotal = Wording.Number(p.Previous);
            facts.Add(Fact.Count("national-year.referrals-previous-year", p.Previous, $"referrals in {year.Previous.InWords}, as published in the same release",
                $"quarters {year.Previous.First} to {year.Previous.Last}", NationalWording.YearTotalsSource(c.Sources, year.Previous)) with { Cells = FactCells.OfCount(c.Cells.PreviousYear) });
            var rounded = p.RoundedPercent(0);
            facts.Add(new Fact("national-year.change-on-previous-year", rounded is null ? "[z]" : Wording.Change(p), $"change in referrals from {year.Previous} to {year}",
                p.Percent, p.Current - p.Previous, p.Previous, Wording.Against(p.Against), $"whole percent, {Rounding.RuleName}; 'similar' when it rounds to 0%",
                $"{filter} against {year.Previous.First} to {year.Previous.Last}", totalsSource) { Cells = new(c.Cells.Referrals.And(c.Cells.PreviousYear), c.Cells.PreviousYear) });
        }

        string adults = "", children = "";
        if (c.AdultsWhereAgeKnown is { } a && c.ChildrenWhereAgeKnown is { } ch)
        {
            adults = a.Format(0);
            children = ch.Format(0);
            var known = c.Cells.Adults.And(c.Cells.Children);
            facts.Add(Fact.Percentage("national-year.adults-where-age-known", a, 0, "adults (18 or over) as a share of referrals where age was known", filter + "; age = adult", totalsSource) with { Cells = new(c.Cells.Adults, known) });
            facts.Add(Fact.Percentage("national-year.children-where-age-known", ch, 0, "children (17 or under) as a share of referrals where age was known", filter + "; age = child", totalsSource) with { Cells = new(c.Cells.Children, known) });
        }

        for (var i = 0; i < c.TopNationalities.Count; i++)
        {
            var n = c.TopNationalities[i];
            var id = $"national-year.nationality-{i + 1}-{Wording.Slug(n.Nationality)}";
            facts.Add(Fact.Count(id + "-referrals", n.Share.Numerator, $"referrals of {n.Nationality} nationals (single nationality) in {year}",
                $"{filter}; nationality = {n.Nationality} (dual nationals not included); all first responders", splitsSource) with { Cells = FactCells.OfCount(c.Cells.Nationality(n.Nationality)) });
            facts.Add(Fact.Percentage(id + "-share", n.Share, 0, $"{n.Nationality} nationals as a share of the year's referrals in the first-responder tables (rank {i + 1} by count)",
                $"{filter}; nationality = {n.Nationality}", splitsSource) with { Cells = new(c.Cells.Nationality(n.Nationality), c.Cells.FirstResponderReferrals) });
        }
        if (c.FirstResponderReferrals is { } fr)
            facts.Add(Fact.Count("national-year.first-responder-referrals", fr, "referrals in the first-responder tables of the four quarters (the denominator of the nationality and exploitation shares; each table as first published)",
                filter + "; all first responders", splitsSource) with { Cells = FactCells.OfCount(c.Cells.FirstResponderReferrals) });

        var exploitation = new List<ExploitationShare>();
        if (c.ExploitationTypes.Count > 0)
        {
            foreach (var e in c.ExploitationTypes)
                facts.Add(Fact.Percentage($"national-year.exploitation-{Wording.Slug(e.ExploitationType.Label)}", e.Share, 0,
                    $"referrals for {e.ExploitationType.Label.ToLowerInvariant()} exploitation alone as a share of the year's referrals in the first-responder tables",
                    $"{filter}; exploitation type = {e.ExploitationType.Label} (alone, not in combination)", splitsSource) with { Cells = new(c.Cells.ExploitationType(e.ExploitationType.Label), c.Cells.FirstResponderReferrals) });
            exploitation.AddRange(c.ExploitationTypes.Take(3).Select(e => new ExploitationShare(e.ExploitationType.Label.ToLowerInvariant(), e.Share.Format(0))));
        }

        NationalityShare? At(int i) => i < c.TopNationalities.Count ? c.TopNationalities[i] : null;
        var missing = c.QuartersWithoutFirstResponderTables.Select(q => new MissingQuarter(q.InWords, q.ToString())).ToList();
        return new NationalYearNarrative(
            year.InWords, Wording.Number(c.Referrals), NationalWording.ReleaseName(c.Edition),
            c.VersusPreviousYear is not null, c.VersusPreviousYear is { } pc ? Wording.ChangePhrase(pc) : null, year.Previous.ToString(), previousTotal,
            adults.Length > 0, adults, children,
            c.TopNationalities.Count > 0,
            At(0)?.Nationality ?? "", At(0)?.Share.Format(0) ?? "", At(0) is { } first ? Wording.Number(first.Share.Numerator) : "",
            At(1)?.Nationality ?? "", At(1)?.Share.Format(0) ?? "",
            At(2)?.Nationality ?? "", At(2)?.Share.Format(0) ?? "",
            exploitation, missing, facts);
    }
}
