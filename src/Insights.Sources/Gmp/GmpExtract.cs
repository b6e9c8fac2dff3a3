using System.Globalization;
using Insights.Model;
using Insights.Sources.Csv;
using Insights.Sources.Xlsx;
using DFrame = Deedle.Frame;

namespace Insights.Sources.Gmp;

/// <summary>
/// The enquiries of one or more police enquiry extracts (GMP's format), with the warnings their reading raised. The
/// records are the one canonical model; <see cref="ToFrame"/> is a view of them for notebooks.
/// </summary>
public sealed record GmpExtract(IReadOnlyList<Enquiry> Enquiries, IReadOnlyList<InputWarning> Warnings, IReadOnlyList<string> Files)
{
    /// <summary>The police area whose districts the extract was read against (Greater Manchester unless given).</summary>
    public PoliceArea Area { get; init; } = PoliceArea.GreaterManchester;

    /// <summary>"GMP modern slavery enquiries (extract.csv)": file names only, for facts and source lines.</summary>
    public string SourceDescription =>
        $"{Area.ForceAbbreviation} modern slavery enquiries ({string.Join(", ", Files.Select(Path.GetFileName))})";

    /// <summary>
    /// A Deedle frame with one row per enquiry, keyed 0..n-1, columns as the canonical extract plus AgeGroup.
    /// Unknown values are missing values (district not logged, age, nationality), as analysts expect in a frame.
    /// </summary>
    public Deedle.Frame<int, string> ToFrame() => DFrame.FromRecords(Enquiries.Select(EnquiryRow.From));

    /// <summary>The frame's row shape: plain types Deedle understands (DateTime, nullable numbers as missing).</summary>
    public sealed record EnquiryRow(string EnquiryId, DateTime DateLogged, string? District, string ExploitationType,
        double Age, string Gender, string? Nationality, string AgeGroup)
    {
        public static EnquiryRow From(Enquiry e) => new(
            e.Id, e.DateLogged.ToDateTime(TimeOnly.MinValue), e.District, e.ExploitationType,
            e.Age is { } a ? a : double.NaN, e.Gender.ToString(), e.Nationality,
            e.AgeGroup switch { Model.AgeGroup.Adult => "Adult", Model.AgeGroup.UnderEighteen => "Under 18", _ => "Unknown" });
    }
}

/// <summary>How text dates are read: day first (UK, the default: dd/MM/yyyy or yyyy-MM-dd), month first (US, only
/// when asked with --date-format MM/dd/yyyy: MM/dd/yyyy or yyyy-MM-dd) or year first only (yyyy-MM-dd). Excel date
/// cells are dates in every order.</summary>
public enum DateOrder { DayFirst, MonthFirst, YearFirst }

/// <summary>The <c>--date-format</c> patterns: the words a user types for a <see cref="DateOrder"/>.</summary>
public static class DateOrders
{
    static readonly (string Pattern, DateOrder Order)[] Patterns =
        [("dd/MM/yyyy", DateOrder.DayFirst), ("MM/dd/yyyy", DateOrder.MonthFirst), ("yyyy-MM-dd", DateOrder.YearFirst)];

    /// <summary>The patterns accepted, for help and messages: "dd/MM/yyyy, MM/dd/yyyy or yyyy-MM-dd".</summary>
    public static string Accepted => $"{Patterns[0].Pattern}, {Patterns[1].Pattern} or {Patterns[2].Pattern}";

    /// <summary>"MM/dd/yyyy" → month first. Case is ignored: people write dd/mm/yyyy and mean the same.</summary>
    public static bool TryParse(string text, out DateOrder order)
    {
        foreach (var (pattern, o) in Patterns)
            if (string.Equals(text.Trim(), pattern, StringComparison.OrdinalIgnoreCase))
            {
                order = o;
                return true;
            }
        order = default;
        return false;
    }

    public static string Pattern(this DateOrder order) => Patterns.First(p => p.Order == order).Pattern;
}

/// <summary>
/// Reads police enquiry extracts in GMP's format (CSV or XLSX) strictly: a file, column, date, age or district
/// (one of the <see cref="PoliceArea"/>'s, Greater Manchester's by default) that cannot be read
/// stops the run with a one-line error naming file, sheet, row and column; values outside GMP's lists that can
/// be kept (an exploitation type, a gender) are kept and reported as warnings with their counts.
/// No cell value of a person (id, date, age) ever appears in a message.
/// </summary>
public static class GmpExtractReader
{
    /// <summary>
    /// Reads and concatenates extracts. A path may name an XLSX sheet after '#': <c>extract.xlsx#Sheet2</c>;
    /// without it the first sheet is read. Districts must be the <paramref name="area"/>'s (default Greater Manchester).
    /// </summary>
    /// <remarks>A date logged after <paramref name="today"/> (default: the machine's date) is an error: a mistyped
    /// year (2204) would otherwise choose the default year and report a year of zeros.</remarks>
    public static GmpExtract Read(IEnumerable<string> paths, ColumnMap? map = null, PoliceArea? area = null, DateOnly? today = null, DateOrder? dateOrder = null)
    {
        var latest = today ?? DateOnly.FromDateTime(DateTime.Today);
        map ??= ColumnMap.Identity;
        area ??= PoliceArea.GreaterManchester;
        var enquiries = new List<Enquiry>();
        var warnings = new List<InputWarning>();
        var files = new List<string>();
        foreach (var path in paths)
        {
            var (file, sheetName) = SplitSheet(path);
            files.Add(file);
            var table = Load(file, sheetName);
            var read = Parse(table, map, area, latest, dateOrder);
            enquiries.AddRange(read.Enquiries);
            warnings.AddRange(read.Warnings);
        }
        // Overlapping extracts (2023-24 and a year-to-date that repeats its last months, or one file given twice)
        // repeat whole rows: the same enquiry, counted once. Rows that share an id but differ are not provably
        // the same enquiry, so they stay (and are counted in the next warning).
        var distinct = enquiries.Distinct().ToList();
        var repeated = enquiries.Count - distinct.Count;
        if (repeated > 0)
            warnings.Add(new InputWarning("gmp-repeated-row",
                $"{repeated.ToString(CultureInfo.InvariantCulture)} row{(repeated == 1 ? " repeats" : "s repeat")} an earlier row in every column across {string.Join(", ", files.Select(Path.GetFileName))} (overlapping extracts?); each enquiry is counted once"));
        enquiries = distinct;
        var ids = new HashSet<string>(enquiries.Count, StringComparer.OrdinalIgnoreCase);
        var repeatedIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in enquiries)
            if (!ids.Add(e.Id)) repeatedIds.Add(e.Id);
        var duplicates = repeatedIds.Count;
        if (duplicates > 0)
            warnings.Add(new InputWarning("gmp-duplicate-id",
                $"{duplicates} EnquiryId value{(duplicates == 1 ? " appears" : "s appear")} more than once across {string.Join(", ", files.Select(Path.GetFileName))} with different values; each such row is counted as an enquiry"));
        return new GmpExtract(enquiries, warnings, files) { Area = area };
    }

    public static GmpExtract Read(string path, ColumnMap? map = null, PoliceArea? area = null, DateOnly? today = null, DateOrder? dateOrder = null) =>
        Read([path], map, area, today, dateOrder);

    /// <summary>"book.xlsx#Sheet 2" → (book.xlsx, "Sheet 2"), only when the whole text is not itself a file.</summary>
    public static (string File, string? Sheet) SplitSheet(string path)
    {
        // Split after ".xlsx#", so a '#' inside the sheet name stays in the sheet name.
        foreach (var extension in new[] { ".xlsx#", ".ods#" })
        {
            var at = path.IndexOf(extension, StringComparison.OrdinalIgnoreCase);
            if (at <= 0 || File.Exists(path)) continue;
            return (path[..(at + extension.Length - 1)], path[(at + extension.Length)..]);
        }
        return (path, null);
    }

    /// <summary>Rows of cells from either format, with a way to say where a cell is.</summary>
    internal sealed record Table(string File, string? Sheet, IReadOnlyList<(int Row, IReadOnlyList<Cell> Cells)> Rows)
    {
        /// <summary>The workbook's other sheets, when the first was read because no sheet was named.</summary>
        public IReadOnlyList<string> OtherSheets { get; init; } = [];

        public SourceLocation Locate(int row, int column, string canonical) =>
            new(File, Sheet, row, $"{SourceLocation.ColumnLetters(column)} ({canonical})");
    }

    internal static Table Load(string file, string? sheetName)
    {
        if (!File.Exists(file)) throw new InputException(new SourceLocation(file), "file not found");
        var ext = Path.GetExtension(file).ToLowerInvariant();
        if (ext is ".xlsx" or ".ods")
        {
            var book = ext == ".xlsx" ? XlsxReader.Read(file) : Ods.OdsReader.Read(file);
            var sheet = sheetName is null
                ? book.Sheets[0]
                : book.Sheets.FirstOrDefault(s => string.Equals(s.Name, sheetName, StringComparison.OrdinalIgnoreCase))
                  ?? throw new InputException(new SourceLocation(file, sheetName),
                      $"no such sheet (sheets: {string.Join(", ", book.Sheets.Select(s => s.Name))})");
            return new Table(file, sheet.Name, sheet.Rows.Select((r, i) => (i + 1, (IReadOnlyList<Cell>)r.Select(c => c.Cleaned()).ToList())).ToList())
            {
                OtherSheets = sheetName is null ? book.Sheets.Skip(1).Select(s => s.Name).ToList() : [],
            };
        }
        if (ext is ".csv" or ".txt" or ".tsv")
        {
            if (sheetName is not null) throw new InputException(new SourceLocation(file, sheetName), "a CSV file has no sheets");
            var rows = CsvReader.ReadFile(file);
            CheckFieldCounts(file, rows);
            var cells = new Dictionary<string, Cell>(ReferenceEqualityComparer.Instance);
            return new Table(file, null, rows.Select(r => (r.Number, (IReadOnlyList<Cell>)new CsvCells(r.Fields, cells))).ToList());
        }
        throw new InputException(new SourceLocation(file), "expected a .csv, .tsv, .txt, .xlsx or .ods file" +
            (ext == ".xls" ? " (.xls is Excel 97-2003: save it as .xlsx)" : ""));
    }

    /// <summary>
    /// A CSV row with more or fewer fields than the header (a lost or extra comma) would shift every value after
    /// the break into the wrong column and still be read, so it stops the run. Rows of nothing but commas are
    /// blank rows and skipped later. (XLSX has no such fault: a row's missing trailing cells are empty cells.)
    /// </summary>
    static void CheckFieldCounts(string file, IReadOnlyList<CsvRow> rows)
    {
        var header = rows.FirstOrDefault(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f)));
        if (header is null) return;
        foreach (var row in rows.SkipWhile(r => r != header).Skip(1))
            if (row.Fields.Count != header.Fields.Count && row.Fields.Any(f => !string.IsNullOrWhiteSpace(f)))
                throw new InputException(new SourceLocation(file, Row: row.Number),
                    $"{row.Fields.Count.ToString(CultureInfo.InvariantCulture)} fields, the header (row {header.Number.ToString(CultureInfo.InvariantCulture)}) has {header.Fields.Count.ToString(CultureInfo.InvariantCulture)} (a missing or extra comma would shift the values after it into the wrong columns)");
    }

    /// <summary>A CSV row's fields as cells, made when asked for: a cell per field held for a whole extract would
    /// take several times the file's size. The reader gives a column's repeated values one string, so the cell of
    /// each such string is made once (<paramref name="made"/>, by reference; ids, all different, are not kept).</summary>
    sealed class CsvCells(IReadOnlyList<string> fields, Dictionary<string, Cell> made) : IReadOnlyList<Cell>
    {
        public Cell this[int index]
        {
            get
            {
                var field = fields[index];
                if (made.TryGetValue(field, out var cell)) return cell;
                cell = Cell.FromText(field).Cleaned();
                if (made.Count < 1 << 16) made[field] = cell;
                return cell;
            }
        }

        public int Count => fields.Count;
        public IEnumerator<Cell> GetEnumerator() { for (var i = 0; i < fields.Count; i++) yield return this[i]; }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// <paramref name="read"/> of a text cell, worked out once per distinct text: an extract's category, age and date
    /// columns repeat a few hundred values over millions of rows. Other cells (numbers, dates) are read each time;
    /// the cache stops growing at <paramref name="limit"/> texts (a column of date-times is mostly distinct).
    /// </summary>
    static Func<Cell, T> PerText<T>(Func<Cell, T> read, int limit = 1 << 16)
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        return cell =>
        {
            if (cell.Kind != CellKind.Text) return read(cell);
            if (seen.TryGetValue(cell.Text, out var value)) return value;
            value = read(cell);
            if (seen.Count < limit) seen[cell.Text] = value;
            return value;
        };
    }

    internal static GmpExtract Parse(Table table, ColumnMap map, PoliceArea area, DateOnly today, DateOrder? dateOrder = null)
    {
        var header = table.Rows.FirstOrDefault(r => r.Cells.Any(c => !c.IsEmpty));
        if (header.Cells is null) throw new InputException(new SourceLocation(table.File, table.Sheet), "no header row: the file is empty");
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        InputException? sharedColumn = null;
        foreach (var canonical in GmpColumns.All)
        {
            var wanted = Category.Key(map.HeaderFor(canonical));
            var at = -1;
            for (var i = 0; i < header.Cells.Count; i++)
                if (Category.Key(header.Cells[i].Text) == wanted)
                {
                    // The same header twice (a column pasted again, a "District" beside an old "District") leaves the
                    // reader to guess which one holds the values.
                    if (at >= 0)
                        throw new InputException(new SourceLocation(table.File, table.Sheet, header.Row, $"{SourceLocation.ColumnLetters(i)} ({canonical})"),
                            $"two columns are headed '{map.HeaderFor(canonical)}' ({SourceLocation.ColumnLetters(at)} and {SourceLocation.ColumnLetters(i)}): expected one (rename or delete the other)");
                    at = i;
                }
            if (at < 0)
                throw new InputException(new SourceLocation(table.File, table.Sheet, header.Row, map.HeaderFor(canonical)),
                    $"column '{map.HeaderFor(canonical)}' not found in the header row" +
                    // Excel on a continental machine saves "CSV" with semicolons: the whole header is then one cell.
                    (table.OtherSheets.Count > 0
                        ? $" (no sheet was named, so the first sheet, {table.Sheet}, was read; the workbook also has {string.Join(", ", table.OtherSheets)}: name the extract's sheet as {Path.GetFileName(table.File)}#Sheet)"
                        : map.Columns.ContainsKey(canonical) ? $" (the column map names it for {canonical})" : " (name it in a column map with --columns if your file calls it something else)"));
            // Two columns read from one header (a map naming "Division" for District and Nationality) would turn
            // one column's values into the other's categories without a word.
            // (Checked after the columns' contents, whose message says more when the map names an age or a date.)
            if (sharedColumn is null && index.FirstOrDefault(kv => kv.Value == at).Key is { } twin)
                sharedColumn = new InputException(new SourceLocation(table.File, table.Sheet, header.Row, $"{SourceLocation.ColumnLetters(at)} ({canonical})"),
                    $"{twin} and {canonical} both read the column headed '{InputText.Clean(header.Cells[at].Text)}' (expected each column from its own header: check --columns)");
            index[canonical] = at;
        }
        CheckCategoryColumns(table, header.Row, index, area);
        if (sharedColumn is not null) throw sharedColumn;
        var order = dateOrder ?? CheckDateOrder(table, header.Row, index[GmpColumns.DateLogged]);
        var expectedDate = dateOrder switch
        {
            null => "dd/MM/yyyy, yyyy-MM-dd or an Excel date",
            DateOrder.YearFirst => "yyyy-MM-dd, as --date-format says, or an Excel date",
            { } given => $"{given.Pattern()}, as --date-format says, yyyy-MM-dd or an Excel date",
        };

        var numberOrDate = PerText(NumberOrDate);
        var notLogged = PerText(c => Category.IsNotLogged(c.Text));
        var districtOf = PerText(c => area.Canonical(c.Text));
        var typeOf = PerText(c => NormaliseType(c.Text));
        var ageOf = PerText(ParseAge);
        var dateOf = PerText(c => ParseDate(c, order));
        var genderOf = PerText(c => NormaliseGender(c.Text));
        var nationalityOf = PerText(c => notLogged(c) ? ((string?)null, (string?)null) : NormaliseNationality(c.Text));
        var enquiries = new List<Enquiry>();
        var typeSpellings = new CategorySpellings(ExploitationType.All);
        var nationalitySpellings = new CategorySpellings([Enquiry.British]);
        var unknownGenders = new Dictionary<string, int>(StringComparer.Ordinal);
        var mappedToBritish = new Dictionary<string, int>(StringComparer.Ordinal);
        var categoryColumns = CategoryNouns.Select(c => (c.Column, c.Noun, At: index[c.Column])).ToArray();
        var (idAt, dateAt, districtAt, typeAt, ageAt, genderAt, nationalityAt) = (index[GmpColumns.EnquiryId], index[GmpColumns.DateLogged],
            index[GmpColumns.District], index[GmpColumns.ExploitationType], index[GmpColumns.Age], index[GmpColumns.Gender], index[GmpColumns.Nationality]);
        foreach (var (row, cells) in table.Rows.SkipWhile(r => r.Row != header.Row).Skip(1))
        {
            if (cells.All(c => c.IsEmpty)) continue;
            Cell Of(int column) => column < cells.Count ? cells[column] : Cell.Empty;
            SourceLocation Where(string canonical) => table.Locate(row, index[canonical], canonical);

            var id = Of(idAt).Text.Trim();
            if (id.Length == 0) throw new InputException(Where(GmpColumns.EnquiryId), "EnquiryId is blank (every enquiry needs an id)");
            var date = dateOf(Of(dateAt)) ?? throw new InputException(Where(GmpColumns.DateLogged),
                $"not a date (expected {expectedDate})");
            if (date > today)
                throw new InputException(Where(GmpColumns.DateLogged), string.Create(CultureInfo.InvariantCulture,
                    $"a date after the date of this run ({today:yyyy-MM-dd}): a mistyped year? (the value is not shown)"));
            foreach (var (canonical, noun, at) in categoryColumns)
                // An --area district named with a digit is the one category value that may hold one.
                if (numberOrDate(Of(at)) is { } what && !(canonical == GmpColumns.District && districtOf(Of(at)) is not null))
                    throw new InputException(Where(canonical),
                        $"{what} where {noun} was expected (check the extract, or the column map if --columns names this column)");
            var districtCell = Of(districtAt);
            string? district = null;
            if (!notLogged(districtCell))
                district = districtOf(districtCell) ?? throw new InputException(Where(GmpColumns.District),
                    $"{Quoted(districtCell.Text)} is not a {area.AreaName} district (expected one of {area.DistrictList}, or blank / Not recorded)");
            var type = typeOf(Of(typeAt));
            typeSpellings.Add(type);
            var ageCell = Of(ageAt);
            int? age = null;
            if (!ageCell.IsEmpty && !notLogged(ageCell))
                age = ageOf(ageCell) ?? throw new InputException(Where(GmpColumns.Age),
                    "not an age (expected whole years from 0 to 120, or blank when unknown)");
            var (gender, unknownGender) = genderOf(Of(genderAt));
            if (unknownGender is not null) unknownGenders[unknownGender] = unknownGenders.GetValueOrDefault(unknownGender) + 1;
            var (nationality, synonym) = nationalityOf(Of(nationalityAt));
            if (synonym is not null) mappedToBritish[synonym] = mappedToBritish.GetValueOrDefault(synonym) + 1;
            if (nationality is not null) nationalitySpellings.Add(nationality);
            enquiries.Add(new Enquiry(id, date, district, type, age, gender, nationality));
        }
        // One category, one spelling: values that differ only in punctuation would share a fact id.
        if (typeSpellings.AnyMerged || nationalitySpellings.AnyMerged)
            enquiries = enquiries.Select(e => e with
            {
                ExploitationType = typeSpellings.Canonical(e.ExploitationType),
                Nationality = e.Nationality is { } n ? nationalitySpellings.Canonical(n) : null,
            }).ToList();
        var unknownTypes = enquiries.Where(e => e.ExploitationType != ExploitationType.Unknown && !ExploitationType.All.Contains(e.ExploitationType))
            .GroupBy(e => e.ExploitationType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        var warnings = new List<InputWarning>();
        var where = Path.GetFileName(table.File) + (table.Sheet is null ? "" : $", sheet {table.Sheet}");
        if (unknownTypes.Count > 0)
            warnings.Add(new InputWarning("gmp-unknown-exploitation-type",
                $"{where}: ExploitationType values not in GMP's list, kept as categories of their own: {Counts(unknownTypes)}"));
        if (typeSpellings.AnyMerged)
            warnings.Add(new InputWarning("gmp-exploitation-type-spellings",
                $"{where}: ExploitationType spellings that differ only in punctuation or hyphens, counted as one type: {typeSpellings.Merges(Quoted)}"));
        if (nationalitySpellings.AnyMerged)
            warnings.Add(new InputWarning("gmp-nationality-spellings",
                $"{where}: Nationality spellings that differ only in punctuation or hyphens, counted as one nationality: {nationalitySpellings.Merges(Quoted)}"));
        if (unknownGenders.Count > 0)
            warnings.Add(new InputWarning("gmp-unknown-gender",
                $"{where}: Gender values other than Male/Female, counted as gender not known: {Counts(unknownGenders)}"));
        if (mappedToBritish.Count > 0)
        {
            var total = mappedToBritish.Values.Sum();
            warnings.Add(new InputWarning("gmp-nationality-british", string.Create(CultureInfo.InvariantCulture,
                $"{where}: {total} Nationality value{(total == 1 ? "" : "s")} counted as British: {Counts(mappedToBritish)}")));
        }
        return new GmpExtract(enquiries, warnings, [table.File]) { Area = area };
    }

    /// <summary>
    /// Values that mean a British national (the country, or one of its nations): the statement's children figures
    /// are for British alleged victims, so "UK" beside "British" would split them. Other values are kept as written.
    /// </summary>
    internal static readonly IReadOnlyList<string> BritishSynonyms =
        ["UK", "United Kingdom", "GB", "Great Britain", "English", "Welsh", "Scottish"];

    /// <summary>The nationality as counted, and the British synonym it was written as (to be counted in the
    /// warning), if any.</summary>
    static (string? Name, string? Synonym) NormaliseNationality(string text)
    {
        var key = Category.SpellingKey(text);
        var synonym = BritishSynonyms.FirstOrDefault(b => Category.SpellingKey(b) == key);
        return synonym is null ? (TitleCase(text), null) : (Enquiry.British, synonym);
    }

    static readonly (string Column, string Noun)[] CategoryNouns =
    [
        (GmpColumns.District, "a district"), (GmpColumns.ExploitationType, "an exploitation type"),
        (GmpColumns.Gender, "a gender"), (GmpColumns.Nationality, "a nationality"),
    ];

    /// <summary>
    /// A column map pointing a category column at a person's age or date would turn personal data into categories
    /// (or echo it in an error), so a category column whose values mostly hold digits (numbers, dates, ids), or (for the columns
    /// with a fixed list) mostly outside that list, stops the run before any value is read; no value is named.
    /// </summary>
    static void CheckCategoryColumns(Table table, int headerRow, Dictionary<string, int> index, PoliceArea area)
    {
        var known = new Dictionary<string, Func<string, bool>?>
        {
            [GmpColumns.District] = t => area.Canonical(t) is not null,
            [GmpColumns.ExploitationType] = t => ExploitationType.All.Any(k => Category.SpellingKey(k) == Category.SpellingKey(t)),
            [GmpColumns.Gender] = t => Category.Key(t) is "male" or "m" or "female" or "f",
            [GmpColumns.Nationality] = null,
        };
        var rows = table.Rows.SkipWhile(r => r.Row != headerRow).Skip(1).Where(r => !r.Cells.All(c => c.IsEmpty)).ToList();
        var notLogged = PerText(c => Category.IsNotLogged(c.Text));
        foreach (var (canonical, _) in CategoryNouns)
        {
            var column = index[canonical];
            var values = rows.Select(r => column < r.Cells.Count ? r.Cells[column] : Cell.Empty)
                .Where(c => !c.IsEmpty && !notLogged(c)).ToList();
            if (values.Count == 0) continue;
            var recognise = known[canonical];
            var isNumber = PerText(c => NumberOrDate(c) is not null && !(recognise?.Invoke(c.Text) ?? false));
            var isKnown = PerText(c => recognise?.Invoke(c.Text) ?? true);
            var numbers = values.Count(isNumber);
            var unrecognised = recognise is null ? 0 : values.Count(c => !isKnown(c)) - numbers;
            string? problem = null;
            if (numbers * 2 > values.Count)
                problem = $"{Of(numbers, values.Count)} values are numbers, dates or other values with digits, not {canonical} values";
            // One unknown value in a tiny file is that row's error (reported at its row), not the column's.
            else if (unrecognised > 1 && (numbers + unrecognised) * 2 > values.Count)
                problem = $"{Of(numbers + unrecognised, values.Count)} values are not known {canonical} values";
            if (problem is not null)
                throw new InputException(table.Locate(headerRow, column, canonical),
                    $"{problem}: the column map (--columns) probably names the wrong column for {canonical}");
        }
    }

    static string Of(int part, int whole) =>
        $"{part.ToString(CultureInfo.InvariantCulture)} of the {whole.ToString(CultureInfo.InvariantCulture)} non-blank";

    /// <summary>"a number", "a date" or "a value containing digits" (an id?) for a cell no category can hold: it may
    /// be a person's age, date or id and must never be echoed or kept as a category; null for other values.</summary>
    internal static string? NumberOrDate(Cell cell)
    {
        if (cell.Kind == CellKind.Date) return "a date";
        if (cell.Kind == CellKind.Number) return "a number";
        var text = cell.Text.Trim();
        if (!text.Any(char.IsAsciiDigit)) return null;
        if (ParseDate(cell) is not null || LooksLikeDate.IsMatch(text)) return "a date";
        return text.All(c => char.IsAsciiDigit(c) || " .,+-/:".Contains(c)) ? "a number" : "a value containing digits";
    }

    static readonly System.Text.RegularExpressions.Regex LooksLikeDate =
        new(@"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>A value quoted in a message, unless it holds digits (an id, age or date of a person may hide there).</summary>
    static string Quoted(string text) =>
        text.Any(char.IsAsciiDigit) ? "a value containing digits" : $"'{text.Trim()}'";

    static string Counts(Dictionary<string, int> counts) => string.Join(", ",
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{Quoted(kv.Key)} ({kv.Value.ToString(CultureInfo.InvariantCulture)})"));

    static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd",
        "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm:ss",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss",
    ];

    static readonly string[] MonthFirstFormats = [.. DateFormats.Select(f => f.Replace("dd/MM", "MM/dd", StringComparison.Ordinal).Replace("d/M", "M/d", StringComparison.Ordinal))];

    static readonly string[] YearFirstFormats = [.. DateFormats.Where(f => f.StartsWith("yyyy", StringComparison.Ordinal))];

    // Excel serials from 1 (1900-01-01) to 2958465 (9999-12-31); 60 is Excel's phantom 29 February 1900.
    internal static DateOnly? ParseDate(Cell cell, DateOrder order = DateOrder.DayFirst)
    {
        if (cell.Kind is CellKind.Date or CellKind.Number && cell.Number is { } serial)
            return serial is >= 1 and < 2958466 && serial != 60 ? DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))) : null;
        return DateTime.TryParseExact(cell.Text.Trim(), order switch { DateOrder.MonthFirst => MonthFirstFormats, DateOrder.YearFirst => YearFirstFormats, _ => DateFormats }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? DateOnly.FromDateTime(d) : null;
    }

    /// <summary>
    /// A text date "05/04/2024" is 5 April in the UK and 4 May in the US, and nothing in the value says which. A
    /// column holding a date whose second number is over 12 (04/25/2024) is written month first: read day first, its
    /// other rows would silently move to other months (and years) and change the counts. So such a column stops the
    /// run, naming the row (never the value), unless --date-format says how to read it; a column mixing both orders
    /// (a day over 12 in the first place in one row, in the second place in another) cannot be read either way.
    /// </summary>
    static DateOrder CheckDateOrder(Table table, int headerRow, int column)
    {
        int? monthFirstRow = null, dayFirstRow = null;
        var numbers = PerText(c => SlashDate.Match(c.Text) is { Success: true } m
            ? (First: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Second: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : ((int, int)?)null);
        foreach (var (row, cells) in table.Rows.SkipWhile(r => r.Row != headerRow).Skip(1))
        {
            if (column >= cells.Count || cells[column].Kind != CellKind.Text) continue;
            if (numbers(cells[column]) is not { } pair) continue;
            var (first, second) = pair;
            if (second > 12 && first <= 12) monthFirstRow ??= row;
            if (first > 12 && second <= 12) dayFirstRow ??= row;
        }
        if (monthFirstRow is not { } us) return DateOrder.DayFirst;
        var where = table.Locate(us, column, GmpColumns.DateLogged);
        if (dayFirstRow is { } uk)
            throw new InputException(where, string.Create(CultureInfo.InvariantCulture,
                $"the column mixes month-first dates (this row) with day-first dates (row {uk}): the dates cannot be read safely either way (expected one order: correct the extract)"));
        throw new InputException(where,
            "a date written month first (MM/dd/yyyy, US style: its second number is over 12), so the column's other dates would be misread as day first (give --date-format MM/dd/yyyy to read the column month first, or save the extract with dd/MM/yyyy dates)");
    }

    static readonly System.Text.RegularExpressions.Regex SlashDate =
        new(@"^\s*(\d{1,2})/(\d{1,2})/\d{4}\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    internal static int? ParseAge(Cell cell)
    {
        double value;
        if (cell.Kind == CellKind.Number && cell.Number is { } n) value = n;
        else if (!double.TryParse(cell.Text.Trim(), NumberStyles.Integer | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return null;
        return value is >= 0 and <= 120 && value == Math.Floor(value) ? (int)value : null;
    }

    static string NormaliseType(string text)
    {
        if (Category.IsNotLogged(text)) return ExploitationType.Unknown;
        var key = Category.Key(text);
        var known = ExploitationType.All.FirstOrDefault(t => Category.Key(t) == key);
        if (known is not null) return known;
        var kept = InputText.Clean(text);
        return char.ToUpperInvariant(kept[0]) + kept[1..].ToLowerInvariant();
    }

    /// <summary>The gender, and the value as kept when it is neither Male/Female nor a not-logged spelling (to be
    /// counted in the warning).</summary>
    static (Gender Gender, string? Unknown) NormaliseGender(string text)
    {
        switch (Category.Key(text))
        {
            case "male" or "m": return (Gender.Male, null);
            case "female" or "f": return (Gender.Female, null);
        }
        return Category.IsNotLogged(text) ? (Gender.Unknown, null) : (Gender.Unknown, InputText.Clean(text));
    }

    /// <summary>"  BRITISH " → "British"; "sri lankan" → "Sri Lankan".</summary>
    internal static string TitleCase(string text) => string.Join(' ',
        InputText.Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
}
