using System.CommandLine;
using Insights.Notebooks;

namespace Insights.Cli;

/// <summary><c>insights notebook strip [--check] &lt;file.ipynb | folder&gt;...</c>: clears every output and execution
/// count, in place, so a notebook run on a real extract can be committed without the people in it. With
/// <c>--check</c> nothing is written; the exit code says whether any notebook has outputs (for a pre-commit hook).</summary>
static class NotebookStripCommand
{
    static readonly Argument<string[]> Paths = new("notebooks") { Description = "notebooks (.ipynb) or folders", Arity = ArgumentArity.OneOrMore };
    static readonly Option<bool> Check = ValueOptions.Flag("--check", "change nothing; exit 1 if any notebook has outputs (for a git pre-commit hook)");

    public static Command Create()
    {
        var strip = new Command("strip", "clear the outputs and execution counts of notebooks, in place (before committing)") { Paths, Check };
        strip.SetAction(r => Run(r.GetValue(Paths) ?? [], r.GetValue(Check), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return strip;
    }

    public static int Run(IReadOnlyList<string> paths, bool check, TextWriter stdout, TextWriter stderr)
    {
        var withOutputs = 0;
        foreach (var path in paths.SelectMany(Notebooks))
        {
            var notebook = Notebook.Load(path);
            if (!notebook.HasOutputs) continue;
            withOutputs++;
            if (check)
            {
                stderr.WriteLine($"error: {path} has outputs (run: insights notebook strip {path})");
                continue;
            }
            notebook.WithoutOutputs().Save(path);
            stdout.WriteLine($"stripped {path}");
        }
        return check && withOutputs > 0 ? ExitCodes.InputError : ExitCodes.Ok;
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
