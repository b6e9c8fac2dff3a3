using Insights.Kernel.Protocol;

namespace Insights.Kernel.Handlers;

/// <summary>interrupt_request (control): cancels the running cell; the kernel and its state live on.</summary>
public sealed class InterruptRequestHandler : IRequestHandler
{
    public string RequestType => "interrupt_request";

    public void Handle(RequestContext context)
    {
        context.Session.Interrupt();
        context.Reply("interrupt_reply", new InterruptReply());
    }
}

/// <summary>shutdown_request (control): answers, then stops the kernel. A restart is the client starting a new
/// process, so both end this one.</summary>
public sealed class ShutdownRequestHandler : IRequestHandler
{
    public string RequestType => "shutdown_request";

    public void Handle(RequestContext context)
    {
        var request = context.Request.ContentAs<ShutdownRequest>();
        context.Reply("shutdown_reply", new ShutdownReply(request.Restart));
        context.Session.Stop(request.Restart);
    }
}

/// <summary>The small questions front ends ask on connect or hover, answered honestly: no docs, no comms, no history.</summary>
public sealed class InspectRequestHandler : IRequestHandler
{
    public string RequestType => "inspect_request";

    public void Handle(RequestContext context) => context.Reply("inspect_reply", new InspectReply(Found: false));
}

public sealed class CommInfoRequestHandler : IRequestHandler
{
    public string RequestType => "comm_info_request";

    public void Handle(RequestContext context) => context.Reply("comm_info_reply", new CommInfoReply());
}

public sealed class HistoryRequestHandler : IRequestHandler
{
    public string RequestType => "history_request";

    public void Handle(RequestContext context) => context.Reply("history_reply", new HistoryReply());
}
