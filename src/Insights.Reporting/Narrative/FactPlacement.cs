using System.Text.RegularExpressions;
using Insights.Sources.Statements;

namespace Insights.Narrative;

/// <summary>A paragraph of a text with the heading it sits under: <see cref="Number"/> counts the paragraphs and
/// bullets under that heading from 1 (headings themselves are not counted).</summary>
public sealed record SectionParagraph(string Section, int Number, string Text);

/// <summary>A figure of the generated text, where it is printed and the fact it prints (null: no fact prints it).</summary>
public sealed record PrintedFigure(SectionParagraph Paragraph, TextFigure Figure, Fact? Fact);

/// <summary>
/// Where each fact is printed in the generated section. The narratives give a template formatted values, so the
/// template, not the code, decides where a value goes; this finds it back in the rendered text:
/// <list type="number">
/// <item>each paragraph's figures (<see cref="TextFigure.Find"/>) are compared with every fact's printed text;</item>
/// <item>of the facts that print the same text ("34" may be two facts), the one whose description and filter share
/// the most words with the paragraph (<see cref="TextWords"/>) is taken ("34 of these 36 cases" of "age and gender
/// were known" is <c>district.age-and-gender-known</c>, not <c>district.nationality-known</c>);</item>
/// <item>on a tie, the first fact not yet placed, in the order the narratives added them (the order they write
/// them: "Eritrean (11%) and Vietnamese (11%)"), else the one placed last (a repeat: "These 36").</item>
/// </list>
/// A figure no fact prints has a null <see cref="PrintedFigure.Fact"/>. A share in words ("around two-thirds",
/// <see cref="FigureKind.Fraction"/>) is the fact whose description says it is printed in those words.
/// </summary>
public static class FactPlacement
{
    public static IReadOnlyList<PrintedFigure> Locate(string markdown, IReadOnlyList<Fact> facts)
    {
        var placed = new List<PrintedFigure>();
        var placedFacts = new HashSet<string>(StringComparer.Ordinal);
        var order = facts.Select((f, i) => (f, i)).ToDictionary(x => x.f.Id, x => x.i, StringComparer.Ordinal);
        var words = facts.ToDictionary(f => f.Id, f => TextWords.Of($"{f.Description} {f.Filter}"), StringComparer.Ordinal);
        var lastPlaced = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paragraph in Paragraphs(markdown))
        {
            if (IsAuthorNote(paragraph.Text) || DisclosureWording.IsSectionNote(paragraph.Text)) continue;
            var paragraphWords = TextWords.Of(paragraph.Text);
            foreach (var figure in TextFigure.Find(paragraph.Text))
            {
                var candidates = facts.Where(f => figure.Kind == FigureKind.Fraction
                    ? string.Equals(InWords(f), figure.Normalised, StringComparison.OrdinalIgnoreCase)
                    : string.Equals(f.Printed, figure.Normalised, StringComparison.OrdinalIgnoreCase)).ToList();
                var fact = candidates
                    .OrderByDescending(f => words[f.Id].Count(paragraphWords.Contains))
                    .ThenBy(f => placedFacts.Contains(f.Id) ? 1 : 0)
                    .ThenBy(f => placedFacts.Contains(f.Id) ? -lastPlaced[f.Id] : order[f.Id])
                    .FirstOrDefault();
                if (fact is not null)
                {
                    placedFacts.Add(fact.Id);
                    lastPlaced[fact.Id] = placed.Count;
                }
                placed.Add(new PrintedFigure(paragraph, figure, fact));
            }
        }
        return placed;
    }

    /// <summary>
    /// Every paragraph each fact is printed in: where its figure is (<see cref="Locate"/>), or, for a fact printed
    /// in words (its description says <c>in the text: "around two-thirds"</c>), where those words are.
    /// </summary>
    public static ILookup<string, SectionParagraph> Where(string markdown, IReadOnlyList<Fact> facts)
    {
        var paragraphs = Paragraphs(markdown).Where(p => !IsAuthorNote(p.Text)).ToList();
        var inWords = facts.Select(f => (f.Id, Words: InWords(f))).Where(x => x.Words is not null)
            .SelectMany(x => paragraphs.Where(p => p.Text.Contains(x.Words!, StringComparison.Ordinal)).Select(p => (x.Id, Paragraph: p)));
        return Locate(markdown, facts).Where(p => p.Fact is not null).Select(p => (p.Fact!.Id, p.Paragraph)).Concat(inWords)
            .Distinct().ToLookup(x => x.Id, x => x.Paragraph, StringComparer.Ordinal);
    }

    /// <summary>The words a fact is printed in, where its description says so (<c>in the text: "around two-thirds"</c>).</summary>
    static string? InWords(Fact fact) => Regex.Match(fact.Description, "in the text: \"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The paragraphs of a Markdown text, each under its nearest heading ("" before the first).</summary>
    public static IReadOnlyList<SectionParagraph> Paragraphs(string markdown) => Sectioned(StatementReader.FromMarkdown(markdown));

    /// <summary>Paragraphs numbered under their nearest heading.</summary>
    public static IReadOnlyList<SectionParagraph> Sectioned(IEnumerable<StatementParagraph> paragraphs)
    {
        var result = new List<SectionParagraph>();
        var section = "";
        var number = 0;
        foreach (var p in paragraphs)
        {
            if (p.IsHeading) { section = p.Text; number = 0; continue; }
            result.Add(new SectionParagraph(section, ++number, p.Text));
        }
        return result;
    }

    /// <summary>"[Author: ...]": a judgement the data cannot make, left to the author (the templates' notes).</summary>
    public static bool IsAuthorNote(string paragraph) => paragraph.StartsWith("[Author:", StringComparison.Ordinal);
}

/// <summary>
/// The words a paragraph or a fact's description is matched on: lower case, letters only, a plural "s" dropped
/// ("males" is "male"), and without the small words every sentence has.
/// </summary>
public static class TextWords
{
    static readonly HashSet<string> Small = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "by", "as", "at", "is", "are", "was", "were", "be",
        "this", "these", "that", "those", "it", "its", "with", "from", "which", "than", "there", "their", "all",
    };

    public static HashSet<string> Of(string text) => [.. Sequence(text).Where(w => !Small.Contains(w))];

    /// <summary>Every word, in order, small words included (for phrase matching).</summary>
    public static IReadOnlyList<string> Sequence(string text) =>
        [.. Regex.Matches(text.ToLowerInvariant(), @"[\p{L}]+").Select(m => Stem(m.Value))];

    static string Stem(string word) => word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
}
