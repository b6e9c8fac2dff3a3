using System.Globalization;
using Insights.Kernel.Protocol;

namespace Insights.Kernel.Handlers;

/// <summary>complete_request: names in scope, or members after a dot. The protocol counts the cursor in Unicode
/// code points; C# strings count UTF-16 units, so positions are converted both ways (they differ after an emoji).</summary>
public sealed class CompleteRequestHandler : IRequestHandler
{
    public string RequestType => "complete_request";

    public void Handle(RequestContext context)
    {
        var request = context.Request.ContentAs<CompleteRequest>();
        var code = request.Code;
        var cursor = Utf16Index(code, request.CursorPos);
        var found = context.Session.Engine.CompleteAsync(code, cursor, CancellationToken.None).GetAwaiter().GetResult();
        context.Reply("complete_reply", new CompleteReply(found.Matches, CodePoints(code, found.Start), CodePoints(code, found.End)));
    }

    internal static int Utf16Index(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
        return index;
    }

    internal static int CodePoints(string text, int utf16Index) =>
        new StringInfo(text[..Math.Clamp(utf16Index, 0, text.Length)]).String.EnumerateRunes().Count();
}
