using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Insights.Sources.Statements;

/// <summary>
/// Reads a written statement into plain paragraphs: Word (.docx; headings from the Heading 1-6 styles or an outline
/// level, bullets from list numbering or a list style), Markdown (.md; <c>#</c> headings, <c>-</c>/<c>*</c>
/// bullets, links and emphasis reduced to their text) or plain text (.txt; one paragraph a line, lines starting
/// "-", "•" or "*" are bullets). Only the words are kept: what the statement says, not how it looks.
/// </summary>
public static class StatementReader
{
    public const string Formats = ".docx, .md or .txt";

    public static WrittenStatement Read(string path)
    {
        if (!File.Exists(path)) throw new InputException(new SourceLocation(path), "file not found");
        var paragraphs = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".docx" => FromWord(path),
            ".md" or ".markdown" => FromMarkdown(File.ReadAllText(path)),
            ".txt" or ".text" => FromText(File.ReadAllText(path)),
            _ => throw new InputException(new SourceLocation(path), $"not a statement this can read (expected {Formats})"),
        };
        return new WrittenStatement(path, Numbered(paragraphs));
    }

    /// <summary>Markdown text as paragraphs: a paragraph is a run of lines up to a blank line, a heading or a bullet.</summary>
    public static IReadOnlyList<StatementParagraph> FromMarkdown(string markdown)
    {
        var result = new List<StatementParagraph>();
        var current = new StringBuilder();
        var bullet = false;
        void Flush()
        {
            if (current.Length > 0) result.Add(new StatementParagraph(0, MarkdownToText(current.ToString()), Bullet: bullet));
            current.Clear();
            bullet = false;
        }
        foreach (var raw in Lines(markdown))
        {
            var line = raw.Trim();
            if (line.Length == 0) { Flush(); continue; }
            if (Regex.Match(line, @"^(#{1,6})\s+(.*?)\s*#*$") is { Success: true } heading)
            {
                Flush();
                result.Add(new StatementParagraph(0, MarkdownToText(heading.Groups[2].Value), heading.Groups[1].Length));
                continue;
            }
            // A quoted line ("> ...") keeps its words: an author's note left in is still text to read.
            line = Regex.Replace(line, @"^(>\s*)+", "");
            if (Regex.Match(line, @"^([-*+•]|\d+[.)])\s+(.*)$") is { Success: true } item)
            {
                Flush();
                bullet = true;
                current.Append(item.Groups[2].Value);
                continue;
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(line);
        }
        Flush();
        return result;
    }

    /// <summary>Plain text as paragraphs: one a line; a line starting with a bullet character is a bullet.</summary>
    public static IReadOnlyList<StatementParagraph> FromText(string text) =>
    [
        .. Lines(text).Select(l => l.Trim()).Where(l => l.Length > 0).Select(l =>
            Regex.Match(l, @"^[-•*·▪]\s*(.*)$") is { Success: true } item
                ? new StatementParagraph(0, item.Groups[1].Value, Bullet: true)
                : new StatementParagraph(0, l)),
    ];

    static IReadOnlyList<StatementParagraph> FromWord(string path)
    {
        try
        {
            using var doc = WordprocessingDocument.Open(path, false);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new InputException(new SourceLocation(path), "the document has no body");
            var styles = doc.MainDocumentPart!.StyleDefinitionsPart?.Styles;
            var result = new List<StatementParagraph>();
            foreach (var p in body.Descendants<Paragraph>())
            {
                var text = string.Concat(p.Descendants().Select(e => e switch
                {
                    Text t => t.Text,
                    TabChar => " ",
                    Break or CarriageReturn => " ",
                    _ => "",
                })).Trim();
                if (text.Length == 0) continue;
                var props = p.ParagraphProperties;
                var styleId = props?.ParagraphStyleId?.Val?.Value;
                var style = styleId is null ? null : styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
                var level = HeadingLevel(styleId, style?.StyleName?.Val?.Value, props?.OutlineLevel?.Val?.Value ?? style?.StyleParagraphProperties?.OutlineLevel?.Val?.Value);
                var bullet = level == 0 && (props?.NumberingProperties is not null || style?.StyleParagraphProperties?.NumberingProperties is not null
                    || (styleId ?? "").StartsWith("List", StringComparison.OrdinalIgnoreCase));
                result.Add(new StatementParagraph(0, text, level, bullet));
            }
            return result;
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException)
        {
            throw new InputException(new SourceLocation(path), "not a Word document that can be opened (expected a .docx saved by Word or LibreOffice)", e);
        }
    }

    /// <summary>"Heading2" or "heading 2" styles, or an outline level (0-based in Word's XML), make a heading.</summary>
    static int HeadingLevel(string? styleId, string? styleName, int? outlineLevel)
    {
        foreach (var name in new[] { styleId, styleName })
            if (name is not null && Regex.Match(name, @"^heading\s*([1-6])$", RegexOptions.IgnoreCase) is { Success: true } m)
                return m.Groups[1].Value[0] - '0';
        if (string.Equals(styleId, "Title", StringComparison.OrdinalIgnoreCase)) return 1;
        return outlineLevel is >= 0 and < 6 ? outlineLevel.Value + 1 : 0;
    }

    /// <summary>Links to their text, emphasis and escapes removed: "[NRM \(x\)](url)" → "NRM (x)".</summary>
    static string MarkdownToText(string markdown)
    {
        var text = Regex.Replace(markdown, @"!?\[((?:\\.|[^\]])*)\]\([^)]*\)", "$1");
        text = Regex.Replace(text, @"<[^>]+>", "");
        text = Regex.Replace(text, @"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))", "");
        text = Regex.Replace(text, @"\\([\\`*_{}\[\]()#+\-.!|>])", "$1");
        return Regex.Replace(text, @"\s+", " ").Trim();
    }

    static IEnumerable<string> Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    static List<StatementParagraph> Numbered(IReadOnlyList<StatementParagraph> paragraphs) =>
        [.. paragraphs.Select((p, i) => p with { Number = i + 1 })];
}
