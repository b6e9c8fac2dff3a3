using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Insights.Tests.Dashboard;

/// <summary>
/// One headless Firefox (Debian's firefox-esr), driven over WebDriver BiDi, the W3C protocol Firefox serves itself:
/// no geckodriver, which Debian does not package. The dashboard must open in Firefox as well as in Chromium.
/// </summary>
public sealed class Firefox : IDisposable
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    readonly Process _process;
    readonly ClientWebSocket _socket = new();
    readonly string _profile = Directory.CreateTempSubdirectory("insights-firefox-").FullName;
    readonly List<JsonElement> _events = [];
    readonly string _context;
    int _id;

    public Firefox()
    {
        var binary = Find("firefox-esr", "firefox")
            ?? throw new InvalidOperationException("Debian's firefox-esr is not installed (apt-get install firefox-esr; .ci/run does it)");
        var port = FreePort();
        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--no-remote", "--profile", _profile, "--remote-debugging-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--window-size=1400,1000", "about:blank" })
            start.ArgumentList.Add(a);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, e) => { if (e.Data?.Contains("WebDriver BiDi listening", StringComparison.Ordinal) == true) listening.TrySetResult(); };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        if (!listening.Task.Wait(Patience)) throw new TimeoutException("firefox never opened its WebDriver BiDi port");
        using (var timeout = new CancellationTokenSource(Patience))
            _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/session"), timeout.Token).GetAwaiter().GetResult();
        Send("session.new", new { capabilities = new { } });
        Send("session.subscribe", new { events = new[] { "log.entryAdded", "network.beforeRequestSent" } });
        _context = Send("browsingContext.getTree", new { }).GetProperty("contexts")[0].GetProperty("context").GetString()!;
    }

    /// <summary>Opens a file from disk and waits until the dashboard's script has drawn the first page.</summary>
    public void Open(string path, string hash = "")
    {
        Send("browsingContext.navigate", new { context = _context, url = new Uri(Path.GetFullPath(path)).AbsoluteUri + hash, wait = "complete" });
        WaitFor("window.dashboardReady === true");
    }

    /// <summary>The value of a JavaScript expression in the page (a string, number or boolean).</summary>
    public JsonElement Evaluate(string expression)
    {
        var result = Send("script.evaluate", new { expression, target = new { context = _context }, awaitPromise = true, resultOwnership = "none" });
        if (result.GetProperty("type").GetString() == "exception")
            throw new InvalidOperationException($"the page threw evaluating {expression}: {result.GetProperty("exceptionDetails").GetProperty("text").GetString()}");
        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var v) ? v : value;
    }

    public void WaitFor(string condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (Evaluate(condition) is not { ValueKind: JsonValueKind.True })
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"the page never met: {condition}");
            Thread.Sleep(50);
        }
    }

    /// <summary>The text of <c>[data-kpi=name]</c>.</summary>
    public string Kpi(string name) => Evaluate($"document.querySelector('[data-kpi=\"{name}\"]').textContent").GetString()!;

    /// <summary>Every network request of the page since <see cref="ClearEvents"/> (Firefox reports none for file: URLs).</summary>
    public IReadOnlyList<string> Requests() => Events("network.beforeRequestSent").Select(p => p.GetProperty("request").GetProperty("url").GetString()!).ToList();

    /// <summary>What the page logged at error level (uncaught exceptions, CSP violations, console.error).</summary>
    public IReadOnlyList<string> ConsoleErrors() =>
        Events("log.entryAdded").Where(p => p.GetProperty("level").GetString() == "error").Select(p => p.GetProperty("text").GetString() ?? "").ToList();

    /// <summary>Forgets the events seen so far (before opening the page a test is about).</summary>
    public void ClearEvents() => _events.Clear();

    IEnumerable<JsonElement> Events(string method)
    {
        Evaluate("0"); // a round trip, so every event sent before it has been received
        return _events.Where(e => e.GetProperty("method").GetString() == method).Select(e => e.GetProperty("params"))
            .Where(p => ContextOf(p) == _context);
    }

    // Network events name their browsing context, log entries their source's; Firefox's own background work has none.
    static string? ContextOf(JsonElement p) =>
        p.TryGetProperty("context", out var c) || (p.TryGetProperty("source", out var s) && s.TryGetProperty("context", out c)) ? c.GetString() : null;

    JsonElement Send(string method, object parameters)
    {
        var id = ++_id;
        var command = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters });
        using var timeout = new CancellationTokenSource(Patience);
        _socket.SendAsync(command, WebSocketMessageType.Text, true, timeout.Token).GetAwaiter().GetResult();
        while (true)
        {
            var message = Receive(timeout.Token);
            var type = message.GetProperty("type").GetString();
            if (type == "event") { _events.Add(message); continue; }
            if (!message.TryGetProperty("id", out var replyTo) || replyTo.GetInt32() != id) continue;
            if (type == "error")
                throw new InvalidOperationException($"firefox refused {method}: {message.GetProperty("error").GetString()}: {message.GetProperty("message").GetString()}");
            return message.GetProperty("result");
        }
    }

    JsonElement Receive(CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        WebSocketReceiveResult received;
        do
        {
            received = _socket.ReceiveAsync(chunk, cancel).GetAwaiter().GetResult();
            if (received.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("firefox closed the WebDriver BiDi connection");
            buffer.Write(chunk, 0, received.Count);
        } while (!received.EndOfMessage);
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    static string? Find(params string[] names)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin");
        return names.SelectMany(n => folders.Select(f => Path.Combine(f, n))).FirstOrDefault(File.Exists);
    }

    public void Dispose()
    {
        try { Send("session.end", new { }); } catch (Exception e) when (e is InvalidOperationException or WebSocketException or OperationCanceledException) { }
        _socket.Dispose();
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
