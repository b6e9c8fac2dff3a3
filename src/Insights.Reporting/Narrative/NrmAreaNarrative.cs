using Insights.Breakdowns;

namespace Insights.Narrative;

/// <summary>The local NRM paragraph (template <c>nrm-area.sbn</c>) and its facts. Property names are what the template uses.</summary>
public sealed record NrmAreaNarrative(
    string Area,
    string Period,
    string People,
    bool HasShare,
    string SharePercent,
    string UkTotal,
    bool HasChange,
    string? Change,
    string ComparedPeriod,
    string PreviousPeople,
    IReadOnlyList<Fact> Facts)
{
    public const string TemplateName = "nrm-area";

    /// <summary>One referral ("potential victim was"): from the count, not its printed text.</summary>
    public bool OnePerson { get; init; }

    public string Render(TemplateLibrary templates) => templates.Render(TemplateName, this);

    public static NrmAreaNarrative Build(NrmAreaContext c)
    {
        var slug = "nrm-area." + Wording.Slug(c.Area);
        var filter = $"quarter = {c.Quarter}; county or police force area = {c.Area} (where the exploitation took place)";
        var source = NationalWording.AreaSource(c);
        var facts = new List<Fact>
        {
            Fact.Count(slug + "-referrals", c.People, $"referrals where the exploitation took place in {c.Area}, {c.Quarter.InWords}", filter, source) with { Cells = FactCells.OfCount(c.Cells.People) },
        };
        if (c.ShareOfUk is { } s)
            facts.Add(Fact.Percentage(slug + "-share-of-uk", s, 1, $"{c.Area} as a share of all UK referrals in the quarter", filter,
                source + "; denominator: the referrals-by-quarter table of the same release") with { Cells = new(c.Cells.People, c.Cells.Uk) });
        if (c.Change is { } ch && c.ComparedWith is { } q)
        {
            facts.Add(Fact.Count(slug + "-referrals-" + q.Compact.ToLowerInvariant(), ch.Previous, $"referrals where the exploitation took place in {c.Area}, {q.InWords}",
                $"quarter = {q}; county or police force area = {c.Area}", source) with { Cells = FactCells.OfCount(c.Cells.Earlier) });
            facts.Add(new Fact(slug + "-change", Wording.Change(ch), $"change in {c.Area}'s referrals from {q.InWords} to {c.Quarter.InWords}",
                ch.Percent, ch.Current - ch.Previous, ch.Previous, Wording.Against(ch.Against), $"whole percent, {Rounding.RuleName}; 'similar' when it rounds to 0%",
                $"{filter}; against {q}", source) { Cells = new(c.Cells.People.And(c.Cells.Earlier), c.Cells.Earlier) });
        }
        return new NrmAreaNarrative(c.Area, c.Quarter.InWords, Wording.Number(c.People),
            c.ShareOfUk is not null, c.ShareOfUk?.Format(1) ?? "", c.ShareOfUk is { } u ? Wording.Number(u.Denominator) : "",
            c.Change is not null, c.Change is { } x ? Wording.ChangePhrase(x) : null, c.ComparedWith?.InWords ?? "",
            c.Change is { } y ? Wording.Number(y.Previous) : "", facts) { OnePerson = c.People == 1 };
    }
}
