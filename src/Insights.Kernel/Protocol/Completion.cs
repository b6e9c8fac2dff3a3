using System.Text.Json.Nodes;

namespace Insights.Kernel.Protocol;

/// <summary>is_complete_request / reply: "complete", "incomplete" (with the indent for the next line), "invalid", "unknown".</summary>
public sealed record IsCompleteRequest(string Code);

public sealed record IsCompleteReply(string Status, string? Indent = null);

/// <summary>complete_request / reply. Cursor positions count Unicode code points, as protocol 5.2 and later say.</summary>
public sealed record CompleteRequest(string Code, int CursorPos);

public sealed record CompleteReply(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd, string Status = "ok")
{
    public JsonObject Metadata { get; init; } = [];
}

/// <summary>inspect_request / reply: this kernel has no documentation to show, and says so.</summary>
public sealed record InspectReply(bool Found, string Status = "ok")
{
    public JsonObject Data { get; init; } = [];
    public JsonObject Metadata { get; init; } = [];
}
