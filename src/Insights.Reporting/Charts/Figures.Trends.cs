using Insights.Model;
using Insights.Narrative;
using Plotly.NET;
using static Insights.Charts.AnalysisFunctionTheme;

namespace Insights.Charts;

/// <summary>One forecast quarter for a chart: the point and its 80% and 95% prediction intervals.</summary>
public readonly record struct ForecastBand(Quarter Quarter, double Value, double Lower80, double Upper80, double Lower95, double Upper95);

public static partial class Figures
{
    /// <summary>The mark of a forecast value wherever one is shown (tables, hover, alt text, prose).</summary>
    public const string ForecastMark = ForecastNarrative.Mark;

    /// <summary>A forecast value as shown: whole referrals, rounded once, then "[f]".</summary>
    public static string Forecast(double value) => ForecastNarrative.Format(value);

    /// <summary>
    /// <see cref="Split"/> for many series (exploitation types over years): the legend gets room above the plot so
    /// it never runs into the title, and series past the six-colour palette get greys instead of repeating a colour.
    /// Withheld cells and totals as in <see cref="Split"/>.
    /// </summary>
    public static ChartFigure ManySeriesSplit(
        string title, IReadOnlyList<(string Category, string Series, int Count)> cells, string source, string categoryAxisTitle, string countAxisTitle,
        IReadOnlyList<string>? colourOrder = null,
        IReadOnlySet<(string Category, string Series)>? withheld = null, IReadOnlySet<string>? withheldTotals = null)
    {
        var figure = Split(title, cells, source, categoryAxisTitle, countAxisTitle, withheld: withheld, withheldTotals: withheldTotals);
        string[] palette = [.. Categorical, "#BFBFBF", "#6F777B", "#DEE0E2"];
        // A series keeps its colour across charts when the caller gives one order for all of them.
        var names = cells.Select(c => c.Series).Distinct(StringComparer.Ordinal).ToList();
        var order = colourOrder ?? names;
        var traces = GenericChart.getTraces(figure.Chart).ToList();
        for (var i = 0; i < traces.Count; i++)
        {
            var at = order.ToList().IndexOf(names[i]);
            traces[i].SetProperty("marker", Obj(("color", palette[(at < 0 ? i : at) % palette.Length])));
        }
        var rows = (traces.Count + 2) / 3;   // the horizontal legend holds about three names a row at this width
        var layout = GenericChart.getLayout(figure.Chart);
        layout.SetProperty("margin", Obj(("t", 80 + 24 * rows), ("r", 24), ("b", 60), ("l", 12)));
        // Split's own height gives each bar room for its label; the legend rows come on top of it.
        var categories = cells.Select(c => c.Category).Distinct(StringComparer.Ordinal).Count();
        layout.SetProperty("height", Math.Max(300, 140 + 34 * categories) + 24 * rows);
        return figure;
    }

    /// <summary>
    /// The observed quarterly series as a line, then the forecast as a dashed line with its 95% and 80% prediction
    /// bands. Every forecast value carries <see cref="ForecastMark"/> in the hover, the table and the alt text.
    /// </summary>
    public static ChartFigure ForecastChart(
        string title, IReadOnlyList<(Quarter Quarter, int Count)> observed, IReadOnlyList<ForecastBand> forecast, string method,
        string source, string countAxisTitle = "Referrals")
    {
        if (observed.Count == 0 || forecast.Count == 0) throw new ArgumentException("Nothing to chart.", nameof(forecast));
        var x = observed.Select(o => o.Quarter.ToString()).ToArray();
        var fx = forecast.Select(f => f.Quarter.ToString()).ToArray();
        // The forecast line starts from the last observed quarter so the two lines join.
        var joinX = new[] { x[^1] }.Concat(fx).ToArray();
        double Last() => observed[^1].Count;

        Trace2D Scatter(string name, string[] xs, double[] ys, string mode) { var t = new Trace2D("scatter"); t.SetProperty("x", xs.Select(Escape).ToArray()); t.SetProperty("y", ys); t.SetProperty("name", Escape(name)); t.SetProperty("mode", mode); return t; }
        var observedLine = Scatter(countAxisTitle, x, observed.Select(o => (double)o.Count).ToArray(), "lines+markers");
        observedLine.SetProperty("line", Obj(("color", Focus), ("width", 2)));
        observedLine.SetProperty("marker", Obj(("color", Focus), ("size", 5)));
        observedLine.SetProperty("hovertemplate", "%{y:,d}<extra></extra>");

        var traces = new List<Trace2D> { observedLine };
        foreach (var (name, lower, upper, colour) in new[]
                 {
                     ("95% prediction interval", forecast.Select(f => f.Lower95).ToArray(), forecast.Select(f => f.Upper95).ToArray(), "rgba(244,106,37,0.18)"),
                     ("80% prediction interval", forecast.Select(f => f.Lower80).ToArray(), forecast.Select(f => f.Upper80).ToArray(), "rgba(244,106,37,0.35)"),
                 })
        {
            var lo = Scatter(name + " (lower)", joinX, [Last(), .. lower], "lines");
            lo.SetProperty("line", Obj(("width", 0), ("color", colour)));
            lo.SetProperty("showlegend", false);
            lo.SetProperty("hoverinfo", "skip");
            var hi = Scatter(name, joinX, [Last(), .. upper], "lines");
            hi.SetProperty("fill", "tonexty");
            hi.SetProperty("fillcolor", colour);
            hi.SetProperty("line", Obj(("width", 0), ("color", colour)));
            hi.SetProperty("hoverinfo", "skip");
            traces.Add(lo);
            traces.Add(hi);
        }
        var hover = forecast.Select(f => $"{Forecast(f.Value)} (80%: {Forecast(f.Lower80)} to {Forecast(f.Upper80)}; 95%: {Forecast(f.Lower95)} to {Forecast(f.Upper95)})").ToArray();
        var forecastLine = Scatter($"Forecast {ForecastMark} ({method})", joinX, [Last(), .. forecast.Select(f => f.Value)], "lines+markers");
        forecastLine.SetProperty("line", Obj(("color", Duo[1]), ("width", 2), ("dash", "dash")));
        forecastLine.SetProperty("marker", Obj(("color", Duo[1]), ("size", 5)));
        forecastLine.SetProperty("customdata", new[] { Wording.Number(observed[^1].Count) }.Concat(hover).Select(Escape).ToArray());
        forecastLine.SetProperty("hovertemplate", "%{customdata}<extra></extra>");
        traces.Add(forecastLine);

        var chart = Build(title, [.. traces], "Quarter", countAxisTitle, vertical: true);
        GenericChart.getLayout(chart).SetProperty("showlegend", true);

        IReadOnlyList<string> ObservedRow((Quarter Quarter, int Count) o) => [o.Quarter.InWords, Wording.Number(o.Count), "", "", "", ""];
        IReadOnlyList<string> ForecastRow(ForecastBand f) => [f.Quarter.InWords, Forecast(f.Value), Forecast(f.Lower80), Forecast(f.Upper80), Forecast(f.Lower95), Forecast(f.Upper95)];
        var rows = observed.Select(ObservedRow).Concat(forecast.Select(ForecastRow)).ToArray();
        var alt = $"Line chart of {countAxisTitle.ToLowerInvariant()} by quarter from {observed[0].Quarter.InWords} to {observed[^1].Quarter.InWords}, "
                + $"then a forecast {ForecastMark} by {method} with 80% and 95% prediction intervals: "
                + string.Join("; ", forecast.Select((f, i) => $"{f.Quarter.InWords} {hover[i]}")) + ".";
        return new ChartFigure(title, "Quarter", countAxisTitle, source, alt, chart,
            new FigureTable(["Quarter", countAxisTitle, "80% lower", "80% upper", "95% lower", "95% upper"], rows, [false, true, true, true, true, true]));
    }
}
