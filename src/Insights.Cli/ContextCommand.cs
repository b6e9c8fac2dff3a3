using System.CommandLine;
using System.Globalization;
using Insights.Model;
using Insights.Narrative;
using Insights.Outputs;
using Insights.Pipeline;
using Insights.Sources.Gmp;

namespace Insights.Cli;

/// <summary><c>insights context</c>: the pipeline on the given inputs, or on the embedded samples.</summary>
public static class ContextCommand
{
    // National context (Home Office NRM statistics; docs/nrm.md)
    static readonly Option<string[]> Nrm = ValueOptions.Nrm("""
        NRM releases: the published ODS workbook, the same saved as XLSX, or the long CSVs (format judged from the content); several releases give the revision history; alone, the section holds the national context and an author placeholder for the district's; with neither --nrm nor --gmp, the run is on the samples and every output says SAMPLE DATA
        """);
    static readonly Option<Quarter?> ReleaseQuarter = ValueOptions.Parsed<Quarter>("--quarter", "2025Q2",
        "the release quarter to report [default: the latest loaded]; also the quarter of a first-responder CSV whose file name does not say",
        Quarter.TryParse, "a quarter (expected e.g. 2025Q2 or \"2025 Q2\")");

    static readonly Option<int?> BulletinTotal = ValueOptions.Number("--bulletin-total", "n",
        "the bulletin's headline referrals for the reported quarter: printed when a release has no referrals-by-quarter table (the first-responder tables' sum can differ by a few), else checked against that table with a warning",
        1, 10_000_000, "a number of referrals");

    // District context (police enquiry extracts in GMP's format; docs/gmp-extract.md)
    static readonly Option<string[]> Gmp = ValueOptions.Files("--gmp", "file",
        "one or more police extracts, .csv (UTF-8, UTF-16 or Windows-1252), .xlsx or .parquet (one flat table, the same columns); an XLSX sheet other than the first is named after '#': extract.xlsx#Sheet2; needs --nrm too (samples never mix with your inputs)");
    static readonly Option<string?> Columns = ValueOptions.Text("--columns", "map.json",
        """the header names of your file for the canonical columns: {"columns": {"DateLogged": "Date Reported", "District": "Division"}}""");
    static readonly Option<string?> Area = ValueOptions.Text("--area", "area.json",
        """the police force and its districts, for an area other than Greater Manchester: {"forceName": "West Yorkshire Police", "forceAbbreviation": "WYP", "areaName": "West Yorkshire", "areaAbbreviation": "West Yorkshire", "districts": ["Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield"]} [default: Greater Manchester Police and the ten GM districts]""");
    static readonly Option<DateOrder?> DateFormat = ValueOptions.Parsed<DateOrder>("--date-format", "pattern",
        $"how the extract's text dates are written: dd/MM/yyyy (UK), MM/dd/yyyy (US) or yyyy-MM-dd only; dates in yyyy-MM-dd and Excel date cells are read with any of them [default: dd/MM/yyyy or yyyy-MM-dd, and a column of month-first dates stops the run]",
        DateOrders.TryParse, $"a date format (expected {DateOrders.Accepted})");
    static readonly Option<string?> District = ValueOptions.Text("--district", "name", "a district of the area [default: Stockport]");
    static readonly Option<FinancialYear?> Year = ValueOptions.Parsed<FinancialYear>("--year", "2024/25",
        "the financial year, April to March [default: the year containing the latest date logged in the extract; a warning says if that year looks incomplete]",
        FinancialYear.TryParse, "a financial year (expected e.g. 2024/25)");
    static readonly Option<DateOnly?> From = Date("--from", "any other period instead of --year, with --to (inclusive); \"previous\" then means the period of the same length just before it");
    static readonly Option<DateOnly?> To = Date("--to", "the last day of the period started by --from");
    static readonly Option<int?> Top = ValueOptions.Number("--top", "n", "how many nationalities to name before \"other nationalities\" [default: 3]", 1, 20, "a number");
    static readonly Option<bool> LatestPublished = ValueOptions.Flag("--latest-published",
        "you have checked on gov.uk that the release reported is the latest published: the text calls its quarter \"the latest period for which data is available\" [default: neutral wording; the files loaded cannot prove it]");
    static readonly Option<int?> MinBase = ValueOptions.Number("--min-base", "n",
        "the smallest base the district text gives a percentage of; a count of a smaller base is printed without one [default: 10; 1 prints every percentage, as the council's statements have]",
        1, 1000, "a number from 1 to 1000");

    // Longer view (only when given; docs/trends.md)
    static readonly Option<ReferralYear?> NationalYear = ValueOptions.Parsed<ReferralYear>("--national-year", "2023|2023/24",
        "the national context for a calendar or financial year instead of the quarter (total as the sum of its quarters in the latest release that holds them)",
        ReferralYear.TryParse, "a year (expected 2023 for a calendar year or 2023/24 for a financial year)");
    static readonly Option<string?> NrmArea = ValueOptions.Text("--nrm-area", "name",
        "add the local NRM paragraph and chart for a county or police force area of the releases' referrals-by-county table (from 2025), e.g. \"Greater Manchester\"");
    static readonly Option<bool> DistrictTrend = ValueOptions.Flag("--district-trend",
        "add the district's and the area's enquiries by financial year and month to the report (charts, tables, facts)");
    static readonly Option<bool> Forecast = ValueOptions.Flag("--forecast",
        "add the national forecast [f] (chart, back-test, nrm-forecast/ Parquet) to the report; the section text is unchanged");
    static readonly Option<bool> WithForecast = ValueOptions.Flag("--with-forecast", "the same, and a forecast sentence in the section text");
    static readonly Option<int?> Horizon = ValueOptions.Horizon();

    // Output
    static readonly Option<string?> Out = ValueOptions.Text("--out", "folder",
        "output folder [default: out]: current-trends.md/.docx/.html, report.html, dashboard.html, tables.ods/.xlsx, facts.json, warnings.txt and the Parquet tables (nrm-referrals/, gmp-enquiries/); written all at once, so a failed run leaves the folder as it was");
    static readonly Option<string?> Templates = ValueOptions.Text("--templates", "folder", "the wording templates (*.sbn) [default: templates/ beside the program]");
    static readonly Option<bool> Publish = ValueOptions.Flag("--publish",
        "dashboard.html for publication: police counts under the --suppress-below threshold (default 5), and those that would reveal them, are withheld as [c] in every number the file holds [default: exact counts, marked OFFICIAL-SENSITIVE: do not publish]");
    static readonly Option<int?> SuppressBelow = ValueOptions.Number("--suppress-below", "n",
        "the disclosure rule (docs/disclosure.md): in the district text, facts, charts and tables, counts from 1 to n-1 read \"fewer than n\", counts that would reveal them by subtraction read [c], and their percentages are left out [default: exact counts, the council's published practice; small cells listed in warnings.txt]; the shareable gmp-enquiries table always applies it (n, or 5 when not given)",
        2, 100, "a threshold from 2 to 100");

    static readonly Option<bool> StageTimes = ValueOptions.Flag("--stage-times",
        "print to stderr how long each stage took (runtime start, reading, each output), in milliseconds: stage names and times only, no data");

    const string Epilogue = """

        Sources: docs/nrm.md (national), docs/gmp-extract.md (district), docs/trends.md (longer view).
        Warnings (unknown categories with counts, a year that looks incomplete) go to stderr, one a line, and to
        warnings.txt.
        """;

    public static Command Create()
    {
        var command = new Command("context", "compute the national and district context and write the \"Current trends relating to modern slavery\" section and its facts")
        {
            Nrm, ReleaseQuarter, BulletinTotal, LatestPublished, Gmp, Columns, DateFormat, Area, District, Year, From, To, Top, MinBase,
            NationalYear, NrmArea, DistrictTrend, Forecast, WithForecast, Horizon,
            Out, Templates, Publish, SuppressBelow, StageTimes,
        };
        District.CompletionSources.Add(PoliceArea.GreaterManchester.Districts.ToArray());
        AddSectionRules(command);
        command.SetAction(result => NationalOnly(result)
            ? RunNational(NationalOptions(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error)
            : Run(Options(result), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error,
                result.GetValue(StageTimes) ? Started() : null));
        return command.WithEpilogue(Epilogue);
    }

    /// <summary>The options that choose the inputs and the section, not the outputs: <c>check</c> takes the same.</summary>
    internal static IEnumerable<Option> SectionOptions =>
        [Nrm, ReleaseQuarter, BulletinTotal, LatestPublished, Gmp, Columns, DateFormat, Area, District, Year, From, To, Top, MinBase, NationalYear, NrmArea, DistrictTrend, Forecast, WithForecast, Horizon, Templates, SuppressBelow];

    /// <summary>The rules between the section options (usage errors, exit 2), for <c>context</c> and <c>check</c>.</summary>
    internal static void AddSectionRules(Command command)
    {
        command.Refuse(r => r.GetResult(Year) is not null && (r.GetResult(From) is not null || r.GetResult(To) is not null)
            ? "give either --year or --from/--to, not both" : null);
        command.Refuse(r => (r.GetResult(From) is null) != (r.GetResult(To) is null) ? "--from and --to go together" : null);
        // The samples only when no input at all is given: never a sample beside the user's own file.
        command.Refuse(r => r.GetResult(Gmp) is not null && r.GetResult(Nrm) is null ? "--gmp without --nrm: " + RunWording.NationalInputNeeded : null);
        command.Refuse(r => r.GetResult(DateFormat) is not null && r.GetResult(Gmp) is null
            ? "--date-format says how the extract given with --gmp writes its dates: give it with --gmp" : null);
        // NRM releases alone give the national part and a placeholder for the district's (NationalJob): what
        // describes the police extract then has nothing to describe.
        foreach (var option in new Option[] { District, Year, From, To, Columns, Area, Top, MinBase, DistrictTrend, Publish, SuppressBelow })
            command.Refuse(r => r.GetResult(Nrm) is not null && r.GetResult(Gmp) is null && r.GetResult(option) is { Implicit: false }
                ? $"{option.Name} describes the police extract: give --gmp FILE too (with --nrm alone the district context is left to the author)" : null);
        command.Refuse(r => r.GetValue(From) is { } first && r.GetValue(To) is { } last && last < first ? "--to is before --from" : null);
        command.Refuse(r => r.GetResult(Horizon) is not null && r.GetResult(Forecast) is null && r.GetResult(WithForecast) is null
            ? "--horizon goes with --forecast or --with-forecast" : null);
    }

    /// <summary>NRM releases without a police extract: the national part alone (<see cref="NationalJob"/>).</summary>
    internal static bool NationalOnly(ParseResult a) => a.GetResult(Nrm) is not null && a.GetResult(Gmp) is null;

    /// <summary><c>insights context ARGS</c>, the run's errors thrown (as the tests want them).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => InsightsCommand.Invoke(["context", .. args], stdout, stderr);

    static int Run(ContextOptions options, TextWriter stdout, TextWriter stderr, StageTimes? stages = null)
    {
        var result = ContextJob.Run(options, stages);
        if (result.SampleNote is { } sample) stdout.WriteLine(sample);
        foreach (var w in result.Warnings) stderr.WriteLine(w.ToString());
        if (result.National is { } national)
            stdout.WriteLine($"National, {national.Quarter.InWords} ({national.Release}): {Wording.Number(national.Referrals)} referrals");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.District.District}, {result.District.Period}: {result.District.Enquiries} {(result.District.Enquiries == 1 ? "enquiry" : "enquiries")}; wrote {options.OutputFolder}{Path.DirectorySeparatorChar}: current-trends.md, .docx, .html, report.html, facts.json ({result.Facts.Facts.Count} facts), Parquet tables"));
        foreach (var line in stages?.Lines() ?? []) stderr.WriteLine(line);
        return ExitCodes.Ok;
    }

    /// <summary>The stage times of a run, beginning with the time from the process's start to the command's action
    /// (the runtime, loading and JIT-compiling the command line), which no stopwatch inside the job can see.</summary>
    static StageTimes Started()
    {
        var stages = new StageTimes();
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        stages.AddStart("runtime start, command line", DateTime.Now - process.StartTime);
        return stages;
    }

    static int RunNational(NationalOnlyOptions options, TextWriter stdout, TextWriter stderr)
    {
        var result = NationalJob.Run(options);
        if (result.SampleNote is { } sample) stdout.WriteLine(sample);
        foreach (var w in result.Warnings) stderr.WriteLine(w.ToString());
        var national = result.National.National;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"National, {national.Quarter.InWords} ({national.Release}): {Wording.Number(national.Referrals)} referrals; no police extract, so no district context; wrote {options.OutputFolder}{Path.DirectorySeparatorChar}: current-trends.md, .docx, .html, report.html, facts.json ({result.Facts.Facts.Count} facts), tables.ods, .xlsx, Parquet tables"));
        return ExitCodes.Ok;
    }

    internal static NationalOnlyOptions NationalOptions(ParseResult a) =>
        new(new NrmOptions(a.Values(Nrm), a.GetValue(ReleaseQuarter), a.GetValue(BulletinTotal), a.GetValue(LatestPublished)), a.GetValue(Out) ?? "out", a.GetValue(Templates), Trends(a));

    internal static ContextOptions Options(ParseResult a)
    {
        var files = a.Values(Gmp);
        var gmp = files.Count > 0 ? new GmpOptions(files) : GmpOptions.Samples();
        if (a.GetValue(Area) is { } area) gmp = gmp with { Area = PoliceAreaFile.Load(area) };
        if (a.GetValue(District) is { } district) gmp = gmp with { District = district };
        if (a.GetValue(Columns) is { } columns) gmp = gmp with { ColumnMapPath = columns };
        if (a.GetValue(DateFormat) is { } order) gmp = gmp with { DateOrder = order };
        if (a.GetValue(Top) is { } top) gmp = gmp with { TopNationalities = top };
        if (a.GetValue(MinBase) is { } minimumBase) gmp = gmp with { MinimumBase = minimumBase };
        if (a.GetValue(Year) is { } year) gmp = gmp with { Year = year };
        if (a.GetValue(From) is { } from && a.GetValue(To) is { } to) gmp = gmp with { Range = new Period(from, to) };
        var nrmFiles = a.Values(Nrm);
        var quarter = a.GetValue(ReleaseQuarter);
        var nrm = (nrmFiles.Count > 0 ? new NrmOptions(nrmFiles, quarter) : NrmOptions.Samples() with { Quarter = quarter })
            with { BulletinTotal = a.GetValue(BulletinTotal), LatestPublished = a.GetValue(LatestPublished) };
        return new ContextOptions(gmp, a.GetValue(Out) ?? "out", a.GetValue(Templates), nrm, Trends(a), Publish: a.GetValue(Publish), SuppressBelow: a.GetValue(SuppressBelow));
    }

    /// <summary>The longer view (issue 12), only when one of its options is given, so default outputs are unchanged.</summary>
    static TrendOptions? Trends(ParseResult a) =>
        new Option[] { NationalYear, NrmArea, DistrictTrend, Forecast, WithForecast, Horizon }.Any(a.Given)
            ? new TrendOptions(a.GetValue(NationalYear), a.GetValue(NrmArea), a.GetValue(DistrictTrend), a.GetValue(Forecast),
                a.GetValue(WithForecast), a.HorizonOrDefault(Horizon))
            : null;

    static Option<DateOnly?> Date(string name, string description) =>
        ValueOptions.Parsed<DateOnly>(name, "date", description + " (yyyy-MM-dd or dd/MM/yyyy)",
            (string text, out DateOnly d) => DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out d),
            "a date (expected yyyy-MM-dd or dd/MM/yyyy)");
}
