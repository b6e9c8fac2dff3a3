using System.Globalization;
using System.Text;

namespace Insights.Cli;

/// <summary>
/// Everything <c>insights</c> prints goes through this writer (<see cref="InsightsCommand"/> wraps stdout and
/// stderr once), because a message may quote what came from an input: a file or sheet name, a category, an
/// exception's text. A terminal runs escape sequences (ESC [ … to recolour, move the cursor or clear the screen;
/// OSC ESC ] … to retitle the window or make a hidden link) and a lone carriage return overwrites the line before
/// it, so an input could hide or forge a message. Written here: no escape sequence, no C0 or C1 control character
/// but tab and line feed (and CR only as the CR LF of a line end), no bidi override.
/// </summary>
public sealed class TerminalWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <summary>The same writer for one already wrapped, so the text is filtered once.</summary>
    public static TextWriter Wrap(TextWriter writer) => writer as TerminalWriter ?? new TerminalWriter(writer);

    public override void Write(char value)
    {
        if (Printable(value)) inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (value is not null) inner.Write(Strip(value));
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine() => inner.WriteLine();

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void Flush() => inner.Flush();

    /// <summary>The text as a terminal may show it: escape sequences whole (CSI and OSC with their parameters, so no
    /// "[31m" is left), other control and bidi-control characters removed; tab, LF and CR LF kept.</summary>
    public static string Strip(string text)
    {
        if (text.All(c => Printable(c) && c != '\u001b')) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\u001b' && i + 1 < text.Length && text[i + 1] == '[') i = SkipCsi(text, i + 2);
            else if (c == '\u009b') i = SkipCsi(text, i + 1);
            else if (c == '\u001b' && i + 1 < text.Length && text[i + 1] == ']') i = SkipOsc(text, i + 2);
            else if (c == '\u009d') i = SkipOsc(text, i + 1);
            else if (c == '\u001b') i++; // ESC and the one character of a two-character sequence (ESC c resets the terminal)
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') sb.Append(c);
            else if (Printable(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    // CSI: parameter and intermediate bytes (0x20–0x3F), then one final byte (0x40–0x7E). Returns the last index consumed.
    static int SkipCsi(string text, int i)
    {
        while (i < text.Length && text[i] is >= ' ' and <= '?') i++;
        return i < text.Length && text[i] is >= '@' and <= '~' ? i : i - 1;
    }

    // OSC: anything up to BEL or ST (ESC \ or U+009C).
    static int SkipOsc(string text, int i)
    {
        for (; i < text.Length; i++)
        {
            if (text[i] is '\u0007' or '\u009c') return i;
            if (text[i] == '\u001b' && i + 1 < text.Length && text[i + 1] == '\\') return i + 1;
        }
        return i;
    }

    static bool Printable(char c) =>
        c is '\t' or '\n' ||
        (char.GetUnicodeCategory(c) != UnicodeCategory.Control && c is not (>= '\u202a' and <= '\u202e') and not (>= '\u2066' and <= '\u2069'));
}
