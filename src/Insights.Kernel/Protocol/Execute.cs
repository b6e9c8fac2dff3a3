using System.Text.Json.Nodes;

namespace Insights.Kernel.Protocol;

/// <summary>execute_request (store_history defaults to true, as the protocol says).</summary>
public sealed record ExecuteRequest(string Code, bool Silent = false, bool StoreHistory = true,
    JsonObject? UserExpressions = null, bool AllowStdin = false, bool StopOnError = true);

/// <summary>execute_reply: status "ok", or "error" with the error's name, value and traceback.</summary>
public sealed record ExecuteReply(string Status, int ExecutionCount, string? Ename = null, string? Evalue = null,
    IReadOnlyList<string>? Traceback = null)
{
    public JsonObject UserExpressions { get; init; } = [];
    public JsonArray Payload { get; init; } = [];
}

/// <summary>execute_input on iopub: the code being run and its count.</summary>
public sealed record ExecuteInput(string Code, int ExecutionCount);
