using System.Text.Json.Nodes;

namespace Insights.Kernel.Protocol;

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
