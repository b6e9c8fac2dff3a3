using System.Globalization;
using System.Text;

namespace Insights.Checking;

/// <summary>The check's words: one line per figure, claim or article, then a summary (what <c>insights check</c> prints).</summary>
public static class CheckReport
{
    public static string Status(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.Wrong => "wrong",
        CheckStatus.NotFound => "not found",
        _ => "cannot be checked",
    };

    public static string Text(StatementCheckResult result)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{Path.GetFileName(result.File)}: \"{StatementCheck.SectionTitle}\", paragraphs {result.FirstParagraph} to {result.LastParagraph} of the file\n");
        var rows = result.Lines.Select(l => new[]
        {
            Status(l.Status) + (l.Subject == CheckSubject.Grammar ? " (article)" : ""),
            $"{l.Section} ¶{l.Paragraph.ToString(CultureInfo.InvariantCulture)}",
            l.Subject == CheckSubject.Claim ? "claim" : l.Written,
            l.Computed ?? "-",
            l.Subject == CheckSubject.Claim ? $"\"{l.Written}\": {l.Note}" : l.FactId is null ? l.Note ?? "" : l.Note is null ? l.FactId : $"{l.FactId}: {l.Note}",
        }).Prepend(["verdict", "where", "as written", "as computed", "fact (facts.json id) or note"]).ToList();
        // Columns as wide as their longest entry, so the file reads as a table in any fixed-width font.
        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length) + 2).ToArray();
        foreach (var row in rows)
            sb.Append(string.Concat(row.Take(4).Select((cell, c) => cell.PadRight(widths[c])))).Append(row[4]).Append('\n');
        sb.Append(Summary(result)).Append('\n');
        return sb.ToString();
    }

    public static string Summary(StatementCheckResult r)
    {
        var figures = r.Lines.Count(l => l.Subject == CheckSubject.Figure);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{figures} figure{(figures == 1 ? "" : "s")}: {r.Count(CheckStatus.Ok)} ok, {r.Count(CheckStatus.Wrong)} wrong, {r.Count(CheckStatus.NotFound)} not found, {r.Count(CheckStatus.CannotBeChecked)} cannot be checked");
        var articles = r.Count(CheckStatus.Wrong, CheckSubject.Grammar);
        var claims = r.Count(CheckStatus.CannotBeChecked, CheckSubject.Claim);
        if (articles > 0) summary += string.Create(CultureInfo.InvariantCulture, $"; {articles} wrong article{(articles == 1 ? "" : "s")} before a figure");
        if (claims > 0) summary += string.Create(CultureInfo.InvariantCulture, $"; {claims} claim{(claims == 1 ? "" : "s")} without a figure for the author to stand behind");
        return summary + (r.HasErrors ? " (exit 1)" : "");
    }
}
