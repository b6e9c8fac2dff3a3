using System.Text.Json;
using System.Text.Json.Nodes;
using Insights.Kernel.Protocol;

namespace Insights.Kernel.Messaging;

/// <summary>
/// One Jupyter message. <see cref="Identities"/> are the ROUTER routing frames before <c>&lt;IDS|MSG&gt;</c>: a reply
/// copies them back so it reaches the client that asked. The parent header is kept as received (JSON), because a
/// client matches replies by every field of it.
/// </summary>
public sealed record Message(
    IReadOnlyList<byte[]> Identities,
    Header Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content)
{
    public string Type => Header.MessageType;

    /// <summary>The header as it came on the wire (a client may add fields, and matches replies on all of them).</summary>
    public JsonObject? ReceivedHeader { get; init; }

    public T ContentAs<T>() => Content.Deserialize<T>(ProtocolJson.Options)
        ?? throw new JsonException($"{Type}: empty content");

    /// <summary>A message answering (or published on behalf of) this one.</summary>
    public Message Reply(string messageType, object content, IReadOnlyList<byte[]>? identities = null) => new(
        identities ?? Identities,
        Header.Create(messageType, Header.Session),
        (JsonObject?)ReceivedHeader?.DeepClone() ?? JsonSerializer.SerializeToNode(Header, ProtocolJson.Options)!.AsObject(),
        [],
        ProtocolJson.ToObject(content));
}
