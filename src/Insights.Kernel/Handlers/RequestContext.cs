using Insights.Kernel.Messaging;
using Insights.Kernel.Protocol;

namespace Insights.Kernel.Handlers;

/// <summary>What a handler may do with one request: reply on the socket it came from, publish on iopub with the
/// request as parent, and reach the kernel's session state.</summary>
public sealed class RequestContext(Message request, MessageChannel replyChannel, MessageChannel iopub, KernelSession session)
{
    public Message Request => request;

    public KernelSession Session => session;

    public void Reply(string messageType, object content) => replyChannel.Send(request.Reply(messageType, content));

    public void Publish(string messageType, object content) =>
        iopub.Send(request.Reply(messageType, content, identities: []), $"kernel.{request.Header.Session}.{messageType}");
}

/// <summary>Answers one request type.</summary>
public interface IRequestHandler
{
    string RequestType { get; }

    void Handle(RequestContext context);
}

/// <summary>The state requests share for the kernel's life: the engine, the execution count, the running cell
/// (so an interrupt on control can cancel what shell runs), and the stop signal.</summary>
public sealed class KernelSession(ICellEngine engine, KernelInfoReply info) : IDisposable
{
    readonly Lock _lock = new();
    CancellationTokenSource? _running;

    public ICellEngine Engine => engine;

    public KernelInfoReply Info => info;

    public int ExecutionCount { get; private set; }

    public ManualResetEventSlim Stopped { get; } = new();

    public bool RestartRequested { get; private set; }

    public int NextExecutionCount() => ++ExecutionCount;

    /// <summary>Set when a cell failed with stop_on_error: the execute requests already queued behind it are answered
    /// "aborted" rather than run (VS Code's Run All sends every cell at once).</summary>
    public bool AbortQueued { get; set; }

    /// <summary>A token the running cell watches; <see cref="Interrupt"/> cancels it.</summary>
    public CancellationToken BeginCell()
    {
        lock (_lock)
        {
            _running?.Dispose();
            _running = new CancellationTokenSource();
            return _running.Token;
        }
    }

    public void EndCell()
    {
        lock (_lock)
        {
            _running?.Dispose();
            _running = null;
        }
    }

    /// <returns>True when a cell was running.</returns>
    public bool Interrupt()
    {
        lock (_lock)
        {
            if (_running is null) return false;
            _running.Cancel();
            return true;
        }
    }

    public void Stop(bool restart)
    {
        RestartRequested = restart;
        Interrupt();
        Stopped.Set();
    }

    public void Dispose()
    {
        EndCell();
        Stopped.Dispose();
    }
}
