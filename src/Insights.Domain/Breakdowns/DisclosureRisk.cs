using Insights.Model;

namespace Insights.Breakdowns;

/// <summary>The cross-classifications of personal characteristics whose small cells can identify a person.</summary>
public enum CrossClassification { GenderByAge, NationalityByAge, DistrictByMonth }

/// <summary>
/// One cell of a cross-classification holding fewer people than the threshold (and at least one: an empty group
/// identifies nobody). <see cref="Age"/> is the column of the by-age tables, <see cref="Month"/> (its first day) the
/// column of the district-month run; <see cref="Row"/> is the gender, nationality or district.
/// </summary>
public sealed record SmallCell(CrossClassification Classification, string Row, AgeGroup? Age, DateOnly? Month, int Count);

/// <summary>
/// The disclosure risks of a district's figures: every cell from 1 to threshold − 1 of gender × age and nationality
/// × age of the district's enquiries in the period, and of its enquiries month by month (a run of months is a
/// cross-classification of place and time). The council's published practice prints such counts; this lists them
/// so that a person decides before publishing. Pure; cells in a fixed order.
/// </summary>
public static class DisclosureRisk
{
    /// <summary>The usual threshold of official statistics for counts of people: fewer than 5 is small.</summary>
    public const int DefaultThreshold = 5;

    public const string UnknownNationality = "Unknown";

    public static IReadOnlyList<SmallCell> Find(IEnumerable<Enquiry> enquiries, string district, Period period, int threshold = DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var ours = enquiries.Where(e => e.District == district && period.Contains(e.DateLogged)).ToList();
        bool Small(int n) => n > 0 && n < threshold;
        var cells = new List<SmallCell>();
        cells.AddRange(ours.GroupBy(e => (e.Gender, e.AgeGroup)).Where(g => Small(g.Count()))
            .OrderBy(g => g.Key.Gender).ThenBy(g => g.Key.AgeGroup)
            .Select(g => new SmallCell(CrossClassification.GenderByAge, g.Key.Gender.ToString(), g.Key.AgeGroup, null, g.Count())));
        cells.AddRange(ours.GroupBy(e => (Nationality: e.Nationality ?? UnknownNationality, e.AgeGroup)).Where(g => Small(g.Count()))
            .OrderBy(g => g.Key.Nationality, StringComparer.Ordinal).ThenBy(g => g.Key.AgeGroup)
            .Select(g => new SmallCell(CrossClassification.NationalityByAge, g.Key.Nationality, g.Key.AgeGroup, null, g.Count())));
        cells.AddRange(ours.GroupBy(e => new DateOnly(e.DateLogged.Year, e.DateLogged.Month, 1)).Where(g => Small(g.Count()))
            .OrderBy(g => g.Key)
            .Select(g => new SmallCell(CrossClassification.DistrictByMonth, district, null, g.Key, g.Count())));
        return cells;
    }
}
