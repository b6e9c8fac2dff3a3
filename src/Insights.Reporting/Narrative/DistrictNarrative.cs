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

    public static DistrictSection Render(DistrictContext context, TemplateLibrary templates, string source)
    {
        var facts = new List<Fact>();
        var c = context;
        var area = c.Area;
        var force = area.ForceAbbreviation;
        var period = $"DateLogged {c.Period}";
        var inDistrict = $"{period}; District = {c.District}";

        string Count(string id, int value, string description, string filter)
        {
            var f = Fact.Count(id, value, description, filter, source);
            facts.Add(f);
            return f.Printed;
        }
        string Percent(string id, Share share, string description, string filter)
        {
            var f = Fact.Percentage(id, share, Decimals, description, filter, source);
            facts.Add(f);
            return f.Printed;
        }

        var model = new DistrictTemplateModel
        {
            District = c.District,
            ForceName = area.ForceName,
            ForceAbbreviation = area.ForceAbbreviation,
            AreaName = area.AreaName,
            AreaAbbreviation = area.AreaAbbreviation,
            PeriodPhrase = PeriodPhrase(c.Period),
            PreviousPeriodWords = IsWholeYear(c.Period) ? "the previous year" : "the preceding period of the same length",
            Enquiries = Count("district.enquiries", c.Enquiries, $"{force} modern slavery enquiries relating to {c.District}", inDistrict),
            EnquiriesNoun = c.Enquiries == 1 ? "enquiry" : "enquiries",
            OneEnquiry = c.Enquiries == 1,
            GmEnquiriesNoun = c.GmEnquiries == 1 ? "enquiry" : "enquiries",
            GmEnquiriesVerb = c.GmEnquiries == 1 ? "was" : "were",
            DistrictNotLoggedNoun = c.DistrictNotLogged == 1 ? "case" : "cases",
            HasEnquiries = c.Enquiries > 0,
            // Not covered: the count would be a partial one stated as a fact, so no fact and a note for the author.
            PreviousCovered = c.PreviousPeriodCovered,
            PreviousEnquiries = c.PreviousPeriodCovered
                ? Count("district.enquiries.previous-period", c.PreviousEnquiries,
                    $"{force} modern slavery enquiries relating to {c.District} in the preceding period",
                    $"DateLogged {c.PreviousPeriod}; District = {c.District}")
                : "",
            PreviousPeriodRange = RangeWords(c.PreviousPeriod),
            ShareOfGm = Percent("district.share-of-gm", c.ShareOfGm, $"{c.District}'s share of {area.AllEnquiriesLabel}", period),
            GmEnquiries = Count("gm.enquiries", c.GmEnquiries, $"{force} modern slavery enquiries across {area.AreaName}, district logged or not", period),
            DistrictNotLogged = Count("gm.district-not-logged", c.DistrictNotLogged, $"{area.AreaAbbreviation} enquiries whose originating district was not logged", $"{period}; District blank or Not recorded"),
        };

        foreach (var t in c.ExploitationTypes)
        {
            var slug = Wording.Slug(t.Name);
            var filter = $"{inDistrict}; ExploitationType = {t.Name}";
            model.ExploitationTypes.Add(new DistrictTemplateModel.Line(t.Name,
                Count($"district.exploitation.{slug}", t.Count, $"{c.District} enquiries: {t.Name}", filter),
                Percent($"district.exploitation.{slug}.share", t.Share, $"{t.Name} as a share of {c.District} enquiries", filter),
                t.Count == 1 ? "enquiry" : "enquiries"));
        }

        var ageGenderFilter = $"{inDistrict}; Age and Gender known";
        model.AgeAndGenderKnown = Count("district.age-and-gender-known", c.AgeAndGenderKnown, $"{c.District} enquiries where age and gender were known", ageGenderFilter);
        model.AgeOrGenderNotKnown = c.AgeAndGenderKnown < c.Enquiries;
        model.AgeAndGenderAll = c.AgeAndGenderKnown == c.Enquiries;
        foreach (var g in new[] { c.Male, c.Female })
        {
            var word = g.Gender == Gender.Male ? "male" : "female";
            var filter = $"{ageGenderFilter}; Gender = {g.Gender}";
            model.Genders.Add(new DistrictTemplateModel.GenderLine(word,
                Count($"district.{word}", g.Share.Numerator, $"{c.District} enquiries, {word}, age known", filter),
                Percent($"district.{word}.share", g.Share, $"{word} as a share of enquiries where age and gender were known", filter),
                Count($"district.{word}.adult", g.Adults, $"{c.District} enquiries, {word}, aged 18 or over", $"{filter}; Age >= 18"),
                Count($"district.{word}.under-18", g.UnderEighteen, $"{c.District} enquiries, {word}, aged under 18", $"{filter}; Age < 18"),
                g.Share.Numerator == 1 ? "was" : "were"));
        }

        var nationalityFilter = $"{inDistrict}; Nationality known";
        model.NationalityKnown = Count("district.nationality-known", c.NationalityKnown, $"{c.District} enquiries where nationality was known", nationalityFilter);
        model.NationalityKnownNoun = c.NationalityKnown == 1 ? "case" : "cases";
        foreach (var n in c.TopNationalities)
        {
            var slug = Wording.Slug(n.Name);
            var filter = $"{nationalityFilter}; Nationality = {n.Name}";
            model.Nationalities.Add(new DistrictTemplateModel.Line(n.Name,
                Count($"district.nationality.{slug}", n.Count, $"{c.District} enquiries: {n.Name} alleged victims", filter),
                Percent($"district.nationality.{slug}.share", n.Share, $"{n.Name} as a share of enquiries where nationality was known", filter),
                n.Count == 1 ? "was" : "were"));
        }
        model.HasOtherNationalities = c.OtherNationalities.Numerator > 0;
        if (model.HasOtherNationalities)
        {
            var filter = $"{nationalityFilter}; Nationality not among the {c.TopNationalities.Count} most frequent";
            model.OtherNationalities = Count("district.nationality.other", c.OtherNationalities.Numerator, $"{c.District} enquiries: other nationalities", filter);
            model.OtherNationalitiesShare = Percent("district.nationality.other.share", c.OtherNationalities, "other nationalities as a share of enquiries where nationality was known", filter);
        }

        model.HasBritish = c.BritishChildren.Denominator > 0;
        if (model.HasBritish)
        {
            var filter = $"{inDistrict}; Nationality = British; Age < 18";
            model.BritishChildren = Count("district.children.british", c.BritishChildren.Numerator, $"{c.District} British alleged victims aged under 18", filter);
            model.BritishChildrenShare = Percent("district.children.british.share", c.BritishChildren, "British alleged victims aged under 18 as a share of all British alleged victims", filter);
            model.BritishChildrenProportion = Proportion(c.BritishChildren);
            model.OneBritish = c.BritishChildren.Denominator == 1;
        }
        model.HasOtherNationalityAlleged = c.OtherNationalityChildren.Denominator > 0;
        if (model.HasOtherNationalityAlleged)
        {
            var filter = $"{inDistrict}; Nationality known and not British; Age < 18";
            model.OtherChildren = Count("district.children.other-nationalities", c.OtherNationalityChildren.Numerator, $"{c.District} alleged victims of other known nationalities aged under 18", filter);
            model.OtherChildrenShare = Percent("district.children.other-nationalities.share", c.OtherNationalityChildren, "under 18s as a share of alleged victims of other known nationalities", filter);
            model.OtherChildrenProportion = Proportion(c.OtherNationalityChildren);
            model.OneOther = c.OtherNationalityChildren.Denominator == 1;
            model.OtherChildrenFewerThanBritish = model.HasBritish &&
                c.OtherNationalityChildren.Percent < c.BritishChildren.Percent;
        }

        var markdown = templates.Render(TemplateName, model);
        return new DistrictSection(markdown, facts);
    }

    /// <summary>
    /// "Between April 2024 and March 2025" for whole months; "In April 2023" for one month; exact days otherwise
    /// ("Between 15 April 2024 and 10 March 2025"), so a part-month range is never described as whole months.
    /// </summary>
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
    public sealed record Line(string Name, string Count, string Share, string Noun);
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
    public bool AgeOrGenderNotKnown { get; set; }
    public bool AgeAndGenderAll { get; set; }
    public List<GenderLine> Genders { get; } = [];
    public string NationalityKnown { get; set; } = "";
    public string NationalityKnownNoun { get; set; } = "";
    public List<Line> Nationalities { get; } = [];
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
