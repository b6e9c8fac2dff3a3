using System.Globalization;
using Insights.Notebooks;

namespace Insights.Cli;

/// <summary><c>insights notebook run &lt;notebook.ipynb&gt; [--param name=value ...] [--out report.html]
/// [--executed out.ipynb] [--verbose]</c>. Exit codes: 0 ran, 1 a cell failed, 64 bad usage or parameter.</summary>
static class NotebookCommand
{
    const string HelpText = """
        insights notebook run <notebook.ipynb> [options]
        insights notebook strip [--check] <notebook.ipynb | folder>...   (clear outputs before committing)

        Runs the notebook's C# cells in order, sharing state between cells. The notebook file is never changed.

        Options:
          --param name=value     set a variable of the cell tagged "parameters" (repeatable; string, int,
                                 long, double, decimal and bool variables)
          --out report.html      write the executed notebook as one offline HTML page
          --executed out.ipynb   write the executed notebook with its outputs (for local use: never commit it)
          --cell-timeout MIN     stop a cell that runs longer than this many minutes (default 10; 0 = none)
          --verbose              print the stack trace when a cell fails

        A failing cell stops the run: "cell N (line L): message", counting every cell (markdown too) and
        the lines within that cell. Exit codes: 0 ran, 1 a cell failed, 64 bad usage or parameter.

        Example:
          insights notebook run notebooks/02-district-context.ipynb --param district=Bolton --out out/district.html

        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            Console.Out.Write(HelpText);
            return args.Length == 0 ? 64 : 0;
        }
        if (args[0] == "strip") return NotebookStripCommand.Run(args[1..]);
        if (args[0] != "run") throw new UsageException($"unknown notebook command '{args[0]}' (see insights notebook --help)");
        var arguments = new Arguments(args[1..], new HashSet<string> { "--param", "--out", "--executed", "--cell-timeout" },
            new HashSet<string> { "--verbose", "--help" }, new HashSet<string> { "--param" });
        if (arguments.Flag("--help"))
        {
            Console.Out.Write(HelpText);
            return 0;
        }
        if (arguments.Positional.Count != 1)
            throw new UsageException("notebook run needs exactly one notebook file (see insights notebook --help)");
        var path = arguments.Positional[0];
        if (!File.Exists(path)) throw new UsageException($"notebook '{path}' not found");
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var given in arguments.Values("--param"))
        {
            var eq = given.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new UsageException($"--param '{given}' must look like name=value");
            if (!parameters.TryAdd(given[..eq].Trim(), given[(eq + 1)..]))
                throw new UsageException($"--param '{given[..eq].Trim()}' was given more than once");
        }
        var verbose = arguments.Flag("--verbose");
        if (arguments.Value("--executed") is { } target && Path.GetFullPath(target) == Path.GetFullPath(path))
            throw new UsageException("--executed must not overwrite the source notebook");

        NotebookRun run;
        try
        {
            // Run off the caller's synchronization context so blocking on the result cannot deadlock.
            run = Task.Run(() => NotebookRunner.RunAsync(path, new NotebookRunOptions
            {
                Parameters = parameters,
                Host = InsightsNotebooks.Host,
                CellTimeout = KernelCommand.CellTimeout(arguments.Value("--cell-timeout")),
            }))
                .GetAwaiter().GetResult();
        }
        catch (NotebookParameterException e)
        {
            throw new UsageException(e.Message);
        }
        catch (NotebookFormatException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }

        foreach (var warning in run.Warnings) Console.Error.WriteLine($"warning: {warning}");
        // Outputs are written even when a cell failed: the error shows in them where it happened (as papermill does).
        if (arguments.Value("--out") is { } html)
        {
            CreateFolderOf(html);
            NotebookReport.Write(run.Executed, Path.GetFileNameWithoutExtension(path), html);
            Console.Out.WriteLine($"wrote {html}");
        }
        if (arguments.Value("--executed") is { } executed)
        {
            CreateFolderOf(executed);
            run.Executed.Save(executed);
            Console.Out.WriteLine($"wrote {executed}");
        }
        if (run.Failure is { } failure)
        {
            Console.Error.WriteLine($"error: {path}: {failure}");
            if (verbose && failure.Exception is not null) Console.Error.WriteLine(failure.Exception.ToString());
            return 1;
        }
        var cells = run.Executed.Cells.Count(c => c.ExecutionCount is not null);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ran {cells} code cells of {path}"));
        return 0;
    }

    // "--out out/02.html" on a fresh clone: out/ is git-ignored, so it does not exist yet.
    static void CreateFolderOf(string file)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
    }
}
