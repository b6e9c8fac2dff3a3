using Insights.Cli;
using Insights;

// One-line errors, never a stack trace: bad input names file, sheet, row and column (InputException);
// bad usage names the option (UsageException). Exit codes: 0 ok, 1 failed, 2 bad input, 64 bad usage.
try
{
    if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
    {
        Console.Out.Write(Help.Text);
        return args.Length == 0 ? 64 : 0;
    }
    var rest = args[1..];
    return args[0] switch
    {
        "context" => ContextCommand.Run(rest),
        "notebook" => NotebookCommand.Run(rest),
        "forecast" => ForecastCommand.Run(rest),
        "kernel" => KernelCommand.Run(rest),
        _ => throw new UsageException($"unknown command '{args[0]}' (commands: context, notebook, forecast, kernel; see insights --help)"),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"insights: {e.Message}");
    return 64;
}
catch (InputException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (IOException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (UnauthorizedAccessException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
