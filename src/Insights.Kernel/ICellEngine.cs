using System.Text.Json.Nodes;

namespace Insights.Kernel;

/// <summary>
/// What the kernel asks of the language behind it: run a cell (sending outputs as they come), say whether code is a
/// complete statement, and list completions. The kernel owns the protocol; the engine owns the cell semantics, so the
/// same engine can serve a headless runner too.
/// </summary>
public interface ICellEngine
{
    /// <summary>Runs one cell. Cancelling the token (interrupt) must stop the cell and leave the engine usable.</summary>
    Task<CellOutcome> ExecuteAsync(string code, int executionCount, ICellOutputs outputs, CancellationToken interrupt);

    CodeCompleteness IsComplete(string code);

    /// <param name="cursor">UTF-16 index into <paramref name="code"/>.</param>
    Task<Completions> CompleteAsync(string code, int cursor, CancellationToken cancellation);
}

/// <summary>Where a running cell's outputs go (the kernel publishes each on iopub at once).</summary>
public interface ICellOutputs
{
    void Stream(string name, string text);

    void Display(IReadOnlyDictionary<string, JsonNode> bundle);
}

/// <summary>How a cell ended: its value (a MIME bundle, or none), or an error with a readable traceback.</summary>
public abstract record CellOutcome
{
    public sealed record Succeeded(IReadOnlyDictionary<string, JsonNode>? Result) : CellOutcome;

    public sealed record Failed(string Name, string Message, IReadOnlyList<string> Traceback) : CellOutcome;
}

public enum CodeCompleteness { Complete, Incomplete, Invalid }

/// <summary>Names that may replace <c>code[Start..End]</c> (UTF-16 indexes).</summary>
public sealed record Completions(IReadOnlyList<string> Matches, int Start, int End);
