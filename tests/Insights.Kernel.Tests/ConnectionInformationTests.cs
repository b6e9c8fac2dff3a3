namespace Insights.Kernel.Tests;

public sealed class ConnectionInformationTests : IDisposable
{
    readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Reads_the_file_jupyter_client_writes_and_binds_only_its_ip()
    {
        File.WriteAllText(_file, """
            {"shell_port": 50001, "iopub_port": 50002, "stdin_port": 50003, "control_port": 50004, "hb_port": 50005,
             "ip": "127.0.0.1", "key": "a0436f6c-1916-498b-8eb9-e81ab9368e84", "transport": "tcp",
             "signature_scheme": "hmac-sha256", "kernel_name": "insights-csharp"}
            """);
        var info = ConnectionInformation.Load(_file);
        Assert.Equal("tcp://127.0.0.1:50001", info.Address(info.ShellPort));
        Assert.Equal("tcp://127.0.0.1:50005", info.Address(info.HbPort));
        Assert.Equal("a0436f6c-1916-498b-8eb9-e81ab9368e84", info.Key);
    }

    [Theory]
    [InlineData("""{"ip": "127.0.0.1", "key": "k", "signature_scheme": "hmac-md5", "transport": "tcp"}""", "hmac-md5")]
    [InlineData("""{"key": "k"}""", "names no ip")]
    [InlineData("not json", "not a Jupyter connection file")]
    public void A_file_the_kernel_cannot_honour_is_refused_with_a_reason(string text, string reason)
    {
        File.WriteAllText(_file, text);
        var e = Assert.Throws<KernelStartException>(() => ConnectionInformation.Load(_file));
        Assert.Contains(reason, e.Message);
        Assert.Contains(_file, e.Message);
    }
}
