using System.Text;
using System.Text.RegularExpressions;

namespace Insights.Narrative;

/// <summary>
/// A value placed into the section's Markdown is text, never markup: a nationality written as
/// <c>[x](javascript:…)</c> or <c>![x](https://…)</c> must not become a link or a remote image, a <c>|</c> must not
/// split a table cell, <c>*</c> must not start emphasis and a leading <c>#</c> must not make a heading. Only the
/// templates make links (and <see cref="Outputs.SafeLinks"/> keeps only http(s) ones).
/// </summary>
public static partial class MarkdownText
{
    /// <summary>Backslash-escapes the characters CommonMark could read as markup. "[f]" stays "[f]": a bracket
    /// pair without "(", "[" or ":" after it is not a link, so the printed markers are unchanged.</summary>
    public static string Escape(string text)
    {
        if (text.Length == 0 || !NeedsEscape().IsMatch(text)) return text;
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var escape = c switch
            {
                '\\' or '`' or '*' or '_' or '<' or '|' or '~' => true,
                // Every link, image and reference definition needs a "]" followed by "(", "[" or ":".
                ']' => next is '(' or '[' or ':',
                '&' => Entity().IsMatch(text[i..]),
                '>' or '#' => i == 0,
                '-' or '+' or '=' => i == 0 && (next == ' ' || next == '\0'),
                _ => false,
            };
            if (escape) sb.Append('\\');
            sb.Append(c);
        }
        var escaped = sb.ToString();
        // "1. Foo" at the start of a value placed at a line's start would begin a numbered list.
        return OrderedListStart().Replace(escaped, m => m.Groups[1].Value + "\\" + m.Groups[2].Value, 1);
    }

    [GeneratedRegex(@"[\\`*_<>|~\]&#+=\-]|^\d+[.)]")]
    private static partial Regex NeedsEscape();

    [GeneratedRegex(@"^&(#\d+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex Entity();

    [GeneratedRegex(@"^(\d+)([.)])(?= |$)")]
    private static partial Regex OrderedListStart();
}
