using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Insights.Breakdowns;
using Insights.Model;
using Insights.Sources.Gmp;
using Insights.Tests.Samples;

namespace Insights.Benchmarks;

/// <summary>
/// The district context on synthetic GMP extracts of 10k, 1M and 10M rows, through the library and, in the same run
/// on the same file, the same GROUP BYs in DuckDB (the peer: a columnar engine reading the same CSV). Each run is a
/// process of its own (the figure a user waits for, JIT included, and its own peak memory), the two interleaved;
/// each run's figures are checked against the other's before any time is reported. See docs/benchmarks.md.
/// </summary>
static class ExtractBenchmark
{
    const string District = "Stockport";
    static readonly FinancialYear Year = new(2024);
    // After the synthetic extract's last date, so no date is in the future; fixed so runs are reproducible.
    static readonly DateOnly Today = new(2026, 1, 1);

    /// <summary><c>extract [--quick] [--sizes 10000,1000000] [--runs 3]</c>; <c>extract --readers</c> times the CSV
    /// readers alone.</summary>
    public static int Run(string[] args)
    {
        if (args.Contains("--readers")) return Readers(args);
        var quick = args.Contains("--quick");
        var sizes = Option(args, "--sizes")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            ?? (quick ? [1_000_000] : [10_000, 1_000_000, 10_000_000]);
        var runs = int.Parse(Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var format = Option(args, "--format") ?? "csv";
        if (format is not ("csv" or "parquet")) throw new ArgumentException($"--format {format}: expected csv or parquet");
        var folder = Path.Combine(Path.GetTempPath(), "insights-extract-benchmark");
        Directory.CreateDirectory(folder);

        Console.WriteLine($"{"rows",12} {"Insights s",11} {"peak MiB",9} {"DuckDB s",9} {"peak MiB",9} {"ratio",6}");
        foreach (var rows in sizes)
        {
            var path = format == "parquet" ? AsParquet(Extract(folder, rows)) : Extract(folder, rows);
            var ours = new List<Measure>();
            var peer = new List<Measure>();
            for (var i = 0; i < runs; i++)
            {
                ours.Add(Child("insights", path));
                peer.Add(Child("duckdb", path));
                if (ours[^1].Figures != peer[^1].Figures)
                    throw new InvalidOperationException($"the figures differ at {rows} rows:\nInsights:\n{ours[^1].Figures}\nDuckDB:\n{peer[^1].Figures}");
            }
            var (t, p) = (Median(ours.Select(m => m.Seconds)), Median(peer.Select(m => m.Seconds)));
            Console.WriteLine($"{rows,12:N0} {t,11:F2} {ours.Max(m => m.PeakMiB),9:F0} {p,9:F2} {peer.Max(m => m.PeakMiB),9:F0} {t / p,6:F2}");
        }
        Console.WriteLine($"(median of {runs} interleaved runs, each a new process; figures agree; {Environment.ProcessorCount} processors; .NET {Environment.Version}; load average {LoadAverage()})");
        return 0;
    }

    /// <summary>
    /// <c>extract --readers [--sizes 1000000,10000000] [--runs 5]</c>: our streaming CSV reader (Csv/CsvRecords, the
    /// extract's) against Sylvan.Data.Csv 1.4.4 on the same generated file, in this process, interleaved after a
    /// warm-up of each: every field of every record read as a span. Both must see the same records and characters.
    /// </summary>
    static int Readers(string[] args)
    {
        var sizes = Option(args, "--sizes")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() ?? [1_000_000, 10_000_000];
        var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), "insights-extract-benchmark");
        Directory.CreateDirectory(folder);
        Console.WriteLine($"{"rows",12} {"CsvRecords s",13} {"Sylvan s",9} {"ratio",6}");
        foreach (var rows in sizes)
        {
            var path = Extract(folder, rows);
            var (ours, peer) = (new List<double>(), new List<double>());
            var expected = OurReader(path);
            if (SylvanReader(path) != expected) throw new InvalidOperationException($"the readers differ at {rows} rows");
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                if (OurReader(path) != expected) throw new InvalidOperationException("CsvRecords read differently");
                ours.Add(watch.Elapsed.TotalSeconds);
                watch.Restart();
                if (SylvanReader(path) != expected) throw new InvalidOperationException("Sylvan read differently");
                peer.Add(watch.Elapsed.TotalSeconds);
            }
            var (t, p) = (Median(ours), Median(peer));
            Console.WriteLine($"{rows,12:N0} {t,13:F2} {p,9:F2} {t / p,6:F2}");
        }
        Console.WriteLine($"(median of {runs} interleaved runs in one process after a warm-up; same records and characters; {Environment.ProcessorCount} processors; .NET {Environment.Version}; load average {LoadAverage()})");
        return 0;
    }

    // Records after the header, and the characters of their fields.
    static (long Records, long Chars) OurReader(string path) => global::Insights.Sources.Csv.CsvRecords.Read(path, records =>
    {
        long n = -1, chars = 0;
        while (records.Read())
        {
            n++;
            for (var i = 0; i < records.FieldCount; i++) chars += records[i].Length;
        }
        return (n, chars - HeaderChars);
    });

    static (long Records, long Chars) SylvanReader(string path)
    {
        using var csv = Sylvan.Data.Csv.CsvDataReader.Create(path, new Sylvan.Data.Csv.CsvDataReaderOptions { HasHeaders = true });
        long n = 0, chars = 0;
        while (csv.Read())
        {
            n++;
            for (var i = 0; i < csv.RowFieldCount; i++) chars += csv.GetFieldSpan(i).Length;
        }
        return (n, chars);
    }

    // "EnquiryId,DateLogged,District,ExploitationType,Age,Gender,Nationality" without its commas.
    static readonly int HeaderChars = "EnquiryIdDateLoggedDistrictExploitationTypeAgeGenderNationality".Length;

    /// <summary>One measured run in this process: <c>extract-run insights|duckdb FILE</c>; prints seconds, peak MiB, figures.</summary>
    public static int RunOne(string[] args)
    {
        var watch = Stopwatch.StartNew();
        var figures = args[0] == "insights" ? Insights(args[1]) : DuckDb(args[1]);
        watch.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:R} {self.PeakWorkingSet64 / 1048576.0:R}"));
        Console.Write(figures);
        return 0;
    }

    sealed record Measure(double Seconds, double PeakMiB, string Figures);

    static Measure Child(string engine, string path)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        // Run through the same host: the apphost directly, or `dotnet Insights.Benchmarks.dll`.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(ExtractBenchmark).Assembly.Location);
        foreach (var a in new[] { "extract-run", engine, path }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{engine} run failed ({process.ExitCode}): {output}");
        var firstLine = output[..output.IndexOf('\n', StringComparison.Ordinal)].Split(' ');
        return new Measure(double.Parse(firstLine[0], CultureInfo.InvariantCulture), double.Parse(firstLine[1], CultureInfo.InvariantCulture),
            output[(output.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
    }

    /// <summary>The extract of that many rows, generated once into the folder and reused (deterministic).</summary>
    static string Extract(string folder, int rows)
    {
        var path = Path.Combine(folder, $"gmp-{rows}.csv");
        if (File.Exists(path)) return path;
        var watch = Stopwatch.StartNew();
        using (var writer = new StreamWriter(path + ".part", false, new UTF8Encoding(true), 1 << 20))
            SyntheticGmpExtract.WriteScaled(writer, rows);
        File.Move(path + ".part", path);
        Console.Error.WriteLine($"generated {path} ({new FileInfo(path).Length / 1048576.0:F0} MiB) in {watch.Elapsed.TotalSeconds:F0} s");
        return path;
    }

    /// <summary>The CSV extract as Parquet, every column text as the CSV has it (written once by DuckDB, reused), so
    /// both engines read the same values from a Parquet file instead.</summary>
    static string AsParquet(string csv)
    {
        var path = Path.ChangeExtension(csv, ".parquet");
        if (File.Exists(path)) return path;
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, $"COPY (SELECT * FROM {CsvSource(csv)}) TO '{Quoted(path + ".part")}' (FORMAT parquet)");
        File.Move(path + ".part", path);
        return path;
    }

    static string Quoted(string path) => path.Replace("'", "''", StringComparison.Ordinal);

    static string CsvSource(string path) => $"read_csv('{Quoted(path)}', header = true, all_varchar = true)";

    // The figures both engines report, one per line, names lower case (DuckDB keeps the raw text's case folded).
    static string Insights(string path)
    {
        var extract = GmpExtractReader.Read(path, today: Today);
        var c = DistrictBreakdown.Compute(extract.Columns, District, Year.Period);
        var lines = new List<string>
        {
            $"district {c.Enquiries}", $"previous {c.PreviousEnquiries}", $"area {c.GmEnquiries}", $"not-logged {c.DistrictNotLogged}",
            $"age-gender-known {c.AgeAndGenderKnown}", $"male {c.Male.Adults} {c.Male.UnderEighteen}", $"female {c.Female.Adults} {c.Female.UnderEighteen}",
            $"nationality-known {c.NationalityKnown}", $"other-nationalities {c.OtherNationalities.Numerator}",
            $"british-children {c.BritishChildren.Numerator} of {c.BritishChildren.Denominator}",
            $"other-children {c.OtherNationalityChildren.Numerator} of {c.OtherNationalityChildren.Denominator}",
        };
        lines.AddRange(c.ExploitationTypes.Select(t => $"type {t.Name.ToLowerInvariant()} {t.Count}"));
        lines.AddRange(c.TopNationalities.Select(t => $"top {t.Name.ToLowerInvariant()} {t.Count}"));
        lines.AddRange(DistrictComparison.CountsByDistrict(extract.Columns, Year.Period).Select(d => $"in {d.District.ToLowerInvariant()} {d.Count}"));
        return Lines(lines);
    }

    static string DuckDb(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        // The same readings as the library's: case and runs of spaces folded, the not-logged spellings null, M/F,
        // both date formats, ages 0-120. One table read from the CSV, then the district context's GROUP BYs.
        Execute(connection, $"""
            CREATE TABLE e AS
            WITH raw AS (SELECT * FROM {(path.EndsWith(".parquet", StringComparison.Ordinal) ? $"read_parquet('{Quoted(path)}')" : CsvSource(path))}),
            folded AS (
              SELECT coalesce(try_strptime(DateLogged, '%d/%m/%Y'), try_strptime(DateLogged, '%Y-%m-%d'))::DATE AS d,
                     lower(regexp_replace(trim(coalesce(District, '')), '\s+', ' ', 'g')) AS district,
                     lower(regexp_replace(trim(coalesce(ExploitationType, '')), '\s+', ' ', 'g')) AS type,
                     try_cast(trim(Age) AS INTEGER) AS age,
                     lower(trim(coalesce(Gender, ''))) AS gender,
                     lower(regexp_replace(trim(coalesce(Nationality, '')), '\s+', ' ', 'g')) AS nationality
              FROM raw)
            SELECT d,
                   CASE WHEN district IN ('', 'unknown', 'not known', 'not recorded', 'n/a', 'na', 'not stated') THEN NULL ELSE district END AS district,
                   CASE WHEN type IN ('', 'unknown', 'not known', 'not recorded', 'n/a', 'na', 'not stated') THEN 'unknown' ELSE type END AS type,
                   CASE WHEN age BETWEEN 0 AND 120 THEN CASE WHEN age >= 18 THEN 'adult' ELSE 'child' END END AS age_group,
                   CASE WHEN gender IN ('male', 'm') THEN 'male' WHEN gender IN ('female', 'f') THEN 'female' END AS gender,
                   CASE WHEN nationality IN ('', 'unknown', 'not known', 'not recorded', 'n/a', 'na', 'not stated') THEN NULL ELSE nationality END AS nationality
            FROM folded
            """);
        var (first, last) = (Year.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Year.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var previous = Year.Period.Preceding();
        var mine = $"district = 'stockport' AND d BETWEEN DATE '{first}' AND DATE '{last}'";
        var lines = new List<string>();
        long One(string sql) => Convert.ToInt64(Query(connection, sql).Single()[0], CultureInfo.InvariantCulture);
        var byDistrict = Query(connection, $"SELECT district, count(*) FROM e WHERE d BETWEEN DATE '{first}' AND DATE '{last}' GROUP BY district");
        lines.Add($"district {One($"SELECT count(*) FROM e WHERE {mine}")}");
        lines.Add($"previous {One($"SELECT count(*) FROM e WHERE district = 'stockport' AND d BETWEEN DATE '{previous.First:yyyy-MM-dd}' AND DATE '{previous.Last:yyyy-MM-dd}'")}");
        lines.Add($"area {byDistrict.Sum(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture))}");
        lines.Add($"not-logged {byDistrict.Where(r => r[0] is null).Sum(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture))}");
        var ageGender = Query(connection, $"SELECT gender, age_group, count(*) FROM e WHERE {mine} AND gender IS NOT NULL AND age_group IS NOT NULL GROUP BY ALL");
        long Cell(string g, string a) => ageGender.Where(r => (string)r[0]! == g && (string)r[1]! == a).Sum(r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture));
        lines.Add($"age-gender-known {ageGender.Sum(r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture))}");
        lines.Add($"male {Cell("male", "adult")} {Cell("male", "child")}");
        lines.Add($"female {Cell("female", "adult")} {Cell("female", "child")}");
        var nationalities = Query(connection, $"SELECT nationality, count(*) AS n, count(*) FILTER (age_group = 'child') FROM e WHERE {mine} AND nationality IS NOT NULL GROUP BY nationality ORDER BY n DESC, nationality");
        var known = nationalities.Sum(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture));
        // The top 3 and any nationality tied with the third, as the library lists them.
        var cut = nationalities.Count >= 3 ? Convert.ToInt64(nationalities[2][1], CultureInfo.InvariantCulture) : 0;
        var top = nationalities.Where((r, i) => i < 3 || Convert.ToInt64(r[1], CultureInfo.InvariantCulture) == cut).ToList();
        lines.Add($"nationality-known {known}");
        lines.Add($"other-nationalities {known - top.Sum(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture))}");
        var british = nationalities.Where(r => (string)r[0]! == "british").ToList();
        long Sum(IEnumerable<object?[]> rows, int i) => rows.Sum(r => Convert.ToInt64(r[i], CultureInfo.InvariantCulture));
        lines.Add($"british-children {Sum(british, 2)} of {Sum(british, 1)}");
        var others = nationalities.Where(r => (string)r[0]! != "british").ToList();
        lines.Add($"other-children {Sum(others, 2)} of {Sum(others, 1)}");
        lines.AddRange(Query(connection, $"SELECT type, count(*) FROM e WHERE {mine} GROUP BY type").Select(r => $"type {r[0]} {r[1]}"));
        lines.AddRange(top.Select(r => $"top {r[0]} {r[1]}"));
        lines.AddRange(PoliceArea.GreaterManchester.Districts.Select(d =>
            $"in {d.ToLowerInvariant()} {byDistrict.Where(r => (string?)r[0] == d.ToLowerInvariant()).Sum(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture))}"));
        return Lines(lines);
    }

    static string Lines(IEnumerable<string> lines) =>
        string.Join('\n', lines.Select(l => l.ToString(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal)) + "\n";

    static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    static List<object?[]> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
        return rows;
    }

    static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
