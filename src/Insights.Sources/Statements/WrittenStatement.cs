namespace Insights.Sources.Statements;

/// <summary>
/// One paragraph of a written statement as its author laid it out: a heading (<see cref="HeadingLevel"/> 1 to 6;
/// 0 for body text), a bullet, or body text. <see cref="Number"/> is the paragraph's place in the file (1-based,
/// counting every non-empty paragraph), so a message can point the author at it.
/// </summary>
public sealed record StatementParagraph(int Number, string Text, int HeadingLevel = 0, bool Bullet = false)
{
    public bool IsHeading => HeadingLevel > 0;
}

/// <summary>A council's written statement (.docx, .md or .txt), as paragraphs of plain text.</summary>
public sealed record WrittenStatement(string File, IReadOnlyList<StatementParagraph> Paragraphs);
