using System.Globalization;
using System.Text.Json.Serialization;

namespace Insights.Kernel.Messaging;

/// <summary>A message header (protocol 5.3). The parent header of a reply is the request's header, as received.</summary>
public sealed record Header(
    [property: JsonPropertyName("msg_id")] string MessageId,
    [property: JsonPropertyName("session")] string Session,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("msg_type")] string MessageType,
    [property: JsonPropertyName("version")] string Version)
{
    public const string ProtocolVersion = "5.3";

    public static Header Create(string messageType, string session) => new(
        Guid.NewGuid().ToString("N"), session, "kernel",
        DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        messageType, ProtocolVersion);
}
