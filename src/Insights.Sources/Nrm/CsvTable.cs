using System.Text;

namespace Insights.Sources.Nrm;

/// <summary>
/// A comma-separated file read into rows of fields (RFC 4180 quoting: a quoted field may hold commas, quotes
/// doubled, line breaks). Small and strict: an unclosed quote is an error naming the line.
/// </summary>
public static class CsvTable
{
    public static IReadOnlyList<IReadOnlyList<string>> Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path, Encoding.UTF8); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(new SourceLocation(path), $"cannot read the file: {e.Message}", e);
        }
        return Parse(text, path);
    }

    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text, string pathForMessages)
    {
        var rows = new List<IReadOnlyList<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var quoteLine = 0;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; quoteLine = line; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    row.Add(field.ToString()); field.Clear();
                    rows.Add(row); row = [];
                    line++;
                    break;
                default: field.Append(ch); break;
            }
        }
        if (quoted) throw new InputException(new SourceLocation(pathForMessages, Row: quoteLine), "a quoted field is never closed");
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        // Blank lines are kept (readers skip them) so that row numbers in messages match the file.
        return rows;
    }
}
