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
