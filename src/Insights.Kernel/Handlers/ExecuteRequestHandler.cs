using System.Text.Json.Nodes;
using Insights.Kernel.Protocol;

namespace Insights.Kernel.Handlers;

/// <summary>
/// execute_request: publishes execute_input, the cell's outputs as they come (streams, display_data), then its
/// execute_result or error, and replies with the execution count. A silent request shows nothing and does not count;
/// store_history false runs the code without taking a count.
/// </summary>
public sealed class ExecuteRequestHandler : IRequestHandler
{
    public string RequestType => "execute_request";

    public void Handle(RequestContext context)
    {
        var request = context.Request.ContentAs<ExecuteRequest>();
        var session = context.Session;
        var counts = !request.Silent && request.StoreHistory;
        var count = counts ? session.NextExecutionCount() : session.ExecutionCount;
        if (!request.Silent) context.Publish("execute_input", new ExecuteInput(request.Code, count));
        var outputs = new PublishedOutputs(context, request.Silent);
        CellOutcome outcome;
        var interrupt = session.BeginCell();
        try
        {
            outcome = Task.Run(() => session.Engine.ExecuteAsync(request.Code, count, outputs, interrupt), CancellationToken.None)
                .GetAwaiter().GetResult();
        }
        finally
        {
            session.EndCell();
        }
        switch (outcome)
        {
            case CellOutcome.Succeeded ok:
                if (ok.Result is { } result && !request.Silent) context.Publish("execute_result", new ExecuteResult(count, result));
                context.Reply("execute_reply", new ExecuteReply("ok", count));
                break;
            case CellOutcome.Failed failed:
                if (!request.Silent) context.Publish("error", new ErrorOutput(failed.Name, failed.Message, failed.Traceback));
                context.Reply("execute_reply", new ExecuteReply("error", count, failed.Name, failed.Message, failed.Traceback));
                session.AbortQueued = request.StopOnError;
                break;
        }
    }

    /// <summary>Answers a queued execute request without running it, after an earlier cell failed.</summary>
    public static void Abort(RequestContext context) =>
        context.Reply("execute_reply", new ExecuteReply("aborted", context.Session.ExecutionCount));

    sealed class PublishedOutputs(RequestContext context, bool silent) : ICellOutputs
    {
        public void Stream(string name, string text)
        {
            if (!silent && text.Length > 0) context.Publish("stream", new StreamOutput(name, text));
        }

        public void Display(IReadOnlyDictionary<string, JsonNode> bundle)
        {
            if (!silent) context.Publish("display_data", new DisplayData(bundle));
        }
    }
}
