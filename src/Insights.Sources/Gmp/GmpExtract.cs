using System.Globalization;
using Insights.Model;
using Insights.Sources.Csv;
using Insights.Sources.Xlsx;
using DFrame = Deedle.Frame;

namespace Insights.Sources.Gmp;

/// <summary>
/// The enquiries of one or more police enquiry extracts (GMP's format), with the warnings their reading raised. The
/// records are the canonical model, held as <see cref="Columns"/>; <see cref="ToFrame"/> is a view of them for notebooks.
/// </summary>
public sealed record GmpExtract(IReadOnlyList<Enquiry> Enquiries, IReadOnlyList<InputWarning> Warnings, IReadOnlyList<string> Files)
{
    EnquiryColumns? _columns;

    /// <summary>
    /// The enquiries as columns of codes, what the breakdowns, the jobs and the notebooks count: the reader fills
    /// them in one pass. <see cref="Enquiries"/> is a record view made from them, with the ids read from the files
    /// again, only when asked for (<see cref="ToFrame"/>, small extracts in a notebook); no job uses it.
    /// </summary>
    public EnquiryColumns Columns
    {
        get => _columns ??= EnquiryColumns.From(Enquiries);
        init => _columns = value;
    }

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
            AgeGroups.ShortLabel(e.AgeGroup));
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
        var options = new Options(map ?? ColumnMap.Identity, area ?? PoliceArea.GreaterManchester, today ?? DateOnly.FromDateTime(DateTime.Today), dateOrder);
        var files = paths.ToList();
        var columns = new EnquiryColumns(1 << 16);
        var hashes = new IdHashes();
        var warnings = new List<InputWarning>();
        foreach (var path in files)
        {
            var (file, sheetName) = SplitSheet(path);
            WithRows(file, sheetName, rows => warnings.AddRange(ReadRows(rows, options, columns, hashes, ids: null)));
        }
        var names = files.Select(f => SplitSheet(f).File).ToList();
        // Overlapping extracts (2023-24 and a year-to-date that repeats its last months, or one file given twice)
        // repeat whole rows: the same enquiry, counted once. Rows that share an id but differ are not provably
        // the same enquiry, so they stay (and are counted in the next warning). Only rows whose ids share a 64-bit
        // hash can be either, so only their ids are read again, exactly.
        var suspects = hashes.Colliding();
        var (removed, duplicates) = suspects.Count == 0 ? ([], 0) : Repeats(suspects, ReadIds(files, options, suspects), columns);
        columns.Remove(removed);
        var repeated = removed.Count;
        if (repeated > 0)
            warnings.Add(new InputWarning("gmp-repeated-row",
                $"{repeated.ToString(CultureInfo.InvariantCulture)} row{(repeated == 1 ? " repeats" : "s repeat")} an earlier row in every column across {string.Join(", ", names.Select(Path.GetFileName))} (overlapping extracts?); each enquiry is counted once"));
        if (duplicates > 0)
            warnings.Add(new InputWarning("gmp-duplicate-id",
                $"{duplicates} EnquiryId value{(duplicates == 1 ? " appears" : "s appear")} more than once across {string.Join(", ", names.Select(Path.GetFileName))} with different values; each such row is counted as an enquiry"));
        var enquiries = new EnquiryView(columns, () =>
        {
            var all = ReadIds(files, options, null);
            var dropped = new HashSet<int>(removed);
            return [.. Enumerable.Range(0, all.Count).Where(i => !dropped.Contains(i)).Select(i => all[i])];
        });
        return new GmpExtract(enquiries, warnings, names) { Area = options.Area, Columns = columns };
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

    sealed record Options(ColumnMap Map, PoliceArea Area, DateOnly Today, DateOrder? DateOrder);

    /// <summary>The ids of the rows read (the same rows, in the same order), all of them or those whose index is in
    /// <paramref name="only"/>: the files read again, for the exact check of colliding hashes and the record view.</summary>
    static Dictionary<int, string> ReadIds(IReadOnlyList<string> files, Options options, IReadOnlySet<int>? only)
    {
        var ids = new Dictionary<int, string>();
        var columns = new EnquiryColumns(16);
        var hashes = new IdHashes();
        foreach (var path in files)
        {
            var (file, sheetName) = SplitSheet(path);
            WithRows(file, sheetName, rows => ReadRows(rows, options, columns, hashes, (row, id) =>
            {
                if (only is null || only.Contains(row)) ids[row] = id;
            }));
        }
        return ids;
    }

    /// <summary>Of the rows whose id hashes collide, those repeating an earlier row in every column (to remove, in
    /// order) and the number of ids (case ignored) left on more than one row.</summary>
    static (List<int> Removed, int DuplicateIds) Repeats(IReadOnlySet<int> suspects, Dictionary<int, string> ids, EnquiryColumns columns)
    {
        var rows = new HashSet<Enquiry>();
        var removed = new List<int>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var repeatedIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in suspects.Order())
        {
            var enquiry = columns.Enquiry(row, ids[row]);
            if (!rows.Add(enquiry)) { removed.Add(row); continue; }
            if (!seen.Add(enquiry.Id)) repeatedIds.Add(enquiry.Id);
        }
        return (removed, repeatedIds.Count);
    }

    /// <summary>Opens a file's rows for <paramref name="read"/>: CSV streamed (read again from the start if it turns
    /// out to be Windows-1252), an XLSX or ODS sheet from the workbook.</summary>
    static void WithRows(string file, string? sheetName, Action<ExtractRows> read)
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
            using var rows = new SheetExtractRows(file, sheet, sheetName is null ? book.Sheets.Skip(1).Select(s => s.Name).ToList() : []);
            read(rows);
            return;
        }
        if (ext == ".parquet")
        {
            if (sheetName is not null) throw new InputException(new SourceLocation(file, sheetName), "a Parquet file has no sheets");
            using var rows = ParquetExtractRows.Open(file);
            read(rows);
            return;
        }
        if (ext is ".csv" or ".txt" or ".tsv")
        {
            if (sheetName is not null) throw new InputException(new SourceLocation(file, sheetName), "a CSV file has no sheets");
            CsvRecords.Read(file, records =>
            {
                using var rows = new CsvExtractRows(records);
                read(rows);
                return 0;
            });
            return;
        }
        throw new InputException(new SourceLocation(file), "expected a .csv, .tsv, .txt, .xlsx, .ods or .parquet file" +
            (ext == ".xls" ? " (.xls is Excel 97-2003: save it as .xlsx)" : ""));
    }

    static SourceLocation Locate(ExtractRows rows, int row, int column, string canonical) =>
        new(rows.File, rows.Sheet, row, $"{SourceLocation.ColumnLetters(column)} ({canonical})");

    /// <summary>
    /// Reads one file's rows in a single pass into <paramref name="columns"/> (and each row's id hash into
    /// <paramref name="hashes"/>, or its id to <paramref name="ids"/>). Each distinct text of a column is read once
    /// (<see cref="ColumnValues"/>). The checks of whole columns (categories that look like ages, dates or ids; US
    /// dates) need every row, so every error is raised once the file is read, in the order the checks have always
    /// had: the file's own faults (quotes, field counts), the header, the columns, then the first bad row.
    /// </summary>
    static List<InputWarning> ReadRows(ExtractRows rows, Options options, EnquiryColumns columns, IdHashes hashes, Action<int, string>? ids)
    {
        var (map, area, today, dateOrder) = options;
        var start = columns.Count;
        columns.Truncate(start);
        hashes.Truncate(start);
        // The header: the first row with a value.
        List<Cell>? header = null;
        var headerRow = 0;
        while (header is null && rows.Read())
        {
            var cells = Enumerable.Range(0, rows.FieldCount).Select(i => CellOf(rows, i)).ToList();
            if (cells.Any(c => !c.IsEmpty)) (header, headerRow) = (cells, rows.Row);
        }
        Exception? headerProblem = null;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        InputException? sharedColumn = null;
        if (header is null) headerProblem = new InputException(new SourceLocation(rows.File, rows.Sheet), "no header row: the file is empty");
        else
            try
            {
                sharedColumn = Columns(rows, header, headerRow, map, index);
                rows.Mapped(index);
            }
            catch (InputException e) { headerProblem = e; }
        if (headerProblem is not null)
        {
            // The file's own faults further on come first, as when the whole file was parsed before the header was read.
            while (rows.Read()) { }
            throw headerProblem;
        }
        var order = dateOrder ?? DateOrder.DayFirst; // day first unless a month-first date stops the run below
        var expectedDate = dateOrder switch
        {
            null => "dd/MM/yyyy, yyyy-MM-dd or an Excel date",
            DateOrder.YearFirst => "yyyy-MM-dd, as --date-format says, or an Excel date",
            { } given => $"{given.Pattern()}, as --date-format says, yyyy-MM-dd or an Excel date",
        };
        var (idAt, dateAt, districtAt, typeAt, ageAt, genderAt, nationalityAt) = (index[GmpColumns.EnquiryId], index[GmpColumns.DateLogged],
            index[GmpColumns.District], index[GmpColumns.ExploitationType], index[GmpColumns.Age], index[GmpColumns.Gender], index[GmpColumns.Nationality]);
        var values = new ColumnValues(area, order);
        var dates = new ColumnValues.Column(values, GmpColumns.DateLogged);
        var categories = CategoryNouns.Select(c => new ColumnValues.Column(values, c.Column)).ToArray();
        var (districts, types, genders, nationalities) = (categories[0], categories[1], categories[2], categories[3]);
        var ages = new ColumnValues.Column(values, GmpColumns.Age);
        var categoryAt = CategoryNouns.Select(c => index[c.Column]).ToArray();
        var mapped = new[] { dateAt, districtAt, typeAt, ageAt, genderAt, nationalityAt };
        var checks = new ColumnCheck[categories.Length];
        int? monthFirstRow = null, dayFirstRow = null;
        InputException? rowProblem = null;
        var typeCounts = new List<int>();
        var nationalityCounts = new List<int>();
        var unknownGenderCounts = new List<int>();
        var synonymCounts = new int[BritishSynonyms.Count];
        while (rows.Read())
        {
            var row = rows.Row;
            var date = dates.Of(rows, dateAt);
            if (date.Slash == SlashOrder.MonthFirst) monthFirstRow ??= row;
            else if (date.Slash == SlashOrder.DayFirst) dayFirstRow ??= row;
            var district = districts.Of(rows, districtAt);
            var type = types.Of(rows, typeAt);
            var gender = genders.Of(rows, genderAt);
            var nationality = nationalities.Of(rows, nationalityAt);
            var age = ages.Of(rows, ageAt);
            if (date.Empty && district.Empty && type.Empty && gender.Empty && nationality.Empty && age.Empty && IsBlank(rows, mapped))
                continue;
            checks[0].Count(district);
            checks[1].Count(type);
            checks[2].Count(gender);
            checks[3].Count(nationality);
            if (rowProblem is not null) continue;
            SourceLocation Where(string canonical) => Locate(rows, row, index[canonical], canonical);
            var id = Id(rows, idAt, out var idText);
            if (id.IsEmpty) { rowProblem = new InputException(Where(GmpColumns.EnquiryId), "EnquiryId is blank (every enquiry needs an id)"); continue; }
            if (date.Date is not { } logged) { rowProblem = new InputException(Where(GmpColumns.DateLogged), $"not a date (expected {expectedDate})"); continue; }
            if (logged > today)
            {
                rowProblem = new InputException(Where(GmpColumns.DateLogged), string.Create(CultureInfo.InvariantCulture,
                    $"a date after the date of this run ({today:yyyy-MM-dd}): a mistyped year? (the value is not shown)"));
                continue;
            }
            for (var c = 0; c < categories.Length && rowProblem is null; c++)
            {
                var value = c switch { 0 => district, 1 => type, 2 => gender, _ => nationality };
                // An --area district named with a digit is the one category value that may hold one.
                if (value.NumberOrDate is { } what && !(c == 0 && value.District is not null))
                    rowProblem = new InputException(Where(CategoryNouns[c].Column),
                        $"{what} where {CategoryNouns[c].Noun} was expected (check the extract, or the column map if --columns names this column)");
            }
            if (rowProblem is not null) continue;
            if (!district.NotLogged && district.District is null)
            {
                rowProblem = new InputException(Where(GmpColumns.District),
                    $"{Quoted(district.Cell.Text)} is not a {area.AreaName} district (expected one of {area.DistrictList}, or blank / Not recorded)");
                continue;
            }
            if (!age.Empty && !age.NotLogged && age.Age is null)
            {
                rowProblem = new InputException(Where(GmpColumns.Age), "not an age (expected whole years from 0 to 120, or blank when unknown)");
                continue;
            }
            Count(typeCounts, type.Written);
            if (gender.UnknownGender >= 0) Count(unknownGenderCounts, gender.UnknownGender);
            if (nationality.Synonym >= 0) synonymCounts[nationality.Synonym]++;
            if (nationality.Written > 0) Count(nationalityCounts, nationality.Written - 1);
            var at = columns.Count;
            if (district.District is not null && district.Code == 0) district.Code = columns.DistrictCode(district.District);
            columns.Add(logged.DayNumber, district.Code,
                type.Written, EnquiryColumns.AgeByte(age.Age), gender.Gender, nationality.Written);
            hashes.Add(id);
            ids?.Invoke(at, idText ?? new string(id));
        }
        CheckCategoryColumns(rows, headerRow, index, checks);
        if (sharedColumn is not null) throw sharedColumn;
        if (dateOrder is null && monthFirstRow is { } us)
        {
            var at = Locate(rows, us, dateAt, GmpColumns.DateLogged);
            if (dayFirstRow is { } uk)
                throw new InputException(at, string.Create(CultureInfo.InvariantCulture,
                    $"the column mixes month-first dates (this row) with day-first dates (row {uk}): the dates cannot be read safely either way (expected one order: correct the extract)"));
            throw new InputException(at,
                "a date written month first (MM/dd/yyyy, US style: its second number is over 12), so the column's other dates would be misread as day first (give --date-format MM/dd/yyyy to read the column month first, or save the extract with dd/MM/yyyy dates)");
        }
        if (rowProblem is not null) throw rowProblem;

        // One category, one spelling: values that differ only in punctuation would share a fact id.
        var typeSpellings = new CategorySpellings(ExploitationType.All);
        for (var t = 0; t < typeCounts.Count; t++)
            if (typeCounts[t] > 0) typeSpellings.Add(values.WrittenTypes[t], typeCounts[t]);
        var nationalitySpellings = new CategorySpellings([Enquiry.British]);
        for (var n = 0; n < nationalityCounts.Count; n++)
            if (nationalityCounts[n] > 0) nationalitySpellings.Add(values.WrittenNationalities[n], nationalityCounts[n]);
        var typeCodes = values.WrittenTypes.Select(t => columns.TypeCode(typeSpellings.Canonical(t, orWritten: true))).ToList();
        var nationalityCodes = values.WrittenNationalities.Select(n => columns.NationalityCode(nationalitySpellings.Canonical(n, orWritten: true))).ToList();
        columns.Recode(start, typeCodes, nationalityCodes);
        var unknownTypes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < typeCounts.Count; t++)
        {
            var name = typeSpellings.Canonical(values.WrittenTypes[t], orWritten: true);
            if (typeCounts[t] > 0 && name != ExploitationType.UnknownName && !ExploitationType.All.Contains(name))
                unknownTypes[name] = unknownTypes.GetValueOrDefault(name) + typeCounts[t];
        }
        var unknownGenders = Enumerable.Range(0, unknownGenderCounts.Count).Where(g => unknownGenderCounts[g] > 0)
            .ToDictionary(g => values.UnknownGenders[g], g => unknownGenderCounts[g], StringComparer.Ordinal);
        var mappedToBritish = Enumerable.Range(0, synonymCounts.Length).Where(s => synonymCounts[s] > 0)
            .ToDictionary(s => BritishSynonyms[s], s => synonymCounts[s], StringComparer.Ordinal);

        var warnings = new List<InputWarning>();
        var where = Path.GetFileName(rows.File) + (rows.Sheet is null ? "" : $", sheet {rows.Sheet}");
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
        return warnings;
    }

    static void Count(List<int> counts, int code)
    {
        while (counts.Count <= code) counts.Add(0);
        counts[code]++;
    }

    static Cell CellOf(ExtractRows rows, int field) =>
        field >= rows.FieldCount ? Cell.Empty
        : rows.TryGetText(field, out var text) ? Cell.FromText(new string(text)).Cleaned() : rows.Cell(field);

    /// <summary>True when every field of the row is empty (the mapped ones are known to be).</summary>
    static bool IsBlank(ExtractRows rows, int[] mapped)
    {
        for (var i = 0; i < rows.FieldCount; i++)
            if (Array.IndexOf(mapped, i) < 0 && !(rows.TryGetText(i, out var text) && text.IsEmpty) && !CellOf(rows, i).IsEmpty) return false;
        return true;
    }

    /// <summary>The row's id as the reader keeps it (cleaned, trimmed), without a string when the text is plain.</summary>
    static ReadOnlySpan<char> Id(ExtractRows rows, int field, out string? made)
    {
        made = null;
        if (field < rows.FieldCount && rows.TryGetText(field, out var text) && IsPlain(text)) return text;
        made = CellOf(rows, field).Text.Trim();
        return made;
    }

    // Printable ASCII, no space at either end or twice: what cleaning and trimming leave as it is.
    static bool IsPlain(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] == ' ' || text[^1] == ' ') return false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is < (char)0x20 or >= (char)0x7F) return false;
            if (c == ' ' && text[i + 1] == ' ') return false;
        }
        return true;
    }

    /// <summary>The header's columns into <paramref name="index"/>; errors for a missing or doubled header, and the
    /// error for two canonical columns read from one header (returned: it is raised after the columns' contents).</summary>
    static InputException? Columns(ExtractRows rows, List<Cell> header, int headerRow, ColumnMap map, Dictionary<string, int> index)
    {
        InputException? sharedColumn = null;
        foreach (var canonical in GmpColumns.All)
        {
            var wanted = Category.Key(map.HeaderFor(canonical));
            var at = -1;
            for (var i = 0; i < header.Count; i++)
                if (Category.Key(header[i].Text) == wanted)
                {
                    // The same header twice (a column pasted again, a "District" beside an old "District") leaves the
                    // reader to guess which one holds the values.
                    if (at >= 0)
                        throw new InputException(new SourceLocation(rows.File, rows.Sheet, headerRow, $"{SourceLocation.ColumnLetters(i)} ({canonical})"),
                            $"two columns are headed '{map.HeaderFor(canonical)}' ({SourceLocation.ColumnLetters(at)} and {SourceLocation.ColumnLetters(i)}): expected one (rename or delete the other)");
                    at = i;
                }
            if (at < 0)
                throw new InputException(new SourceLocation(rows.File, rows.Sheet, headerRow, map.HeaderFor(canonical)),
                    $"column '{map.HeaderFor(canonical)}' not found in the header row" +
                    // Excel on a continental machine saves "CSV" with semicolons: the whole header is then one cell.
                    (rows.OtherSheets.Count > 0
                        ? $" (no sheet was named, so the first sheet, {rows.Sheet}, was read; the workbook also has {string.Join(", ", rows.OtherSheets)}: name the extract's sheet as {Path.GetFileName(rows.File)}#Sheet)"
                        : map.Columns.ContainsKey(canonical) ? $" (the column map names it for {canonical})" : " (name it in a column map with --columns if your file calls it something else)"));
            // Two columns read from one header (a map naming "Division" for District and Nationality) would turn
            // one column's values into the other's categories without a word.
            // (Checked after the columns' contents, whose message says more when the map names an age or a date.)
            if (sharedColumn is null && index.FirstOrDefault(kv => kv.Value == at).Key is { } twin)
                sharedColumn = new InputException(new SourceLocation(rows.File, rows.Sheet, headerRow, $"{SourceLocation.ColumnLetters(at)} ({canonical})"),
                    $"{twin} and {canonical} both read the column headed '{InputText.Clean(header[at].Text)}' (expected each column from its own header: check --columns)");
            index[canonical] = at;
        }
        return sharedColumn;
    }

    /// <summary>A column's counts for the whole-column check: its non-blank values (not-logged spellings aside),
    /// those that are numbers, dates or hold digits, and those outside the column's list.</summary>
    struct ColumnCheck
    {
        public int Values, Numbers, NotKnown;

        public void Count(ColumnValues.Value value)
        {
            if (value.Empty || value.NotLogged) return;
            Values++;
            if (value.CheckNumber) Numbers++;
            if (!value.Known) NotKnown++;
        }
    }

    /// <summary>
    /// A column map pointing a category column at a person's age or date would turn personal data into categories
    /// (or echo it in an error), so a category column whose values mostly hold digits (numbers, dates, ids), or (for the columns
    /// with a fixed list) mostly outside that list, stops the run before any value is read; no value is named.
    /// </summary>
    static void CheckCategoryColumns(ExtractRows rows, int headerRow, Dictionary<string, int> index, ColumnCheck[] checks)
    {
        for (var c = 0; c < CategoryNouns.Length; c++)
        {
            var canonical = CategoryNouns[c].Column;
            var (values, numbers) = (checks[c].Values, checks[c].Numbers);
            if (values == 0) continue;
            var unrecognised = canonical == GmpColumns.Nationality ? 0 : checks[c].NotKnown - numbers;
            string? problem = null;
            if (numbers * 2 > values)
                problem = $"{Of(numbers, values)} values are numbers, dates or other values with digits, not {canonical} values";
            // One unknown value in a tiny file is that row's error (reported at its row), not the column's.
            else if (unrecognised > 1 && (numbers + unrecognised) * 2 > values)
                problem = $"{Of(numbers + unrecognised, values)} values are not known {canonical} values";
            if (problem is not null)
                throw new InputException(Locate(rows, headerRow, index[canonical], canonical),
                    $"{problem}: the column map (--columns) probably names the wrong column for {canonical}");
        }
    }

    enum SlashOrder : byte { None, MonthFirst, DayFirst }

    /// <summary>
    /// What each distinct value of a file's columns reads as, worked out once: an extract's category, age and date
    /// columns repeat a few hundred values over millions of rows. A CSV field is looked up by its raw text (no
    /// string made for a value seen before); a sheet's text cell by its text; numbers and date cells are read each
    /// time. A column keeps at most <see cref="Limit"/> texts (a column of date-times is mostly distinct).
    /// </summary>
    sealed class ColumnValues(PoliceArea area, DateOrder order)
    {
        const int Limit = 1 << 16;
        readonly Dictionary<string, int> _types = new(StringComparer.Ordinal), _nationalities = new(StringComparer.Ordinal), _genders = new(StringComparer.Ordinal);
        public readonly List<string> WrittenTypes = [], WrittenNationalities = [], UnknownGenders = [];

        static int Code(Dictionary<string, int> codes, List<string> names, string name)
        {
            if (codes.TryGetValue(name, out var code)) return code;
            codes[name] = code = names.Count;
            names.Add(name);
            return code;
        }

        /// <summary>One distinct value of a column and its readings for that column.</summary>
        public sealed class Value
        {
            public required Cell Cell;
            public bool Empty, NotLogged, CheckNumber, Known = true;
            public string? NumberOrDate, District;
            public DateOnly? Date;
            public SlashOrder Slash;
            public int? Age;
            public Gender Gender;
            public int Written, UnknownGender = -1, Synonym = -1;
            public ushort Code; // the district's code in the columns, once stored
        }

        public Value Read(string column, Cell cell)
        {
            var v = new Value { Cell = cell, Empty = cell.IsEmpty, NotLogged = Category.IsNotLogged(cell.Text) };
            switch (column)
            {
                case GmpColumns.DateLogged:
                    v.Date = ParseDate(cell, order);
                    if (cell.Kind == CellKind.Text && SlashDate.Match(cell.Text) is { Success: true } m)
                    {
                        var (first, second) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
                        v.Slash = second > 12 && first <= 12 ? SlashOrder.MonthFirst : first > 12 && second <= 12 ? SlashOrder.DayFirst : SlashOrder.None;
                    }
                    break;
                case GmpColumns.Age:
                    v.Age = ParseAge(cell);
                    break;
                case GmpColumns.District:
                    v.District = area.Canonical(cell.Text);
                    Categorise(v, v.District is not null);
                    break;
                case GmpColumns.ExploitationType:
                    v.Written = Code(_types, WrittenTypes, NormaliseType(cell.Text));
                    Categorise(v, ExploitationType.All.Any(k => Category.SpellingKey(k) == Category.SpellingKey(cell.Text)));
                    break;
                case GmpColumns.Gender:
                    var (gender, unknown) = NormaliseGender(cell.Text);
                    v.Gender = gender;
                    if (unknown is not null) v.UnknownGender = Code(_genders, UnknownGenders, unknown);
                    Categorise(v, Category.Key(cell.Text) is "male" or "m" or "female" or "f");
                    break;
                case GmpColumns.Nationality:
                    if (!v.NotLogged)
                    {
                        var (name, synonym) = NormaliseNationality(cell.Text);
                        v.Written = 1 + Code(_nationalities, WrittenNationalities, name!);
                        if (synonym is not null) v.Synonym = BritishSynonyms.ToList().IndexOf(synonym);
                    }
                    Categorise(v, null);
                    break;
            }
            return v;
        }

        static void Categorise(Value v, bool? known)
        {
            v.NumberOrDate = NumberOrDate(v.Cell);
            v.CheckNumber = v.NumberOrDate is not null && known != true;
            v.Known = known ?? true;
        }

        /// <summary>One column's values, by text.</summary>
        public sealed class Column(ColumnValues values, string name)
        {
            readonly Dictionary<string, Value> _byText = new(StringComparer.Ordinal);
            readonly Value _empty = values.Read(name, Cell.Empty);

            public Value Of(ExtractRows rows, int field)
            {
                if (field >= rows.FieldCount) return _empty;
                if (rows.TryGetText(field, out var text))
                {
                    if (text.IsEmpty) return _empty;
                    if (_byText.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known)) return known;
                    var raw = new string(text);
                    return Keep(raw, values.Read(name, Cell.FromText(raw).Cleaned()));
                }
                var cell = rows.Cell(field);
                if (cell.Kind != CellKind.Text) return values.Read(name, cell);
                return _byText.TryGetValue(cell.Text, out var seen) ? seen : Keep(cell.Text, values.Read(name, cell));
            }

            Value Keep(string text, Value value)
            {
                if (_byText.Count < Limit) _byText[text] = value;
                return value;
            }
        }
    }

    /// <summary>
    /// A 64-bit hash of each row's id, case ignored as the duplicate-id check ignores it (letters beyond ASCII all
    /// hash alike, so ids equal in any case always share a hash): 8 bytes a row instead of the id. Rows whose hashes
    /// are unique cannot repeat another row or share its id; the others are looked at exactly.
    /// </summary>
    sealed class IdHashes
    {
        long[] _hashes = new long[1 << 16];
        int _count;

        public void Truncate(int count) => _count = Math.Min(_count, count);

        public void Add(ReadOnlySpan<char> id)
        {
            var h = 14695981039346656037UL;
            foreach (var c in id)
            {
                var folded = c is >= 'a' and <= 'z' ? (char)(c - 32) : c < 0x80 ? c : '\uFFFF';
                h = (h ^ folded) * 1099511628211UL;
            }
            h ^= h >> 33;
            if (_count == _hashes.Length) Array.Resize(ref _hashes, _hashes.Length * 2);
            _hashes[_count++] = (long)h;
        }

        /// <summary>The rows whose hash another row shares.</summary>
        public HashSet<int> Colliding()
        {
            var sorted = _hashes.AsSpan(0, _count).ToArray();
            Array.Sort(sorted);
            var shared = new HashSet<long>();
            for (var i = 1; i < sorted.Length; i++)
                if (sorted[i] == sorted[i - 1]) shared.Add(sorted[i]);
            var rows = new HashSet<int>();
            if (shared.Count == 0) return rows;
            for (var i = 0; i < _count; i++)
                if (shared.Contains(_hashes[i])) rows.Add(i);
            return rows;
        }
    }

    /// <summary>The enquiries as records, made (with their ids, read again from the files) when first asked for:
    /// notebooks and small callers; the breakdowns count from <see cref="GmpExtract.Columns"/>.</summary>
    sealed class EnquiryView(EnquiryColumns columns, Func<IReadOnlyList<string>> ids) : IReadOnlyList<Enquiry>
    {
        readonly Lazy<List<Enquiry>> _records = new(() =>
        {
            var read = ids();
            if (read.Count != columns.Count) throw new InvalidOperationException("the extract changed on disk while it was read");
            return [.. Enumerable.Range(0, columns.Count).Select(i => columns.Enquiry(i, read[i]))];
        });

        public int Count => columns.Count;
        public Enquiry this[int index] => _records.Value[index];
        public IEnumerator<Enquiry> GetEnumerator() => _records.Value.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
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
        if (Category.IsNotLogged(text)) return ExploitationType.UnknownName;
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
