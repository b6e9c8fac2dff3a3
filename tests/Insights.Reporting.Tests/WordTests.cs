using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Insights.Word;

namespace Insights.Tests;

public class WordTests
{
    // A cut-down section in the shape the narrative templates produce: every construct the converter handles.
    internal const string Section = """
        # Current trends relating to modern slavery

        ## National context

        In **April to June 2025**, the [Home Office National Referral Mechanism (NRM)](https://www.gov.uk/government/collections/national-referral-mechanism-statistics) received 5,690 referrals. *Within these:*

        - The most commonly-referred nationalities were UK (23%), Eritrean (11%) and Vietnamese (11%).
        - Where age was known, 70% were adults.
          - a nested point

        ## Stockport context

        1. Criminal exploitation (16; 44.4% of the 36).
        2. Labour exploitation (9; 25.0%).

        | Exploitation type | Enquiries | Share of the 36 |
        |---|--:|--:|
        | Criminal exploitation | 16 | 44.4% |
        | Labour exploitation | 9 | 25.0% |

        > [Author: add the local narrative about county lines here.]

        3. A second numbered list restarts at its own number.
        """;

    static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    [Fact]
    public void Docx_passes_the_Open_XML_validator_with_no_errors()
    {
        using var doc = Open(SectionDocument.FromMarkdown(Section));
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Headings_and_paragraphs_read_back_with_their_styles()
    {
        using var doc = Open(SectionDocument.FromMarkdown(Section));
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        Assert.Equal(("Heading1", "Current trends relating to modern slavery"), (Style(paragraphs[0]), paragraphs[0].InnerText));
        Assert.Equal(("Heading2", "National context"), (Style(paragraphs[1]), paragraphs[1].InnerText));
        // The link keeps its words; emphasis does not split or lose text.
        Assert.Equal("In April to June 2025, the Home Office National Referral Mechanism (NRM) received 5,690 referrals. Within these:",
            paragraphs[2].InnerText);
        Assert.Contains(paragraphs[2].Descendants<Run>(), r => r.InnerText == "April to June 2025" && r.RunProperties?.Bold is not null);
        Assert.Single(paragraphs[2].Descendants<Hyperlink>());
    }

    [Fact]
    public void List_items_are_real_Word_list_paragraphs_with_numbering()
    {
        var bytes = SectionDocument.FromMarkdown(Section);
        using var doc = Open(bytes);
        var listed = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.NumberingProperties is not null)
            .Select(p => (Text: p.InnerText,
                          Level: p.ParagraphProperties!.NumberingProperties!.NumberingLevelReference!.Val!.Value,
                          NumId: p.ParagraphProperties.NumberingProperties.NumberingId!.Val!.Value,
                          Style: Style(p)))
            .ToList();
        Assert.Equal(6, listed.Count);
        Assert.All(listed, l => Assert.Equal("ListParagraph", l.Style));
        Assert.Equal(("a nested point", 1), (listed[2].Text, listed[2].Level));
        // Bullets and numbers point at different abstract lists; the numbering part really defines them.
        var numbering = doc.MainDocumentPart.NumberingDefinitionsPart!.Numbering!;
        string FormatOf(int numId)
        {
            var abs = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == numId).AbstractNumId!.Val!.Value;
            return numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == abs)
                .Elements<Level>().First().NumberingFormat!.Val!.ToString()!;
        }
        Assert.Equal("bullet", FormatOf(listed[0].NumId));
        Assert.Equal("decimal", FormatOf(listed[3].NumId));
        Assert.Equal("Criminal exploitation (16; 44.4% of the 36).", listed[3].Text);
        // The list after the table is a new list instance starting at 3, not a continuation.
        Assert.NotEqual(listed[3].NumId, listed[5].NumId);
        var restart = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == listed[5].NumId)
            .GetFirstChild<LevelOverride>()!.StartOverrideNumberingValue!.Val!.Value;
        Assert.Equal(3, restart);
    }

    [Fact]
    public void Pipe_table_becomes_a_Word_table_with_a_header_row()
    {
        using var doc = Open(SectionDocument.FromMarkdown(Section));
        var table = Assert.Single(doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>());
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.Equal(["Exploitation type", "Enquiries", "Share of the 36"], rows[0]);
        Assert.Equal(["Criminal exploitation", "16", "44.4%"], rows[1]);
        Assert.Equal(["Labour exploitation", "9", "25.0%"], rows[2]);
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal("TableGrid", table.GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value);
    }

    [Fact]
    public void Author_placeholder_in_a_block_quote_is_styled_as_an_author_note()
    {
        using var doc = Open(SectionDocument.FromMarkdown(Section));
        var note = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("[Author:", StringComparison.Ordinal));
        Assert.Equal(SectionDocument.AuthorNoteStyle, Style(note));
        var style = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>()
            .Single(s => s.StyleId == SectionDocument.AuthorNoteStyle);
        Assert.Equal("FFF2CC", style.StyleParagraphProperties!.Shading!.Fill!.Value);
    }

    [Fact]
    public void Styles_part_defines_the_Word_names_and_British_English()
    {
        using var doc = Open(SectionDocument.FromMarkdown(Section));
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var ids = styles.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>().Select(s => s.StyleId!.Value).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Normal", "Heading1", "Heading2", "Heading3", "ListParagraph", "TableGrid" }, ids);
        Assert.Equal("en-GB", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!.Val!.Value);
    }

    [Fact]
    public void Two_conversions_give_identical_bytes()
    {
        // The zip container stamps entries with the time and Packaging invents relationship ids: both would break this.
        var first = SectionDocument.FromMarkdown(Section);
        Thread.Sleep(2100);   // DOS timestamps have a two-second resolution
        var second = SectionDocument.FromMarkdown(Section);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Statement_link_to_hash_keeps_its_words_without_a_broken_hyperlink()
    {
        // The 2025/26 statement's source text links the NRM to "#": a hyperlink to nowhere would fail in Word.
        using var doc = Open(SectionDocument.FromMarkdown(@"[Home Office National Referral Mechanism \(NRM\)](#) received 5,690 referrals."));
        var p = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().First();
        Assert.Equal("Home Office National Referral Mechanism (NRM) received 5,690 referrals.", p.InnerText);
        Assert.Empty(p.Descendants<Hyperlink>());
        Assert.Empty(doc.MainDocumentPart.HyperlinkRelationships);
    }

    [Fact]
    public void Soft_line_breaks_join_into_one_paragraph()
    {
        // Templates wrap long sentences over several lines; Word must not get a line break mid-sentence.
        using var doc = Open(SectionDocument.FromMarkdown("Recorded incidence is\nrelatively low."));
        var p = Assert.Single(doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>());
        Assert.Equal("Recorded incidence is relatively low.", p.InnerText);
        Assert.Empty(p.Descendants<Break>());
    }

    static string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
}
