using System.Text.Json.Nodes;

namespace Insights.Kernel.Protocol;

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
