using System.Security.Cryptography;
using System.Text;

namespace Insights.Kernel.Messaging;

/// <summary>
/// HMAC-SHA256 over header, parent header, metadata and content, as lowercase hex (Jupyter compares the text, and
/// <see cref="Convert.ToHexString(byte[])"/> is uppercase). An empty key means the connection is unsigned.
/// </summary>
public sealed class MessageSigner(string key)
{
    readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public bool Signs => _key.Length > 0;

    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!Signs) return "";
        using var hmac = new HMACSHA256(_key);
        foreach (var part in parts) hmac.TransformBlock(part, 0, part.Length, null, 0);
        hmac.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(hmac.Hash!);
    }

    /// <summary>Compares in constant time, so the time a refusal takes says nothing about the right signature.</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> parts)
    {
        if (!Signs) return true;
        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
