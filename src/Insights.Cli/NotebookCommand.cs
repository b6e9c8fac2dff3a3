using System.CommandLine;
using System.Globalization;
using Insights.Notebooks;

namespace Insights.Cli;

/// <summary><c>insights notebook run &lt;notebook.ipynb&gt; [--param name=value ...] [--out report.html]
/// [--executed out.ipynb] [--verbose] [--cell-timeout minutes]</c>. Exit codes: 0 ran, 1 a cell failed, 2 bad usage or parameter.</summary>
static class NotebookCommand
{
    static readonly Argument<string> Notebook = new("notebook") { Description = "the notebook (.ipynb); it is never changed" };
    static readonly Option<string[]> Param = ValueOptions.Files("--param", "name=value",
        "set a variable of the cell tagged \"parameters\" (repeatable; string, int, long, double, decimal and bool variables)");
    static readonly Option<string?> Out = ValueOptions.Text("--out", "report.html", "write the executed notebook as one offline HTML page");
    static readonly Option<string?> Executed = ValueOptions.Text("--executed", "out.ipynb",
        "write the executed notebook with its outputs (for local use: never commit it)");
    static readonly Option<bool> Verbose = ValueOptions.Flag("--verbose", "print the stack trace when a cell fails");
    static readonly Option<int?> CellTimeout = ValueOptions.Number("--cell-timeout", "minutes",
        "stop a cell that runs longer, and the run with it (default 10; 0 = no limit)", 0, 24 * 60, "a number of minutes");

    const string Epilogue = """

        Runs the notebook's C# cells in order, sharing state between cells. A failing cell stops the run:
        "cell N (line L): message", counting every cell (markdown too) and the lines within that cell
        (exit code 1).

        Example:
          insights notebook run notebooks/02-district-context.ipynb --param district=Bolton --out out/district.html
        """;

    public static Command Create()
    {
        var run = new Command("run", "run a notebook's C# cells") { Notebook, Param, Out, Executed, Verbose, CellTimeout };
        run.SetAction(result => Run(result, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        var notebook = new Command("notebook", "run notebooks (see insights notebook run --help)") { run.WithEpilogue(Epilogue), NotebookStripCommand.Create() };
        return notebook;
    }

    static int Run(ParseResult a, TextWriter stdout, TextWriter stderr)
    {
        var path = a.GetValue(Notebook)!;
        if (!File.Exists(path)) throw new UsageException($"notebook '{path}' not found");
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var given in a.Values(Param))
        {
            var eq = given.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new UsageException($"--param '{given}' must look like name=value");
            if (!parameters.TryAdd(given[..eq].Trim(), given[(eq + 1)..]))
                throw new UsageException($"--param '{given[..eq].Trim()}' was given more than once");
        }
        var verbose = a.GetValue(Verbose);
        if (a.GetValue(Executed) is { } target && Path.GetFullPath(target) == Path.GetFullPath(path))
            throw new UsageException("--executed must not overwrite the source notebook");

        var timeout = a.GetValue(CellTimeout) is { } minutes
            ? minutes == 0 ? (TimeSpan?)null : TimeSpan.FromMinutes(minutes)
            : CellEngine.DefaultCellTimeout;
        NotebookRun run;
        try
        {
            // Run off the caller's synchronization context so blocking on the result cannot deadlock.
            run = Task.Run(() => NotebookRunner.RunAsync(path, new NotebookRunOptions { Parameters = parameters, Host = InsightsNotebooks.Host, CellTimeout = timeout }))
                .GetAwaiter().GetResult();
        }
        catch (NotebookParameterException e)
        {
            throw new UsageException(e.Message);
        }
        catch (NotebookFormatException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.InputError;
        }

        foreach (var warning in run.Warnings) stderr.WriteLine($"warning: {warning}");
        // Outputs are written even when a cell failed: the error shows in them where it happened (as papermill does).
        if (a.GetValue(Out) is { } html)
        {
            CreateFolderOf(html);
            NotebookReport.Write(run.Executed, Path.GetFileNameWithoutExtension(path), html);
            stdout.WriteLine($"wrote {html}");
        }
        if (a.GetValue(Executed) is { } executed)
        {
            CreateFolderOf(executed);
            run.Executed.Save(executed);
            stdout.WriteLine($"wrote {executed}");
        }
        if (run.Failure is { } failure)
        {
            stderr.WriteLine($"error: {path}: {failure}");
            if (verbose && failure.Exception is not null) stderr.WriteLine(failure.Exception.ToString());
            return ExitCodes.InputError;
        }
        var cells = run.Executed.Cells.Count(c => c.ExecutionCount is not null);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ran {cells} code cells of {path}"));
        return ExitCodes.Ok;
    }

    // "--out out/02.html" on a fresh clone: out/ is git-ignored, so it does not exist yet.
    static void CreateFolderOf(string file)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
    }
}
