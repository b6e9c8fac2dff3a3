using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Insights.Notebooks;

/// <summary>
/// The cell semantics every front door shares (<c>insights notebook run</c> and the Jupyter kernel): cells run in
/// order as one Roslyn script, so each sees what earlier cells declared; <c>#r</c> lines follow the host's rules;
/// <c>display()</c>, console text and the last expression become outputs through the formatters; cells run in the
/// invariant culture; a cell that runs past the cell timeout, or is interrupted, stops and leaves the state as it was
/// before it. One engine is one notebook's session: not for two cells at once.
/// </summary>
public sealed class CellEngine
{
    /// <summary>Long enough for a whole statement section on a large extract, short enough that a cell stuck in a
    /// loop fails a headless run instead of hanging it.</summary>
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromMinutes(10);

    readonly NotebookHost _host;
    readonly NotebookGlobals _globals;
    readonly NotebookSession _session;
    readonly string _folder;
    readonly List<string> _warnings = [];
    ScriptState<object>? _state;
    int _submissions;

    /// <param name="notebookPath">Where the notebook lives: relative <c>#r "x.dll"</c> paths start in its folder.</param>
    /// <param name="cellTimeout">How long one cell may run; null for no limit.</param>
    public CellEngine(string notebookPath, NotebookHost host, FormatterRegistry? formatters = null, TimeSpan? cellTimeout = null)
    {
        _host = host;
        host.Prepare();
        CellConsole.Install();
        _globals = new NotebookGlobals(Path.GetFullPath(notebookPath));
        _folder = _globals.NotebookFolder;
        _session = new NotebookSession(formatters ?? host.CreateFormatters());
        CellTimeout = cellTimeout;
    }

    public TimeSpan? CellTimeout { get; }

    /// <summary>Warnings so far (a <c>#r</c> naming another version of a shipped package ...).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Told of each output as the running cell adds it (the kernel sends it to the front end at once).</summary>
    public event Action<CellOutput>? OutputAdded
    {
        add => _session.OutputAdded += value;
        remove => _session.OutputAdded -= value;
    }

    /// <summary>The type of a variable the cells declared (the last declaration wins), or null.</summary>
    public Type? TypeOfVariable(string name) => _state?.Variables.LastOrDefault(v => v.Name == name)?.Type;

    /// <summary>Runs one code cell, adding its outputs (and its error, if it fails) to <paramref name="cell"/>.</summary>
    /// <param name="number">The cell's number in messages (the runner counts every cell of the file; the kernel
    /// uses the execution count).</param>
    /// <returns>Null when the cell ran; why it stopped otherwise.</returns>
    public async Task<NotebookFailure?> RunAsync(NotebookCell cell, int number, int executionCount, CancellationToken interrupt = default)
    {
        var previous = (NotebookSession.Current, CellInterrupt.Token, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        NotebookSession.Current = _session;
        CellInterrupt.Token = limit.Token;
        // Cells format numbers and dates with string interpolation: the same run must print the same text on any
        // machine, so cells run in the invariant culture.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        cell.ExecutionCount = executionCount;
        _session.Begin(cell, number);
        var fileName = string.Create(CultureInfo.InvariantCulture, $"cell{number}-{++_submissions}.csx");
        try
        {
            var code = CellCode.Prepare(cell.Source, number, _folder, _host.Packages);
            _warnings.AddRange(code.Warnings);
            var options = ScriptOptionsOf(_host).WithFilePath(fileName)
                .AddReferences(code.AssemblyPaths.Select(p => MetadataReference.CreateFromFile(p)));
            var source = CellInterrupt.Inject(code.Code, ParseOptions);
            var script = _state is null
                ? CSharpScript.Create(source, options, typeof(NotebookGlobals))
                : _state.Script.ContinueWith(source, options);
            // The timeout counts running, not compiling (which a busy machine can slow to seconds); compile errors
            // are thrown by the run below, from this compilation.
            script.Compile(limit.Token);
            if (CellTimeout is { } timeout) limit.CancelAfter(timeout);
            _state = _state is null
                ? await script.RunAsync(_globals, cancellationToken: limit.Token).ConfigureAwait(false)
                : await script.RunFromAsync(_state, cancellationToken: limit.Token).ConfigureAwait(false);
            if (_state.ReturnValue is { } value) _session.Add(value, result: executionCount);
            return null;
        }
        catch (CellException e)
        {
            return Fail(new NotebookFailure(e.Cell, e.Line, e.Problem, e), "CellError");
        }
        catch (CompilationErrorException e)
        {
            var error = e.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) ?? e.Diagnostics[0];
            int? line = error.Location.IsInSource ? error.Location.GetLineSpan().StartLinePosition.Line + 1 : null;
            var message = $"error {error.Id}: {error.GetMessage(CultureInfo.InvariantCulture)}";
            return Fail(new NotebookFailure(number, line, message, e), "CompilationError");
        }
        catch (Exception e) when (limit.IsCancellationRequested && Unwrap(e) is OperationCanceledException cancelled)
        {
            var line = LineOf(cancelled, fileName);
            return interrupt.IsCancellationRequested
                ? Fail(new NotebookFailure(number, line, "interrupted: the cell was stopped; the state is as before it ran", cancelled), "Interrupted")
                : Fail(new NotebookFailure(number, line, $"the cell ran longer than the cell timeout ({Describe(CellTimeout!.Value)}) and was stopped", cancelled), "CellTimeout");
        }
        catch (Exception e)
        {
            var thrown = Unwrap(e);
            var message = $"{thrown.GetType().Name}: {thrown.Message}";
            return Fail(new NotebookFailure(number, LineOf(thrown, fileName), message, thrown), thrown.GetType().Name);
        }
        finally
        {
            _session.End();
            (NotebookSession.Current, CellInterrupt.Token, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>Whether the code is a whole submission: incomplete when more lines would finish it (an open brace),
    /// invalid when it is complete but cannot parse.</summary>
    public static CellCompleteness IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree)) return CellCompleteness.Incomplete;
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? CellCompleteness.Invalid : CellCompleteness.Complete;
    }

    /// <summary>Names that complete the word at <paramref name="cursor"/>: members of the expression before a dot
    /// (its type's members and extension methods, e.g. a Deedle frame's <c>Rows</c> and <c>PivotTable</c>), or else
    /// every name in scope there (earlier cells' variables, imported types).</summary>
    public CellCompletions Complete(string code, int cursor)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..cursor];
        // #r and magic lines are for the runner, not the compiler: blank them, keeping every position.
        var source = string.Join('\n', code.Split('\n').Select(l => l.TrimStart().StartsWith('#') ? new string(' ', l.Length) : l));
        var options = ScriptOptionsOf(_host);
        var script = _state is null
            ? CSharpScript.Create(source, options, typeof(NotebookGlobals))
            : _state.Script.ContinueWith(source, options);
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        IEnumerable<ISymbol> symbols;
        var dot = start - 1;
        while (dot >= 0 && char.IsWhiteSpace(code[dot])) dot--;
        if (dot >= 0 && code[dot] == '.')
        {
            var token = tree.GetRoot().FindToken(dot);
            if (token.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access)
                return new CellCompletions([], start, cursor);
            var expression = access.Expression;
            var type = model.GetTypeInfo(expression).Type;
            var named = model.GetSymbolInfo(expression).Symbol as INamespaceOrTypeSymbol;
            symbols = type is not null && named is not ITypeSymbol
                ? model.LookupSymbols(dot, container: type, includeReducedExtensionMethods: true)
                : named is not null ? model.LookupStaticMembers(dot, named) : [];
        }
        else
        {
            symbols = model.LookupSymbols(start);
        }
        var matches = symbols
            .Where(s => s.CanBeReferencedByName)
            .Select(s => s.Name)
            .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && n != nameof(CellInterrupt))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new CellCompletions(matches, start, cursor);
    }

    NotebookFailure Fail(NotebookFailure failure, string name)
    {
        _session.AddError(CellOutput.Error(name, failure.Message, [failure.ToString()]));
        return failure;
    }

    static string Describe(TimeSpan t) => t.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0.#} min")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.#} s");

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

    static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

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

public enum CellCompleteness { Complete, Incomplete, Invalid }

/// <summary>Names that may replace <c>code[Start..End]</c>.</summary>
public sealed record CellCompletions(IReadOnlyList<string> Matches, int Start, int End);
