using System.Globalization;

namespace Insights.Notebooks;

public sealed record NotebookRunOptions
{
    /// <summary>Values for variables of the cell tagged <c>parameters</c> (name → value as typed on the command line).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The assemblies, formatters and set-up the host program gives notebooks.</summary>
    public NotebookHost Host { get; init; } = NotebookHost.Bare;

    /// <summary>How displayed values become outputs; the host's (<see cref="NotebookHost.CreateFormatters"/>) unless given.</summary>
    public FormatterRegistry? Formatters { get; init; }

    /// <summary>How long one cell may run before it is stopped (a failure naming the cell); null for no limit.</summary>
    public TimeSpan? CellTimeout { get; init; } = CellEngine.DefaultCellTimeout;
}

/// <summary>Why a run stopped: the cell (1-based, counting markdown cells too), the line within it, and the
/// compiler's or the exception's message. <see cref="ToString"/> is the one line the CLI prints.</summary>
public sealed record NotebookFailure(int Cell, int? Line, string Message, Exception? Exception)
{
    public override string ToString() => CellException.Describe(Cell, Line, Message);
}

/// <summary>A finished run: the executed copy of the notebook (outputs up to the failing cell, if one failed).</summary>
public sealed record NotebookRun(Notebook Executed, NotebookFailure? Failure, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Failure is null;
}

/// <summary>
/// Runs a notebook's C# cells in order, sharing state between them, on Roslyn scripting (the .NET Interactive
/// kernel that used to run Polyglot notebooks is retired). The source notebook is never written.
/// </summary>
public static class NotebookRunner
{
    /// <summary>The kernels a notebook's metadata may name: ours, and the retired .NET Interactive's (older files).</summary>
    static readonly string[] CSharpKernels = ["insights-csharp", ".net-csharp", "csharp", "c#"];
    static readonly string[] CSharpLanguages = ["csharp", "c#", "cs"];

    public static Task<NotebookRun> RunAsync(string notebookPath, NotebookRunOptions? options = null, CancellationToken cancellation = default)
    {
        var full = Path.GetFullPath(notebookPath);
        return RunAsync(Notebook.Load(full), full, options, cancellation);
    }

    /// <param name="notebookPath">Where the notebook lives: relative <c>#r "x.dll"</c> paths start in its folder.</param>
    /// <param name="cancellation">Stops the running cell (as an interrupt does) and the run with it.</param>
    /// <exception cref="NotebookParameterException">A parameter is unknown or its value does not fit its type.</exception>
    public static async Task<NotebookRun> RunAsync(Notebook notebook, string notebookPath, NotebookRunOptions? options = null,
        CancellationToken cancellation = default)
    {
        options ??= new NotebookRunOptions();
        notebookPath = Path.GetFullPath(notebookPath);
        if (notebook.KernelName is { } kernel && !CSharpKernels.Contains(kernel, StringComparer.OrdinalIgnoreCase))
            throw new NotebookFormatException($"{notebookPath}: the notebook's kernel is '{kernel}'; only C# notebooks (insights-csharp) run here");

        var source = notebook.WithoutOutputs();
        var executed = new Notebook { Metadata = source.Metadata, FormatMinor = source.FormatMinor };
        var warnings = new List<string>();
        var parametersIndex = source.Cells.FindIndex(c => c.IsCode && c.Tags.Contains(NotebookParameters.Tag));
        IReadOnlyList<ParameterDeclaration> declared = [];
        if (options.Parameters.Count > 0)
        {
            if (parametersIndex < 0)
                throw new NotebookParameterException("the notebook has no cell tagged 'parameters', so --param has nothing to set");
            declared = NotebookParameters.Declarations(source.Cells[parametersIndex].Source);
            NotebookParameters.CheckNames(declared, options.Parameters.Keys);
        }

        var engine = new CellEngine(notebookPath, options.Host, options.Formatters, options.CellTimeout);
        var count = 0;
        // The engine's warnings (#r versions) take their place among the runner's (skipped cells), in cell order.
        async Task<NotebookFailure?> Run(NotebookCell cell, int number)
        {
            var before = engine.Warnings.Count;
            var failure = await engine.RunAsync(cell, number, ++count, cancellation).ConfigureAwait(false);
            warnings.AddRange(engine.Warnings.Skip(before));
            return failure;
        }
        for (var index = 0; index < source.Cells.Count; index++)
        {
            var cell = source.Cells[index];
            var number = index + 1;
            executed.Cells.Add(cell);
            if (!cell.IsCode) continue;
            if (cell.Language is { } language && !CSharpLanguages.Contains(language, StringComparer.OrdinalIgnoreCase))
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"cell {number}: skipped, its language is '{language}' (only C# cells run)"));
                continue;
            }
            var failure = await Run(cell, number).ConfigureAwait(false);
            if (failure is not null) return Stopped(executed, source, index, failure, warnings);

            if (index == parametersIndex && options.Parameters.Count > 0)
            {
                var code = NotebookParameters.Assignments(declared, options.Parameters, engine.TypeOfVariable);
                var injected = NotebookCell.Code(code, NotebookParameters.InjectedTag);
                executed.Cells.Add(injected);
                failure = await Run(injected, number).ConfigureAwait(false);
                if (failure is not null)
                    return Stopped(executed, source, index, failure with { Line = null, Message = "the --param values could not be applied: " + failure.Message }, warnings);
            }
        }
        return new NotebookRun(executed, null, warnings);
    }

    /// <summary>The cells after a failure stay in the executed notebook, unrun, so it still reads as the whole notebook.</summary>
    static NotebookRun Stopped(Notebook executed, Notebook source, int failedIndex, NotebookFailure failure, List<string> warnings)
    {
        executed.Cells.AddRange(source.Cells.Skip(failedIndex + 1));
        return new NotebookRun(executed, failure, warnings);
    }
}
