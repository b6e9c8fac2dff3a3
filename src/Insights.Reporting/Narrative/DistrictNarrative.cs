using System.Globalization;
using Insights.Breakdowns;
using Insights.Model;

namespace Insights.Narrative;

/// <summary>The district section's Markdown and the facts behind every figure in it.</summary>
public sealed record DistrictSection(string Markdown, IReadOnlyList<Fact> Facts);

/// <summary>
/// Writes the "&lt;District&gt; context" section from a <see cref="DistrictContext"/>: every figure is formatted
/// here and recorded as a <see cref="Fact"/>; the template <c>district-context.sbn</c> only places the text.
/// </summary>
public static class DistrictNarrative
{
    public const string TemplateName = "district-context";
    const int Decimals = 1;
    /// <summary>No percentage of fewer than 10 in the district text unless the council asks for it (docs/disclosure.md).</summary>
    public const int DefaultMinimumBase = 10;

    /// <param name="suppression">The disclosure rule's withheld figures (<c>--suppress-below</c>); null: the
    /// council's published practice, exact counts. A withheld count reads "fewer than N" (or [c] when it is withheld
    /// only to protect another), a percentage of a withheld count or base is left out, and a sentence about
    /// children whose figures are withheld is left out.</param>
    /// <param name="minimumBase">The smallest base a percentage is printed of (<c>--min-base</c>, default
    /// <see cref="DefaultMinimumBase"/>): "2 (66.7%)" of 3 says more than the count can bear; 1 prints every one,
    /// as the council's statements do.</param>
    public static DistrictSection Render(DistrictContext context, TemplateLibrary templates, string source, DistrictSuppression? suppression = null,
        int minimumBase = DefaultMinimumBase)
    {
        var facts = new List<Fact>();
        var rule = suppression ?? DistrictSuppression.None;
        var c = context;
        var area = c.Area;
        var force = area.ForceAbbreviation;
        var period = $"DateLogged {c.Period}";
        var inDistrict = $"{period}; District = {c.District}";

        bool Withheld(DistrictFigure figure) => rule.IsWithheld(figure);
        string Count(string id, int value, string description, string filter, DistrictFigure figure)
        {
            var f = Fact.Count(id, value, description, filter, source);
            if (rule.Withheld.TryGetValue(figure, out var why))
                f = DisclosureWording.Withhold(f, why, rule.Threshold);
            facts.Add(f);
            return f.Printed;
        }
        // A percentage of a withheld count, or of a withheld base, would give the count back.
        string Percent(string id, Share share, string description, string filter, DistrictFigure numerator, DistrictFigure denominator)
        {
            var f = Fact.Percentage(id, share, Decimals, description, filter, source);
            if (Withheld(numerator) || Withheld(denominator)) f = DisclosureWording.LeaveOut(f);
            else if (share.Denominator < minimumBase) f = DisclosureWording.LeaveOutSmallBase(f, minimumBase);
            facts.Add(f);
            return f.Printed;
        }
        string Noun(DistrictFigure figure, int value, string one, string many) => value == 1 && !Withheld(figure) ? one : many;
        var enquiriesFigure = new DistrictFigure.Enquiries();

        var model = new DistrictTemplateModel
        {
            District = c.District.Name,
            ForceName = area.ForceName,
            ForceAbbreviation = area.ForceAbbreviation,
            AreaName = area.AreaName,
            AreaAbbreviation = area.AreaAbbreviation,
            PeriodPhrase = PeriodPhrase(c.Period),
            PreviousPeriodWords = IsWholeYear(c.Period) ? "the previous year" : "the preceding period of the same length",
            Enquiries = Count("district.enquiries", c.Enquiries, $"{force} modern slavery enquiries relating to {c.District}", inDistrict, enquiriesFigure),
            EnquiriesNoun = Noun(enquiriesFigure, c.Enquiries, "enquiry", "enquiries"),
            OneEnquiry = c.Enquiries == 1 && !Withheld(enquiriesFigure),
            GmEnquiriesNoun = Noun(new DistrictFigure.AreaEnquiries(), c.GmEnquiries, "enquiry", "enquiries"),
            GmEnquiriesVerb = Noun(new DistrictFigure.AreaEnquiries(), c.GmEnquiries, "was", "were"),
            DistrictNotLoggedNoun = Noun(new DistrictFigure.DistrictNotLogged(), c.DistrictNotLogged, "case", "cases"),
            HasEnquiries = c.Enquiries > 0,
            // So few that every figure about them would be withheld: one sentence says so instead of a list of [c].
            BreakdownWithheld = c.Enquiries > 0 && Withheld(enquiriesFigure),
            SuppressionNote = rule.Any ? DisclosureWording.SectionNote(rule.Threshold) : "",
            // Not covered: the count would be a partial one stated as a fact, so no fact and a note for the author.
            PreviousCovered = c.PreviousPeriodCovered,
            PreviousEnquiries = c.PreviousPeriodCovered
                ? Count("district.enquiries.previous-period", c.PreviousEnquiries,
                    $"{force} modern slavery enquiries relating to {c.District} in the preceding period",
                    $"DateLogged {c.PreviousPeriod}; District = {c.District}", new DistrictFigure.PreviousEnquiries())
                : "",
            PreviousPeriodRange = RangeWords(c.PreviousPeriod),
            ShareOfGm = Percent("district.share-of-gm", c.ShareOfGm, $"{c.District}'s share of {Wording.AllEnquiries(area)}", period, enquiriesFigure, new DistrictFigure.AreaEnquiries()),
            GmEnquiries = Count("gm.enquiries", c.GmEnquiries, $"{force} modern slavery enquiries across {area.AreaName}, district logged or not", period, new DistrictFigure.AreaEnquiries()),
            DistrictNotLogged = Count("gm.district-not-logged", c.DistrictNotLogged, $"{area.AreaAbbreviation} enquiries whose originating district was not logged", $"{period}; District blank or Not recorded", new DistrictFigure.DistrictNotLogged()),
        };

        foreach (var t in c.ExploitationTypes)
        {
            var slug = Wording.Slug(t.Name);
            var filter = $"{inDistrict}; ExploitationType = {t.Name}";
            var figure = new DistrictFigure.Type(t.Category);
            model.ExploitationTypes.Add(new DistrictTemplateModel.Line(t.Name,
                Count($"district.exploitation.{slug}", t.Count, $"{c.District} enquiries: {t.Name}", filter, figure),
                Percent($"district.exploitation.{slug}.share", t.Share, $"{t.Name} as a share of {c.District} enquiries", filter, figure, enquiriesFigure),
                Noun(figure, t.Count, "enquiry", "enquiries")));
        }

        var ageGenderFilter = $"{inDistrict}; Age and Gender known";
        var knownFigure = new DistrictFigure.AgeAndGenderKnown();
        model.AgeAndGenderKnown = Count("district.age-and-gender-known", c.AgeAndGenderKnown, $"{c.District} enquiries where age and gender were known", ageGenderFilter, knownFigure);
        // From the counts, not their printed text: a withheld count reads "fewer than 5" whatever it is.
        model.NoAgeAndGenderKnown = c.AgeAndGenderKnown == 0 && !Withheld(knownFigure);
        model.OneAgeAndGenderKnown = c.AgeAndGenderKnown == 1 && !Withheld(knownFigure);
        model.AgeOrGenderNotKnown = c.AgeAndGenderKnown < c.Enquiries;
        model.AgeAndGenderAll = c.AgeAndGenderKnown == c.Enquiries;
        model.TwoEnquiries = c.Enquiries == 2 && !Withheld(enquiriesFigure);
        // A line of "0 (0.0%) were female (0 adult; 0 under 18)" says nothing the other line does not.
        foreach (var g in new[] { c.Male, c.Female }.Where(g => g.Share.Numerator > 0))
        {
            var word = g.Gender == Gender.Male ? "male" : "female";
            var filter = $"{ageGenderFilter}; Gender = {g.Gender}";
            var figure = new DistrictFigure.GenderTotal(g.Gender);
            model.Genders.Add(new DistrictTemplateModel.GenderLine(word,
                Count($"district.{word}", g.Share.Numerator, $"{c.District} enquiries, {word}, age known", filter, figure),
                Percent($"district.{word}.share", g.Share, $"{word} as a share of enquiries where age and gender were known", filter, figure, knownFigure),
                Count($"district.{word}.adult", g.Adults, $"{c.District} enquiries, {word}, aged 18 or over", $"{filter}; Age >= 18", new DistrictFigure.GenderAge(g.Gender, AgeGroup.Adult)),
                Count($"district.{word}.under-18", g.UnderEighteen, $"{c.District} enquiries, {word}, aged under 18", $"{filter}; Age < 18", new DistrictFigure.GenderAge(g.Gender, AgeGroup.UnderEighteen)),
                Noun(figure, g.Share.Numerator, "was", "were")));
        }

        var nationalityFilter = $"{inDistrict}; Nationality known";
        var nationalityKnown = new DistrictFigure.NationalityKnown();
        model.NationalityKnown = Count("district.nationality-known", c.NationalityKnown, $"{c.District} enquiries where nationality was known", nationalityFilter, nationalityKnown);
        model.NationalityKnownNoun = Noun(nationalityKnown, c.NationalityKnown, "case", "cases");
        model.NoNationalityKnown = c.NationalityKnown == 0 && !Withheld(nationalityKnown);
        model.OneNationalityKnown = c.NationalityKnown == 1 && !Withheld(nationalityKnown);
        var tiedFacts = new List<int>();
        foreach (var n in c.TopNationalities)
        {
            var slug = NationalityKey(n.Name);
            var filter = $"{nationalityFilter}; Nationality = {n.Name}";
            var figure = new DistrictFigure.Nationality(n.Category);
            var tied = c.TiedAtCutOff.Contains(n.Category);
            if (tied) tiedFacts.AddRange([facts.Count, facts.Count + 1]);
            model.Nationalities.Add(new DistrictTemplateModel.Line(n.Name,
                Count($"district.nationality.{slug}", n.Count, $"{c.District} enquiries: {n.Name} alleged victims", filter, figure),
                Percent($"district.nationality.{slug}.share", n.Share, $"{n.Name} as a share of enquiries where nationality was known", filter, figure, nationalityKnown),
                Noun(figure, n.Count, "was", "were"), tied));
        }
        // A tie at the cut-off is one bullet naming every tied nationality, each with the same (withheld all or none) figure.
        if (model.Nationalities.Where(n => n.Tied).ToList() is { Count: > 0 } tiedLines)
        {
            model.TiedNationalities = Wording.List(tiedLines.Select(n => n.Name));
            model.TiedCount = tiedLines[0].Count;
            model.TiedShare = tiedLines[0].Share;
            var inText = $"{model.TiedNationalities}, {model.TiedCount} each{(model.TiedShare == "" ? "" : $" ({model.TiedShare} each)")}";
            foreach (var i in tiedFacts) facts[i] = facts[i] with { Description = $"{facts[i].Description} (in the text: \"{inText}\")" };
        }
        model.HasOtherNationalities = c.OtherNationalities.Numerator > 0;
        if (model.HasOtherNationalities)
        {
            var filter = $"{nationalityFilter}; Nationality not among the {c.TopNationalities.Count} most frequent";
            var figure = new DistrictFigure.OtherNationalities();
            model.OtherNationalities = Count($"district.nationality.{OtherNationalitiesKey}", c.OtherNationalities.Numerator, $"{c.District} enquiries: other nationalities", filter, figure);
            model.OtherNationalitiesShare = Percent($"district.nationality.{OtherNationalitiesKey}.share", c.OtherNationalities, "other nationalities as a share of enquiries where nationality was known", filter, figure, nationalityKnown);
        }

        // A sentence about the children of a group says something of each of them when either figure is withheld.
        bool ChildrenWithheld(bool british) => Withheld(new DistrictFigure.ChildrenOf(british, true)) || Withheld(new DistrictFigure.ChildrenOf(british, false));
        model.HasBritish = c.BritishChildren.Denominator > 0 && !ChildrenWithheld(british: true);
        if (model.HasBritish)
        {
            var filter = $"{inDistrict}; Nationality = British; Age < 18";
            var children = new DistrictFigure.ChildrenOf(true, true);
            model.BritishChildren = Count("district.children.british", c.BritishChildren.Numerator, $"{c.District} British alleged victims aged under 18", filter, children);
            model.BritishChildrenShare = Percent("district.children.british.share", c.BritishChildren, "British alleged victims aged under 18 as a share of all British alleged victims", filter, children, children);
            model.BritishChildrenProportion = Proportion(c.BritishChildren);
            model.OneBritish = c.BritishChildren.Denominator == 1;
        }
        model.HasOtherNationalityAlleged = c.OtherNationalityChildren.Denominator > 0 && !ChildrenWithheld(british: false);
        if (model.HasOtherNationalityAlleged)
        {
            var filter = $"{inDistrict}; Nationality known and not British; Age < 18";
            var children = new DistrictFigure.ChildrenOf(false, true);
            model.OtherChildren = Count("district.children.other-nationalities", c.OtherNationalityChildren.Numerator, $"{c.District} alleged victims of other known nationalities aged under 18", filter, children);
            model.OtherChildrenShare = Percent("district.children.other-nationalities.share", c.OtherNationalityChildren, "under 18s as a share of alleged victims of other known nationalities", filter, children, children);
            model.OtherChildrenProportion = Proportion(c.OtherNationalityChildren);
            model.OneOther = c.OtherNationalityChildren.Denominator == 1;
            model.OtherChildrenFewerThanBritish = model.HasBritish &&
                c.OtherNationalityChildren.Percent < c.BritishChildren.Percent;
        }

        // Each list's printed percentages, as printed: a note when one does not add up to 100.0.
        decimal? Printed(Share s) => s.RoundedPercent(Decimals);
        var lists = new List<IReadOnlyList<Share>>
        {
            c.ExploitationTypes.Select(t => t.Share).ToList(),
            new[] { c.Male, c.Female }.Where(g => g.Share.Numerator > 0).Select(g => g.Share).ToList(),
            c.TopNationalities.Select(n => n.Share).Concat(model.HasOtherNationalities ? [c.OtherNationalities] : []).ToList(),
        };
        model.RoundingNote = !rule.Any && c.Enquiries > 0 && lists.Any(l => l.Count > 1 && l.All(s => Printed(s) is not null && s.Denominator >= minimumBase) && l.Sum(s => Printed(s)!.Value) != 100.0m);

        var markdown = templates.Render(TemplateName, model);
        return new DistrictSection(markdown, facts);
    }

    /// <summary>
    /// "Between April 2024 and March 2025" for whole months; "In April 2023" for one month; exact days otherwise
    /// ("Between 15 April 2024 and 10 March 2025"), so a part-month range is never described as whole months.
    /// </summary>
    /// <summary>
    /// A listed nationality's part of its fact ids. "district.nationality.other" is the group of all nationalities
    /// outside the top ones, so an extract's own value "Other" (a nationality recorded as other) is kept apart as
    /// "other-as-recorded" rather than colliding with it.
    /// </summary>
    internal static string NationalityKey(string nationality) =>
        Wording.Slug(nationality) is var slug && slug == OtherNationalitiesKey ? slug + "-as-recorded" : slug;

    const string OtherNationalitiesKey = "other";

    internal static string PeriodPhrase(Period p)
    {
        var wholeMonths = p.First.Day == 1 && p.Last.AddDays(1).Day == 1;
        if (!wholeMonths)
            return $"Between {Day(p.First)} and {Day(p.Last)}";
        return p.First.Year == p.Last.Year && p.First.Month == p.Last.Month
            ? $"In {p.FirstMonthInWords}"
            : $"Between {p.FirstMonthInWords} and {p.LastMonthInWords}";
    }

    /// <summary>"April 2023 to March 2024" for whole months, else with days ("27 March 2024 to 31 March 2024").</summary>
    internal static string RangeWords(Period p) =>
        p.First.Day == 1 && p.Last.AddDays(1).Day == 1
            ? $"{p.FirstMonthInWords} to {p.LastMonthInWords}"
            : $"{Day(p.First)} to {Day(p.Last)}";

    static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"none", "all", "majority" (over half), "half", or "minority": compares counts, so 50.0% after
    /// rounding is not "majority" and 99.96% is not "all".</summary>
    static string Proportion(Share s) =>
        s.Numerator == 0 ? "none" : s.Numerator == s.Denominator ? "all" :
        2 * s.Numerator > s.Denominator ? "majority" : 2 * s.Numerator == s.Denominator ? "half" : "minority";

    static bool IsWholeYear(Period p) => p.First.AddYears(1).AddDays(-1) == p.Last;
}

/// <summary>What district-context.sbn sees: text already formatted, flags for the sentences that depend on the data.</summary>
public sealed class DistrictTemplateModel
{
    /// <param name="Tied">A nationality tied with others at the top-N cut-off: printed in <see cref="TiedNationalities"/>'s
    /// bullet, not on its own (a template that ignores the flag prints it on its own, with the same figures).</param>
    public sealed record Line(string Name, string Count, string Share, string Noun, bool Tied = false);
    public sealed record GenderLine(string Word, string Count, string Share, string Adults, string UnderEighteen, string Verb);

    public string District { get; init; } = "";
    /// <summary>"Greater Manchester Police", "GMP", "Greater Manchester", "GM": from the <see cref="PoliceArea"/>.</summary>
    public string ForceName { get; init; } = "";
    public string ForceAbbreviation { get; init; } = "";
    public string AreaName { get; init; } = "";
    public string AreaAbbreviation { get; init; } = "";
    public string PeriodPhrase { get; init; } = "";
    public string PreviousPeriodWords { get; init; } = "";
    public string Enquiries { get; init; } = "";
    public string EnquiriesNoun { get; init; } = "";
    public bool HasEnquiries { get; init; }
    /// <summary>The district's enquiries are fewer than the disclosure threshold: no breakdown of them is printed.</summary>
    public bool BreakdownWithheld { get; init; }
    /// <summary>The disclosure rule's note ("Counts fewer than 5 ..."), or "" when no rule is applied.</summary>
    public string SuppressionNote { get; init; } = "";
    /// <summary>Flags and nouns for counts of one ("This enquiry accounted...", "in 1 case").</summary>
    public bool OneEnquiry { get; init; }
    public string GmEnquiriesNoun { get; init; } = "";
    public string GmEnquiriesVerb { get; init; } = "";
    public string DistrictNotLoggedNoun { get; init; } = "";
    public string PreviousEnquiries { get; init; } = "";
    /// <summary>False when the extract starts after the previous period began: the text leaves its count to the author.</summary>
    public bool PreviousCovered { get; init; } = true;
    /// <summary>"April 2023 to March 2024": the previous period, for the author's note when it is not covered.</summary>
    public string PreviousPeriodRange { get; init; } = "";
    public string ShareOfGm { get; init; } = "";
    public string GmEnquiries { get; init; } = "";
    public string DistrictNotLogged { get; init; } = "";
    public List<Line> ExploitationTypes { get; } = [];
    public string AgeAndGenderKnown { get; set; } = "";
    public bool NoAgeAndGenderKnown { get; set; }
    public bool OneAgeAndGenderKnown { get; set; }
    public bool AgeOrGenderNotKnown { get; set; }
    public bool AgeAndGenderAll { get; set; }
    /// <summary>Two enquiries: "both cases", not "all 2 cases".</summary>
    public bool TwoEnquiries { get; set; }
    /// <summary>A list of percentages that does not add up to 100.0 as printed: the text says why.</summary>
    public bool RoundingNote { get; set; }
    public List<GenderLine> Genders { get; } = [];
    public string NationalityKnown { get; set; } = "";
    public string NationalityKnownNoun { get; set; } = "";
    public bool NoNationalityKnown { get; set; }
    public bool OneNationalityKnown { get; set; }
    public List<Line> Nationalities { get; } = [];
    /// <summary>"Albanian, Eritrean and Romanian": the nationalities tied at the cut-off, "" when none; each has
    /// <see cref="TiedCount"/> ("2") and <see cref="TiedShare"/> ("5.9%", "" when left out).</summary>
    public string TiedNationalities { get; set; } = "";
    public string TiedCount { get; set; } = "";
    public string TiedShare { get; set; } = "";
    public bool HasOtherNationalities { get; set; }
    public string OtherNationalities { get; set; } = "";
    public string OtherNationalitiesShare { get; set; } = "";
    public bool HasBritish { get; set; }
    public string BritishChildren { get; set; } = "";
    public string BritishChildrenShare { get; set; } = "";
    public string BritishChildrenProportion { get; set; } = "";
    public bool OneBritish { get; set; }
    public bool HasOtherNationalityAlleged { get; set; }
    public string OtherChildren { get; set; } = "";
    public string OtherChildrenShare { get; set; } = "";
    public bool OtherChildrenFewerThanBritish { get; set; }
    public string OtherChildrenProportion { get; set; } = "";
    public bool OneOther { get; set; }
}
