using System.Net;
using System.Text;
using Plotly.NET;

namespace Insights.Charts;

/// <summary>
/// The numbers behind a chart as a plain table: a chart is never the only way to read a figure.
/// <see cref="Numeric"/> marks the columns to right-align.
/// </summary>
public sealed record FigureTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> Numeric);

/// <summary>
/// One chart with everything a reader needs besides the picture: title, axis titles, source line, alt text made from
/// the same figures as the table, and the table itself. Named ChartFigure because Plotly.NET has its own Figure.
/// </summary>
public sealed record ChartFigure(
    string Title,
    string XAxisTitle,
    string YAxisTitle,
    string Source,
    string AltText,
    GenericChart Chart,
    FigureTable Table)
{
    /// <summary>Deterministic element id from the title ("chart-nrm-referrals-by-quarter"), never a GUID.</summary>
    public string Id => Slug(Title);

    /// <summary>Plotly's {data, layout, config} for this chart.</summary>
    public string Json => GenericChart.toJson(Chart);

    /// <summary>
    /// The chart as an HTML fragment: a &lt;figure&gt; with the chart div (role="img", aria-label = alt text), the
    /// script that draws it (plotly.js must already be on the page), a caption with the source, and the table.
    /// </summary>
    public string ToHtml(string? id = null)
    {
        id ??= Id;
        var sb = new StringBuilder();
        sb.Append("<figure class=\"chart\" aria-label=\"").Append(WebUtility.HtmlEncode(Title)).Append("\">\n");
        sb.Append("<div id=\"").Append(id).Append("\" class=\"plotly-chart\" role=\"img\" aria-label=\"")
          .Append(WebUtility.HtmlEncode(AltText)).Append("\"></div>\n");
        sb.Append("<script>(function () { var f = ").Append(ScriptSafe(Json))
          .Append("; Plotly.newPlot(\"").Append(id).Append("\", f.data, f.layout, f.config); })();</script>\n");
        // The title is drawn in the chart and captions the table; the caption carries the source line.
        sb.Append("<figcaption class=\"source\">").Append(WebUtility.HtmlEncode(Source)).Append("</figcaption>\n");
        sb.Append(TableHtml());
        sb.Append("</figure>\n");
        return sb.ToString();
    }

    /// <summary>The table as HTML, captioned with the chart's title.</summary>
    public string TableHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<table class=\"figure-table\">\n<caption>").Append(WebUtility.HtmlEncode(Title)).Append("</caption>\n<thead><tr>");
        for (var i = 0; i < Table.Header.Count; i++)
            sb.Append("<th scope=\"col\"").Append(NumberClass(i)).Append('>').Append(WebUtility.HtmlEncode(Table.Header[i])).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in Table.Rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = i == 0 ? "th scope=\"row\"" : "td";
                sb.Append('<').Append(cell).Append(NumberClass(i)).Append('>').Append(WebUtility.HtmlEncode(row[i]))
                  .Append("</").Append(i == 0 ? "th" : "td").Append('>');
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        return sb.ToString();
    }

    /// <summary>
    /// The table as a Markdown pipe table (numbers right-aligned), so the section can carry the same narrative table
    /// into Word and HTML.
    /// </summary>
    public string TableMarkdown()
    {
        static string Cell(string text) => Narrative.MarkdownText.Escape(text);
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", Table.Header.Select(Cell)).Append(" |\n|");
        for (var i = 0; i < Table.Header.Count; i++)
            sb.Append(i < Table.Numeric.Count && Table.Numeric[i] ? "--:|" : "---|");
        sb.Append('\n');
        foreach (var row in Table.Rows)
            sb.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        return sb.ToString();
    }

    string NumberClass(int column) => column < Table.Numeric.Count && Table.Numeric[column] ? " class=\"number\"" : "";

    /// <summary>"</script>" inside a label must not end the script element.</summary>
    static string ScriptSafe(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal);

    public static string Slug(string title) => ("chart-" + Narrative.Wording.Slug(title)).TrimEnd('-');
}
