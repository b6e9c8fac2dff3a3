namespace Insights.Cli;

/// <summary>A usage error found only once the command runs (e.g. a notebook parameter the notebook does not
/// declare); <see cref="InsightsCommand"/> prints it on one line and exits <see cref="ExitCodes.Usage"/>.</summary>
public sealed class UsageException(string message) : Exception(message);
