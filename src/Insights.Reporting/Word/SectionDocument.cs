using System.Globalization;
using Insights.Outputs;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using MdRow = Markdig.Extensions.Tables.TableRow;
using MdCell = Markdig.Extensions.Tables.TableCell;
using TableColumnAlign = Markdig.Extensions.Tables.TableColumnAlign;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdTable = Markdig.Extensions.Tables.Table;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace Insights.Word;

/// <summary>
/// The section as a Word document the statement author pastes into the council's template: headings, paragraphs,
/// real Word lists (a numbering part, not typed bullets), tables with a header row, and block quotes
/// ("[Author: ...]" placeholders) shaded so nobody publishes them by mistake.
/// </summary>
public static class SectionDocument
{
    /// <summary>Style ids the document defines; the author's template maps its own styles onto these names.</summary>
    public const string AuthorNoteStyle = "AuthorNote";

    // Raw HTML is off, as in HtmlSection: markup-like text from the inputs stays text in the document.
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>
    /// Converts Markdown to a .docx. Deterministic: the same Markdown gives the same bytes (fixed relationship ids,
    /// no document properties, zip entries re-packed in a stable order with a fixed timestamp).
    /// </summary>
    public static byte[] FromMarkdown(string markdown)
    {
        var ast = Markdown.Parse(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), Pipeline);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            doc.ChangeIdOfPart(main, "rIdDocument");   // the package would otherwise invent a random relationship id
            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Styles = SectionStyles.Create();
            var numberingPart = main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering");

            var writer = new BodyWriter(main);
            foreach (var block in ast) writer.Block(block, listLevel: -1, numId: 0);
            var body = new Body(writer.Elements);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },   // A4
                new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 708U, Footer = 708U, Gutter = 0U }));
            main.Document = new Document(body);
            numberingPart.Numbering = writer.Numbering();
        }
        return StablePackage.Repack(stream.ToArray());
    }


    /// <summary>Walks Markdig's blocks and builds the body; keeps the list instances it needs for the numbering part.</summary>
    sealed class BodyWriter(MainDocumentPart main)
    {
        public const int BulletAbstract = 1;
        public const int DecimalAbstract = 2;
        public const int BulletNum = 1;

        public List<OpenXmlElement> Elements { get; } = [];
        readonly List<(int NumId, int Start)> _orderedLists = [];
        int _hyperlinks;
        bool _inQuote;

        public void Block(Block block, int listLevel, int numId)
        {
            switch (block)
            {
                case HeadingBlock h:
                    Elements.Add(Paragraph("Heading" + Math.Clamp(h.Level, 1, 3).ToString(CultureInfo.InvariantCulture), h.Inline));
                    break;
                case ParagraphBlock p when listLevel >= 0:
                    Elements.Add(Paragraph("ListParagraph", p.Inline, new NumberingProperties(
                        new NumberingLevelReference { Val = listLevel }, new NumberingId { Val = numId })));
                    break;
                case ParagraphBlock p:
                    Elements.Add(Paragraph(_inQuote ? AuthorNoteStyle : null, p.Inline));
                    break;
                case ListBlock list:
                    var id = BulletNum;
                    if (list.IsOrdered)
                    {
                        id = 2 + _orderedLists.Count;
                        var start = int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1;
                        _orderedLists.Add((id, start));
                    }
                    // A nested list inside an item goes one level deeper; Word's abstract lists define three levels.
                    var itemLevel = Math.Min(listLevel + 1, 2);
                    foreach (var child in list)
                        if (child is ListItemBlock li)
                            foreach (var inner in li) Block(inner, itemLevel, id);
                    break;
                case QuoteBlock q:
                    var was = _inQuote;
                    _inQuote = true;
                    foreach (var inner in q) Block(inner, listLevel, numId);
                    _inQuote = was;
                    break;
                case MdTable t:
                    Elements.Add(Table(t));
                    Elements.Add(new Paragraph());   // Word merges adjacent tables; a paragraph keeps them apart
                    break;
                case ThematicBreakBlock:
                    break;
                case LeafBlock leaf:   // code blocks, HTML: kept as plain text rather than dropped
                    Elements.Add(new Paragraph(new ParagraphProperties(), new Run(new Text(leaf.Lines.ToString()) { Space = SpaceProcessingModeValues.Preserve })));
                    break;
                case ContainerBlock c:
                    foreach (var inner in c) Block(inner, listLevel, numId);
                    break;
            }
        }

        Paragraph Paragraph(string? styleId, ContainerInline? inline, NumberingProperties? numbering = null)
        {
            var props = new ParagraphProperties();
            if (styleId is not null) props.Append(new ParagraphStyleId { Val = styleId });
            if (numbering is not null) props.Append(numbering);
            var p = new Paragraph(props);
            if (inline is not null) Inlines(p, inline, bold: false, italic: false);
            return p;
        }

        void Inlines(OpenXmlElement parent, ContainerInline container, bool bold, bool italic)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline lit:
                        parent.Append(Run(lit.Content.ToString(), bold, italic));
                        break;
                    case CodeInline code:
                        parent.Append(Run(code.Content, bold, italic));
                        break;
                    case LineBreakInline br:
                        parent.Append(br.IsHard ? new Run(new Break()) : Run(" ", bold, italic));
                        break;
                    case EmphasisInline em:
                        var strong = em.DelimiterCount >= 2;
                        Inlines(parent, em, bold || strong, italic || !strong);
                        break;
                    case LinkInline link when !link.IsImage && IsAbsolute(link.Url):
                        var relId = "rIdLink" + (++_hyperlinks).ToString(CultureInfo.InvariantCulture);
                        main.AddHyperlinkRelationship(new Uri(link.Url!, UriKind.Absolute), true, relId);
                        var h = new Hyperlink { Id = relId, History = OnOffValue.FromBoolean(true) };
                        Inlines(h, link, bold, italic);
                        foreach (var r in h.Elements<Run>())
                            r.RunProperties!.InsertAt(new RunStyle { Val = "Hyperlink" }, 0);
                        parent.Append(h);
                        break;
                    case LinkInline link:   // relative or empty links (the statement's "(#)") keep their words only
                        Inlines(parent, link, bold, italic);
                        break;
                    case AutolinkInline auto:
                        parent.Append(Run(auto.Url, bold, italic));
                        break;
                    case HtmlEntityInline entity:
                        parent.Append(Run(entity.Transcoded.ToString(), bold, italic));
                        break;
                    case ContainerInline c:
                        Inlines(parent, c, bold, italic);
                        break;
                }
            }
        }

        static bool IsAbsolute(string? url) =>
            url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

        static Run Run(string text, bool bold, bool italic)
        {
            var props = new RunProperties();
            if (bold) props.Append(new Bold());
            if (italic) props.Append(new Italic());
            return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        }

        WTable Table(MdTable t)
        {
            var rows = t.OfType<MdRow>().ToList();
            var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
            var table = new WTable(new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableLook { Val = "04A0" }));
            var grid = new TableGrid();
            for (var i = 0; i < columns; i++) grid.Append(new GridColumn { Width = (9026 / Math.Max(columns, 1)).ToString(CultureInfo.InvariantCulture) });
            table.Append(grid);
            foreach (var row in rows)
            {
                var tr = new TableRow();
                if (row.IsHeader) tr.Append(new TableRowProperties(new TableHeader()));
                for (var i = 0; i < columns; i++)
                {
                    var p = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }));
                    if (i < row.Count && row[i] is MdCell cell)
                    {
                        var align = i < t.ColumnDefinitions.Count ? t.ColumnDefinitions[i].Alignment : null;
                        if (align == TableColumnAlign.Right) p.ParagraphProperties!.Append(new Justification { Val = JustificationValues.Right });
                        else if (align == TableColumnAlign.Center) p.ParagraphProperties!.Append(new Justification { Val = JustificationValues.Center });
                        foreach (var inner in cell.OfType<ParagraphBlock>())
                            if (inner.Inline is not null) Inlines(p, inner.Inline, bold: row.IsHeader, italic: false);
                    }
                    tr.Append(new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Auto, Width = "0" }), p));
                }
                table.Append(tr);
            }
            return table;
        }

        public Numbering Numbering()
        {
            var numbering = new Numbering(
                AbstractList(BulletAbstract, NumberFormatValues.Bullet, ["\u2022", "\u2013", "\u2022"]),
                AbstractList(DecimalAbstract, NumberFormatValues.Decimal, ["%1.", "%2.", "%3."]));
            numbering.Append(new NumberingInstance(new AbstractNumId { Val = BulletAbstract }) { NumberID = BulletNum });
            foreach (var (numId, start) in _orderedLists)
                numbering.Append(new NumberingInstance(
                    new AbstractNumId { Val = DecimalAbstract },
                    new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = 0 }) { NumberID = numId });
            return numbering;
        }

        static AbstractNum AbstractList(int id, NumberFormatValues format, string[] texts)
        {
            var abs = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
            for (var level = 0; level < texts.Length; level++)
            {
                var indent = 720 * (level + 1);
                abs.Append(new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = format },
                    new LevelText { Val = texts[level] },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = indent.ToString(CultureInfo.InvariantCulture), Hanging = "360" })) { LevelIndex = level });
            }
            return abs;
        }
    }
}
