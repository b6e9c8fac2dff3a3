namespace Insights.Cli;

static class ContextCommand
{
    public static int Run(string[] args) => throw new UsageException("context: not built yet");
}
