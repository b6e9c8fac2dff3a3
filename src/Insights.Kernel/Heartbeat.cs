using NetMQ;
using NetMQ.Sockets;

namespace Insights.Kernel;

/// <summary>The heartbeat: echoes every ping back on its own thread, so a client sees the kernel alive even while a
/// long cell runs.</summary>
sealed class Heartbeat(string address) : IDisposable
{
    readonly ResponseSocket _socket = Bound(address);
    readonly CancellationTokenSource _stop = new();
    Thread? _thread;

    static ResponseSocket Bound(string address)
    {
        var socket = new ResponseSocket();
        socket.Options.Linger = TimeSpan.Zero;
        socket.Bind(address);
        return socket;
    }

    public void Start()
    {
        _thread = new Thread(Echo) { IsBackground = true, Name = "kernel heartbeat" };
        _thread.Start();
    }

    void Echo()
    {
        var frames = new List<byte[]>();
        while (!_stop.IsCancellationRequested)
            if (_socket.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(200), ref frames))
                _socket.SendMultipartBytes(frames);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join(TimeSpan.FromSeconds(1));
        _socket.Dispose();
        _stop.Dispose();
    }
}
