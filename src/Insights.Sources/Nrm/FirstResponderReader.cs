using Insights.Model;

namespace Insights.Sources.Nrm;

/// <summary>One count of a first-responder table, with the cell it was read from.</summary>
internal sealed record ResponderCount(
    string ResponderType, Breakdown<string> Responder, Breakdown<NrmExploitationType> ExploitationType, Breakdown<string> AgeGroup,
    Breakdown<string> Gender, Breakdown<string> Nationality, PublishedCount Count, SourceLocation At);

/// <summary>
/// Reads the first-responder tables (Tables 11-14 in 2023): referrals in the release quarter by first responder,
/// exploitation type, age at exploitation, gender and nationality. The sheets are in outline form: a label is
/// written once and the blank cells below it mean "same as above"; the first row of a responder, exploitation type
/// or age is its subtotal. The long CSV form has every label filled in and "Total" on subtotal rows. The layout's
/// words for totals become <see cref="Breakdown{T}.Total"/> here (<see cref="NrmLayoutWords"/>).
/// </summary>
internal static class FirstResponderReader
{
    public const string LongHeader = "First responder type,First responder,Exploitation type,Age at exploitation,Gender,Nationality,People";

    static readonly string[] Levels = ["first responder", "exploitation type", "age at exploitation", "gender"];

    public static List<ResponderCount> ReadSheet(Workbook workbook, NrmTableLocation table)
    {
        var sheet = table.Sheet;
        var type = table.ResponderType!;
        var c0 = table.FirstColumn;
        var header = sheet.Rows[table.HeaderRow];
        var nationalities = new List<(int Index, Breakdown<string> Name)>();
        for (var c = c0 + 4; c < header.Count; c++)
        {
            var name = NrmCells.Label(header[c]);
            if (name.Length == 0) continue;
            nationalities.Add((c, NrmLayoutWords.Dimension(name)));
        }
        if (!nationalities.Any(n => n.Name.IsTotal))
            throw new InputException(workbook.Locate(sheet, table.HeaderRow, c0 + 4), "expected a 'Total' column after the nationality columns");
        var duplicate = nationalities.GroupBy(n => n.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InputException(workbook.Locate(sheet, table.HeaderRow, duplicate.Skip(1).First().Index), $"nationality column '{NrmLayoutWords.Text(duplicate.Key)}' appears twice");

        var counts = new List<ResponderCount>();
        // The labels in force on a row, level by level: null before any, "" where a blank marks a subtotal.
        var current = new string?[4];
        var rowsSeen = new Dictionary<(Breakdown<string>, Breakdown<NrmExploitationType>, Breakdown<string>, Breakdown<string>), int>();
        for (var r = table.HeaderRow + 1; r < sheet.Rows.Count; r++)
        {
            if (sheet.Rows[r].All(c => c.IsEmpty)) break;
            var labels = Enumerable.Range(0, 4).Select(i => NrmCells.Label(sheet[r, c0 + i])).ToArray();
            var level = Array.FindIndex(labels, l => l.Length > 0);
            if (level < 0) throw new InputException(workbook.Locate(sheet, r, c0), "expected a first responder, exploitation type, age or gender label on this row");
            for (var i = 0; i < level; i++)
                if (current[i] is not { Length: > 0 } above || NrmLayoutWords.Dimension(above).IsTotal)
                    throw new InputException(workbook.Locate(sheet, r, c0 + i), $"blank {Levels[i]} with nothing above it to stand for");
            var seenBlank = false;
            for (var i = level; i < 4; i++)
            {
                // A blank below the row's first label marks a subtotal; a label after such a blank is a broken outline.
                if (labels[i].Length == 0) { current[i] = ""; seenBlank = true; continue; }
                if (seenBlank) throw new InputException(workbook.Locate(sheet, r, c0 + i), $"{Levels[i]} given on a row whose {Levels[i - 1]} is blank");
                current[i] = labels[i];
            }
            static string OrTotal(string label) => label.Length == 0 ? NrmLayoutWords.Total : label;
            static string Shown(string label) => NrmLayoutWords.Text(NrmLayoutWords.Dimension(OrTotal(label)));
            var responder = NrmLayoutWords.Responder(OrTotal(current[0]!));
            var exploitation = NrmLayoutWords.ExploitationType(OrTotal(current[1]!));
            var (age, gender) = (NrmLayoutWords.Dimension(OrTotal(current[2]!)), NrmLayoutWords.Dimension(OrTotal(current[3]!)));
            // A second row with the same labels (e.g. a grand total row under a type total) would be counted twice.
            if (!rowsSeen.TryAdd((responder, exploitation, age, gender), r))
                throw new InputException(workbook.Locate(sheet, r, c0),
                    $"this row repeats the labels of row {rowsSeen[(responder, exploitation, age, gender)] + 1} ({NrmLayoutWords.ResponderText(type, responder)}, {Shown(current[1]!)}, {Shown(current[2]!)}, {Shown(current[3]!)})");
            foreach (var (index, name) in nationalities)
            {
                var at = workbook.Locate(sheet, r, index);
                var count = NrmCells.Count(sheet[r, index], at);
                if (count.People == 0) continue; // tidy counts hold what was published as non-zero, as the long files do
                counts.Add(new(type, responder, exploitation, age, gender, name, count, at));
            }
        }
        CheckTotals(counts);
        return counts;
    }

    public static List<ResponderCount> ReadLong(string path, IReadOnlyList<IReadOnlyList<string>> rows, List<InputWarning> warnings)
    {
        var counts = new List<ResponderCount>();
        var seen = new Dictionary<(string, Breakdown<string>, Breakdown<NrmExploitationType>, Breakdown<string>, Breakdown<string>, Breakdown<string>), int>();
        var unknownTypes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row.All(f => f.Length == 0)) continue;
            var at = new SourceLocation(path, Row: r + 1);
            if (row.Count != 7) throw new InputException(at, $"expected 7 fields ({LongHeader}), found {row.Count}");
            var f = row.Select(InputText.Clean).ToArray();
            for (var i = 0; i < 6; i++)
                if (f[i].Length == 0) throw new InputException(at with { Column = SourceLocation.ColumnLetters(i) }, "expected a label, found an empty field");
            var type = NrmResponders.Types.FirstOrDefault(t => t.Equals(f[0], StringComparison.OrdinalIgnoreCase));
            if (type is null) { unknownTypes[f[0]] = unknownTypes.GetValueOrDefault(f[0]) + 1; type = f[0]; }
            var key = (type, NrmLayoutWords.Responder(f[1]), NrmLayoutWords.ExploitationType(f[2]),
                NrmLayoutWords.Dimension(f[3]), NrmLayoutWords.Dimension(f[4]), NrmLayoutWords.Dimension(f[5]));
            if (seen.TryGetValue(key, out var first))
                throw new InputException(at, $"the same combination appears again (first on row {first})");
            seen[key] = r + 1;
            var count = NrmCells.CountFromText(f[6], at with { Column = "G" });
            counts.Add(new(key.type, key.Item2, key.Item3, key.Item4, key.Item5, key.Item6, count, at with { Column = "G" }));
        }
        if (counts.Count == 0) throw new InputException(new SourceLocation(path), "the file has no rows under its header");
        foreach (var (name, n) in unknownTypes)
            warnings.Add(new InputWarning("nrm-unknown-responder-type", $"{Path.GetFileName(path)}: first responder type '{name}' is not one of {string.Join(", ", NrmResponders.Types)} ({n} rows kept as they are)"));
        CheckTotals(counts);
        return counts;
    }

    /// <summary>
    /// Every published subtotal must equal the sum of its parts: a responder type's total row against its
    /// responders, a responder's total against its exploitation types, a type against its ages, an age against its
    /// genders, and each row's Total against its nationalities. Parts below a subtotal are those whose deeper
    /// labels are totals too, as the outline nests them. A subtotal that was not published cannot be checked.
    /// </summary>
    static void CheckTotals(List<ResponderCount> counts)
    {
        Breakdown<string>[] Dims(ResponderCount c) =>
            [c.Responder, c.ExploitationType.IsTotal ? Breakdown<string>.Total : c.ExploitationType.Category.Label, c.AgeGroup, c.Gender, c.Nationality];
        string[] names = ["its first responders", "its exploitation types", "its age groups", "its genders", "its nationalities"];
        // Innermost first, so the message names the cell that disagrees with its own row before any subtotal above it.
        for (var d = 4; d >= 0; d--)
        {
            var groups = new Dictionary<string, (ResponderCount? Total, List<PublishedCount> Parts)>(StringComparer.Ordinal);
            foreach (var c in counts)
            {
                var dims = Dims(c);
                if (d < 4 && Enumerable.Range(d + 1, 3 - d).Any(j => dims[j].IsCategory)) continue;
                // A total is "\u0002", which no label holds, so a category named "Total" is never its own total.
                var key = c.ResponderType + "\u0001" + string.Join("\u0001", dims.Where((_, j) => j != d).Select(v => v.CategoryOr("\u0002")));
                if (!groups.TryGetValue(key, out var g)) g = (null, []);
                if (dims[d].IsTotal) g.Total = c; else g.Parts.Add(c.Count);
                groups[key] = g;
            }
            foreach (var (total, parts) in groups.Values)
                if (total is not null && parts.Count > 0)
                    Table2Reader.CheckSum(total.Count, parts, total.At, names[d]);
        }
    }
}
