using System.Globalization;
using System.Text.RegularExpressions;
using Insights.Model;
using Insights.Sources.Ods;

namespace Insights.Sources.Nrm;

/// <summary>
/// Loads NRM releases as the Home Office publishes them: the ODS workbook (or the same workbook re-saved as XLSX)
/// and the long CSV forms of the quarterly series and the first-responder tables. The format is recognised from
/// the content. Files of the same release quarter make one release; several quarters give several releases, and
/// with them the revision history of each quarter.
/// </summary>
public static partial class NrmLoader
{
    /// <summary>
    /// Loads files and folders (a folder: every ODS, XLSX and NRM CSV directly in it). <paramref name="quarter"/> is
    /// the release quarter of a first-responder CSV, which does not say which quarter it is; otherwise it is read from
    /// the file name (e.g. "...-2023-q4.csv") or taken from the one release quarter the other files show.
    /// </summary>
    public static NrmHistory Load(IEnumerable<string> paths, Quarter? quarter = null)
    {
        var parts = new List<FilePart>();
        var skipped = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.GetFiles(path).Order(StringComparer.Ordinal).ToList();
                var before = parts.Count;
                foreach (var file in files)
                {
                    // A folder of releases often holds other files (the police extract saved beside them, notes): each
                    // workbook or CSV that holds no NRM table is skipped and named in a warning, not a stop.
                    FilePart? part;
                    try
                    {
                        part = ReadFile(file, fromFolder: true);
                    }
                    catch (InputException e) when (e.Message.Contains(NoNrmTable, StringComparison.Ordinal) || e.Message.Contains(NotLongTable, StringComparison.Ordinal))
                    {
                        part = null;
                    }
                    if (part is not null) parts.Add(part);
                    else if (InputFormat.Detect(file) is InputFileFormat.Ods or InputFileFormat.Xlsx
                             || Path.GetExtension(file).Equals(".csv", StringComparison.OrdinalIgnoreCase))
                        skipped.Add(Path.GetFileName(file));
                }
                if (parts.Count == before)
                    throw new InputException(new SourceLocation(path), "the folder holds no NRM workbook or NRM CSV file");
            }
            else if (File.Exists(path)) parts.Add(ReadFile(path, fromFolder: false)!);
            else throw new InputException(new SourceLocation(path), "no such file or folder");
        }
        if (parts.Count == 0) throw new InputException(new SourceLocation("--nrm"), "no NRM file was given");
        var history = Assemble(parts, quarter);
        if (skipped.Count == 0) return history;
        var latest = history.Releases[^1];
        var warning = new InputWarning("nrm-file-skipped",
            $"{string.Join(", ", skipped)}: not {(skipped.Count == 1 ? "an NRM release" : "NRM releases")} (no NRM table found), skipped");
        return history with { Releases = [.. history.Releases.SkipLast(1), latest with { Warnings = [.. latest.Warnings, warning] }] };
    }

    /// <summary>Reads one release from a workbook already in memory (ODS or XLSX).</summary>
    public static NrmReleaseData ReadWorkbook(Workbook workbook, Quarter? quarter = null) =>
        Assemble([FromWorkbook(workbook)], quarter).Latest;

    sealed record FilePart(string File, Quarter? Quarter, DateOnly? Published, List<SeriesCount> Series,
        List<ResponderCount> Responders, List<InputWarning> Warnings)
    {
        /// <summary>The tables read, for the run manifest.</summary>
        public IReadOnlyList<NrmTableRead> Tables { get; init; } = [];

        /// <summary>The county / police force area table's counts (releases from 2025), by quarter.</summary>
        public IReadOnlyList<(Quarter Quarter, Breakdown<string> Area, PublishedCount Count, SourceLocation At)> Areas { get; init; } = [];
    }

    const string NoNrmTable = "no NRM table found", NotLongTable = "not an NRM long table";

    static FilePart? ReadFile(string path, bool fromFolder)
    {
        var format = InputFormat.Detect(path);
        switch (format)
        {
            case InputFileFormat.Ods:
                return FromWorkbook(OdsReader.Read(path));
            case InputFileFormat.Xlsx:
                return FromWorkbook(ReadXlsx(path));
            case InputFileFormat.Csv:
                IReadOnlyList<IReadOnlyList<string>> rows;
                try { rows = LongRows(path); }
                // A README or notes beside the data is text too; only a file headed as a long table must parse.
                catch (InputException) when (fromFolder && !HeadedAsLongTable(path)) { return null; }
                var header = rows.Count == 0 ? "" : string.Join(",", rows[0].Select(f => f.Trim()));
                var warnings = new List<InputWarning>();
                if (header.Equals(Table2Reader.LongHeader, StringComparison.OrdinalIgnoreCase))
                {
                    var series = Table2Reader.ReadLong(path, rows);
                    return new(path, series.Max(s => s.Quarter), null, series, [], warnings);
                }
                if (header.Equals(FirstResponderReader.LongHeader, StringComparison.OrdinalIgnoreCase))
                    return new(path, QuarterFromFileName(path), null, [], FirstResponderReader.ReadLong(path, rows, warnings), warnings);
                if (fromFolder) return null; // a README or notes beside the data
                throw new InputException(new SourceLocation(path, Row: 1),
                    $"{NotLongTable}: expected the header '{Table2Reader.LongHeader}' or '{FirstResponderReader.LongHeader}'");
            default:
                if (fromFolder) return null;
                throw new InputException(new SourceLocation(path), "not an ODS or XLSX workbook or a CSV file (judged from its content)");
        }
    }

    /// <summary>
    /// A long CSV's records by row number (index 0 is row 1), read by the one CSV reader every input uses (its
    /// encoding and separator detection: Excel's UTF-16, Windows-1252 and semicolon CSVs read as the UTF-8 one);
    /// a blank line stays a row of no fields, so row numbers in messages match the file.
    /// </summary>
    static IReadOnlyList<IReadOnlyList<string>> LongRows(string path)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var record in Csv.CsvReader.ReadFile(path))
        {
            while (rows.Count < record.Number - 1) rows.Add([]);
            rows.Add(record.Fields);
        }
        return rows;
    }

    static bool HeadedAsLongTable(string path)
    {
        var text = Csv.CsvReader.Decode(File.ReadAllBytes(path)).TrimStart('\uFEFF');
        var end = text.IndexOfAny(['\r', '\n']);
        var first = end < 0 ? text : text[..end];
        var header = string.Join(",", first.Split(Csv.CsvReader.Separator(first)).Select(f => f.Trim()));
        return header.Equals(Table2Reader.LongHeader, StringComparison.OrdinalIgnoreCase)
            || header.Equals(FirstResponderReader.LongHeader, StringComparison.OrdinalIgnoreCase);
    }

    static FilePart FromWorkbook(Workbook workbook)
    {
        var tables = NrmTableLocator.Locate(workbook);
        if (tables.Count == 0)
            throw new InputException(new SourceLocation(workbook.Path),
                $"{NoNrmTable}: expected a sheet whose header row is 'Year, Quarter, Adult (18 or over) ...' or '... first responder, Exploitation type, Age at exploitation, Gender, ...'");
        var warnings = new List<InputWarning>();
        var seriesTables = tables.Where(t => t.Kind == NrmTableKind.QuarterlySeries).ToList();
        if (seriesTables.Count > 1)
            throw new InputException(workbook.Locate(seriesTables[1].Sheet, seriesTables[1].HeaderRow, seriesTables[1].FirstColumn),
                $"a second referrals-by-quarter table (the first is on sheet {seriesTables[0].Sheet.Name})");
        var series = seriesTables.Count == 1 ? Table2Reader.ReadSheet(workbook, seriesTables[0], warnings) : [];
        var responders = new List<ResponderCount>();
        foreach (var group in tables.Where(t => t.Kind == NrmTableKind.FirstResponder).GroupBy(t => t.ResponderType))
        {
            if (group.Count() > 1)
                throw new InputException(workbook.Locate(group.ElementAt(1).Sheet, group.ElementAt(1).HeaderRow, group.ElementAt(1).FirstColumn),
                    $"a second {group.Key} first-responder table (the first is on sheet {group.First().Sheet.Name})");
            responders.AddRange(FirstResponderReader.ReadSheet(workbook, group.First()));
        }
        // What the text leaves out must be said: without first-responder tables the section has no type, age, gender
        // or nationality bullets; without a "UK" nationality column (renamed "United Kingdom"?) no UK-children bullet.
        var file = Path.GetFileName(workbook.Path);
        if (series.Count > 0 && responders.Count == 0)
            warnings.Add(new InputWarning("nrm-no-first-responder-tables",
                $"{file}: the referrals-by-quarter table was found but no first-responder table (by exploitation type, age, gender and nationality), so the text has no bullets on them"));
        if (responders.Count > 0 && !responders.Any(r => r.Nationality == NrmLabels.Uk))
        {
            var first = tables.First(t => t.Kind == NrmTableKind.FirstResponder);
            warnings.Add(new InputWarning("nrm-no-uk-column",
                $"{workbook.Locate(first.Sheet, first.HeaderRow, first.FirstColumn)}: the first-responder table has no nationality column headed 'UK' (renamed?), so the text has no bullet on UK nationals"));
        }
        var (coverQuarter, published) = ReadCover(workbook);
        Quarter? quarter = series.Count > 0 ? series.Max(s => s.Quarter) : coverQuarter;
        if (series.Count > 0 && coverQuarter is { } cq && cq != quarter)
            warnings.Add(new InputWarning("nrm-cover-quarter",
                $"{Path.GetFileName(workbook.Path)}: the cover says {cq} but the series ends in {quarter}; the series is taken as the release quarter"));
        var areas = quarter is { } rq ? AreaTableReader.Read(workbook, rq) : [];
        var read = tables.Select(t => new NrmTableRead(file,
            t.Kind == NrmTableKind.QuarterlySeries ? NrmTable.QuarterlySeries : NrmTable.FirstResponder, t.Sheet.Name, t.Title,
            $"{SourceLocation.ColumnLetters(t.FirstColumn)}{t.HeaderRow + 1}:{SourceLocation.ColumnLetters(Math.Max(t.Sheet.ColumnCount - 1, t.FirstColumn))}{t.Sheet.Rows.Count}")).ToList();
        return new(workbook.Path, quarter, published, series, responders, warnings) { Areas = areas, Tables = read };
    }

    static Workbook ReadXlsx(string path) => Xlsx.XlsxReader.Read(path);

    static NrmHistory Assemble(List<FilePart> parts, Quarter? quarter)
    {
        var known = parts.Where(p => p.Quarter is not null).Select(p => p.Quarter!.Value).Distinct().ToList();
        var releases = new List<NrmReleaseData>();
        var resolved = parts.Select(p => p with
        {
            Quarter = p.Quarter ?? quarter ?? (known.Count == 1 ? known[0]
                : throw new InputException(new SourceLocation(p.File),
                    "cannot tell which release quarter this is (no referrals-by-quarter table, no period on a cover sheet, none in the file name such as '...-2023-q4.csv'): give --quarter")),
        });
        foreach (var group in resolved.GroupBy(p => p.Quarter!.Value).SelectMany(Editions).OrderBy(g => g.Key.Quarter).ThenBy(g => g.Key.Published))
        {
            var list = group.Parts;
            if (list.Count(p => p.Series.Count > 0) > 1)
                throw new InputException(new SourceLocation(list.Where(p => p.Series.Count > 0).ElementAt(1).File),
                    $"a second referrals-by-quarter table for the {group.Key} release (the first came from {Path.GetFileName(list.First(p => p.Series.Count > 0).File)})");
            var types = list.SelectMany(p => p.Responders.Select(r => (r.ResponderType, p.File))).Distinct().GroupBy(t => t.ResponderType).FirstOrDefault(g => g.Count() > 1);
            if (types is not null)
                throw new InputException(new SourceLocation(types.ElementAt(1).File), $"the {group.Key} release's {types.Key} first-responder table is loaded twice");
            var release = group.Key;
            // What a table does not break down is the total of it: the series has no responders, the first-responder tables no location.
            var all = Breakdown<string>.Total;
            var series = list.SelectMany(p => p.Series).Select(s => new NrmCount(release, NrmTable.QuarterlySeries, s.Quarter,
                all, all, Breakdown<NrmExploitationType>.Total, s.AgeGroup, all, all, s.Location, s.Count.People, s.Count.MissingReason, s.At)).ToList();
            var responders = list.SelectMany(p => p.Responders).Select(r => new NrmCount(release, NrmTable.FirstResponder, release.Quarter,
                r.ResponderType, r.Responder, r.ExploitationType, r.AgeGroup, r.Gender, r.Nationality, all, r.Count.People, r.Count.MissingReason, r.At)).ToList();
            var areas = list.SelectMany(p => p.Areas).Select(a => new NrmAreaCount(release, a.Quarter, a.Area, a.Count.People, a.Count.MissingReason, a.At)).ToList();
            releases.Add(new NrmReleaseData(release, series, responders, list.SelectMany(p => p.Warnings).ToList(), list.Select(p => p.File).ToList(), areas)
                { TablesRead = [.. list.SelectMany(p => p.Tables)] });
        }
        return new NrmHistory(releases);
    }

    /// <summary>
    /// A quarter's files split into its editions: one release per publication date, so a quarter's first edition
    /// and its reissue load side by side. Files that give no date belong to the quarter's only edition; beside two
    /// dated editions they are ambiguous and refused.
    /// </summary>
    static IEnumerable<(NrmRelease Key, List<FilePart> Parts)> Editions(IGrouping<Quarter, FilePart> quarter)
    {
        var dates = quarter.Where(p => p.Published is not null).Select(p => p.Published!.Value).Distinct().Order().ToList();
        if (dates.Count <= 1)
            return [(new NrmRelease(quarter.Key, dates.Count == 1 ? dates[0] : null), quarter.ToList())];
        var undated = quarter.FirstOrDefault(p => p.Published is null);
        if (undated is not null)
            throw new InputException(new SourceLocation(undated.File), string.Create(CultureInfo.InvariantCulture,
                $"the {quarter.Key} release is loaded in {dates.Count} editions ({string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}) and this file does not say which it belongs to (no publication date on its cover): load one edition at a time"));
        return dates.Select(d => (new NrmRelease(quarter.Key, d), quarter.Where(p => p.Published == d).ToList()));
    }

    static Quarter? QuarterFromFileName(string path)
    {
        var m = FileQuarter().Match(Path.GetFileNameWithoutExtension(path));
        return m.Success ? new Quarter(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), m.Groups["q"].Value[0] - '0') : null;
    }

    static readonly string[] QuarterEndMonths = ["March", "June", "September", "December"];

    /// <summary>The release quarter and publication date as the cover sheet states them, where it does.</summary>
    static (Quarter? Quarter, DateOnly? Published) ReadCover(Workbook workbook)
    {
        var cover = workbook.Sheets.FirstOrDefault(s => s.Name.Contains("cover", StringComparison.OrdinalIgnoreCase)) ?? workbook.Sheets[0];
        Quarter? quarter = null;
        DateOnly? published = null;
        foreach (var row in cover.Rows.Take(40))
            for (var c = 0; c < row.Count; c++)
            {
                var text = InputText.Clean(row[c].Text);
                if (quarter is null && CoverPeriod().Match(text) is { Success: true } m)
                    quarter = new Quarter(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), Array.IndexOf(QuarterEndMonths, m.Groups["end"].Value) + 1);
                if (published is null && text.Contains("Published", StringComparison.OrdinalIgnoreCase))
                {
                    var next = c + 1 < row.Count ? row[c + 1] : Cell.Empty;
                    // A cover written by hand in a spreadsheet holds the date as a date cell, not as words.
                    if (next.Kind == CellKind.Date && (next.Date ?? (next.Number is { } serial ? DateTime.FromOADate(serial) : null)) is { } cell)
                    {
                        published = DateOnly.FromDateTime(cell);
                        continue;
                    }
                    var candidate = PublishedDate().Match(text) is { Success: true } d ? d.Value : InputText.Clean(next.Text);
                    if (DateOnly.TryParseExact(candidate, ["d MMMM yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        published = date;
                }
            }
        return (quarter, published);
    }

    [GeneratedRegex(@"(?<y>20\d\d)[-_ ]?q(?<q>[1-4])(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex FileQuarter();
    [GeneratedRegex(@"(January|April|July|October) to (?<end>March|June|September|December) (?<y>20\d\d)")]
    private static partial Regex CoverPeriod();
    [GeneratedRegex(@"\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}")]
    private static partial Regex PublishedDate();
}
