using Insights.Model;

namespace Insights.Sources.Nrm;

/// <summary>One count of a first-responder table, with the cell it was read from.</summary>
internal sealed record ResponderCount(
    string ResponderType, string Responder, string ExploitationType, string AgeGroup, string Gender, string Nationality,
    PublishedCount Count, SourceLocation At);

/// <summary>
/// Reads the first-responder tables (Tables 11-14 in 2023): referrals in the release quarter by first responder,
/// exploitation type, age at exploitation, gender and nationality. The sheets are in outline form: a label is
/// written once and the blank cells below it mean "same as above"; the first row of a responder, exploitation type
/// or age is its subtotal. The long CSV form has every label filled in and "Total" on subtotal rows.
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
        var nationalities = new List<(int Index, string Name)>();
        for (var c = c0 + 4; c < header.Count; c++)
        {
            var name = NrmCells.Label(header[c]);
            if (name.Length == 0) continue;
            nationalities.Add((c, name.Equals(NrmCount.All, StringComparison.OrdinalIgnoreCase) ? NrmCount.All : name));
        }
        if (!nationalities.Any(n => n.Name == NrmCount.All))
            throw new InputException(workbook.Locate(sheet, table.HeaderRow, c0 + 4), "expected a 'Total' column after the nationality columns");
        var duplicate = nationalities.GroupBy(n => n.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InputException(workbook.Locate(sheet, table.HeaderRow, duplicate.Skip(1).First().Index), $"nationality column '{duplicate.Key}' appears twice");

        var counts = new List<ResponderCount>();
        var current = new string?[4];
        var rowsSeen = new Dictionary<(string, string, string, string), int>();
        for (var r = table.HeaderRow + 1; r < sheet.Rows.Count; r++)
        {
            if (sheet.Rows[r].All(c => c.IsEmpty)) break;
            var labels = Enumerable.Range(0, 4).Select(i => NrmCells.Label(sheet[r, c0 + i])).ToArray();
            var level = Array.FindIndex(labels, l => l.Length > 0);
            if (level < 0) throw new InputException(workbook.Locate(sheet, r, c0), "expected a first responder, exploitation type, age or gender label on this row");
            for (var i = 0; i < level; i++)
                if (current[i] is null or NrmCount.All)
                    throw new InputException(workbook.Locate(sheet, r, c0 + i), $"blank {Levels[i]} with nothing above it to stand for");
            var seenBlank = false;
            for (var i = level; i < 4; i++)
            {
                // A blank below the row's first label marks a subtotal; a label after such a blank is a broken outline.
                if (labels[i].Length == 0) { current[i] = NrmCount.All; seenBlank = true; continue; }
                if (seenBlank) throw new InputException(workbook.Locate(sheet, r, c0 + i), $"{Levels[i]} given on a row whose {Levels[i - 1]} is blank");
                current[i] = labels[i].Equals(NrmCount.All, StringComparison.OrdinalIgnoreCase) ? NrmCount.All : labels[i];
            }
            var responder = current[0]!;
            if (responder == NrmCount.All || NrmResponders.IsTypeTotal(responder) || responder.EndsWith(" total", StringComparison.OrdinalIgnoreCase))
                responder = NrmResponders.TypeTotal(type);
            // A second row with the same labels (e.g. a grand total row under a type total) would be counted twice.
            if (!rowsSeen.TryAdd((responder, current[1]!, current[2]!, current[3]!), r))
                throw new InputException(workbook.Locate(sheet, r, c0),
                    $"this row repeats the labels of row {rowsSeen[(responder, current[1]!, current[2]!, current[3]!)] + 1} ({responder}, {current[1]}, {current[2]}, {current[3]})");
            foreach (var (index, name) in nationalities)
            {
                var at = workbook.Locate(sheet, r, index);
                var count = NrmCells.Count(sheet[r, index], at);
                if (count.People == 0) continue; // tidy counts hold what was published as non-zero, as the long files do
                counts.Add(new(type, responder, current[1]!, current[2]!, current[3]!, name, count, at));
            }
        }
        CheckTotals(counts);
        return counts;
    }

    public static List<ResponderCount> ReadLong(string path, IReadOnlyList<IReadOnlyList<string>> rows, List<InputWarning> warnings)
    {
        var counts = new List<ResponderCount>();
        var seen = new Dictionary<(string, string, string, string, string, string), int>();
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
            var key = (type, f[1], f[2], f[3], f[4], f[5]);
            if (seen.TryGetValue(key, out var first))
                throw new InputException(at, $"the same combination appears again (first on row {first})");
            seen[key] = r + 1;
            var count = NrmCells.CountFromText(f[6], at with { Column = "G" });
            counts.Add(new(type, f[1], f[2], f[3], f[4], f[5], count, at with { Column = "G" }));
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
        string[] Dims(ResponderCount c) => [c.Responder, c.ExploitationType, c.AgeGroup, c.Gender, c.Nationality];
        bool IsTotal(int d, string v) => d == 0 ? NrmResponders.IsTypeTotal(v) : v == NrmCount.All;
        string[] names = ["its first responders", "its exploitation types", "its age groups", "its genders", "its nationalities"];
        // Innermost first, so the message names the cell that disagrees with its own row before any subtotal above it.
        for (var d = 4; d >= 0; d--)
        {
            var groups = new Dictionary<string, (ResponderCount? Total, List<PublishedCount> Parts)>(StringComparer.Ordinal);
            foreach (var c in counts)
            {
                var dims = Dims(c);
                if (d < 4 && Enumerable.Range(d + 1, 3 - d).Any(j => dims[j] != NrmCount.All)) continue;
                var key = c.ResponderType + "\u0001" + string.Join("\u0001", dims.Where((_, j) => j != d));
                if (!groups.TryGetValue(key, out var g)) g = (null, []);
                if (IsTotal(d, dims[d])) g.Total = c; else g.Parts.Add(c.Count);
                groups[key] = g;
            }
            foreach (var (total, parts) in groups.Values)
                if (total is not null && parts.Count > 0)
                    Table2Reader.CheckSum(total.Count, parts, total.At, names[d]);
        }
    }
}
