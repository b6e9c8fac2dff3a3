using Insights.Breakdowns;
using Insights.Narrative;

namespace Insights.Notebooks;

/// <summary>
/// How the library's own types look in a notebook. Every <see cref="FormatterRegistry"/> starts with these (after
/// the built-ins, so they win): add a line here when a module's result deserves better than its record ToString().
/// </summary>
internal static class LibraryFormatters
{
    public static void Register(FormatterRegistry registry)
    {
        // The facts table the author checks the text against: one row per figure, numerator and denominator shown.
        registry.Register<FactSheet>((sheet, context) => registry.Format(sheet.Facts, context));
        // A share always names its denominator: "44.4% (16 of 36 district enquiries)".
        registry.Register<Share>((share, _) => new FormattedValue(
            $"{share.Format(1)} ({Wording.Number(share.Numerator)} of {Wording.Number(share.Denominator)} {share.DenominatorLabel})"));
        // A chart shows as in the report: the chart, its source line and the table of the same numbers.
        registry.Register<Insights.Charts.ChartFigure>((figure, context) => new FormattedValue(
            figure.AltText, figure.ToHtml(context.ElementId("chart")), System.Text.Json.Nodes.JsonNode.Parse(figure.Json)));
    }
}
