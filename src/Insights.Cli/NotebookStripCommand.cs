using Insights.Notebooks;

namespace Insights.Cli;

/// <summary><c>insights notebook strip [--check] &lt;file.ipynb | folder&gt;...</c>: clears every output and execution
/// count, in place, so a notebook run on a real extract can be committed without the people in it. With
/// <c>--check</c> nothing is written; the exit code says whether any notebook has outputs (for a pre-commit hook).</summary>
static class NotebookStripCommand
{
    public const string HelpText = """
        insights notebook strip [--check] <notebook.ipynb | folder>...

        Clears the outputs and execution counts of the notebooks (a folder: every .ipynb in it and below), in place,
        written as Jupyter writes them. Run it before committing a notebook you ran in VS Code or JupyterLab.
          --check    change nothing; exit 1 if any notebook has outputs (for a git pre-commit hook)

        """;

    public static int Run(string[] args)
    {
        var arguments = new Arguments(args, new HashSet<string>(), new HashSet<string> { "--check", "--help" });
        if (arguments.Flag("--help"))
        {
            Console.Out.Write(HelpText);
            return 0;
        }
        if (arguments.Positional.Count == 0) throw new UsageException("notebook strip needs one or more notebooks or folders (see insights notebook strip --help)");
        var check = arguments.Flag("--check");
        var withOutputs = 0;
        foreach (var path in arguments.Positional.SelectMany(Notebooks))
        {
            var notebook = Notebook.Load(path);
            if (!notebook.HasOutputs) continue;
            withOutputs++;
            if (check)
            {
                Console.Error.WriteLine($"error: {path} has outputs (run: insights notebook strip {path})");
                continue;
            }
            notebook.WithoutOutputs().Save(path);
            Console.Out.WriteLine($"stripped {path}");
        }
        return check && withOutputs > 0 ? 1 : 0;
    }

    static IEnumerable<string> Notebooks(string path)
    {
        if (Directory.Exists(path))
            return Directory.GetFiles(path, "*.ipynb", SearchOption.AllDirectories)
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Contains(".ipynb_checkpoints"))
                .Order(StringComparer.Ordinal);
        if (File.Exists(path)) return [path];
        throw new UsageException($"notebook '{path}' not found");
    }
}
