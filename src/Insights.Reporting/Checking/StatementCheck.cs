using System.Globalization;
using System.Text.RegularExpressions;
using Insights.Breakdowns;
using Insights.Narrative;
using Insights.Sources.Statements;

namespace Insights.Checking;

/// <summary>ok: the written figure is the computed one (at the written precision); wrong: it is not; not found: no
/// computed figure says the same thing; cannot be checked: a claim the data cannot support or refute.</summary>
public enum CheckStatus { Ok, Wrong, NotFound, CannotBeChecked }

/// <summary>What a line of the check is about: a figure, a claim without a figure, or the article before a figure.</summary>
public enum CheckSubject { Figure, Claim, Grammar }

/// <summary>One line of the check: where in the statement, as written, as computed (with its fact), and the verdict.</summary>
public sealed record CheckedFigure(
    CheckSubject Subject,
    string Section,
    int Paragraph,
    string Written,
    string? Computed,
    CheckStatus Status,
    string? FactId = null,
    string? Note = null);

/// <summary>The check of one statement: its lines in the order of the statement.</summary>
public sealed record StatementCheckResult(string File, int FirstParagraph, int LastParagraph, IReadOnlyList<CheckedFigure> Lines)
{
    public int Count(CheckStatus status, CheckSubject subject = CheckSubject.Figure) => Lines.Count(l => l.Subject == subject && l.Status == status);

    /// <summary>A wrong figure or a wrong article: what makes <c>insights check</c> exit 1.</summary>
    public bool HasErrors => Lines.Any(l => l.Status == CheckStatus.Wrong);
}

/// <summary>
/// Checks the figures of a written "Current trends relating to modern slavery" section against the section the
/// product writes from the same inputs and options, and so against that run's facts (facts.json). How a written
/// figure finds its fact (docs/check.md):
/// <list type="number">
/// <item>The written section runs from its heading to the next heading of the same or a higher level; in a plain
/// text file, to the next line that reads as a heading (short, no full stop) other than the generated section's
/// own sub-headings ("National context", "Stockport context") or a line ending "context".</item>
/// <item>A written sentence that contains a phrase quoted in one of the templates' author notes ("since the NRM
/// began", "county lines", ...) is a claim the data cannot make: it and its figures cannot be checked.</item>
/// <item>Every other written paragraph is paired with the generated paragraph that shares the most words with it
/// (<see cref="TextWords"/>, Jaccard index at least <see cref="MinimumSimilarity"/>, a paragraph under a heading
/// of the same name preferred); a paragraph with no partner has its figures "not found".</item>
/// <item>Within a pair, written and generated figures are matched in order, a count with a count, a percentage
/// with a percentage and a change with a change (the longest such matching; equal values and equal neighbouring
/// words break ties). The generated figure's fact is found by <see cref="FactPlacement"/>.</item>
/// <item>A count must equal the fact; a percentage or change must equal the fact's full-precision value rounded
/// (<see cref="Rounding"/>) to the decimals written, and a change must go the same way.</item>
/// </list>
/// An "[Author: ...]" note left in the statement is listed as a claim for the author. Separately, every "a"/"an" written before a figure is checked against how the number is read aloud
/// (<see cref="Wording.Article"/>: "an 8%", "a 32%").
/// </summary>
public static class StatementCheck
{
    public const string SectionTitle = "Current trends relating to modern slavery";
    public const double MinimumSimilarity = 0.3;

    public static StatementCheckResult Run(WrittenStatement statement, string generatedMarkdown, IReadOnlyList<Fact> facts)
    {
        var generatedParagraphs = FactPlacement.Paragraphs(generatedMarkdown);
        var subheadings = StatementReader.FromMarkdown(generatedMarkdown).Where(p => p.IsHeading).Select(p => Key(p.Text)).ToHashSet(StringComparer.Ordinal);
        var section = Section(statement, subheadings);
        var printed = FactPlacement.Locate(generatedMarkdown, facts);
        var claims = generatedParagraphs.Where(p => FactPlacement.IsAuthorNote(p.Text))
            .SelectMany(p => QuotedPhrases(p.Text).Select(q => (Phrase: q, Reason: AuthorNoteText(p.Text)))).ToList();
        var targets = generatedParagraphs.Where(p => !FactPlacement.IsAuthorNote(p.Text))
            .Select(p => (Paragraph: p, Words: TextWords.Of(p.Text), Figures: printed.Where(f => f.Paragraph == p).ToList())).ToList();

        var lines = new List<CheckedFigure>();
        foreach (var paragraph in FactPlacement.Sectioned(section))
        {
            // The disclosure rule's note says what "fewer than 5" and [c] mean; it states no figure.
            if (DisclosureWording.IsSectionNote(paragraph.Text)) continue;
            if (FactPlacement.IsAuthorNote(paragraph.Text))
            {
                lines.Add(new CheckedFigure(CheckSubject.Claim, paragraph.Section, paragraph.Number, Excerpt(paragraph.Text), null, CheckStatus.CannotBeChecked,
                    Note: "an author's note of the generated section is still in the text: write the sentence it asks for"));
                continue;
            }
            var checkable = new List<string>();
            foreach (var sentence in Sentences(paragraph.Text))
            {
                foreach (var f in TextFigure.Find(sentence)) Grammar(paragraph, f, lines);
                var claim = claims.FirstOrDefault(c => ContainsPhrase(sentence, c.Phrase));
                if (claim.Phrase is null) { checkable.Add(sentence); continue; }
                var figures = TextFigure.Find(sentence);
                var note = $"a claim the tables cannot support (\"{claim.Phrase}\"): {claim.Reason}";
                if (figures.Count == 0)
                    lines.Add(new CheckedFigure(CheckSubject.Claim, paragraph.Section, paragraph.Number, Excerpt(sentence), null, CheckStatus.CannotBeChecked, Note: note));
                lines.AddRange(figures.Select(f => new CheckedFigure(CheckSubject.Figure, paragraph.Section, paragraph.Number, f.Text, null, CheckStatus.CannotBeChecked, Note: note)));
            }
            var text = string.Join(" ", checkable);
            var written = TextFigure.Find(text);
            if (written.Count == 0) continue;
            var words = TextWords.Of(text);
            var partner = targets
                .Select(t => (t.Figures, Score: Jaccard(words, t.Words) + (Key(t.Paragraph.Section) == Key(paragraph.Section) ? 0.05 : 0)))
                .Where(t => t.Score >= MinimumSimilarity)
                .OrderByDescending(t => t.Score).FirstOrDefault();
            var pairs = partner.Figures is null ? [] : Match(text, written, partner.Figures);
            foreach (var w in written)
            {
                var g = pairs.GetValueOrDefault(w);
                lines.Add(g is null
                    ? new CheckedFigure(CheckSubject.Figure, paragraph.Section, paragraph.Number, w.Text, null, CheckStatus.NotFound,
                        Note: partner.Figures is null ? "no paragraph of the computed section says this" : "the matching computed paragraph has no such figure")
                    : Compare(paragraph, w, g));
            }
        }
        var numbers = section.Select(p => p.Number).DefaultIfEmpty(0).ToList();
        return new StatementCheckResult(statement.File, numbers.Min(), numbers.Max(), lines);
    }

    static CheckedFigure Compare(SectionParagraph paragraph, TextFigure written, PrintedFigure generated)
    {
        if (generated.Fact is not { } fact)
            return new CheckedFigure(CheckSubject.Figure, paragraph.Section, paragraph.Number, written.Text, generated.Figure.Text, CheckStatus.CannotBeChecked,
                Note: "no fact stands behind the computed figure");
        var value = fact.Value ?? generated.Figure.Number;
        var of = fact.Numerator is { } n && fact.Denominator is { } d ? string.Create(CultureInfo.InvariantCulture, $" ({Wording.Number(n)} of {Wording.Number(d)})") : "";
        if (written.IsConfidential)
            return new CheckedFigure(CheckSubject.Figure, paragraph.Section, paragraph.Number, written.Text, fact.Printed + of,
                fact.Suppression is not null ? CheckStatus.Ok : CheckStatus.CannotBeChecked, fact.Id,
                fact.Suppression is not null ? null : "withheld in the statement, printed by this run: give check the --suppress-below the statement was written with");
        var ok = written.Kind switch
        {
            // "fewer than 5" is true of any count under 5, whether or not this run withholds it.
            FigureKind.Withheld => value < written.Number,
            FigureKind.Count => written.Number == value,
            FigureKind.Change => written.Direction == generated.Figure.Direction && written.Number == Rounding.HalfAwayFromZero(Math.Abs(value), written.Decimals),
            FigureKind.Fraction => FractionHolds(written, value),
            _ => written.Number == Rounding.HalfAwayFromZero(value, written.Decimals),
        };
        return new CheckedFigure(CheckSubject.Figure, paragraph.Section, paragraph.Number, written.Text, fact.Printed + of,
            ok ? CheckStatus.Ok : CheckStatus.Wrong, fact.Id);
    }

    static void Grammar(SectionParagraph paragraph, TextFigure figure, List<CheckedFigure> lines)
    {
        if (figure.Article is not { } article) return;
        var expected = Wording.Article((long)Math.Truncate(figure.Number));
        if (string.Equals(article, expected, StringComparison.OrdinalIgnoreCase)) return;
        lines.Add(new CheckedFigure(CheckSubject.Grammar, paragraph.Section, paragraph.Number, $"{article} {figure.Text}", $"{expected} {figure.Text}",
            CheckStatus.Wrong, Note: $"the article goes by how the number is read aloud (\"{expected} {figure.Text}\")"));
    }

    /// <summary>The longest in-order matching of written to generated figures, a figure only with one of its kind;
    /// ties go to equal values, then equal neighbouring words.</summary>
    static Dictionary<TextFigure, PrintedFigure> Match(string text, IReadOnlyList<TextFigure> written, IReadOnlyList<PrintedFigure> generated)
    {
        double Score(int i, int j)
        {
            var (w, g) = (written[i], generated[j].Figure);
            if (w.Kind != g.Kind && !IsCountOrWithheld(w.Kind, g.Kind) && !IsShare(w.Kind, g.Kind)) return double.NegativeInfinity;
            return 10 + (w.Number == g.Number ? 2 : 0) + (Neighbour(text, w) == Neighbour(generated[j].Paragraph.Text, g) ? 1 : 0);
        }
        int m = written.Count, n = generated.Count;
        var best = new double[m + 1, n + 1];
        for (var i = m - 1; i >= 0; i--)
            for (var j = n - 1; j >= 0; j--)
                best[i, j] = Math.Max(Math.Max(best[i + 1, j], best[i, j + 1]), Score(i, j) + best[i + 1, j + 1]);
        var pairs = new Dictionary<TextFigure, PrintedFigure>();
        for (int i = 0, j = 0; i < m && j < n;)
        {
            if (Score(i, j) + best[i + 1, j + 1] == best[i, j] && !double.IsNegativeInfinity(Score(i, j))) { pairs[written[i]] = generated[j]; i++; j++; }
            else if (best[i + 1, j] == best[i, j]) i++;
            else j++;
        }
        return pairs;
    }

    // A count written exactly where the run withholds it, or withheld where the run prints it: the same figure.
    static bool IsCountOrWithheld(FigureKind a, FigureKind b) => a is FigureKind.Count or FigureKind.Withheld && b is FigureKind.Count or FigureKind.Withheld;

    // A share written in words where the run prints a percentage, or the other way round: the same share.
    static bool IsShare(FigureKind a, FigureKind b) => a is FigureKind.Percent or FigureKind.Fraction && b is FigureKind.Percent or FigureKind.Fraction;

    /// <summary>
    /// A share in words against the computed percentage: "around" (about, roughly, or no word) within the
    /// tolerance the text itself names fractions by (<see cref="NationalWording.FractionTolerance"/>); "over" and
    /// "under" on that side of the fraction; "nearly" under it by at most <see cref="NearlyPoints"/> points.
    /// </summary>
    static bool FractionHolds(TextFigure written, decimal percent) => written.Qualifier switch
    {
        FractionQualifier.Over => percent > written.Number,
        FractionQualifier.Under => percent < written.Number,
        FractionQualifier.Nearly => percent < written.Number && written.Number - percent <= NearlyPoints,
        _ => Math.Abs(percent - written.Number) <= NationalWording.FractionTolerance,
    };

    /// <summary>How far under its fraction a share "nearly" that fraction may be, in percentage points.</summary>
    public const decimal NearlyPoints = 5m;

    static string Neighbour(string text, TextFigure f) => Regex.Match(text[..f.Index], @"(\w+)\W*$").Groups[1].Value.ToLowerInvariant();

    /// <summary>The written section's paragraphs, its heading and sub-headings included (they name the sections).</summary>
    static List<StatementParagraph> Section(WrittenStatement statement, HashSet<string> subheadings)
    {
        var paragraphs = statement.Paragraphs;
        var start = paragraphs.ToList().FindIndex(p => Key(p.Text) == Key(SectionTitle));
        if (start < 0)
            throw new InputException(new SourceLocation(statement.File),
                $"no section \"{SectionTitle}\" (expected a heading, or a line of its own, with those words)");
        var level = paragraphs[start].HeadingLevel;
        var result = new List<StatementParagraph> { paragraphs[start] with { HeadingLevel = Math.Max(level, 1) } };
        foreach (var p in paragraphs.Skip(start + 1))
        {
            // In plain text a sub-heading is known only by its words: the generated section's own sub-headings, or
            // "<place> context" as the council's statements name them (a run without a district still has one).
            var subheading = level == 0 && ReadsAsHeading(p) && (subheadings.Contains(Key(p.Text)) || TextWords.Sequence(p.Text) is [.., "context"]);
            if (level > 0 ? p.IsHeading && p.HeadingLevel <= level : ReadsAsHeading(p) && !subheading) break;
            result.Add(subheading ? p with { HeadingLevel = 2 } : p);
        }
        return result;
    }

    static bool ReadsAsHeading(StatementParagraph p) =>
        p.IsHeading || (!p.Bullet && !Regex.IsMatch(p.Text, @"[.:;!?)]$") && TextWords.Sequence(p.Text).Count <= 10);

    static string Key(string text) => string.Join(' ', TextWords.Sequence(text));

    static IEnumerable<string> Sentences(string paragraph) =>
        Regex.Split(paragraph, @"(?<=[.!?])\s+(?=[\p{Lu}‘'""“(\[])").Where(s => s.Length > 0);

    /// <summary>The phrases an author note quotes ("since the NRM began"), without a trailing "...".</summary>
    static IEnumerable<string> QuotedPhrases(string note) =>
        Regex.Matches(note, "[\"“]([^\"”]+)[\"”]").Select(m => Regex.Replace(m.Groups[1].Value, @"(\.\.\.|…)\s*$", "").Trim().TrimEnd('.', ',', ';', ':'))
            .Where(q => TextWords.Sequence(q).Count > 0);

    static bool ContainsPhrase(string sentence, string phrase)
    {
        var words = TextWords.Sequence(sentence);
        var target = TextWords.Sequence(phrase);
        for (var i = 0; i + target.Count <= words.Count; i++)
            if (words.Skip(i).Take(target.Count).SequenceEqual(target, StringComparer.Ordinal)) return true;
        return false;
    }

    static string AuthorNoteText(string note) => Regex.Replace(note, @"^\[Author:\s*|\]$", "");

    static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : (double)a.Count(b.Contains) / a.Union(b).Count();

    static string Excerpt(string sentence) => sentence.Length <= 60 ? sentence : sentence[..57] + "...";
}
