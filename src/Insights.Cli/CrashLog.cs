using System.Globalization;
using System.Text;

namespace Insights.Cli;

/// <summary>
/// What an unexpected exception (a bug, not bad input) leaves for whoever fixes it: a file with the exception types
/// and stack traces, inner exceptions included, and the command and option names the run was given.
/// </summary>
/// <remarks>
/// Exception messages are left out on purpose. .NET puts the offending value in many of them ("The input string
/// 'SYN-00017' was not in a correct format", "The given key 'Albanian' was not present", an XML error quoting a
/// cell), and a crash may happen while a row of the police extract is in hand: the log would then hold a person's
/// id, date or age, which no log may (docs/threat-model.md). Option values are left out for the same reason (a
/// --district or a file name may be anything); the type, the method and the line are what a fix needs.
/// </remarks>
public static class CrashLog
{
    /// <summary>The folder crash logs go to: insights/ in the user's temporary folder.</summary>
    public static string DefaultFolder => Path.Combine(Path.GetTempPath(), "insights");

    /// <summary>Writes the log and returns its path, or null if even that failed (a full disk, no temp folder).</summary>
    public static string? Write(Exception exception, IReadOnlyList<string> args, string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var now = DateTime.UtcNow;
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture,
                $"crash-{now:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.log"));
            File.WriteAllText(path, Describe(exception, args, now));
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The log's text: no exception message and no option value, only types, stack frames and names.</summary>
    public static string Describe(Exception exception, IReadOnlyList<string> args, DateTime when)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"insights {typeof(CrashLog).Assembly.GetName().Version} crashed at {when:yyyy-MM-ddTHH:mm:ssZ} on .NET {Environment.Version}, {Environment.OSVersion.Platform}\n");
        sb.Append("command: insights ").Append(string.Join(' ', CommandShape(args))).Append('\n');
        sb.Append("(exception messages and option values are left out: they may quote a value of the input)\n");
        var depth = 0;
        for (var e = exception; e is not null; e = e.InnerException, depth++)
        {
            sb.Append(depth == 0 ? "\n" : "\ninner: ").Append(e.GetType().FullName).Append('\n');
            // The one message part that is safe and that a fix needs: which of the program's assemblies failed.
            if (IsDamagedInstall(e) && e switch { FileNotFoundException f => f.FileName, FileLoadException f => f.FileName, _ => null } is { } assembly)
                sb.Append("assembly: ").Append(assembly).Append('\n');
            sb.Append(e.StackTrace ?? "   (no stack trace)").Append('\n');
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Count > 1)
                foreach (var other in aggregate.InnerExceptions.Skip(1))
                    sb.Append("\nalso: ").Append(other.GetType().FullName).Append('\n').Append(other.StackTrace ?? "").Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// An assembly of the program that cannot be loaded (deleted, half-copied, quarantined). .NET reports it as a
    /// <see cref="FileNotFoundException"/>, an <see cref="IOException"/> like a missing input, but with an assembly's
    /// display name ("DocumentFormat.OpenXml, Version=3.3.0.0, Culture=neutral, ...") as the file: a fault of the
    /// installation, not of the input, so it is an internal error with a log rather than "error:" about a file.
    /// </summary>
    public static bool IsDamagedInstall(Exception e) =>
        e is FileLoadException || (e is FileNotFoundException { FileName: { } name } &&
            name.Contains(", Version=", StringComparison.Ordinal) && name.Contains(", Culture=", StringComparison.Ordinal));

    /// <summary>"context --nrm … --gmp … --out …": the command words and option names, every value replaced.</summary>
    static IEnumerable<string> CommandShape(IReadOnlyList<string> args)
    {
        var options = false;
        foreach (var arg in args)
        {
            if (arg.StartsWith('-'))
            {
                options = true;
                var name = arg.Split('=', 2)[0];
                yield return name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? name : "-?";
            }
            else yield return !options && arg.All(char.IsAsciiLetterLower) ? arg : "…";
        }
    }
}
