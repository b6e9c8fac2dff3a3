using Insights.Kernel.Protocol;

namespace Insights.Kernel.Handlers;

/// <summary>is_complete_request: a console asks whether Enter should run the code or start a new line.</summary>
public sealed class IsCompleteRequestHandler : IRequestHandler
{
    public string RequestType => "is_complete_request";

    public void Handle(RequestContext context)
    {
        var request = context.Request.ContentAs<IsCompleteRequest>();
        context.Reply("is_complete_reply", context.Session.Engine.IsComplete(request.Code) switch
        {
            CodeCompleteness.Complete => new IsCompleteReply("complete"),
            CodeCompleteness.Incomplete => new IsCompleteReply("incomplete", "    "),
            _ => new IsCompleteReply("invalid"),
        });
    }
}
