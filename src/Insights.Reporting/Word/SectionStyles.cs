using DocumentFormat.OpenXml.Wordprocessing;

namespace Insights.Word;

/// <summary>
/// The styles the section uses, named as Word names its built-in styles (Normal, Heading 1-3, List Paragraph,
/// Table Grid) so that pasting into the council's template picks up the template's own look. British English.
/// </summary>
static class SectionStyles
{
    const string Font = "Arial";

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "24" },
                new FontSizeComplexScript { Val = "24" },
                new Languages { Val = "en-GB", EastAsia = "en-GB", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "160", Line = "259", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        Heading(1, "32", "240"),
        Heading(2, "28", "200"),
        Heading(3, "24", "160"),
        new Style(
            new StyleName { Val = "List Paragraph" },
            new BasedOn { Val = "Normal" },
            new UIPriority { Val = 34 },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new SpacingBetweenLines { After = "80" },
                new Indentation { Left = "720" },
                new ContextualSpacing())) { Type = StyleValues.Paragraph, StyleId = "ListParagraph" },
        // "[Author: ...]" placeholders: shaded and bordered so an unfinished sentence cannot pass unnoticed.
        new Style(
            new StyleName { Val = "Author Note" },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new ParagraphBorders(new LeftBorder { Val = BorderValues.Single, Size = 24U, Space = 4U, Color = "F46A25" }),
                new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "FFF2CC" },
                new Indentation { Left = "284" }),
            new StyleRunProperties(new Italic())) { Type = StyleValues.Paragraph, StyleId = SectionDocument.AuthorNoteStyle },
        new Style(
            new StyleName { Val = "Hyperlink" },
            new UIPriority { Val = 99 },
            new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single })) { Type = StyleValues.Character, StyleId = "Hyperlink" },
        new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa }))) { Type = StyleValues.Table, StyleId = "TableNormal", Default = true },
        new Style(
            new StyleName { Val = "Table Grid" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 39 },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new RightBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" }))) { Type = StyleValues.Table, StyleId = "TableGrid" });

    static Style Heading(int level, string size, string before) => new(
        new StyleName { Val = "heading " + level },
        new BasedOn { Val = "Normal" },
        new NextParagraphStyle { Val = "Normal" },
        new UIPriority { Val = 9 },
        new PrimaryStyle(),
        new StyleParagraphProperties(
            new KeepNext(),
            new KeepLines(),
            new SpacingBetweenLines { Before = before, After = "120" },
            new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(
            new Bold(),
            new Color { Val = "12436D" },
            new FontSize { Val = size },
            new FontSizeComplexScript { Val = size })) { Type = StyleValues.Paragraph, StyleId = "Heading" + level };
}
