namespace Insights.Cli;

/// <summary>What <c>insights</c> returns to the shell; the README, docs/cli.md and every --help say the same.</summary>
public static class ExitCodes
{
    /// <summary>Done (for <c>notebook run</c>: every cell ran).</summary>
    public const int Ok = 0;

    /// <summary>The input could not be used (a one-line message names file, sheet, row and column), a file could
    /// not be read or written, or a notebook cell failed. Nothing half-written is left behind.</summary>
    public const int InputError = 1;

    /// <summary><c>check</c>: a figure of the statement, or the article before one, is wrong; the same code as an
    /// input error (what was read is not fit to use as it stands).</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line was wrong: an unknown command or option, a missing or malformed value.</summary>
    public const int Usage = 2;

    /// <summary>A fault of the program (an exception it did not expect): one line on stderr with the path of a log
    /// holding the exception's type and stack trace, never its message or a value of the input. 70 is EX_SOFTWARE
    /// of sysexits.h, "an internal software error".</summary>
    public const int InternalError = 70;

    public const string Help = "Exit codes: 0 done, 1 input error (the message names file, sheet, row and column), 2 usage error, 70 internal error (a log file holds the details).";
}
