using System.Diagnostics;
using System.Runtime.InteropServices;
using Insights.Cli;

namespace Insights.Tests;

/// <summary>No crash reaches the user (one line, a log without input values, exit 70), empty option values are
/// usage errors, and nothing printed carries a terminal escape sequence.</summary>
public sealed class CrashAndConsoleTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-crash-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static string PublishedNrm => global::Insights.Pipeline.Samples.PathOf("nrm", "nrm-2023-q4-tables.ods");

    static (int Code, string Stdout, string Stderr) Insights(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = InsightsCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    // A bug met while a row is in hand: .NET's messages quote the value (here a made-up id, and a category).
    static int Crash() => throw new InvalidOperationException("while reading 'PLANTED-ID-7'",
        new FormatException("The input string 'PLANTED-ID-7' was not in a correct format."));

    [Fact]
    public void An_unexpected_exception_is_one_line_with_a_log_path_and_exit_70()
    {
        using var stderr = new StringWriter();
        string[] args = ["context", "--district", "PLANTED-DISTRICT", "--gmp", "/home/someone/PLANTED-FILE.csv", "--out=PLANTED-OUT"];
        var code = InsightsCommand.Guarded(args, Crash, stderr, _folder);
        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Equal(70, code);
        var line = Assert.Single(stderr.ToString().TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: internal error (InvalidOperationException), a fault of insights rather than of the input", line);
        Assert.DoesNotContain("PLANTED", line);
        Assert.DoesNotContain("   at ", line);
        var log = Assert.Single(Directory.GetFiles(_folder));
        Assert.EndsWith(log, line);
        var text = File.ReadAllText(log);
        Assert.DoesNotContain("PLANTED", text);
        // What a fix needs: the types, the stack, and the shape of the command.
        Assert.Contains("\nSystem.InvalidOperationException\n", text);
        Assert.Contains("\ninner: System.FormatException\n", text);
        Assert.Contains(nameof(Crash), text);
        Assert.Contains("command: insights context --district … --gmp … --out\n", text);
    }

    [Fact]
    public void Input_and_usage_errors_are_not_crashes()
    {
        using var stderr = new StringWriter();
        Assert.Equal(1, InsightsCommand.Guarded([], () => throw new InputException(new SourceLocation("x.csv", Row: 3), "not a date"), stderr, _folder));
        Assert.Equal(2, InsightsCommand.Guarded([], () => throw new UsageException("no such parameter"), stderr, _folder));
        Assert.Equal("error: x.csv, row 3: not a date\ninsights: no such parameter\n", stderr.ToString().Replace("\r\n", "\n"));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Kernel_install_and_uninstall_print_through_the_same_filter()
    {
        var prefix = Path.Combine(_folder, "env\u001b]0;pwned\u0007");
        var (code, stdout, _) = Insights("kernel", "install", "--prefix", prefix);
        Assert.Equal(0, code);
        Assert.StartsWith("installed kernel insights-csharp (C# (Insights)) in ", stdout);
        Assert.Contains(Path.Combine(_folder, "env"), stdout);
        Assert.DoesNotContain("\u001b", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("pwned", stdout);
        (code, stdout, _) = Insights("kernel", "uninstall", "--prefix", prefix);
        Assert.Equal(0, code);
        Assert.StartsWith("removed kernel insights-csharp from ", stdout);
        Assert.DoesNotContain("\u001b", stdout, StringComparison.Ordinal);
        var (again, _, stderr) = Insights("kernel", "uninstall", "--prefix", prefix);
        Assert.Equal(1, again);
        Assert.StartsWith("error: no kernel insights-csharp in ", stderr);
        Assert.DoesNotContain("\u001b", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_file_is_an_input_error_and_a_missing_assembly_is_not()
    {
        using var stderr = new StringWriter();
        Assert.Equal(1, InsightsCommand.Guarded([], () => throw new FileNotFoundException("Could not find file 'extract.csv'.", "extract.csv"), stderr, _folder));
        Assert.Empty(Directory.GetFiles(_folder));
        Assert.Equal(70, InsightsCommand.Guarded([], () => throw new FileNotFoundException("Could not load file or assembly",
            "Markdig, Version=0.40.0.0, Culture=neutral, PublicKeyToken=null"), stderr, _folder));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("--gmp", "--gmp: an empty value (expected file)")]
    [InlineData("--nrm", "--nrm: an empty value (expected file-or-folder)")]
    [InlineData("--out", "--out: an empty value (expected folder)")]
    [InlineData("--district", "--district: an empty value (expected name)")]
    [InlineData("--columns", "--columns: an empty value (expected map.json)")]
    [InlineData("--templates", "--templates: an empty value (expected folder)")]
    public void An_empty_option_value_is_a_usage_error(string option, string message)
    {
        var output = Path.Combine(_folder, "out");
        var args = new List<string> { "context", "--nrm", PublishedNrm, "--gmp", Path.Combine(_folder, "missing.csv"), "--out", output };
        var at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = "";
        else args.AddRange([option, " "]);
        var (code, _, stderr) = Insights([.. args]);
        Assert.Equal(2, code);
        Assert.Contains(message, stderr);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("\u001b[31mred\u001b[0m", "red")]                                          // colour (CSI)
    [InlineData("a\u001b[2J\u001b[Hb", "ab")]                                                // clear the screen, cursor home
    [InlineData("\u001b]8;;https://example.org\u0007click\u001b]8;;\u0007", "click")]     // hidden hyperlink (OSC 8, BEL)
    [InlineData("\u001b]0;title\u001b\\text", "text")]                                      // window title (OSC, ST)
    [InlineData("\u009b31mC1\u009d0;t\u009c", "C1")]                                        // the same as C1 characters
    [InlineData("ok\u001bc", "ok")]                                                          // ESC c resets the terminal
    [InlineData("real\rforged", "realforged")]                                               // a lone CR overwrites the line
    [InlineData("bell\u0007 nul\0 bs\b", "bell nul bs")]
    [InlineData("\u202eevil\u2066", "evil")]                                                 // bidi overrides
    [InlineData("tab\tand\r\nline\n", "tab\tand\r\nline\n")]                                // kept
    [InlineData("Nationality: Albanian, Stockport – 45.0%", "Nationality: Albanian, Stockport – 45.0%")]
    public void The_console_gets_no_escape_sequence_or_control_character(string written, string shown)
    {
        using var inner = new StringWriter();
        var terminal = TerminalWriter.Wrap(inner);
        terminal.Write(written);
        Assert.Equal(shown, inner.ToString());
        Assert.Same(terminal, TerminalWriter.Wrap(terminal));
    }

    [Fact]
    public void An_escape_sequence_in_a_file_name_is_not_printed()
    {
        var (code, _, stderr) = Insights("context", "--nrm", PublishedNrm, "--gmp", Path.Combine(_folder, "x\u001b[2J\u001b]0;pwned\u0007y.csv"), "--out", Path.Combine(_folder, "out"));
        Assert.Equal(1, code);
        Assert.Equal("error: xy.csv: file not found", stderr.TrimEnd());
    }

    [Fact]
    public void A_damaged_install_crashes_the_real_executable_as_one_line_a_log_and_exit_70()
    {
        // A part of the program that is not a .NET assembly any more (a half-copied file, an antivirus quarantine):
        // the run meets it only when it writes the Word file, inside the program, far from any input.
        var install = Directory.CreateDirectory(Path.Combine(_folder, "install")).FullName;
        CopyInstall(AppContext.BaseDirectory, install);
        File.WriteAllText(Path.Combine(install, "DocumentFormat.OpenXml.dll"), "not an assembly");
        var temp = Directory.CreateDirectory(Path.Combine(_folder, "temp")).FullName;
        var output = Path.Combine(_folder, "out");

        // From the repository, as a new user runs it, so the default run finds its samples.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = global::Insights.Pipeline.Samples.RepositoryRoot };
        foreach (var a in new[] { Path.Combine(install, "Insights.Cli.dll"), "context", "--out", output }) start.ArgumentList.Add(a);
        foreach (var name in new[] { "TMPDIR", "TMP", "TEMP" }) start.Environment[name] = temp;
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();

        Assert.Equal(70, p.ExitCode);
        var line = Assert.Single(stderr.Result.TrimEnd().Split('\n'));
        Assert.Matches(@"^error: internal error \((FileNotFoundException|FileLoadException|BadImageFormatException)\), a fault of insights", line);
        var log = Assert.Single(Directory.GetFiles(Path.Combine(temp, "insights")));
        Assert.EndsWith(log, line.TrimEnd());
        Assert.Contains("DocumentFormat", File.ReadAllText(log)); // the frame that met it, for whoever fixes it
        Assert.False(Directory.Exists(output));
    }

    // The program and what it loads: assemblies, its json files, templates, and the native libraries of this machine only.
    static void CopyInstall(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from).Where(f => Path.GetExtension(f) is ".dll" or ".json"))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        var native = Path.Combine("runtimes", RuntimeInformation.RuntimeIdentifier);
        foreach (var folder in new[] { "templates", native, Path.Combine("runtimes", "win") }.Where(f => Directory.Exists(Path.Combine(from, f))))
            foreach (var file in Directory.GetFiles(Path.Combine(from, folder), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
    }
}
