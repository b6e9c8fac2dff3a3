using Insights.Breakdowns;
using Insights.Model;
using Insights.Narrative;
using Insights.Store;

namespace Insights.Outputs.Dashboard;

/// <summary>What the dashboard is built from: the job's inputs as loaded, and how it was run.</summary>
public sealed record DashboardInputs(
    string Title,
    EnquiryColumns Enquiries,
    DistrictContext District,
    string PoliceSource,
    bool PoliceSynthetic,
    NationalContext? National,
    NrmHistory? Nrm,
    string? NationalSource,
    bool NationalReconstructed);

/// <summary>
/// Builds <see cref="DashboardData"/> from the enquiries and NRM releases the job loaded: counts only. Pure: the same
/// inputs give the same data, whatever order the rows came in.
/// </summary>
public static class DashboardBuilder
{
    public const string District = "district", Year = "year", Month = "month", Type = "type", Age = "age",
        Gender = "gender", Nationality = "nationality";

    /// <summary>The dimensions of the police cube, in the order of its cells' indices.</summary>
    public static readonly IReadOnlyList<string> Dimensions = [District, Year, Month, Type, Age, Gender, Nationality];

    /// <summary>Months of a financial year, April first: the month dimension's values.</summary>
    public static readonly IReadOnlyList<string> MonthsOfYear =
        ["April", "May", "June", "July", "August", "September", "October", "November", "December", "January", "February", "March"];

    public const string InternalMarking = OutputWording.InternalMarking;

    /// <summary>The published dashboard withholds counts below this (the disclosure issue's default threshold).</summary>
    public const int DefaultSuppressBelow = 5;

    public static DashboardData Build(DashboardInputs inputs, DashboardMode mode = DashboardMode.Internal, int? suppressBelow = null,
        Func<PoliceData, int, PoliceData>? disclosure = null)
    {
        var police = Police(inputs);
        if (mode == DashboardMode.Publish)
        {
            var threshold = suppressBelow ?? throw new ArgumentException("the published dashboard needs a disclosure threshold", nameof(suppressBelow));
            police = (disclosure ?? PublishedPoliceData.Apply)(police, threshold);
        }
        return new DashboardData(
            inputs.Title,
            mode,
            mode == DashboardMode.Internal
                ? OutputWording.InternalDashboardMarking(inputs.District.Area.ForceAbbreviation)
                : OutputWording.PublishedDashboardMarking(inputs.District.Area.ForceAbbreviation, suppressBelow!.Value),
            SampleNote(inputs),
            mode == DashboardMode.Publish ? suppressBelow : null,
            police,
            National(inputs),
            new TrendsData());
    }

    /// <summary>"SAMPLE DATA, not for publication: ..." when either side comes from the embedded samples; else null.</summary>
    public static string? SampleNote(DashboardInputs inputs) =>
        OutputWording.SampleNote(inputs.PoliceSynthetic, inputs.NationalReconstructed);

    /// <summary>The police values and the one full cube (exact counts, as used inside the council).</summary>
    public static PoliceData Police(DashboardInputs inputs)
    {
        var area = inputs.District.Area;
        var enquiries = inputs.Enquiries;
        var districts = area.Districts.Append(EnquiryAggregates.NotLogged).ToList();
        // The financial years some enquiry was logged in (a year without any is not a value of the dimension).
        var years = new List<FinancialYear>();
        if (enquiries.Count > 0)
        {
            var (firstLogged, lastLogged) = enquiries.DateRange();
            var firstYear = FinancialYear.Containing(firstLogged).StartYear;
            var present = new bool[FinancialYear.Containing(lastLogged).StartYear - firstYear + 1];
            foreach (var day in enquiries.Days) present[FinancialYear.Containing(DateOnly.FromDayNumber(day)).StartYear - firstYear] = true;
            years.AddRange(Enumerable.Range(0, present.Length).Where(i => present[i]).Select(i => new FinancialYear(firstYear + i)));
        }
        var yearIndex = years.Select((y, i) => (y.StartYear, i)).ToDictionary(x => x.StartYear, x => x.i);
        var types = enquiries.TypesPresent().Select(t => enquiries.TypeNames[t])
            .OrderBy(DistrictBreakdown.TypeRank).ThenBy(t => t, StringComparer.Ordinal).ToList();
        string[] ages = [EnquiryAggregates.AgeGroupName(AgeGroup.Adult), EnquiryAggregates.AgeGroupName(AgeGroup.UnderEighteen), EnquiryAggregates.Unknown];
        string[] genders = [nameof(Model.Gender.Male), nameof(Model.Gender.Female), EnquiryAggregates.Unknown];
        var nationalities = enquiries.NationalitiesPresent().Select(n => enquiries.NationalityNames[n - 1])
            .Order(StringComparer.Ordinal).Append(EnquiryAggregates.Unknown).ToList();

        // Each code's index in the dimension's values, looked up once per code, not per row.
        var districtIndex = Index(districts);
        var districtOf = new[] { districtIndex[EnquiryAggregates.NotLogged] }.Concat(enquiries.DistrictNames.Select(d => districtIndex[d])).ToArray();
        var typeIndex = Index(types);
        var typeOf = enquiries.TypeNames.Select(t => typeIndex.GetValueOrDefault(t, -1)).ToArray();
        var nationalityIndex = Index(nationalities);
        var nationalityOf = new[] { nationalityIndex[EnquiryAggregates.Unknown] }.Concat(enquiries.NationalityNames.Select(n => nationalityIndex.GetValueOrDefault(n, -1))).ToArray();
        var counts = new Dictionary<(int District, int Year, int Month, int Type, int Age, int Gender, int Nationality), int>();
        ReadOnlySpan<int> days = enquiries.Days, typeCodes = enquiries.Types, nationalityCodes = enquiries.Nationalities;
        ReadOnlySpan<ushort> districtCodes = enquiries.Districts;
        ReadOnlySpan<byte> ageBytes = enquiries.Ages, genderBytes = enquiries.Genders;
        for (var i = 0; i < days.Length; i++)
        {
            var date = DateOnly.FromDayNumber(days[i]);
            var key = (districtOf[districtCodes[i]], yearIndex[FinancialYear.Containing(date).StartYear], (date.Month + 8) % 12, typeOf[typeCodes[i]],
                EnquiryColumns.AgeGroupOf(ageBytes[i]) switch { AgeGroup.Adult => 0, AgeGroup.UnderEighteen => 1, _ => 2 },
                (Gender)genderBytes[i] switch { Model.Gender.Male => 0, Model.Gender.Female => 1, _ => 2 },
                nationalityOf[nationalityCodes[i]]);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var cells = counts
            .Select(kv => new CubeCell([kv.Key.District, kv.Key.Year, kv.Key.Month, kv.Key.Type, kv.Key.Age, kv.Key.Gender, kv.Key.Nationality], kv.Value))
            .OrderBy(c => c.Key, KeyOrder.Instance)
            .ToList();

        var defaultYear = FinancialYear.Containing(inputs.District.Period.First);
        return new PoliceData(
            area.AreaName, area.AreaAbbreviation, area.ForceAbbreviation,
            new Dictionary<string, IReadOnlyList<string>>
            {
                [District] = districts,
                [Year] = years.Select(y => y.ToString()).ToList(),
                [Month] = MonthsOfYear,
                [Type] = types,
                [Age] = ages,
                [Gender] = genders,
                [Nationality] = nationalities,
            },
            [new CountCube(Dimensions, cells)],
            inputs.District.District.Name,
            defaultYear.ToString(),
            inputs.PoliceSource);
    }

    static NationalData? National(DashboardInputs inputs)
    {
        if (inputs.National is not { } national || inputs.Nrm is not { } history) return null;
        var release = history.Release(national.Release.Quarter) ?? history.Latest;
        var quarters = release.SeriesQuarters
            .Select(q => new NationalQuarter(q.ToString(), q.InWords, release.SeriesTotal(q)))
            .ToList();
        // A release without the quarterly series still gives its own quarter, from the first-responder tables.
        if (quarters.All(q => q.Quarter != national.Quarter.ToString()))
            quarters.Add(new NationalQuarter(national.Quarter.ToString(), national.Quarter.InWords, national.Referrals));

        var nationalities = new List<NationalCategory>();
        if (release.HasFirstResponder)
        {
            nationalities = NrmReleaseData.NationalityTotals(release.FirstResponder).SingleKnownByCount.Take(10)
                .Select(kv => new NationalCategory(kv.Key, kv.Value)).ToList();
        }
        var types = national.ExploitationTypes
            .Select(t => new NationalTypeByAge(t.ExploitationType.Label, t.Adults.Numerator, t.Children.Numerator,
                t.Total - t.Adults.Numerator - t.Children.Numerator))
            .ToList();
        return new NationalData(NationalWording.ReleaseName(national.Release), national.Quarter.ToString(), quarters, nationalities, national.Referrals, types,
            inputs.NationalSource ?? "");
    }

    static Dictionary<string, int> Index(List<string> values)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++) index[values[i]] = i;
        return index;
    }

    /// <summary>Orders cube keys index by index.</summary>
    internal sealed class KeyOrder : IComparer<IReadOnlyList<int>>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(IReadOnlyList<int>? x, IReadOnlyList<int>? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
                if (x[i] != y[i]) return x[i].CompareTo(y[i]);
            return x.Count.CompareTo(y.Count);
        }
    }
}
