using System.Globalization;
using Insights.Breakdowns;

namespace Insights.Narrative;

/// <summary>
/// The forecast sentence (template <c>national-forecast.sbn</c>), printed only when asked (<c>--with-forecast</c>),
/// and its facts. Every value carries "[f]". Property names are what the template uses.
/// </summary>
public sealed record ForecastNarrative(
    string MethodInWords,
    string Mase,
    string Origins,
    string Period,
    string Value,
    string Lower80,
    string Upper80,
    string Lower95,
    string Upper95,
    IReadOnlyList<Fact> Facts)
{
    public const string TemplateName = "national-forecast";
    public const string Mark = "[f]";

    public string Render(TemplateLibrary templates) => templates.Render(TemplateName, this);

    /// <summary>"5,812 [f]": whole referrals, rounded once from full precision, marked as a forecast.</summary>
    public static string Format(double value) => $"{Wording.Number((int)Rounding.HalfAwayFromZero((decimal)value, 0))} {Mark}";

    /// <summary>"the seasonal-naive method (each quarter as the same quarter a year earlier)".</summary>
    public static string MethodWords(string method) => method switch
    {
        "seasonal-naive" => "the seasonal-naive method (each quarter as the same quarter a year earlier)",
        "drift" => "the drift method (the straight line from the first quarter to the last, continued)",
        "regression" => "a Poisson regression on trend and quarter of year (ML.NET)",
        _ => $"the {method} method",
    };

    /// <param name="quarter">The first forecast quarter, in words ("July to September 2025").</param>
    public static ForecastNarrative Build(string method, double mase, int origins, string quarter, string quarterId,
        double value, double lower80, double upper80, double lower95, double upper95, string source)
    {
        var printed = Format(value);
        var facts = new List<Fact>
        {
            new($"forecast.referrals-{quarterId}", printed, $"forecast of referrals to the NRM in {quarter} by {method} (not an official statistic)",
                (decimal)value, Rounding: $"whole referrals, {Rounding.RuleName}",
                Filter: $"80% prediction interval {Format(lower80)} to {Format(upper80)}; 95% {Format(lower95)} to {Format(upper95)}", Source: source),
        };
        return new ForecastNarrative(MethodWords(method), Rounding.HalfAwayFromZero((decimal)mase, 2).ToString("0.00", CultureInfo.InvariantCulture),
            origins.ToString(CultureInfo.InvariantCulture), quarter, printed, Format(lower80), Format(upper80), Format(lower95), Format(upper95), facts);
    }
}
