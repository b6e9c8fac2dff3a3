using Insights.Cli;

namespace Insights.Tests;

/// <summary>Runs <c>insights context</c> in process and captures its exit code and both streams.</summary>
static class ContextRun
{
    public static (int Code, string Stdout, string Stderr) Invoke(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ContextCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
