using Insights.Narrative;
using System.Globalization;
using Insights.Model;
using Insights.Pipeline;
using Insights.Sources;
using Insights.Sources.Gmp;

namespace Insights.Cli;

/// <summary><c>insights context</c>: the pipeline on the given inputs, or on the embedded samples.</summary>
public static class ContextCommand
{
    static readonly HashSet<string> ValueOptions =
        ["--gmp", "--area", "--district", "--year", "--from", "--to", "--columns", "--out", "--templates", "--top", "--nrm", "--quarter", .. TrendArguments.ValueOptions];
    static readonly HashSet<string> Flags = ["--help", "--publish", .. TrendArguments.Flags];
    static readonly HashSet<string> MultiValue = ["--gmp", "--nrm"];

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new Arguments(args, ValueOptions, Flags, MultiValue);
        if (a.Flag("--help") || a.Positional.Contains("-h"))
        {
            stdout.Write(Help.Context);
            return 0;
        }
        if (a.Positional.Count > 0) throw new UsageException($"context: unexpected argument '{a.Positional[0]}' (see insights context --help)");

        var options = ParseOptions(a);
        var result = ContextJob.Run(options);
        if (result.SampleNote is { } sample) stdout.WriteLine(sample);
        foreach (var w in result.Warnings) stderr.WriteLine(w.ToString());
        if (result.National is { } national)
            stdout.WriteLine($"National, {national.Quarter.InWords} ({national.Release}): {Wording.Number(national.Referrals)} referrals");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.District.District}, {result.District.Period}: {result.District.Enquiries} {(result.District.Enquiries == 1 ? "enquiry" : "enquiries")}; wrote {options.OutputFolder}{Path.DirectorySeparatorChar}: current-trends.md, .docx, .html, report.html, facts.json ({result.Facts.Facts.Count} facts), Parquet tables"));
        return 0;
    }

    internal static ContextOptions ParseOptions(Arguments a)
    {
        var files = a.Values("--gmp");
        var nrmFiles = a.Values("--nrm");
        // The samples only when no input at all is given: never a sample beside the user's own file.
        if (files.Count > 0 && nrmFiles.Count == 0) throw new UsageException("--gmp without --nrm: " + Samples.NationalInputNeeded);
        if (nrmFiles.Count > 0 && files.Count == 0) throw new UsageException("--nrm without --gmp: " + Samples.PoliceInputNeeded);
        var gmp = files.Count > 0 ? new GmpOptions(files) : GmpOptions.Samples();
        if (a.Value("--area") is { } area) gmp = gmp with { Area = PoliceAreaFile.Load(area) };
        if (a.Value("--district") is { } district) gmp = gmp with { District = district };
        if (a.Value("--columns") is { } columns) gmp = gmp with { ColumnMapPath = columns };
        if (a.Value("--top") is { } top)
            gmp = gmp with
            {
                TopNationalities = int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 20
                    ? n : throw new UsageException($"--top: '{top}' is not a number from 1 to 20"),
            };

        var year = a.Value("--year");
        var from = a.Value("--from");
        var to = a.Value("--to");
        if (year is not null && (from is not null || to is not null))
            throw new UsageException("give either --year or --from/--to, not both");
        if (year is not null)
            gmp = gmp with { Year = FinancialYear.TryParse(year, out var fy) ? fy : throw new UsageException($"--year: '{year}' is not a financial year (expected e.g. 2024/25)") };
        if (from is not null || to is not null)
        {
            if (from is null || to is null) throw new UsageException("--from and --to go together");
            var range = new Period(ParseDate("--from", from), ParseDate("--to", to));
            if (range.Last < range.First) throw new UsageException("--to is before --from");
            gmp = gmp with { Range = range };
        }
        Quarter? quarter = a.Value("--quarter") is { } q
            ? Quarter.TryParse(q, out var parsed) ? parsed : throw new UsageException($"--quarter: '{q}' is not a quarter (expected e.g. 2025Q2 or \"2025 Q2\")")
            : null;
        var nrm = nrmFiles.Count > 0 ? new NrmOptions(nrmFiles, quarter) : NrmOptions.Samples() with { Quarter = quarter };
        return new ContextOptions(gmp, a.Value("--out") ?? "out", a.Value("--templates"), nrm, TrendArguments.Parse(a), Publish: a.Flag("--publish"));
    }

    static DateOnly ParseDate(string option, string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new UsageException($"{option}: '{text}' is not a date (expected yyyy-MM-dd or dd/MM/yyyy)");
}
