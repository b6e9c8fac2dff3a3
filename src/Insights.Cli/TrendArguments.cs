using System.Globalization;
using Insights.Model;
using Insights.Pipeline;

namespace Insights.Cli;

/// <summary>The options of the longer view (issue 12) on the <c>context</c> command, in one place.</summary>
static class TrendArguments
{
    public static readonly string[] ValueOptions = ["--national-year", "--nrm-area", "--horizon"];
    public static readonly string[] Flags = ["--district-trend", "--forecast", "--with-forecast"];

    public static TrendOptions? Parse(Arguments a)
    {
        if (ValueOptions.All(o => a.Value(o) is null) && Flags.All(f => !a.Flag(f))) return null;
        ReferralYear? year = a.Value("--national-year") is { } y
            ? ReferralYear.TryParse(y, out var parsed) ? parsed : throw new UsageException($"--national-year: '{y}' is not a year (expected 2023 for a calendar year or 2023/24 for a financial year)")
            : null;
        var horizon = Horizon(a);
        if (a.Value("--horizon") is not null && !a.Flag("--forecast") && !a.Flag("--with-forecast"))
            throw new UsageException("--horizon goes with --forecast or --with-forecast");
        return new TrendOptions(year, a.Value("--nrm-area"), a.Flag("--district-trend"), a.Flag("--forecast"), a.Flag("--with-forecast"), horizon);
    }

    public static int Horizon(Arguments a) => a.Value("--horizon") is { } h
        ? int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 8 ? n
            : throw new UsageException($"--horizon: '{h}' is not a number of quarters from 1 to 8")
        : 4;
}
