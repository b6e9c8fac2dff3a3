using System.Net;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Insights.Outputs;

/// <summary>
/// The section as HTML from the same Markdown as the Word document, so there is one source of the wording.
/// </summary>
public static class HtmlSection
{
    // Raw HTML is off: category names come from the inputs, and "<img onerror=…>" in a nationality must print as text.
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>Small readable CSS shared by the section page and the report; no web fonts, nothing fetched.</summary>
    public const string Css = """
        body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; line-height: 1.5; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
        h1, h2, h3 { color: #12436D; line-height: 1.25; }
        table { border-collapse: collapse; margin: 0.75rem 0 1.5rem; }
        th, td { border: 1px solid #BFBFBF; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #F2F2F2; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        blockquote { background: #FFF2CC; border-left: 6px solid #F46A25; margin: 1rem 0; padding: 0.25rem 1rem; font-style: italic; }
        a { color: #1d70b8; }
        """;

    /// <summary>The HTML body fragment for the Markdown ("\n" line endings).</summary>
    /// <remarks>Only http(s) links are kept as links, and images as their words: the page is read offline, and a remote
    /// image would be fetched when it opens (a tracking pixel). Input values are escaped before they reach the
    /// Markdown (<see cref="Narrative.MarkdownText"/>); this is the second line, for the templates.</remarks>
    public static string Fragment(string markdown)
    {
        var document = Markdown.Parse(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
            if (link.IsImage || !IsWebLink(link.Url))
            {
                var words = new StringBuilder();
                foreach (var literal in link.Descendants<LiteralInline>()) words.Append(literal.Content.ToString());
                link.ReplaceBy(new LiteralInline(words.ToString()));
            }
        foreach (var auto in document.Descendants<AutolinkInline>().ToList())
            if (!IsWebLink(auto.Url)) auto.ReplaceBy(new LiteralInline(auto.Url));
        return document.ToHtml(Pipeline).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    /// <summary>A standalone UTF-8 page (current-trends.html): British English, inline CSS, no external references.</summary>
    public static string Page(string title, string markdown) =>
        $"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)}</title>
        <style>
        {Css}
        </style>
        </head>
        <body>
        <main>
        {Fragment(markdown)}</main>
        </body>
        </html>

        """;
}
