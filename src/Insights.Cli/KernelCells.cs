using System.Text.Json.Nodes;
using Insights.Kernel;
using Insights.Notebooks;

namespace Insights.Cli;

/// <summary>
/// The notebook cell engine behind the Jupyter kernel: each execute request is one cell of the same
/// <see cref="CellEngine"/> that <c>insights notebook run</c> uses, its outputs sent as they are added. plotly.js goes
/// to the front end once per kernel session, inside the first chart's HTML (front ends that draw the Plotly MIME
/// type themselves, as VS Code does, never need it); nothing is loaded from a network.
/// </summary>
sealed class KernelCells(CellEngine engine) : ICellEngine
{
    /// <summary>A cell blocked outside any loop never sees the interrupt: after this long it is abandoned.</summary>
    static readonly TimeSpan AbandonAfter = TimeSpan.FromSeconds(3);
    bool _plotlySent;

    public async Task<CellOutcome> ExecuteAsync(string code, int executionCount, ICellOutputs outputs, CancellationToken interrupt)
    {
        var cell = NotebookCell.Code(code);
        var warningsBefore = engine.Warnings.Count;
        void Publish(CellOutput output)
        {
            switch (output.OutputType)
            {
                case "stream": outputs.Stream(output.StreamName ?? "stdout", output.Text ?? ""); break;
                case "display_data": outputs.Display(WithPlotlyOnce(output.Data)); break;
            }
        }
        engine.OutputAdded += Publish;
        NotebookFailure? failure;
        try
        {
            var run = engine.RunAsync(cell, executionCount, executionCount, interrupt);
            var interrupted = new TaskCompletionSource();
            await using (interrupt.Register(() => interrupted.TrySetResult()))
            {
                if (await Task.WhenAny(run, interrupted.Task).ConfigureAwait(false) != run
                    && await Task.WhenAny(run, Task.Delay(AbandonAfter, CancellationToken.None)).ConfigureAwait(false) != run)
                    return new CellOutcome.Failed("Interrupted", "the cell did not stop (it is blocked outside a loop) and was abandoned; restart the kernel to be sure of its state",
                        ["Interrupted: the cell did not stop within 3 s (blocked outside a loop, for example in Thread.Sleep); restart the kernel"]);
                failure = await run.ConfigureAwait(false);
            }
        }
        finally
        {
            engine.OutputAdded -= Publish;
        }
        foreach (var warning in engine.Warnings.Skip(warningsBefore)) outputs.Stream("stderr", $"warning: {warning}\n");
        if (failure is not null)
        {
            var name = cell.Outputs.LastOrDefault(o => o.OutputType == "error")?.ErrorName ?? "Error";
            return new CellOutcome.Failed(name, failure.Message, Traceback(code, failure));
        }
        var result = cell.Outputs.LastOrDefault(o => o.OutputType == "execute_result");
        return new CellOutcome.Succeeded(result is null ? null : WithPlotlyOnce(result.Data));
    }

    /// <summary>"line 3: error CS0103: ..." then the line itself, so the reader sees where without counting.</summary>
    static List<string> Traceback(string code, NotebookFailure failure)
    {
        if (failure.Line is not { } line) return [failure.Message];
        List<string> traceback = [$"line {line}: {failure.Message}"];
        var lines = code.Split('\n');
        if (line >= 1 && line <= lines.Length) traceback.Add($"{line,5} | {lines[line - 1].TrimEnd()}");
        return traceback;
    }

    IReadOnlyDictionary<string, JsonNode> WithPlotlyOnce(IReadOnlyDictionary<string, JsonNode> bundle)
    {
        if (_plotlySent || !bundle.ContainsKey(CellOutput.PlotlyMime) || !bundle.TryGetValue("text/html", out var html)) return bundle;
        _plotlySent = true;
        var withScript = new SortedDictionary<string, JsonNode>(bundle.ToDictionary(p => p.Key, p => p.Value.DeepClone()), StringComparer.Ordinal)
        {
            // Shadowing define/module/exports makes plotly.js set window.Plotly even where require.js is loaded
            // (Jupyter's classic notebook), so later charts' Plotly.newPlot finds it.
            ["text/html"] = "<script type=\"text/javascript\">(function (define, module, exports) {\n" + NotebookReport.PlotlyJavaScript
                + "\n})(undefined, undefined, undefined);</script>\n" + html.GetValue<string>(),
        };
        return withScript;
    }

    public CodeCompleteness IsComplete(string code) => CellEngine.IsComplete(code) switch
    {
        CellCompleteness.Complete => CodeCompleteness.Complete,
        CellCompleteness.Incomplete => CodeCompleteness.Incomplete,
        _ => CodeCompleteness.Invalid,
    };

    public Task<Completions> CompleteAsync(string code, int cursor, CancellationToken cancellation)
    {
        var found = engine.Complete(code, cursor);
        return Task.FromResult(new Completions(found.Matches, found.Start, found.End));
    }
}
