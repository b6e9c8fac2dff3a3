using System.Text;
using Insights.Kernel.Messaging;

namespace Insights.Kernel.Tests;

public class MessageSignerTests
{
    static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Signature_is_HMAC_SHA256_in_lowercase_hex()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?". The parts are hashed in sequence, so
        // splitting the data in four gives the same digest. Jupyter compares the text: uppercase hex is refused.
        var signer = new MessageSigner("Jefe");
        var signature = signer.Sign([Bytes("what do "), Bytes("ya want "), Bytes("for "), Bytes("nothing?")]);
        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    [Fact]
    public void A_changed_part_or_a_wrong_key_fails_verification()
    {
        byte[][] parts = [Bytes("{\"msg_type\":\"execute_request\"}"), Bytes("{}"), Bytes("{}"), Bytes("{\"code\":\"1\"}")];
        var signature = new MessageSigner("secret").Sign(parts);
        Assert.True(new MessageSigner("secret").Verify(signature, parts));
        Assert.False(new MessageSigner("other").Verify(signature, parts));
        byte[][] tampered = [parts[0], parts[1], parts[2], Bytes("{\"code\":\"2\"}")];
        Assert.False(new MessageSigner("secret").Verify(signature, tampered));
        Assert.False(new MessageSigner("secret").Verify("", parts));
    }

    [Fact]
    public void An_empty_key_means_an_unsigned_connection()
    {
        var signer = new MessageSigner("");
        Assert.Equal("", signer.Sign([Bytes("{}")]));
        Assert.True(signer.Verify("", [Bytes("{}")]));
    }
}
