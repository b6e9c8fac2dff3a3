using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Insights.Cli;

/// <summary>
/// The <c>insights</c> command line on System.CommandLine: help, "did you mean", missing values and tab completion
/// ([suggest] directive, for dotnet-suggest) are the library's; the errors of a run are ours, one line each.
/// </summary>
public static class InsightsCommand
{
    /// <summary>Every command, one line each: add yours here.</summary>
    static IEnumerable<Command> Commands() =>
    [
        ContextCommand.Create(),
        CheckCommand.Create(),
        NotebookCommand.Create(),
        ForecastCommand.Create(),
        KernelCommand.Create(),
    ];

    public static RootCommand Create()
    {
        var root = new RootCommand("""
            insights: modern slavery statistics for the "Current trends relating to modern slavery" section.
            With dotnet run: dotnet run --project src/Insights.Cli -- context [options]
            """);
        foreach (var command in Commands()) root.Subcommands.Add(command);
        root.SetAction(result =>
        {
            // `insights` alone: what a user needs to go on, and a usage exit code so scripts notice.
            new HelpAction { MaxWidth = HelpWidth }.Invoke(result);
            return ExitCodes.Usage;
        });
        UseEpilogues(root);
        return root;
    }

    /// <summary>The program: one-line errors, never a stack trace; everything printed through <see cref="TerminalWriter"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Guarded(args, () => Invoke(args, stdout, stderr), stderr, CrashLog.DefaultFolder);

    /// <summary>
    /// Runs <paramref name="run"/> and turns what it throws into one line on stderr: usage (exit 2), input (exit 1),
    /// and anything else, a bug, into "internal error" with the path of a <see cref="CrashLog"/> (exit
    /// <see cref="ExitCodes.InternalError"/>); no stack trace reaches the user.
    /// </summary>
    internal static int Guarded(string[] args, Func<int> run, TextWriter stderr, string crashFolder)
    {
        stderr = TerminalWriter.Wrap(stderr);
        try
        {
            return run();
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"insights: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is InputException or UnauthorizedAccessException || (e is IOException && !CrashLog.IsDamagedInstall(e)))
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.InputError;
        }
        catch (Exception e)
        {
            // The message of an unexpected exception may quote a value of the input, so only its type is printed.
            var log = CrashLog.Write(e, args, crashFolder);
            stderr.WriteLine($"error: internal error ({e.GetType().Name}), a fault of insights rather than of the input as far as it can tell; " +
                (log is null ? "no log could be written" : $"details for a bug report, without any value of the input, in {log}"));
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Parses and runs; errors of the run are thrown to the caller (tests look at them).</summary>
    public static int Invoke(string[] args, TextWriter stdout, TextWriter stderr)
    {
        (stdout, stderr) = (TerminalWriter.Wrap(stdout), TerminalWriter.Wrap(stderr));
        var result = Create().Parse(args);
        if (result.Action is ParseErrorAction parseError)
        {
            // The whole help after every typo buries the one line that matters; "did you mean" stays.
            parseError.ShowHelp = false;
            result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            return ExitCodes.Usage;
        }
        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    // Help is the same on every terminal and in a redirected file.
    const int HelpWidth = 110;

    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Command, string> Epilogues = [];

    /// <summary>Text after the standard help of <paramref name="command"/> (exit codes, examples).</summary>
    public static T WithEpilogue<T>(this T command, string epilogue) where T : Command
    {
        Epilogues.AddOrUpdate(command, epilogue);
        return command;
    }

    // One help option on the root, recursive as the library makes it; it adds the epilogue of the command asked about.
    static void UseEpilogues(RootCommand root)
    {
        foreach (var help in root.Options.OfType<HelpOption>()) help.Action = new HelpWithEpilogue();
    }

    sealed class HelpWithEpilogue : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            new HelpAction { MaxWidth = HelpWidth }.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            var command = parseResult.CommandResult.Command;
            if (Epilogues.TryGetValue(command, out var epilogue)) output.WriteLine(epilogue.TrimEnd());
            output.WriteLine(ExitCodes.Help);
            output.WriteLine();
            return ExitCodes.Ok;
        }
    }
}
