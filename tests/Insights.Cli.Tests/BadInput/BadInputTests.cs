using System.Text;
using Insights.Cli;

namespace Insights.Tests.BadInput;

/// <summary>Every case of <see cref="BadInputCorpus"/>, one test each, run in process.</summary>
public sealed class BadInputTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-bad-input-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Names() => [.. BadInputCorpus.Cases.Select(c => c.Name)];

    const string LastQuarter = "last quarter's text";

    [Fact]
    public void The_corpus_has_at_least_60_cases_with_distinct_names()
    {
        Assert.True(BadInputCorpus.Cases.Length >= 60, $"{BadInputCorpus.Cases.Length} cases");
        Assert.Equal(BadInputCorpus.Cases.Length, BadInputCorpus.Cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_input(string name)
    {
        var @case = BadInputCorpus.Cases.Single(c => c.Name == name);
        var folder = new CaseFolder(_folder);
        var output = Path.Combine(_folder, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "current-trends.md"), LastQuarter);
        var args = @case.Arguments(folder);
        if (!args.Contains("--out")) args = [.. args, "--out", output];
        var before = Directory.GetFileSystemEntries(_folder).Order(StringComparer.Ordinal).ToList();

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = InsightsCommand.Run(["context", .. args], stdout, stderr);
        var console = stdout + "\n" + stderr;

        Assert.True(code == @case.ExitCode, $"exit {code}, expected {@case.ExitCode}:\n{console}");
        foreach (var expected in @case.Expected) Assert.True(console.Contains(expected, StringComparison.Ordinal), $"'{expected}' not in:\n{console}");
        Assert.DoesNotContain("   at ", console, StringComparison.Ordinal);                          // never a stack trace
        Assert.DoesNotContain(CaseFolder.IdMarker, console, StringComparison.Ordinal);                 // never an id of the extract
        if (code != 0)
        {
            // One line, and --out as it was: no file written, none left half-written beside it.
            Assert.Single(stderr.ToString().TrimEnd('\n').Split('\n'));
            Assert.Equal(["current-trends.md"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
            Assert.Equal(LastQuarter, File.ReadAllText(Path.Combine(output, "current-trends.md")));
            Assert.Equal(before, Directory.GetFileSystemEntries(_folder).Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.NotEqual(LastQuarter, File.ReadAllText(Path.Combine(output, "current-trends.md")));
        }
        var texts = code == 0 ? TextOutputs(output) : [];
        foreach (var (file, text) in texts) Assert.False(text.Contains(CaseFolder.IdMarker, StringComparison.Ordinal), $"{file} holds an enquiry id");
        foreach (var never in @case.NeverShown ?? [])
        {
            Assert.False(console.Contains(never, StringComparison.Ordinal), $"the console shows {never}");
            // report.html and dashboard.html carry plotly.js, whose own source holds control characters.
            foreach (var (file, text) in texts.Where(t => t.File is not ("report.html" or "dashboard.html") && !t.File.EndsWith(".parquet", StringComparison.Ordinal)))
                Assert.False(text.Contains(never, StringComparison.Ordinal), $"{file} holds {never}");
        }
        foreach (var never in @case.NeverInHtml ?? [])
            foreach (var (file, text) in texts.Where(t => t.File.EndsWith(".html", StringComparison.Ordinal)))
                Assert.False(text.Contains(never, StringComparison.Ordinal), $"{file} holds {never}");
    }

    /// <summary>Every output a person or program reads as text (Parquet bytes included: an id must not be there either).</summary>
    static List<(string File, string Text)> TextOutputs(string output) =>
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".md" or ".html" or ".json" or ".txt" or ".parquet")
            .Select(f => (Path.GetRelativePath(output, f), Encoding.UTF8.GetString(File.ReadAllBytes(f))))
            .ToList();
}
