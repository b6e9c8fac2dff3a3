using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Insights.Kernel.Protocol;
using NetMQ;

namespace Insights.Kernel.Messaging;

/// <summary>
/// Reads and writes the wire form of a message on one socket: routing identities, <c>&lt;IDS|MSG&gt;</c>, signature,
/// header, parent header, metadata, content (then buffers, which this kernel neither needs nor sends). A message whose
/// signature does not match is dropped and logged, never handled.
/// </summary>
public sealed class MessageChannel(NetMQSocket socket, MessageSigner signer, string name, TextWriter log)
{
    static readonly byte[] Delimiter = Encoding.ASCII.GetBytes("<IDS|MSG>");
    readonly Lock _send = new();

    public string Name => name;

    /// <summary>The next well-signed message, or null when none arrived within the timeout (or one was dropped).</summary>
    public Message? TryReceive(TimeSpan timeout)
    {
        NetMQMessage? frames = null;
        if (!socket.TryReceiveMultipartMessage(timeout, ref frames) || frames is null) return null;
        var all = frames.Select(f => f.ToByteArray()).ToList();
        var delimiter = all.FindIndex(f => f.AsSpan().SequenceEqual(Delimiter));
        if (delimiter < 0 || all.Count < delimiter + 6)
        {
            log.WriteLine($"insights kernel: dropped a malformed message on {name} ({all.Count} frames, no <IDS|MSG> and four parts)");
            return null;
        }
        var signature = Encoding.ASCII.GetString(all[delimiter + 1]);
        var parts = all.GetRange(delimiter + 2, 4);
        if (!signer.Verify(signature, parts))
        {
            log.WriteLine($"insights kernel: dropped a message with a bad signature on {name}");
            return null;
        }
        try
        {
            var header = JsonSerializer.Deserialize<Header>(parts[0], ProtocolJson.Options)!;
            return new Message(all.GetRange(0, delimiter), header, ObjectOf(parts[1]), ObjectOf(parts[2]), ObjectOf(parts[3]))
            {
                ReceivedHeader = ObjectOf(parts[0]),
            };
        }
        catch (JsonException e)
        {
            log.WriteLine($"insights kernel: dropped a message on {name} that is not JSON: {e.Message}");
            return null;
        }
    }

    /// <summary>Sends a message; safe from any thread (iopub is written by the shell, control and cell threads).</summary>
    public void Send(Message message, string? topic = null)
    {
        byte[][] parts =
        [
            JsonSerializer.SerializeToUtf8Bytes(message.Header, ProtocolJson.Options),
            Encoding.UTF8.GetBytes(message.ParentHeader.ToJsonString()),
            Encoding.UTF8.GetBytes(message.Metadata.ToJsonString()),
            Encoding.UTF8.GetBytes(message.Content.ToJsonString(ProtocolJson.Options)),
        ];
        var wire = new NetMQMessage();
        if (topic is not null) wire.Append(Encoding.UTF8.GetBytes(topic));
        else foreach (var identity in message.Identities) wire.Append(identity);
        wire.Append(Delimiter);
        wire.Append(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        foreach (var part in parts) wire.Append(part);
        lock (_send) socket.SendMultipartMessage(wire);
    }

    static JsonObject ObjectOf(byte[] json) =>
        json.Length == 0 ? [] : JsonNode.Parse(json) as JsonObject ?? [];
}
