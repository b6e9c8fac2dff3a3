using Insights.Breakdowns;
using Insights.Charts;
using Insights.Model;
using Insights.Sources.Nrm;

namespace Insights.Pipeline;

/// <summary>The national context's charts, each with its table, drawn from the same figures as the narrative.</summary>
public static class NationalFigures
{
    public const string Source = "Source: Home Office, National Referral Mechanism statistics";

    public static IReadOnlyList<ChartFigure> Build(NationalContext context, NrmHistory history, bool reconstructed)
    {
        var source = reconstructed ? Source + " (reconstructed sample release)" : Source;
        var release = history.Release(context.Release.Quarter) ?? history.Latest;
        var quarter = context.Quarter.InWords;
        var figures = new List<ChartFigure>();

        var series = release.SeriesQuarters
            .Select(q => (Quarter: q, Total: release.SeriesTotal(q)))
            .Where(s => s.Total is not null)
            .Select(s => (s.Quarter, s.Total!.Value))
            .ToArray();
        if (series.Any(s => s.Quarter == context.Quarter))
            figures.Add(Figures.ReferralsByQuarter(series, context.Quarter, $"{source}, {context.Release.Quarter.InWords} release",
                $"Potential victims referred to the NRM by quarter, to {quarter}"));

        if (context.TopNationalities.Count > 0)
            figures.Add(Figures.CategoryCounts($"Most commonly referred nationalities, {quarter}",
                context.TopNationalities.Select(n => (n.Nationality, n.Share)).ToArray(), source, "Referrals", "Nationality"));

        if (context.ExploitationTypes.Count > 0)
            figures.Add(Figures.Split($"Referrals by exploitation type and age at exploitation, {quarter}",
                context.ExploitationTypes.SelectMany(ByAge).ToArray(), source, "Exploitation type", "Referrals"));
        return figures;
    }

    // The narrative's shares are of all referrals of a type, age unknown included, so the chart shows that group too.
    static IEnumerable<(string, string, int)> ByAge(ExploitationAgeSplit split)
    {
        yield return (split.ExploitationType.Label, "Adult", split.Adults.Numerator);
        yield return (split.ExploitationType.Label, "Child", split.Children.Numerator);
        var unknown = split.Total - split.Adults.Numerator - split.Children.Numerator;
        if (unknown > 0) yield return (split.ExploitationType.Label, "Age not specified", unknown);
    }
}
