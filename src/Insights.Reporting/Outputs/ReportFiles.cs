using Insights.Charts;
using Insights.Word;

namespace Insights.Outputs;

/// <summary>
/// Writes the reader-facing files from one Markdown section (one source of the wording) into a staged output folder:
/// current-trends.md, current-trends.docx, current-trends.html and report.html.
/// </summary>
public static class ReportFiles
{
    public const string Markdown = "current-trends.md";
    public const string Word = "current-trends.docx";
    public const string Html = "current-trends.html";
    public const string Report = "report.html";

    /// <summary>Writes the four files; returns their names relative to the output folder, in writing order.</summary>
    /// <param name="reportAppendix">Markdown for report.html only, after the section (e.g. the forecast's back-test); null: none.</param>
    /// <param name="stages">Records each file's time when given (<see cref="StageTimes"/>).</param>
    public static IReadOnlyList<string> Write(StagedOutput output, string title, string sectionMarkdown, IReadOnlyList<ChartFigure> figures,
        string? reportAppendix = null, StageTimes? stages = null)
    {
        var markdown = sectionMarkdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        output.WriteText(Markdown, markdown);
        stages.Time(Word, () => output.WriteBytes(Word, SectionDocument.FromMarkdown(markdown)));
        stages.Time(Html, () => output.WriteText(Html, HtmlSection.Page(title, markdown)));
        var report = reportAppendix is null ? markdown : markdown.TrimEnd('\n') + "\n\n" + reportAppendix.Replace("\r\n", "\n", StringComparison.Ordinal);
        stages.Time(Report, () => output.WriteText(Report, Outputs.Report.Render(title, report, figures)));
        return [Markdown, Word, Html, Report];
    }
}
