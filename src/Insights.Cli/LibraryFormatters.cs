using Insights.Breakdowns;
using Insights.Narrative;

namespace Insights.Notebooks;

/// <summary>
/// How the library's own types look in a notebook. Every <see cref="FormatterRegistry"/> starts with these (after
/// the built-ins, so they win): add a line here when a module's result deserves better than its record ToString().
/// </summary>
public static class LibraryFormatters
{
    public static void Register(FormatterRegistry registry)
    {
        // The facts table the author checks the text against: one row per figure, numerator and denominator shown,
        // every row (a section has tens of figures, and a figure left out of the table cannot be checked).
        registry.Register<IEnumerable<Fact>>((facts, _) => FactsTable(registry, facts));
        registry.Register<FactSheet>((sheet, _) => FactsTable(registry, sheet.Facts));
        // A share always names its denominator: "44.4% (16 of 36 district enquiries)".
        registry.Register<Share>((share, _) => new FormattedValue(
            $"{share.Format(1)} ({Wording.Number(share.Numerator)} of {Wording.Number(share.Denominator)} {Wording.Denominator(share.Base)})"));
        // A chart shows as in the report: the chart, its source line and the table of the same numbers.
        registry.Register<Insights.Charts.ChartFigure>((figure, context) => new FormattedValue(
            figure.AltText, figure.ToHtml(context.ElementId("chart")), System.Text.Json.Nodes.JsonNode.Parse(figure.Json)));
    }

    /// <summary>A fact as the author reads it: the full-precision value and the rounding rule (the same for every
    /// percentage) stay in facts.json, so the table fits a page.</summary>
    sealed record FactRow(string Id, string Printed, string Description, string Numerator, string Denominator, string Filter, string Source)
    {
        public static FactRow From(Fact f) => new(f.Id, f.Printed, f.Description,
            f.Numerator is { } n ? Wording.Number(n) : "",
            f.Denominator is { } d ? $"{Wording.Number(d)} {f.DenominatorLabel}".TrimEnd() : "",
            f.Filter ?? "", f.Source ?? "");
    }

    static FormattedValue FactsTable(FormatterRegistry registry, IEnumerable<Fact> facts) =>
        registry.RecordTable(facts.Select(FactRow.From).ToList(), typeof(FactRow), maxRows: int.MaxValue);
}
