using System.Globalization;
using Insights.Breakdowns;
using Insights.Charts;
using Insights.Store;
using Insights.Model;
using Insights.Narrative;
using Insights.Outputs;
using Insights.Outputs.Dashboard;
using Insights.Sources;
using Insights.Sources.Gmp;
using Insights.Sources.Nrm;

namespace Insights.Pipeline;

/// <summary>
/// Where the district context comes from and what it covers. <see cref="Year"/> and <see cref="Range"/> are
/// alternatives; with neither, the financial year containing the latest date logged in the extract is used.
/// <see cref="Area"/> is the police force and its districts (null: Greater Manchester, <see cref="PoliceArea.GreaterManchester"/>).
/// <see cref="Today"/> is the date of the run (null: the machine's): no enquiry can be logged after it.
/// </summary>
public sealed record GmpOptions(
    IReadOnlyList<string> Files,
    string District = "Stockport",
    FinancialYear? Year = null,
    Period? Range = null,
    string? ColumnMapPath = null,
    int TopNationalities = DistrictBreakdown.DefaultTopNationalities,
    PoliceArea? Area = null,
    DateOnly? Today = null,
    DateOrder? DateOrder = null,
    int MinimumBase = DistrictNarrative.DefaultMinimumBase)
{
    /// <summary>The police area the options name, or Greater Manchester.</summary>
    public PoliceArea AreaOrDefault => Area ?? PoliceArea.GreaterManchester;

    /// <summary>The embedded synthetic sample (data-samples/gmp/); charts say the data are synthetic.</summary>
    public static GmpOptions Samples(string district = "Stockport") =>
        new([Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv")], district);
}

/// <summary>
/// Where the national context comes from: NRM files or folders (ODS, XLSX, long CSVs; several releases give the
/// revision history), and the release quarter to report (default: the latest loaded). <see cref="BulletinTotal"/>: the
/// bulletin's headline as the analyst read it, printed when the release has no referrals-by-quarter table.
/// <see cref="LatestPublished"/>: the analyst checked on gov.uk that the reported release is the latest published, so
/// the text may call its quarter "the latest period for which data is available".
/// </summary>
public sealed record NrmOptions(IReadOnlyList<string> Files, Quarter? Quarter = null, int? BulletinTotal = null, bool LatestPublished = false)
{
    /// <summary>The embedded Q2 2025 release reconstructed from the statement's figures (data-samples/nrm/).</summary>
    public static NrmOptions Samples() =>
        new([Pipeline.Samples.PathOf("nrm", "nrm-2025-q2-tables-reconstructed.ods")]);
}

/// <summary>Options of the whole context job; the national context (NRM) and other outputs add their own here.
/// <see cref="Publish"/>: dashboard.html for publication (the disclosure rule applied to every number it holds).
/// <see cref="SuppressBelow"/>: the disclosure rule for the section's text, facts and charts (counts under N withheld,
/// and those that would reveal them); null: the council's published practice, exact counts. The published dashboard
/// uses the same threshold (default <see cref="DisclosureRisk.DefaultThreshold"/>).</summary>
public sealed record ContextOptions(GmpOptions Gmp, string OutputFolder = "out", string? TemplatesFolder = null, NrmOptions? Nrm = null,
    TrendOptions? Trends = null, bool Publish = false, int? SuppressBelow = null)
{
    /// <summary>The threshold of the published dashboard: the run's rule, or the usual 5.</summary>
    public int PublishThreshold => SuppressBelow ?? DisclosureRisk.DefaultThreshold;
}

/// <summary>Everything the job computed: what notebooks show and what further outputs (Word, HTML) are built from.</summary>
public sealed record ContextResult(
    GmpExtract Extract,
    DistrictContext District,
    DistrictSection DistrictSection,
    string Markdown,
    FactSheet Facts,
    IReadOnlyList<InputWarning> Warnings,
    NrmHistory? Nrm = null,
    NationalContext? National = null,
    NationalNarrative? NationalSection = null,
    TrendResult? Trends = null,
    string? SampleNote = null,
    DistrictSuppression? Suppression = null);

/// <summary>
/// The pipeline of the "Current trends relating to modern slavery" section: load inputs → compute → write
/// <c>current-trends.md</c>, <c>facts.json</c> and <c>warnings.txt</c> into the output folder, all or nothing.
/// The CLI's <c>context</c> command and the notebooks call this.
/// </summary>
public static class ContextJob
{
    public const string SectionHeading = "## Current trends relating to modern slavery";

    /// <summary>Loads and computes without writing anything; <paramref name="stages"/>, when given, records each stage's time.</summary>
    public static ContextResult Compute(ContextOptions options, StageTimes? stages = null)
    {
        var gmp = options.Gmp;
        var area = gmp.AreaOrDefault;
        var district = area.Find(gmp.District) ?? throw new InputException(new SourceLocation(RunWording.Option.District),
            RunWording.NotADistrict(gmp.District, area));
        // The NRM sample only beside the police sample: never invented national figures beside a real extract.
        var nrmOptions = options.Nrm ?? (gmp.Files.All(Samples.IsEmbedded) ? NrmOptions.Samples()
            : throw new InputException(new SourceLocation(RunWording.Option.Nrm), RunWording.NationalInputNeeded));
        var map = gmp.ColumnMapPath is null ? null : ColumnMap.Load(gmp.ColumnMapPath);
        var extract = stages.Time("police extract", () => GmpExtractReader.Read(gmp.Files, map, area, gmp.Today, gmp.DateOrder));
        var warnings = extract.Warnings.ToList();
        // The breakdowns count the reader's columns: no record per row, no second read of the files.
        var rows = extract.Columns;
        if (rows.Count == 0)
            throw new InputException(new SourceLocation(gmp.Files[0]), RunWording.NoRows);

        var period = ChoosePeriod(gmp, extract, warnings);
        var context = stages.Time("district figures", () => DistrictBreakdown.Compute(rows, district, period, gmp.TopNationalities, area));
        // The extract's first and last dates are a person's data: messages say only where they fall.
        var (first, last) = rows.DateRange();
        if (context.GmEnquiries == 0)
            throw new InputException(new SourceLocation(gmp.Files[0]), RunWording.NothingInPeriod(period,
                last < period.First ? RunWording.PeriodOutside.AfterEveryDate : first > period.Last ? RunWording.PeriodOutside.BeforeEveryDate : RunWording.PeriodOutside.BetweenDates));
        // An extract of one year alone would otherwise report "0 in the previous year" as if it were a fact.
        if (!context.PreviousPeriodCovered)
            warnings.Add(new InputWarning(RunWording.PreviousPeriodNotCoveredCode, RunWording.PreviousPeriodNotCovered(context.PreviousPeriod, context.PreviousEnquiries)));
        // A chosen year with none of the district's enquiries is more likely a wrong extract or district than a fact
        // worth a section of zeros; a period the user gave is reported as asked (with a warning).
        if (context.Enquiries == 0 && gmp.Year is null && gmp.Range is null)
            throw new InputException(new SourceLocation(gmp.Files[0]), RunWording.NoDistrictEnquiriesInLatestYear(district, period));
        if (context.TiedAtCutOff.Count > 0)
        {
            warnings.Add(new InputWarning(RunWording.NationalityTieCode, RunWording.NationalityTie(
                context.TiedAtCutOff, context.TopNationalities[^1].Count, gmp.TopNationalities, context.TopNationalities.Count)));
        }
        if (context.Enquiries == 0)
            warnings.Add(new InputWarning(RunWording.NoDistrictEnquiriesCode, RunWording.NoDistrictEnquiries(district, period)));
        // The council's practice prints small counts; each one in a cross-classification of people is for a person to judge.
        foreach (var risk in stages.Time("disclosure risks", () => DisclosureRisk.Find(rows, district, period)).GroupBy(c => c.Classification))
            warnings.Add(new InputWarning(DisclosureWording.RiskCode,
                DisclosureWording.RiskWarning(district, period, risk.Key, [.. risk], DisclosureRisk.DefaultThreshold)));

        var templates = stages.Time("templates", () => new TemplateLibrary(options.TemplatesFolder));
        var suppression = options.SuppressBelow is { } threshold
            ? DistrictDisclosure.Protect(context, DistrictComparison.CountsByDistrict(rows, period, area), threshold)
            : null;
        var section = stages.Time("district text", () => DistrictNarrative.Render(context, templates, extract.SourceDescription, suppression, gmp.MinimumBase));

        // National context: the NRM release(s), the reported quarter's figures from that same release.
        var n = stages.Time("national (NRM)", () => NationalStep.Compute(nrmOptions, options.Trends, gmp.Files, extract, district, options.SuppressBelow));
        warnings.InsertRange(0, n.Warnings);

        var facts = new FactSheet();
        facts.AddRange(TrendStep.NationalFacts(n.Trends, n.Section));
        facts.AddRange(section.Facts);
        facts.AddRange(n.Trends.DistrictTrendFacts ?? []);
        var sampleNote = Samples.Note(gmp.Files, n.ReportedFiles);
        var markdown = Section(sampleNote, TrendStep.NationalMarkdown(n.Trends, n.Section, templates), section.Markdown);
        return new ContextResult(extract, context, section, markdown, facts, warnings, n.Nrm, n.National, n.Section, n.Trends, sampleNote, suppression);
    }

    /// <summary>The section's Markdown: the sample mark when the run is on samples, the heading, the national part, the district part.</summary>
    internal static string Section(string? sampleNote, string nationalMarkdown, string districtMarkdown) =>
        (sampleNote is null ? "" : OutputWording.SampleBanner(sampleNote)) + SectionHeading + "\n\n" + nationalMarkdown + "\n\n" + districtMarkdown.TrimEnd('\n') + "\n";

    /// <summary>Computes, then writes the outputs atomically: on any error the output folder is left as it was.
    /// <paramref name="stages"/>, when given, records each stage's time (<c>insights context --stage-times</c>).</summary>
    public static ContextResult Run(ContextOptions options, StageTimes? stages = null)
    {
        var result = Compute(options, stages);
        using var output = new StagedOutput(options.OutputFolder);
        var figures = stages.Time("charts", () => Figures(result, options));
        ReportFiles.Write(output, ReportTitle(result), result.Markdown, figures,
            result.Trends is { } t ? TrendStep.ReportAppendix(t) : null, stages);
        stages.Time("facts.json, manifest.json", () =>
        {
            output.WriteText("facts.json", result.Facts.ToJson(result.SampleNote));
            output.WriteText(RunManifest.FileName, RunManifest.Build(result, options));
        });
        stages.Time("Parquet tables", () =>
        {
            // The table is for sharing, so it always carries the disclosure rule (the council's practice of exact
            // counts is for its own text): the published dashboard's tables, with the same threshold.
            ParquetStore.WriteEnquiryAggregates(output.PathOf(ParquetStore.EnquiryFolder), EnquiryAggregates.FromPublished(
                PublishedPoliceData.Apply(DashboardBuilder.Police(DashboardJob.Inputs(result, options)), options.PublishThreshold),
                Samples.Provenance(options.Gmp.Files, Samples.AreSynthetic(options.Gmp.Files))));
            if (result.Nrm is { } history) NationalStep.WriteTables(output, history, result.Trends);
        });
        output.WriteText("warnings.txt", string.Concat(result.Warnings.Select(w => w + "\n")));
        stages.Time(DashboardPage.FileName, () => DashboardJob.Write(output, result, options));
        stages.Time("tables.ods, tables.xlsx", () => TablesJob.Write(output, result, options));
        stages.Time("commit", output.Commit);
        return result;
    }

    /// <summary>The charts of the report, in the order of the section: each with its table and alt text.</summary>
    public static IReadOnlyList<ChartFigure> Figures(ContextResult result, ContextOptions options) =>
    [
        .. result.National is { } national && result.Nrm is { } history ? NationalStep.Figures(national, history, result.Trends) : [],
        .. DistrictFigures.Build(result.District, result.Extract.Columns, Samples.AreSynthetic(options.Gmp.Files), result.Suppression),
        .. result.Trends?.DistrictTrend is { } trend ? TrendFigures.DistrictTrend(trend, Samples.AreSynthetic(options.Gmp.Files), result.Trends.DistrictTrendSuppression) : [],
    ];

    public static string ReportTitle(ContextResult result) => RunWording.ReportTitle(result.District.District, result.District.Period);

    static Period ChoosePeriod(GmpOptions gmp, GmpExtract extract, List<InputWarning> warnings)
    {
        if (gmp.Range is { } range) return range;
        if (gmp.Year is { } year) return year.Period;
        var latest = extract.Columns.DateRange().Last;
        var fy = FinancialYear.Containing(latest);
        // An extract taken mid-year would otherwise be reported as if the year were complete.
        if (latest < fy.LastDay.AddMonths(-1))
            warnings.Add(new InputWarning(RunWording.PartialYearCode, RunWording.PartialYear(fy.LastDay.AddMonths(-1), fy)));
        return fy.Period;
    }
}
