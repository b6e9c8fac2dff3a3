using System.Runtime.InteropServices;
using Insights.Kernel.Handlers;
using Insights.Kernel.Messaging;
using Insights.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace Insights.Kernel;

/// <summary>
/// A Jupyter kernel over ZeroMQ (NetMQ): binds the five sockets of the connection file on its ip only, answers shell
/// requests one at a time on one thread and control requests (interrupt, shutdown) on another, so an interrupt
/// reaches a cell that is still running. Every request is wrapped in busy/idle on iopub.
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    readonly ConnectionInformation _connection;
    readonly KernelSession _session;
    readonly TextWriter _log;
    readonly Dictionary<string, IRequestHandler> _shell;
    readonly Dictionary<string, IRequestHandler> _control;

    public JupyterKernel(ConnectionInformation connection, ICellEngine engine, KernelInfoReply info, TextWriter log)
    {
        _connection = connection;
        _session = new KernelSession(engine, info);
        _log = log;
        IRequestHandler[] shell = [new KernelInfoRequestHandler(), new ExecuteRequestHandler(), new IsCompleteRequestHandler(),
            new CompleteRequestHandler(), new InspectRequestHandler(), new CommInfoRequestHandler(), new HistoryRequestHandler()];
        IRequestHandler[] control = [new KernelInfoRequestHandler(), new InterruptRequestHandler(), new ShutdownRequestHandler()];
        _shell = shell.ToDictionary(h => h.RequestType);
        _control = control.ToDictionary(h => h.RequestType);
    }

    /// <summary>Cancels the running cell, if any (what SIGINT and interrupt_request both do).</summary>
    public bool Interrupt() => _session.Interrupt();

    /// <summary>Serves until a shutdown request; returns whether the client asked for a restart.</summary>
    public bool Run()
    {
        var signer = new MessageSigner(_connection.Key);
        using var shellSocket = Bind(new RouterSocket(), _connection.ShellPort);
        using var controlSocket = Bind(new RouterSocket(), _connection.ControlPort);
        using var stdinSocket = Bind(new RouterSocket(), _connection.StdinPort);
        using var iopubSocket = Bind(new PublisherSocket(), _connection.IopubPort);
        using var heartbeat = new Heartbeat(_connection.Address(_connection.HbPort));
        var iopub = new MessageChannel(iopubSocket, signer, "iopub", _log);
        var shell = new MessageChannel(shellSocket, signer, "shell", _log);
        var control = new MessageChannel(controlSocket, signer, "control", _log);
        // jupyter_client's shutdown sends SIGINT before shutdown_request: .NET would die of it (and never answer), so
        // SIGINT interrupts the running cell instead, as it does in IPython.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            signal.Cancel = true;
            _session.Interrupt();
        });
        heartbeat.Start();
        var shellThread = Serve(shell, iopub, _shell, "kernel shell");
        var controlThread = Serve(control, iopub, _control, "kernel control");
        _session.Stopped.Wait();
        controlThread.Join(TimeSpan.FromSeconds(2));
        shellThread.Join(TimeSpan.FromSeconds(2));
        return _session.RestartRequested;
    }

    NetMQSocket Bind(NetMQSocket socket, int port)
    {
        socket.Options.Linger = TimeSpan.FromMilliseconds(500);
        socket.Bind(_connection.Address(port));
        return socket;
    }

    Thread Serve(MessageChannel channel, MessageChannel iopub, Dictionary<string, IRequestHandler> handlers, string name)
    {
        var thread = new Thread(() =>
        {
            while (!_session.Stopped.IsSet)
            {
                if (channel.TryReceive(Poll) is not { } request) continue;
                Handle(request, channel, iopub, handlers);
                // After a failed cell, what was already queued behind it is answered "aborted", as IPython does.
                while (_session.AbortQueued && channel.TryReceive(TimeSpan.Zero) is { } queued)
                    Handle(queued, channel, iopub, handlers, abort: queued.Type == "execute_request");
                _session.AbortQueued = false;
            }
        }) { IsBackground = true, Name = name };
        thread.Start();
        return thread;
    }

    void Handle(Message request, MessageChannel channel, MessageChannel iopub, Dictionary<string, IRequestHandler> handlers, bool abort = false)
    {
        if (!handlers.TryGetValue(request.Type, out var handler))
        {
            _log.WriteLine($"insights kernel: ignored {request.Type} on {channel.Name} (not handled by this kernel)");
            return;
        }
        var context = new RequestContext(request, channel, iopub, _session);
        context.Publish("status", Status.Busy);
        try
        {
            if (abort) ExecuteRequestHandler.Abort(context);
            else handler.Handle(context);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException)
        {
            _log.WriteLine($"insights kernel: {request.Type} could not be handled: {e.Message}");
        }
        finally
        {
            context.Publish("status", Status.Idle);
        }
    }

    public void Dispose() => _session.Dispose();
}
