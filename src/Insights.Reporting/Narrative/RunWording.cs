using System.Globalization;
using Insights.Model;

namespace Insights.Narrative;

/// <summary>
/// The words of a run's own errors and warnings (the jobs in Insights.Pipeline raise them; the CLI prints them),
/// and the command line's option names they point the user to, in one place. The police extract's dates are a
/// person's data: these messages say only where a period falls against them, never a date of the extract.
/// </summary>
public static class RunWording
{
    /// <summary>The options a message tells the user to give, as the command line spells them.</summary>
    public static class Option
    {
        public const string District = "--district";
        public const string Gmp = "--gmp";
        public const string Nrm = "--nrm";
        public const string Year = "--year";
        public const string Range = "--from/--to";
        public const string Top = "--top";
        public const string DistrictTrend = "--district-trend";
        public const string Horizon = "--horizon";
    }

    /// <summary>Where a period falls against the dates logged in an extract that has none in it.</summary>
    public enum PeriodOutside { AfterEveryDate, BeforeEveryDate, BetweenDates }

    public static string NotADistrict(string? given, PoliceArea area) =>
        $"'{given}' is not a {area.AreaName} district (expected one of {area.DistrictList})";

    public const string NoRows = "no enquiries: the extract has a header but no rows";

    public static string NothingInPeriod(Period period, PeriodOutside where) =>
        $"no enquiries logged from {period}: {where switch
        {
            PeriodOutside.AfterEveryDate => "every date logged in the extract is before it",
            PeriodOutside.BeforeEveryDate => "every date logged in the extract is after it",
            _ => "the extract's dates fall on both sides of it",
        }} (check {Option.Year}, {Option.Range})";

    public const string PreviousPeriodNotCoveredCode = "gmp-previous-period-not-covered";

    public static string PreviousPeriodNotCovered(Period previous, int held) => string.Create(CultureInfo.InvariantCulture,
        $"the extract's earliest date logged is after the previous period began ({previous}), so the text leaves the previous-period count to the author (the extract holds {held} of it); add the earlier extract with {Option.Gmp}");

    public static string NoDistrictEnquiriesInLatestYear(District district, Period period) =>
        $"no enquiries for {district} from {period}, the year of the latest date logged (check {Option.District} and the extract, or give {Option.Year} or {Option.Range})";

    public const string NationalityTieCode = "gmp-nationality-tie";

    /// <param name="tied">The nationalities tied at the cut-off.</param>
    /// <param name="count">The enquiries each of them has.</param>
    /// <param name="top">The cut-off asked for.</param>
    /// <param name="listed">How many nationalities the text lists with the tie.</param>
    public static string NationalityTie(IReadOnlyList<Nationality> tied, int count, int top, int listed)
    {
        var before = listed - tied.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"{tied.Count} nationalities tie with {count} enquir{(count == 1 ? "y" : "ies")} each at the top-{top} cut-off ({string.Join(", ", tied)}); the text names them together in one bullet, so it lists {listed} nationalities{(before > 0 ? $"; {Option.Top} {before} would count the tied ones among other nationalities" : "")}");
    }

    public const string NoDistrictEnquiriesCode = "gmp-no-district-enquiries";

    public static string NoDistrictEnquiries(District district, Period period) => $"no enquiries for {district} from {period}";

    public const string PartialYearCode = "gmp-partial-year";

    /// <param name="from">The first day of the year's last month: no enquiry was logged on or after it.</param>
    public static string PartialYear(DateOnly from, FinancialYear year) => string.Create(CultureInfo.InvariantCulture,
        $"no enquiry was logged on or after {from:yyyy-MM-dd}, so {year} may be incomplete; give {Option.Year} or {Option.Range} to choose the period");

    public static string ReportTitle(District district, Period period) =>
        $"Current trends relating to modern slavery: {district}, {period.FirstMonthInWords} to {period.LastMonthInWords}";

    public const string DistrictTrendNeedsExtract = "the district trend needs the police extract: give " + Option.Gmp + " FILE";

    public static string HorizonOutOfRange(int horizon) => $"the horizon must be 1 to 8 quarters, not {horizon}";

    public const string ForecastNeedsSeries = "no release loaded has the referrals-by-quarter table (Table_2 in 2023), which the forecast needs";

    /// <summary>Why a run given only a police extract stops: the national context would otherwise be the
    /// reconstructed sample's invented figures printed as fact.</summary>
    public const string NationalInputNeeded =
        "the national context needs the NRM release: download the data tables (\"Modern Slavery: National Referral Mechanism and Duty to Notify statistics UK\", e.g. modern-slavery-nrm-tables-apr-jun-2025.ods) from gov.uk and add " + Option.Nrm + " FILE; the samples are used only when no input at all is given";

    public static string SampleWithOwnInputs(string sampleFile) =>
        $"the sample {sampleFile} cannot be combined with your own inputs: samples are used only when no input is given; give your own {Option.Gmp} and {Option.Nrm} files";

    public const string ReconstructedWithPublished =
        "the reconstructed sample release cannot be loaded with published releases (its invented cells would sit in one table with real ones): give it alone or leave it out";
}
