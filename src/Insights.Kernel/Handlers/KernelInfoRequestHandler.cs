namespace Insights.Kernel.Handlers;

/// <summary>kernel_info_request (shell or control): who we are and the language. Clients count a kernel as ready
/// when this is answered and a status message arrives, so the dispatcher publishes busy/idle around it too.</summary>
public sealed class KernelInfoRequestHandler : IRequestHandler
{
    public string RequestType => "kernel_info_request";

    public void Handle(RequestContext context) => context.Reply("kernel_info_reply", context.Session.Info);
}
