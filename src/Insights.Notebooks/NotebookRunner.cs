using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Insights.Notebooks;

public sealed record NotebookRunOptions
{
    /// <summary>Values for variables of the cell tagged <c>parameters</c> (name → value as typed on the command line).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The assemblies, formatters and set-up the host program gives notebooks.</summary>
    public NotebookHost Host { get; init; } = NotebookHost.Bare;

    /// <summary>How displayed values become outputs; the host's (<see cref="NotebookHost.CreateFormatters"/>) unless given.</summary>
    public FormatterRegistry? Formatters { get; init; }
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
    static readonly string[] CSharpKernels = [".net-csharp", "csharp", "c#"];
    static readonly string[] CSharpLanguages = ["csharp", "c#", "cs"];

    public static Task<NotebookRun> RunAsync(string notebookPath, NotebookRunOptions? options = null, CancellationToken cancellation = default)
    {
        var full = Path.GetFullPath(notebookPath);
        return RunAsync(Notebook.Load(full), full, options, cancellation);
    }

    /// <param name="notebookPath">Where the notebook lives: relative <c>#r "x.dll"</c> paths start in its folder.</param>
    /// <exception cref="NotebookParameterException">A parameter is unknown or its value does not fit its type.</exception>
    public static async Task<NotebookRun> RunAsync(Notebook notebook, string notebookPath, NotebookRunOptions? options = null,
        CancellationToken cancellation = default)
    {
        options ??= new NotebookRunOptions();
        notebookPath = Path.GetFullPath(notebookPath);
        options.Host.Prepare();
        if (notebook.KernelName is { } kernel && !CSharpKernels.Contains(kernel, StringComparer.OrdinalIgnoreCase))
            throw new NotebookFormatException($"{notebookPath}: the notebook's kernel is '{kernel}'; only C# notebooks (.net-csharp) run here");

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

        var folder = Path.GetDirectoryName(notebookPath) ?? ".";
        var session = new NotebookSession(options.Formatters ?? options.Host.CreateFormatters());
        var globals = new NotebookGlobals(notebookPath);
        CellConsole.Install();
        var previous = NotebookSession.Current;
        var culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        NotebookSession.Current = session;
        // Cells format numbers and dates with string interpolation: the same run must print the same text on any
        // machine, so cells run in the invariant culture.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            ScriptState<object>? state = null;
            var count = 0;
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
                var (next, failure) = await RunCellAsync(state, cell, number, folder, globals, session, ++count, warnings, options.Host, cancellation).ConfigureAwait(false);
                if (failure is not null) return Stopped(executed, source, index, failure, warnings);
                state = next;

                if (index == parametersIndex && options.Parameters.Count > 0)
                {
                    var code = NotebookParameters.Assignments(declared, options.Parameters,
                        name => state?.Variables.LastOrDefault(v => v.Name == name)?.Type);
                    var injected = NotebookCell.Code(code, NotebookParameters.InjectedTag);
                    executed.Cells.Add(injected);
                    (next, failure) = await RunCellAsync(state, injected, number, folder, globals, session, ++count, warnings, options.Host, cancellation).ConfigureAwait(false);
                    if (failure is not null)
                        return Stopped(executed, source, index, failure with { Line = null, Message = "the --param values could not be applied: " + failure.Message }, warnings);
                    state = next;
                }
            }
            return new NotebookRun(executed, null, warnings);
        }
        finally
        {
            NotebookSession.Current = previous;
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = culture;
        }
    }

    /// <summary>The cells after a failure stay in the executed notebook, unrun, so it still reads as the whole notebook.</summary>
    static NotebookRun Stopped(Notebook executed, Notebook source, int failedIndex, NotebookFailure failure, List<string> warnings)
    {
        executed.Cells.AddRange(source.Cells.Skip(failedIndex + 1));
        return new NotebookRun(executed, failure, warnings);
    }

    static async Task<(ScriptState<object>? State, NotebookFailure? Failure)> RunCellAsync(ScriptState<object>? state,
        NotebookCell cell, int number, string folder, NotebookGlobals globals, NotebookSession session, int count,
        List<string> warnings, NotebookHost host, CancellationToken cancellation)
    {
        cell.ExecutionCount = count;
        session.Begin(cell, number);
        try
        {
            var code = CellCode.Prepare(cell.Source, number, folder, host.Packages);
            warnings.AddRange(code.Warnings);
            var fileName = CellFileName(number);
            var options = ScriptOptionsOf(host).WithFilePath(fileName)
                .AddReferences(code.AssemblyPaths.Select(p => MetadataReference.CreateFromFile(p)));
            state = state is null
                ? await CSharpScript.RunAsync(code.Code, options, globals, typeof(NotebookGlobals), cancellation).ConfigureAwait(false)
                : await state.ContinueWithAsync(code.Code, options, cancellation).ConfigureAwait(false);
            if (state.ReturnValue is { } value) session.Add(value, result: count);
            return (state, null);
        }
        catch (CellException e)
        {
            return (state, Fail(session, new NotebookFailure(e.Cell, e.Line, e.Problem, e), "CellError"));
        }
        catch (CompilationErrorException e)
        {
            var error = e.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) ?? e.Diagnostics[0];
            int? line = error.Location.IsInSource ? error.Location.GetLineSpan().StartLinePosition.Line + 1 : null;
            var message = $"error {error.Id}: {error.GetMessage(CultureInfo.InvariantCulture)}";
            return (state, Fail(session, new NotebookFailure(number, line, message, e), "CompilationError"));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            var thrown = Unwrap(e);
            var message = $"{thrown.GetType().Name}: {thrown.Message}";
            return (state, Fail(session, new NotebookFailure(number, LineOf(thrown, CellFileName(number)), message, thrown), thrown.GetType().Name));
        }
        finally
        {
            session.End();
        }
    }

    static NotebookFailure Fail(NotebookSession session, NotebookFailure failure, string name)
    {
        session.AddError(CellOutput.Error(name, failure.Message, [failure.ToString()]));
        return failure;
    }

    static Exception Unwrap(Exception e) => e switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } a => Unwrap(a.InnerExceptions[0]),
        _ => e,
    };

    /// <summary>The line of the cell's own code nearest the throw (the cell is compiled with debug information
    /// under a file name of its own, so its stack frames carry cell lines).</summary>
    static int? LineOf(Exception e, string fileName)
    {
        foreach (var frame in new StackTrace(e, fNeedFileInfo: true).GetFrames())
            if (frame.GetFileName() is { } f && f.EndsWith(fileName, StringComparison.Ordinal) && frame.GetFileLineNumber() > 0)
                return frame.GetFileLineNumber();
        return null;
    }

    static string CellFileName(int number) => string.Create(CultureInfo.InvariantCulture, $"cell{number}.csx");

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<NotebookHost, ScriptOptions> BaseOptions = new();

    /// <summary>The compiler options every cell of a host's notebooks starts from: its assemblies referenced and
    /// their <c>Insights.*</c> namespaces imported.</summary>
    static ScriptOptions ScriptOptionsOf(NotebookHost host) => BaseOptions.GetValue(host, h =>
    {
        var imports = new[] { "System", "System.Collections.Generic", "System.Globalization", "System.IO", "System.Linq",
                "System.Threading.Tasks", "Deedle" }
            .Concat(h.NotebookAssemblies.SelectMany(a => a.GetExportedTypes()).Select(t => t.Namespace).OfType<string>()
                .Where(n => n == "Insights" || n.StartsWith("Insights.", StringComparison.Ordinal)))
            .Distinct()
            .Order(StringComparer.Ordinal);
        return ScriptOptions.Default
            .AddReferences(h.NotebookAssemblies)
            .AddReferences(Assembly.Load("netstandard"), Assembly.Load("System.Runtime"), Assembly.Load("System.Collections"),
                Assembly.Load("System.Linq"), typeof(System.Text.Json.JsonSerializer).Assembly)
            .WithImports(imports)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithOptimizationLevel(OptimizationLevel.Debug);
    });
}
