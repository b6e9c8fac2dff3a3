using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Insights.Kernel.Protocol;

/// <summary>Message content is snake_case JSON; absent optional fields are left out rather than sent as null.</summary>
public static class ProtocolJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Outputs carry HTML and scripts: keep them readable on the wire (JSON escaping alone makes them safe).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject ToObject(object content) => content as JsonObject
        ?? JsonSerializer.SerializeToNode(content, content.GetType(), Options)!.AsObject();
}

/// <summary>What a front end needs to know to edit and highlight the cells.</summary>
public sealed record LanguageInfo(string Name, string Version, string Mimetype, string FileExtension, string PygmentsLexer, string CodemirrorMode);

public sealed record HelpLink(string Text, string Url);

/// <summary>kernel_info_reply.</summary>
public sealed record KernelInfoReply(string ProtocolVersion, string Implementation, string ImplementationVersion,
    LanguageInfo LanguageInfo, string Banner, IReadOnlyList<HelpLink> HelpLinks, string Status = "ok");

/// <summary>status on iopub: busy while a request is handled, idle after; starting once.</summary>
public sealed record Status(string ExecutionState)
{
    public static readonly Status Busy = new("busy");
    public static readonly Status Idle = new("idle");
    public static readonly Status Starting = new("starting");
}

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

/// <summary>stream on iopub: console text (stdout or stderr).</summary>
public sealed record StreamOutput(string Name, string Text);

/// <summary>display_data on iopub: a MIME bundle.</summary>
public sealed record DisplayData(IReadOnlyDictionary<string, JsonNode> Data)
{
    public JsonObject Metadata { get; init; } = [];
    public JsonObject Transient { get; init; } = [];
}

/// <summary>execute_result on iopub: the cell's value, a MIME bundle with the execution count.</summary>
public sealed record ExecuteResult(int ExecutionCount, IReadOnlyDictionary<string, JsonNode> Data)
{
    public JsonObject Metadata { get; init; } = [];
}

/// <summary>error on iopub.</summary>
public sealed record ErrorOutput(string Ename, string Evalue, IReadOnlyList<string> Traceback);

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

/// <summary>comm_info_reply: no comms (front ends ask on connect).</summary>
public sealed record CommInfoReply(string Status = "ok")
{
    public JsonObject Comms { get; init; } = [];
}

/// <summary>history_reply: the kernel keeps no history across sessions.</summary>
public sealed record HistoryReply(string Status = "ok")
{
    public JsonArray History { get; init; } = [];
}

public sealed record InterruptReply(string Status = "ok");

public sealed record ShutdownRequest(bool Restart = false);

public sealed record ShutdownReply(bool Restart, string Status = "ok");
