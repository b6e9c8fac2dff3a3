using System.Text.Json.Nodes;

namespace Insights.Notebooks;

/// <summary>
/// One output of a code cell, as nbformat 4 stores it: <c>display_data</c> and <c>execute_result</c> carry a MIME
/// bundle (text/html, text/plain, application/vnd.plotly.v1+json ...), <c>stream</c> carries console text, and
/// <c>error</c> the exception name, message and traceback.
/// </summary>
public sealed class CellOutput
{
    public const string PlotlyMime = "application/vnd.plotly.v1+json";

    public required string OutputType { get; init; }

    /// <summary>MIME type → content: text types as strings, JSON types as JSON.</summary>
    public IReadOnlyDictionary<string, JsonNode> Data { get; init; } = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);

    public int? ExecutionCount { get; init; }

    public string? StreamName { get; init; }

    public string? Text { get; init; }

    public string? ErrorName { get; init; }

    public string? ErrorValue { get; init; }

    public IReadOnlyList<string> Traceback { get; init; } = [];

    public string? Html => TextOf("text/html");

    public string? PlainText => TextOf("text/plain");

    public string? TextOf(string mime) =>
        Data.TryGetValue(mime, out var node) && node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public static CellOutput Display(FormattedValue value) => new() { OutputType = "display_data", Data = value.ToBundle() };

    public static CellOutput Result(FormattedValue value, int executionCount) =>
        new() { OutputType = "execute_result", Data = value.ToBundle(), ExecutionCount = executionCount };

    public static CellOutput Stream(string name, string text) => new() { OutputType = "stream", StreamName = name, Text = text };

    public static CellOutput Error(string name, string message, IReadOnlyList<string> traceback) =>
        new() { OutputType = "error", ErrorName = name, ErrorValue = message, Traceback = traceback };

    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["output_type"] = OutputType };
        switch (OutputType)
        {
            case "display_data" or "execute_result":
                var data = new JsonObject();
                foreach (var (mime, content) in Data)
                    data[mime] = content is JsonValue v && v.TryGetValue(out string? s) ? NotebookCell.Lines(s) : content.DeepClone();
                json["data"] = data;
                json["metadata"] = new JsonObject();
                if (OutputType == "execute_result") json["execution_count"] = ExecutionCount;
                break;
            case "stream":
                json["name"] = StreamName;
                json["text"] = NotebookCell.Lines(Text ?? "");
                break;
            case "error":
                json["ename"] = ErrorName;
                json["evalue"] = ErrorValue;
                json["traceback"] = new JsonArray([.. Traceback.Select(t => (JsonNode)t)]);
                break;
        }
        return json;
    }

    internal static CellOutput FromJson(JsonObject json, string where)
    {
        var type = json["output_type"]?.GetValue<string>() ?? throw new NotebookFormatException($"{where}: an output has no 'output_type'");
        var data = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        if (json["data"] is JsonObject d)
        {
            foreach (var (mime, content) in d)
            {
                if (content is null) continue;
                data[mime] = content is JsonArray or JsonValue && !mime.EndsWith("json", StringComparison.Ordinal)
                    ? JsonValue.Create(NotebookCell.ReadText(content, where))
                    : content.DeepClone();
            }
        }
        return new CellOutput
        {
            OutputType = type,
            Data = data,
            ExecutionCount = json["execution_count"] is JsonValue ec && ec.TryGetValue(out int n) ? n : null,
            StreamName = json["name"] is JsonValue nm && nm.TryGetValue(out string? name) ? name : null,
            Text = json["text"] is { } t ? NotebookCell.ReadText(t, where) : null,
            ErrorName = json["ename"] is JsonValue en && en.TryGetValue(out string? ename) ? ename : null,
            ErrorValue = json["evalue"] is JsonValue ev && ev.TryGetValue(out string? evalue) ? evalue : null,
            Traceback = json["traceback"] is JsonArray tb
                ? [.. tb.Select(x => x is JsonValue xv && xv.TryGetValue(out string? line) ? line : "")]
                : [],
        };
    }
}
