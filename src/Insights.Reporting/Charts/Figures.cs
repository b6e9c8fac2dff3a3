using System.Globalization;
using Insights.Breakdowns;
using Insights.Model;
using Insights.Narrative;
using Plotly.NET;
using static Insights.Charts.AnalysisFunctionTheme;

namespace Insights.Charts;

/// <summary>
/// The report's charts, callable from notebooks so that a notebook and the report draw the same chart from the same
/// code. Inputs are small domain-neutral lists; every percentage shown is either given by the caller (already
/// rounded by <see cref="Share"/>) or computed here through <see cref="Share"/> and <see cref="Change"/>.
/// Called "Figures" because a class named Charts inside the Insights.Charts namespace cannot be reached by that name.
/// </summary>
public static partial class Figures
{
    static Figures() => Install();

    const string SingleHover = "%{customdata}<extra></extra>";

    /// <summary>
    /// Referrals per quarter over the loaded history, the current quarter drawn in the focus colour and labelled.
    /// Hover and table show each quarter's change on the quarter before.
    /// </summary>
    public static ChartFigure ReferralsByQuarter(
        IReadOnlyList<(Quarter Quarter, int Count)> series, Quarter current, string source,
        string title = "Referrals of potential victims to the NRM by quarter", string yAxisTitle = "Referrals")
    {
        if (series.Count == 0) throw new ArgumentException("No quarters to chart.", nameof(series));
        var ordered = series.OrderBy(s => s.Quarter).ToArray();
        if (!ordered.Any(s => s.Quarter == current))
            throw new ArgumentException($"The current quarter {current} is not in the series.", nameof(current));

        var changes = new string[ordered.Length];
        var hover = new string[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            changes[i] = i == 0 || ordered[i - 1].Quarter != ordered[i].Quarter.Previous
                ? "[x]"
                : Wording.Change(new Change(ordered[i].Count, ordered[i - 1].Count, "previous quarter"));
            hover[i] = Wording.Number(ordered[i].Count) + (changes[i] == "[x]" ? "" : $" ({changes[i]} on the previous quarter)");
        }

        var bar = Bar(ordered.Select(s => s.Quarter.ToString()).ToArray(), ordered.Select(s => (int?)s.Count).ToArray(), hover, vertical: true);
        bar.SetProperty("marker", Obj(("color", ordered.Select(s => s.Quarter == current ? Focus : Context).ToArray())));
        bar.SetProperty("name", Escape(yAxisTitle));

        var latest = ordered.Single(s => s.Quarter == current);
        var chart = Build(title, [bar], "Quarter", yAxisTitle, vertical: true);
        // Headroom so the label over the current quarter is not clipped when it is the highest bar.
        ((Dictionary<string, object>)GenericChart.getLayout(chart).GetPropertyValue("yaxis"))["range"] = new[] { 0, (int)(ordered.Max(s => s.Count) * 1.18) + 1 };
        GenericChart.getLayout(chart).SetProperty("annotations", new[]
        {
            // Over the last bar the label is right-aligned to it, so a narrow page does not clip it.
            Obj(("x", Escape(current.ToString())), ("y", latest.Count), ("yanchor", "bottom"), ("showarrow", false),
                ("xanchor", current == ordered[^1].Quarter ? "right" : "center"), ("align", current == ordered[^1].Quarter ? "right" : "center"),
                ("text", $"<b>{current.InWords}</b><br>{Wording.Number(latest.Count)}"), ("font", Obj(("color", Focus)))),
        });

        var rows = ordered.Select((s, i) => (IReadOnlyList<string>)[s.Quarter.InWords, Wording.Number(s.Count), changes[i]]).ToArray();
        var alt = $"Column chart of {yAxisTitle.ToLowerInvariant()} by quarter from {ordered[0].Quarter.InWords} to {ordered[^1].Quarter.InWords}, "
                + $"{current.InWords} highlighted: "
                + string.Join("; ", ordered.Select(s => $"{s.Quarter.InWords} {Wording.Number(s.Count)}")) + ".";
        return new ChartFigure(title, "Quarter", yAxisTitle, source, alt, chart,
            new FigureTable(["Quarter", yAxisTitle, "Change on the previous quarter"], rows, [false, true, true]));
    }

    /// <summary>The shown items in the order given, then the withheld ones in label order, so a bar's place says
    /// nothing of a withheld count.</summary>
    static T[] WithheldLast<T>(IEnumerable<T> items, Func<T, string> label, Func<string, bool> withheld) =>
        [.. items.Where(x => !withheld(label(x))), .. items.Where(x => withheld(label(x))).OrderBy(label, StringComparer.Ordinal)];

    /// <summary>
    /// Counts by category with their shares, as horizontal bars in the order given (first on top).
    /// <paramref name="percentHeader"/> names the denominator, e.g. "Share of the 36 enquiries".
    /// <paramref name="withheld"/>: the labels whose counts the disclosure rule withholds: no bar, "[c]" beside the
    /// label, in the table and the alt text, and none of their values in the chart; they come after the others, in
    /// label order, so a bar's place says nothing of its count. A percentage of "[c]" (its base withheld) is not shown.
    /// </summary>
    public static ChartFigure CategoryCounts(
        string title, IReadOnlyList<(string Label, int Count, string Percent)> rows, string source,
        string countAxisTitle = "Count", string categoryAxisTitle = "", string percentHeader = "Percentage",
        IReadOnlySet<string>? withheld = null)
    {
        if (rows.Count == 0) throw new ArgumentException("No categories to chart.", nameof(rows));
        bool Hidden(string label) => withheld?.Contains(label) == true;
        var ordered = WithheldLast(rows, r => r.Label, Hidden);
        string Shown((string Label, int Count, string Percent) r) => Hidden(r.Label) ? Confidential : WithPercent(Wording.Number(r.Count), r.Percent);
        var labels = ordered.Select(r => r.Label).ToArray();
        var bar = Bar(labels, ordered.Select(r => Hidden(r.Label) ? null : (int?)r.Count).ToArray(), ordered.Select(Shown).ToArray(), vertical: false);
        bar.SetProperty("marker", Obj(("color", Focus)));
        bar.SetProperty("name", Escape(countAxisTitle));
        var chart = Build(title, [bar], countAxisTitle, categoryAxisTitle, vertical: false, categories: labels.Length);
        MarkWithheld(chart, ordered.Where(r => Hidden(r.Label)).Select(r => (r.Label, 0, Confidential)), vertical: false);

        var alt = "Bar chart: " + string.Join(", ", ordered.Select(r => $"{r.Label} {Shown(r)}")) + ".";
        var table = ordered.Select(r => (IReadOnlyList<string>)[r.Label, Hidden(r.Label) ? Confidential : Wording.Number(r.Count), Hidden(r.Label) ? Confidential : r.Percent]).ToArray();
        return new ChartFigure(title, countAxisTitle, categoryAxisTitle, source, alt, chart,
            new FigureTable([categoryAxisTitle.Length > 0 ? categoryAxisTitle : "Category", countAxisTitle, percentHeader], table, [false, true, true]));
    }

    /// <summary>Counts by category where each share is a <see cref="Share"/>; the header names its denominator.
    /// <paramref name="baseWithheld"/>: the denominator is withheld, so every percentage is "[c]".</summary>
    public static ChartFigure CategoryCounts(
        string title, IReadOnlyList<(string Label, Share Share)> rows, string source,
        string countAxisTitle = "Count", string categoryAxisTitle = "", IReadOnlySet<string>? withheld = null, bool baseWithheld = false)
    {
        var label = rows.Count > 0 ? $"Percentage of {Wording.Denominator(rows[0].Share.Base)}" : "Percentage";
        return CategoryCounts(title, rows.Select(r => (r.Label, r.Share.Numerator, baseWithheld ? Confidential : r.Share.Format(1))).ToArray(),
            source, countAxisTitle, categoryAxisTitle, label, withheld);
    }

    /// <summary>
    /// Two-way counts (adults/children by exploitation type; age group by gender) as horizontal bars, one series per
    /// <c>Series</c> value, stacked or grouped. Categories and series keep the order they first appear in; a missing
    /// cell is 0. Each count's percentage is of its category's total. <paramref name="withheld"/> (cells) and
    /// <paramref name="withheldTotals"/> (categories' totals) are those the disclosure rule withholds: "[c]" in the
    /// table and alt text, no segment, "Series [c]" after the category's bar, and a count beside a withheld total
    /// without its percentage.
    /// </summary>
    public static ChartFigure Split(
        string title, IReadOnlyList<(string Category, string Series, int Count)> cells, string source,
        string categoryAxisTitle, string countAxisTitle = "Count", bool stacked = true,
        IReadOnlySet<(string Category, string Series)>? withheld = null, IReadOnlySet<string>? withheldTotals = null)
    {
        if (cells.Count == 0) throw new ArgumentException("No cells to chart.", nameof(cells));
        var categories = cells.Select(c => c.Category).Distinct(StringComparer.Ordinal).ToArray();
        var series = cells.Select(c => c.Series).Distinct(StringComparer.Ordinal).ToArray();
        var count = new int[categories.Length, series.Length];
        foreach (var (cat, ser, n) in cells)
            count[Array.IndexOf(categories, cat), Array.IndexOf(series, ser)] += n;
        var totals = categories.Select((_, i) => Enumerable.Range(0, series.Length).Sum(j => count[i, j])).ToArray();
        bool Hidden(int i, int j) => withheld?.Contains((categories[i], series[j])) == true;
        bool TotalHidden(int i) => withheldTotals?.Contains(categories[i]) == true;
        string Cell(int i, int j) =>
            Hidden(i, j) ? Confidential
            : TotalHidden(i) ? Wording.Number(count[i, j])
            : $"{Wording.Number(count[i, j])} ({Share.Of(count[i, j], totals[i], categories[i]).Format(1)})";

        var palette = series.Length == 2 ? Duo : Categorical;
        var traces = series.Select((s, j) =>
        {
            var bar = Bar(categories, categories.Select((_, i) => Hidden(i, j) ? null : (int?)count[i, j]).ToArray(),
                          categories.Select((_, i) => Cell(i, j)).ToArray(), vertical: false);
            bar.SetProperty("name", Escape(s));
            bar.SetProperty("marker", Obj(("color", palette[j % palette.Length])));
            // In a template "%{…}" is a substitution: a series name holding one is shown as written.
            bar.SetProperty("hovertemplate", $"{Escape(s).Replace("%{", "%\u200b{", StringComparison.Ordinal)}: %{{customdata}}<extra></extra>");
            return bar;
        }).ToArray();
        var chart = Build(title, traces, countAxisTitle, categoryAxisTitle, vertical: false, categories: categories.Length * (stacked ? 1 : series.Length));
        GenericChart.getLayout(chart).SetProperty("barmode", stacked ? "stack" : "group");
        GenericChart.getLayout(chart).SetProperty("showlegend", true);
        // The mark goes where the shown bar ends: after the stack, or after the longest bar of the group.
        MarkWithheld(chart, categories.Select((c, i) => (Category: c, Series: Enumerable.Range(0, series.Length).Where(j => Hidden(i, j)).ToList(), i))
            .Where(x => x.Series.Count > 0)
            .Select(x => (x.Category,
                Enumerable.Range(0, series.Length).Where(j => !Hidden(x.i, j)).Select(j => count[x.i, j]).DefaultIfEmpty(0).Aggregate(0, (a, b) => stacked ? a + b : Math.Max(a, b)),
                string.Join(", ", x.Series.Select(j => $"{series[j]} {Confidential}")))), vertical: false);

        var rows = categories.Select((c, i) =>
            (IReadOnlyList<string>)[c, .. series.Select((_, j) => Cell(i, j)), TotalHidden(i) ? Confidential : Wording.Number(totals[i])]).ToArray();
        var alt = $"{(stacked ? "Stacked" : "Grouped")} bar chart by {(categoryAxisTitle.Length > 0 ? categoryAxisTitle.ToLowerInvariant() : "category")}: "
                + string.Join("; ", categories.Select((c, i) =>
                    $"{c}: " + string.Join(", ", series.Select((s, j) => $"{s} {Cell(i, j)}")))) + ".";
        return new ChartFigure(title, countAxisTitle, categoryAxisTitle, source, alt, chart,
            new FigureTable([categoryAxisTitle.Length > 0 ? categoryAxisTitle : "Category", .. series, "Total"], rows,
                            [false, .. series.Select(_ => true), true]));
    }

    /// <summary>
    /// One district among others (the ten Greater Manchester districts): largest first, the district in the focus
    /// colour and the rest in grey. Percentages are of <paramref name="denominator"/>, which may include enquiries
    /// with no district logged, and <paramref name="denominatorLabel"/> says so. <paramref name="withheld"/>: districts
    /// whose counts the disclosure rule withholds ("[c]", after the others in name order, no value in the chart);
    /// <paramref name="denominatorWithheld"/>: every percentage is "[c]". <paramref name="notLogged"/>: the
    /// enquiries whose district was not logged, a bar of their own after the districts (hatched: not a district), so
    /// that the bars add up to the total the percentages are of; withheld like a district's count.
    /// </summary>
    public static ChartFigure DistrictComparison(
        string title, IReadOnlyList<(string District, int Count)> districts, string highlight,
        int denominator, string denominatorLabel, string source, string countAxisTitle = "Enquiries", string categoryTitle = "District",
        IReadOnlySet<string>? withheld = null, bool denominatorWithheld = false, (int Count, bool Withheld)? notLogged = null)
    {
        if (!districts.Any(d => d.District == highlight))
            throw new ArgumentException($"'{highlight}' is not among the districts.", nameof(highlight));
        var notLoggedLabel = OutputWording.DistrictNotLogged;
        bool Hidden(string district) => district == notLoggedLabel && notLogged is { } n ? n.Withheld : withheld?.Contains(district) == true;
        (string District, int Count)[] ordered = [.. WithheldLast(districts.OrderByDescending(d => d.Count).ThenBy(d => d.District, StringComparer.Ordinal), d => d.District, Hidden),
            .. notLogged is { } nl ? [(notLoggedLabel, nl.Count)] : Array.Empty<(string, int)>()];
        var counts = ordered.Select(d => Hidden(d.District) ? Confidential : Wording.Number(d.Count)).ToArray();
        var shares = ordered.Select(d => Hidden(d.District) || denominatorWithheld ? Confidential : Share.Of(d.Count, denominator, denominatorLabel).Format(1)).ToArray();
        var hover = ordered.Select((d, i) => Hidden(d.District) ? Confidential : WithPercent(counts[i], shares[i])).ToArray();
        var bar = Bar(ordered.Select(d => d.District).ToArray(), ordered.Select(d => Hidden(d.District) ? null : (int?)d.Count).ToArray(), hover, vertical: false);
        bar.SetProperty("marker", notLogged is null
            ? Obj(("color", ordered.Select(d => d.District == highlight ? Focus : Context).ToArray()))
            : Obj(("color", ordered.Select(d => d.District == highlight ? Focus : Context).ToArray()),
                ("pattern", Obj(("shape", ordered.Select((_, i) => i == ordered.Length - 1 ? "/" : "").ToArray())))));
        bar.SetProperty("name", Escape(countAxisTitle));
        var chart = Build(title, [bar], countAxisTitle, categoryTitle, vertical: false, categories: ordered.Length);
        MarkWithheld(chart, ordered.Where(d => Hidden(d.District)).Select(d => (d.District, 0, Confidential)), vertical: false);

        var alt = $"Bar chart of {countAxisTitle.ToLowerInvariant()} by {categoryTitle.ToLowerInvariant()}, {highlight} highlighted: "
                + string.Join(", ", ordered.Select((d, i) => $"{d.District} {hover[i]}")) + ".";
        var rows = ordered.Select((d, i) => (IReadOnlyList<string>)[d.District, counts[i], shares[i]]).ToArray();
        return new ChartFigure(title, countAxisTitle, categoryTitle, source, alt, chart,
            new FigureTable([categoryTitle, countAxisTitle, $"Percentage of {denominatorLabel}"], rows, [false, true, true]));
    }

    /// <summary>A count this year against last year: last year in grey, this year in the focus colour. A count the
    /// disclosure rule withholds (<paramref name="previousWithheld"/>, <paramref name="currentWithheld"/>) has no bar,
    /// "[c]" in its place, and the change is "[c]" too.</summary>
    public static ChartFigure YearOnYear(
        string title, (string Period, int Count) previous, (string Period, int Count) current, string source,
        string countAxisTitle = "Count", bool previousWithheld = false, bool currentWithheld = false)
    {
        var anyWithheld = previousWithheld || currentWithheld;
        var change = anyWithheld ? Confidential : Wording.Change(new Change(current.Count, previous.Count, previous.Period));
        var previousText = previousWithheld ? Confidential : Wording.Number(previous.Count);
        var currentText = currentWithheld ? Confidential : Wording.Number(current.Count);
        var hover = new[] { previousText, anyWithheld ? currentText : $"{currentText} ({change} on {previous.Period})" };
        var bar = Bar([previous.Period, current.Period], [previousWithheld ? null : previous.Count, currentWithheld ? null : current.Count], hover, vertical: true);
        bar.SetProperty("marker", Obj(("color", new[] { Context, Focus })));
        bar.SetProperty("name", Escape(countAxisTitle));
        bar.SetProperty("text", new[] { previousWithheld ? "" : Escape(previousText), currentWithheld ? "" : Escape(currentText) });
        bar.SetProperty("textposition", "outside");
        var chart = Build(title, [bar], "Year", countAxisTitle, vertical: true);
        GenericChart.getLayout(chart).SetProperty("bargap", 0.5);
        MarkWithheld(chart, new[] { (previous.Period, previousWithheld), (current.Period, currentWithheld) }.Where(p => p.Item2).Select(p => (p.Item1, 0, Confidential)), vertical: true);

        var changeInProse = anyWithheld ? "the change is not given"
            : Wording.ChangePhrase(new Change(current.Count, previous.Count, previous.Period)) ?? (previous.Count == 0 ? "no earlier count to compare with" : "a similar number");
        var alt = $"Column chart: {previous.Period} {previousText}; {current.Period} {currentText}, {changeInProse}.";
        return new ChartFigure(title, "Year", countAxisTitle, source, alt, chart,
            new FigureTable(["Year", countAxisTitle, "Change on the previous year"],
                [[previous.Period, previousText, "[x]"], [current.Period, currentText, change]],
                [false, true, true]));
    }

    /// <summary>"[c]": a count the disclosure rule withholds, as the tables print it.</summary>
    const string Confidential = DisclosureWording.Confidential;

    /// <summary>"16 (44.4%)", or "16" when the percentage is withheld.</summary>
    static string WithPercent(string count, string percent) => percent == Confidential ? count : $"{count} ({percent})";

    /// <summary>"[c]" drawn where a withheld bar would be (a category and how far along the count axis), since a bar
    /// with no value draws nothing; no annotation at all when nothing is withheld, so such charts are as before.</summary>
    static void MarkWithheld(GenericChart chart, IEnumerable<(string Category, int At, string Text)> marks, bool vertical)
    {
        var annotations = marks.Select(m => Obj(
            ("x", vertical ? Escape(m.Category) : m.At), ("y", vertical ? m.At : Escape(m.Category)),
            ("xanchor", vertical ? "center" : "left"), ("yanchor", vertical ? "bottom" : "middle"),
            ("showarrow", false), ("text", Escape(m.Text)))).ToArray();
        if (annotations.Length > 0) GenericChart.getLayout(chart).SetProperty("annotations", annotations);
    }

    /// <summary>A bar trace. Category labels (drawn as tick labels and in the unified hover) and hover text are
    /// <see cref="Escape"/>d here, the one place bars get them, since labels come from the inputs.</summary>
    static Trace2D Bar(string[] categories, int?[] counts, string[] hover, bool vertical)
    {
        var bar = new Trace2D("bar");
        bar.SetProperty(vertical ? "x" : "y", categories.Select(Escape).ToArray());
        bar.SetProperty(vertical ? "y" : "x", counts);
        if (!vertical) bar.SetProperty("orientation", "h");
        bar.SetProperty("customdata", hover.Select(Escape).ToArray());
        bar.SetProperty("hovertemplate", SingleHover);
        return bar;
    }

    /// <summary>
    /// Assembles a chart after the theme is installed: title, axis titles, responsive width, a height that gives each
    /// horizontal bar room for its label.
    /// </summary>
    static GenericChart Build(string title, Trace2D[] traces, string xTitle, string yTitle, bool vertical, int categories = 0)
    {
        Install();
        var chart = GenericChart.ofTraceObjects(true, traces.Cast<Trace>().ToArray());
        var layout = GenericChart.getLayout(chart);
        layout.RemoveProperty("width");   // the page sets the width; Plotly.NET's default is a fixed 600px
        layout.SetProperty("height", vertical ? 440 : Math.Max(300, 140 + 34 * categories));
        layout.SetProperty("title", Obj(("text", Escape(title))));
        layout.SetProperty("showlegend", false);
        layout.SetProperty("margin", Obj(("t", 80), ("r", 24), ("b", 60), ("l", 12)));
        // Counts are whole numbers with thousands separators ("4,000"), on whichever axis carries them.
        var countAxis = Obj(("showgrid", true), ("type", "linear"), ("tickformat", ",d"), ("rangemode", "tozero"));
        var categoryAxis = Obj(("showgrid", false), ("type", "category"));
        if (!vertical) categoryAxis["autorange"] = "reversed";   // first category on top, as in the table
        var (x, y) = vertical ? (categoryAxis, countAxis) : (countAxis, categoryAxis);
        x["title"] = Obj(("text", Escape(xTitle)));
        y["title"] = Obj(("text", Escape(yTitle)));
        layout.SetProperty("xaxis", x);
        layout.SetProperty("yaxis", y);
        layout.SetProperty("separators", ".,");
        if (!vertical) layout.SetProperty("hovermode", "y unified");
        var config = GenericChart.getConfig(chart);
        config.SetProperty("displaylogo", false);
        config.SetProperty("responsive", true);
        return chart;
    }

    /// <summary>
    /// Plotly renders titles, tick labels, legend names, hover and annotation text as a subset of HTML (&lt;a href&gt;,
    /// &lt;b&gt;, &lt;br&gt;, &lt;span style&gt;): a nationality written as &lt;a href="javascript:…"&gt; would be a link
    /// on the chart. Every text Plotly draws goes through here, so labels are text, not markup. Only &amp;, &lt; and
    /// &gt; are escaped, because Plotly would print other entities (an apostrophe as &amp;#39;) literally.
    /// </summary>
    internal static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
