using System.Text.Json;
using System.Text.Json.Serialization;

namespace Insights.Kernel;

/// <summary>
/// The connection file Jupyter writes before it starts a kernel: where each of the five sockets listens and the key
/// that signs every message. The kernel binds to <see cref="Ip"/> only, never to every interface.
/// </summary>
public sealed record ConnectionInformation(
    string Ip,
    string Transport,
    int ShellPort,
    int ControlPort,
    int IopubPort,
    int StdinPort,
    int HbPort,
    string Key,
    string SignatureScheme)
{
    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public string Address(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"tcp://{Ip}:{port}";

    /// <exception cref="KernelStartException">The file is missing, is not JSON, or names a scheme or transport we do not speak.</exception>
    public static ConnectionInformation Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new KernelStartException($"connection file '{path}' cannot be read: {e.Message}");
        }
        ConnectionInformation? info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInformation>(text, Json);
        }
        catch (JsonException e)
        {
            throw new KernelStartException($"connection file '{path}' is not a Jupyter connection file: {e.Message}");
        }
        if (info is null || string.IsNullOrEmpty(info.Ip))
            throw new KernelStartException($"connection file '{path}' names no ip");
        if (info.Transport is not ("tcp" or null))
            throw new KernelStartException($"connection file '{path}': transport '{info.Transport}' is not supported (only tcp)");
        if (!string.IsNullOrEmpty(info.Key) && info.SignatureScheme != "hmac-sha256")
            throw new KernelStartException($"connection file '{path}': signature scheme '{info.SignatureScheme}' is not supported (only hmac-sha256)");
        return info with { Transport = info.Transport ?? "tcp", Key = info.Key ?? "", SignatureScheme = info.SignatureScheme ?? "hmac-sha256" };
    }
}

/// <summary>The kernel cannot start: the message is one line for the person who started it.</summary>
public sealed class KernelStartException(string message) : Exception(message);
