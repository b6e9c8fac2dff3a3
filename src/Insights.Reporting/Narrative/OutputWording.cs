using System.Globalization;
using Insights.Model;

namespace Insights.Narrative;

/// <summary>
/// The words of the dashboard's header and of the spreadsheet's cover, contents and notes sheets: here, beside the
/// section's wording, so that every sentence an output prints is found in one place.
/// </summary>
public static class OutputWording
{
    /// <summary>Enquiries whose originating district was not logged, as a row or bar beside the districts.</summary>
    public const string DistrictNotLogged = "Not logged";

    public const string ShorthandConfidential = "confidential: withheld so that no person can be identified";
    public const string ShorthandNotAvailable = "not available";
    public const string ShorthandNotApplicable = "not applicable";

    public const string ContentsTitle = "Contents";
    public const string ContentsDescription = "This worksheet contains one table. Each table is on its own sheet; the notes are on the Notes sheet.";
    public const string NotesTitle = "Notes";
    public const string NotesDescription = "This worksheet contains one table. The notes are referred to in the tables' descriptions.";

    public const string NoteShorthand =
        "Shorthand in the tables: [c] " + ShorthandConfidential + "; [x] " + ShorthandNotAvailable + "; [z] " + ShorthandNotApplicable + ".";
    public const string NoteRounding =
        "Percentages are rounded once, from full precision, half away from zero (44.45% is 44.5%), so a list of percentages may not sum to 100.";
    public const string NoteEnquiries =
        "Police figures count modern slavery enquiries, one alleged victim each; NRM figures count potential victims referred to the National Referral Mechanism.";

    public const string FactsTableTitle = "Figures in the section \"Current trends relating to modern slavery\"";
    public const string FactsTableDescription = "This table contains one row for each figure printed in the section, with what it counts and where it comes from.";

    public const string ContactPlaceholder = "Contact: [Author: the council's statistics contact and email address]";
    public const string OpenGovernmentLicence =
        "You may re-use this information (not including logos) free of charge in any format or medium, under the terms of the Open Government Licence v3.0: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    public const string NationalSourceLicence =
        "NRM figures: Source: Home Office, National Referral Mechanism statistics; contains public sector information licensed under the Open Government Licence v3.0.";

    public static string NotesApply(string notes) => $"Notes {notes} apply (see the Notes sheet).";

    public static string TablesTitle(string sectionTitle) => sectionTitle + ": tables";

    public static string TablesAbout(District district) =>
        $"This workbook holds the figures of the section \"Current trends relating to modern slavery\" for {district} and the tables of its charts.";

    public const string NationalTablesAbout =
        "This workbook holds the national figures of the section \"Current trends relating to modern slavery\" and the tables of its charts; the run had no police extract.";

    public static string NationalReportTitle(string quarter) => $"Current trends relating to modern slavery: national context, {quarter}";

    public const string DistrictNotGivenCode = "gmp-not-given";

    public const string DistrictNotGiven =
        "no police extract was given (--gmp), so the section holds the national context only and an author placeholder where the district context goes; dashboard.html and the gmp-enquiries table are not written";

    public const string NotDisclosureControlled =
        "Police figures in this workbook are exact and are not disclosure-controlled: check small counts before publishing.";

    /// <summary>The cover's line under --suppress-below: what [c] stands for here.</summary>
    public static string DisclosureControlled(int threshold) => string.Create(CultureInfo.InvariantCulture,
        $"Police figures in this workbook follow the disclosure rule: counts of fewer than {threshold}, and those that would give one back by subtraction, are withheld as [c], with their percentages.");

    public const string InternalMarking = "OFFICIAL-SENSITIVE: do not publish";

    public static string InternalDashboardMarking(string force) => $"{InternalMarking}: {force} enquiry counts are exact and may identify people";

    public static string PublishedDashboardMarking(string force, int threshold) =>
        $"For publication: {force} counts below {threshold} and those that would reveal them are shown as [c]";

    public const string SyntheticPolice = "the police enquiries are a synthetic sample";
    public const string ReconstructedNational = "the NRM release is a reconstructed sample";

    public static string SampleData(IEnumerable<string> parts) => "SAMPLE DATA, not for publication: " + string.Join("; ", parts) + ".";

    /// <summary>"SAMPLE DATA, not for publication: ..." when either side comes from the embedded samples; else null.</summary>
    public static string? SampleNote(bool syntheticPolice, bool reconstructedNational)
    {
        var samples = new List<string>();
        if (syntheticPolice) samples.Add(SyntheticPolice);
        if (reconstructedNational) samples.Add(ReconstructedNational);
        return samples.Count == 0 ? null : SampleData(samples);
    }

    /// <summary>The sample note as the first block of the section's Markdown (and so of the Word and HTML files).</summary>
    public static string SampleBanner(string note) => $"> **{note}**\n\n";
}
