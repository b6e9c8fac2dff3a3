using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Insights.Model;
using Insights.Narrative;
using Insights.Sources.Gmp;

namespace Insights.Pipeline;

/// <summary>
/// manifest.json beside facts.json: what a QA sign-off needs to reproduce and trust a run. The code version, the
/// options, each input (file name only, size, SHA-256, sheets or tables used, publication date), the templates'
/// hashes, and for each fact its source, where it is printed and whether it is suppressed (docs/outputs.md). No
/// clock and no full path: the same code and inputs give the same bytes. No row of the police extract: its
/// facts name the file and how many rows it has.
/// </summary>
public static class RunManifest
{
    public const string FileName = "manifest.json";

    public sealed record Code(string Product, string Version, string? Commit, string? Note);

    public sealed record Input(string File, string Role, long Bytes, string Sha256, string? Sheet = null, int? Rows = null,
        string? Release = null, string? Published = null, IReadOnlyList<Table>? Tables = null);

    public sealed record Table(string Sheet, string Title, string Cells, string Kind);

    public sealed record Template(string File, string Sha256);

    public sealed record Source(IReadOnlyList<string> Files, string? Release = null, IReadOnlyList<Table>? Tables = null, int? Rows = null, string? Filter = null,
        FigureCells? Cells = null);

    /// <summary>The published cells a figure was computed from: a count's, or a share's or change's numerator and denominator.</summary>
    public sealed record FigureCells(IReadOnlyList<CellRange>? Count = null, IReadOnlyList<CellRange>? Numerator = null, IReadOnlyList<CellRange>? Denominator = null);

    /// <summary>Cells of one sheet of one file, "F14:F16, F20" (a long CSV's rows and its count column).</summary>
    public sealed record CellRange(string File, string? Sheet, string Cells);

    public sealed record Place(string Section, int Paragraph);

    public sealed record FactEntry(string Id, string Printed, Source Source, IReadOnlyList<Place> PrintedAt, bool Suppressed, string? Suppression);

    public sealed record Manifest(string? Sample, Code Code, IReadOnlyDictionary<string, string?> Options, IReadOnlyList<Input> Inputs,
        IReadOnlyList<Template> Templates, IReadOnlyList<FactEntry> Facts);

    /// <summary>The manifest of a full context run.</summary>
    public static string Build(ContextResult result, ContextOptions options)
    {
        var gmp = options.Gmp;
        var opts = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["district"] = result.District.District.Name,
            ["period"] = result.District.Period.ToString(),
            ["year"] = gmp.Year?.ToString(),
            ["from"] = gmp.Range?.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = gmp.Range?.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["top"] = gmp.TopNationalities.ToString(CultureInfo.InvariantCulture),
            ["minBase"] = gmp.MinimumBase.ToString(CultureInfo.InvariantCulture),
            ["area"] = gmp.AreaOrDefault.ForceName,
            ["columns"] = gmp.ColumnMapPath is { } c ? Path.GetFileName(c) : null,
            ["dateFormat"] = gmp.DateOrder?.ToString(),
            ["publish"] = options.Publish ? "true" : "false",
            ["suppressBelow"] = options.SuppressBelow?.ToString(CultureInfo.InvariantCulture),
        };
        AddNational(opts, options.Nrm, result.National?.Quarter, options.TemplatesFolder, options.Trends);
        var police = gmp.Files.Select(f => Describe(f, "police extract") with { Rows = null }).ToList();
        var rows = result.Extract.Columns.Count;
        var policeSource = new Source([.. police.Select(p => p.File)], Rows: rows);
        return Write(result.SampleNote, opts, [.. police.Select((p, i) => i == 0 && police.Count == 1 ? p with { Rows = rows } : p), .. NrmInputs(result.Nrm)],
            options.TemplatesFolder, result.Markdown, result.Facts.Facts, result.Nrm, result.National?.Quarter,
            f => f.Source == result.Extract.SourceDescription ? policeSource with { Filter = f.Filter } : null);
    }

    /// <summary>The manifest of a run on NRM releases alone.</summary>
    public static string Build(NationalResult result, NationalOnlyOptions options)
    {
        var opts = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        AddNational(opts, options.Nrm, result.National.National.Quarter, options.TemplatesFolder, options.Trends);
        return Write(result.SampleNote, opts, NrmInputs(result.National.Nrm), options.TemplatesFolder, result.Markdown, result.Facts.Facts,
            result.National.Nrm, result.National.National.Quarter, _ => null);
    }

    static void AddNational(SortedDictionary<string, string?> opts, NrmOptions? nrm, Quarter? reported, string? templates, TrendOptions? trends)
    {
        opts["quarter"] = nrm?.Quarter?.ToString();
        opts["bulletinTotal"] = nrm?.BulletinTotal?.ToString(CultureInfo.InvariantCulture);
        opts["latestPublished"] = nrm?.LatestPublished == true ? "true" : null;
        opts["quarterReported"] = reported?.ToString();
        opts["templates"] = templates is null ? "built-in" : Path.GetFileName(Path.TrimEndingDirectorySeparator(templates));
        opts["nationalYear"] = trends?.NationalYear?.ToString();
        opts["nrmArea"] = trends?.NrmArea;
        opts["districtTrend"] = trends?.DistrictTrend == true ? "true" : null;
        opts["forecast"] = trends is { } t && (t.Forecast || t.WithForecast) ? (t.WithForecast ? "with text" : "report only") : null;
    }

    static string Write(string? sample, SortedDictionary<string, string?> options, IReadOnlyList<Input> inputs, string? templatesFolder, string markdown,
        IReadOnlyList<Fact> facts, NrmHistory? nrm, Quarter? reported, Func<Fact, Source?> policeSource)
    {
        var placed = FactPlacement.Where(markdown, facts);
        var entries = facts.Select(f => new FactEntry(f.Id, f.Printed, policeSource(f) ?? NrmSource(f, nrm, reported),
            [.. placed[f.Id].Select(p => new Place(p.Section, p.Number))], f.Suppression is not null, f.Suppression)).ToList();
        var manifest = new Manifest(sample, CodeVersion(), options, inputs, Templates(templatesFolder), entries);
        return JsonSerializer.Serialize(manifest, Json) + "\n";
    }

    /// <summary>The informational version (1.0.0+commit: the SDK adds the commit of a git clone, docs/outputs.md).</summary>
    public static Code CodeVersion()
    {
        var version = typeof(RunManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0
            ? new Code("Insights", version, null, "built without git: the commit is not known (build with -p:SourceRevisionId=COMMIT to record it)")
            : new Code("Insights", version, version[(plus + 1)..], null);
    }

    /// <summary>An NRM fact's source: the releases whose files its source names, and of their tables the kinds it names.</summary>
    static Source NrmSource(Fact fact, NrmHistory? nrm, Quarter? reported)
    {
        var text = fact.Source ?? "";
        var releases = (nrm?.Releases ?? []).Where(r => r.Files.Any(f => text.Contains(Path.GetFileName(f), StringComparison.Ordinal))).ToList();
        if (releases.Count == 0 && nrm is not null && reported is { } q && nrm.Release(q) is { } release) releases.Add(release);
        var kinds = new List<NrmTable>();
        if (text.Contains("referrals by quarter", StringComparison.Ordinal)) kinds.Add(NrmTable.QuarterlySeries);
        if (text.Contains("first-responder", StringComparison.Ordinal)) kinds.Add(NrmTable.FirstResponder);
        var tables = releases.SelectMany(r => r.TablesRead).Where(t => kinds.Count == 0 || kinds.Contains(t.Table)).Select(TableOf).ToList();
        return new Source([.. releases.SelectMany(r => r.Files).Select(Path.GetFileName).Distinct().Select(f => f!)],
            string.Join("; ", releases.Select(r => NationalWording.ReleaseName(r.Release))), tables.Count > 0 ? tables : null, Filter: fact.Filter, Cells: CellsOf(fact));
    }

    static FigureCells? CellsOf(Fact fact)
    {
        if (fact.Cells is not { } cells || cells.Numerator.IsEmpty && cells.Denominator.IsEmpty) return null;
        return fact.Denominator is null
            ? new FigureCells(Count: Ranges(cells.Numerator))
            : new FigureCells(Numerator: Ranges(cells.Numerator), Denominator: Ranges(cells.Denominator));
    }

    /// <summary>
    /// The cells by file and sheet, each sheet's cells column by column and runs of rows joined ("F14:F16"), so a
    /// figure added up from a hundred cells of one column stays one line that a checker can follow in the workbook.
    /// </summary>
    public static IReadOnlyList<CellRange>? Ranges(CellSet cells)
    {
        if (cells.IsEmpty) return null;
        var ranges = new List<CellRange>();
        foreach (var sheet in cells.Cells.Where(c => c.Row is not null)
            .GroupBy(c => (File: Path.GetFileName(c.File), c.Sheet))
            .OrderBy(g => g.Key.File, StringComparer.Ordinal).ThenBy(g => g.Key.Sheet ?? "", StringComparer.Ordinal))
        {
            var parts = new List<string>();
            foreach (var column in sheet.GroupBy(c => c.Column ?? "").OrderBy(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                var rows = column.Select(c => c.Row!.Value).Distinct().Order().ToList();
                for (var i = 0; i < rows.Count;)
                {
                    var j = i;
                    while (j + 1 < rows.Count && rows[j + 1] == rows[j] + 1) j++;
                    parts.Add(i == j ? $"{column.Key}{rows[i]}" : $"{column.Key}{rows[i]}:{column.Key}{rows[j]}");
                    i = j + 1;
                }
            }
            ranges.Add(new CellRange(sheet.Key.File, sheet.Key.Sheet, string.Join(", ", parts)));
        }
        return ranges;
    }

    static IReadOnlyList<Input> NrmInputs(NrmHistory? nrm) =>
    [
        .. (nrm?.Releases ?? []).SelectMany(r => r.Files.Select(f => Describe(f, "NRM release") with
        {
            Release = r.Release.Quarter.ToString(),
            Published = r.Release.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Tables = r.TablesRead.Where(t => t.File == Path.GetFileName(f)).Select(TableOf).ToList() is { Count: > 0 } t ? t : null,
        })),
    ];

    static Table TableOf(NrmTableRead t) =>
        new(t.Sheet, t.Title, t.Cells, t.Table == NrmTable.QuarterlySeries ? "referrals by quarter, age and location" : "first responder");

    /// <summary>A file as given: "extract.xlsx#Sheet" is the file and its sheet; only the file name is kept.</summary>
    static Input Describe(string given, string role)
    {
        var (path, sheet) = GmpExtractReader.SplitSheet(given);
        var bytes = File.ReadAllBytes(path);
        return new Input(Path.GetFileName(path), role, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)), sheet);
    }

    static IReadOnlyList<Template> Templates(string? folder)
    {
        var library = new TemplateLibrary(folder);
        return Directory.Exists(library.Folder)
            ? [.. Directory.GetFiles(library.Folder, "*.sbn").Order(StringComparer.Ordinal)
                .Select(f => new Template(Path.GetFileName(f), Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))))]
            : [];
    }

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
