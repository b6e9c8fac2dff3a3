namespace Insights.Kernel.Protocol;

/// <summary>What a front end needs to know to edit and highlight the cells.</summary>
public sealed record LanguageInfo(string Name, string Version, string Mimetype, string FileExtension, string PygmentsLexer, string CodemirrorMode);

public sealed record HelpLink(string Text, string Url);

/// <summary>kernel_info_reply.</summary>
public sealed record KernelInfoReply(string ProtocolVersion, string Implementation, string ImplementationVersion,
    LanguageInfo LanguageInfo, string Banner, IReadOnlyList<HelpLink> HelpLinks, string Status = "ok");

/// <summary>status on iopub: busy while a request is handled, idle after; starting once.</summary>
public sealed record Status(string ExecutionState)
{
    public static readonly Status Busy = new("busy");
    public static readonly Status Idle = new("idle");
    public static readonly Status Starting = new("starting");
}
