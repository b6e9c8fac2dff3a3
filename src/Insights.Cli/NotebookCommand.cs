namespace Insights.Cli;

static class NotebookCommand
{
    public static int Run(string[] args) => throw new UsageException("notebook: not built yet");
}
