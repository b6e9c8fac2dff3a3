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

    public static IReadOnlyList<SmallCell> Find(IReadOnlyList<Enquiry> enquiries, string district, Period period, int threshold = DefaultThreshold,
        PoliceArea? area = null) =>
        Find(EnquiryColumns.From(enquiries), (area ?? PoliceArea.GreaterManchester).Of(district), period, threshold);

    /// <summary>The same from columns of codes: one pass over the district's rows in the period into arrays of counts.</summary>
    public static IReadOnlyList<SmallCell> Find(EnquiryColumns enquiries, District district, Period period, int threshold = DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var code = enquiries.FindDistrict(district.Name);
        var (first, last) = (period.First.DayNumber, period.Last.DayNumber);
        var firstMonth = new DateOnly(period.First.Year, period.First.Month, 1);
        int MonthIndex(DateOnly d) => (d.Year - firstMonth.Year) * 12 + d.Month - firstMonth.Month;
        var genderAge = new int[3, 3];
        var nationalityAge = new int[enquiries.NationalityNames.Count + 1, 3];
        var months = new int[MonthIndex(period.Last) + 1];
        ReadOnlySpan<int> days = enquiries.Days, nationalities = enquiries.Nationalities;
        ReadOnlySpan<ushort> districts = enquiries.Districts;
        ReadOnlySpan<byte> ages = enquiries.Ages, genders = enquiries.Genders;
        for (var i = 0; code > 0 && i < days.Length; i++)
        {
            if (districts[i] != code || days[i] < first || days[i] > last) continue;
            var age = (int)EnquiryColumns.AgeGroupOf(ages[i]);
            genderAge[genders[i], age]++;
            nationalityAge[nationalities[i], age]++;
            months[MonthIndex(DateOnly.FromDayNumber(days[i]))]++;
        }
        bool Small(int n) => n > 0 && n < threshold;
        var cells = new List<SmallCell>();
        foreach (var gender in Enum.GetValues<Gender>())
            foreach (var age in Enum.GetValues<AgeGroup>())
                if (Small(genderAge[(int)gender, (int)age]))
                    cells.Add(new SmallCell(CrossClassification.GenderByAge, gender.ToString(), age, null, genderAge[(int)gender, (int)age]));
        var byName = Enumerable.Range(0, enquiries.NationalityNames.Count + 1)
            .Select(c => (Code: c, Name: c == 0 ? UnknownNationality : enquiries.NationalityNames[c - 1]))
            .OrderBy(n => n.Name, StringComparer.Ordinal);
        foreach (var (c, name) in byName)
            foreach (var age in Enum.GetValues<AgeGroup>())
                if (Small(nationalityAge[c, (int)age]))
                    cells.Add(new SmallCell(CrossClassification.NationalityByAge, name, age, null, nationalityAge[c, (int)age]));
        for (var m = 0; m < months.Length; m++)
            if (Small(months[m]))
                cells.Add(new SmallCell(CrossClassification.DistrictByMonth, district.Name, null, firstMonth.AddMonths(m), months[m]));
        return cells;
    }
}
