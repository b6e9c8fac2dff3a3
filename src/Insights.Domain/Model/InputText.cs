using System.Globalization;
using System.Text;

namespace Insights.Model;

/// <summary>
/// The one folding of text read from an input. Spreadsheets and exports carry invisible differences: a line break
/// typed with Alt+Enter, a no-break space pasted from the web, a zero-width space, a byte-order mark or bidi mark
/// inside a cell, a control character. Left in, they make "Stockport" differ from "Stockport" in a message, break
/// a header match, or reach an output as markup or a terminal escape. Every reader cleans text with
/// <see cref="Clean"/>, and every match compares <see cref="Key"/>s.
/// </summary>
public static class InputText
{
    /// <summary>
    /// The text as a label: control and format characters (zero-width, bidi, soft hyphen, BOM) removed, every run of
    /// whitespace of any Unicode kind (line breaks, tabs, no-break and ideographic spaces) one space, trimmed, NFC.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (IsClean(text)) return text;
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u2028' or '\u2029')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format) continue;
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        var cleaned = sb.ToString();
        return cleaned.IsNormalized(NormalizationForm.FormC) ? cleaned : cleaned.Normalize(NormalizationForm.FormC);
    }

    /// <summary>The form two texts are compared in: <see cref="Clean"/>, compatibility-normalised (full-width
    /// letters, ligatures), lower case. "  Criminal&#160;EXPLOITATION​ " → "criminal exploitation".</summary>
    public static string Key(string? text) => Clean(text).Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>True when the text holds a control character (other than whitespace) or a format character.</summary>
    public static bool HasInvisibleCharacters(string? text) =>
        text is not null && text.Any(c => !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format);

    // The common case (plain ASCII words with single spaces) is returned as it is, without allocating.
    static bool IsClean(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ') return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x7F || c < 0x20) return false;
            if (c == ' ' && text[i + 1] == ' ') return false;
        }
        return true;
    }
}
