using System.Diagnostics;
using Insights.Cli;

namespace Insights.Tests;

/// <summary>The command line as a .NET user expects it (System.CommandLine): help, "did you mean", missing values,
/// tab completion, and the exit codes the README documents (0 done, 1 input error, 2 usage).</summary>
public sealed class CommandLineTests
{
    static (int Code, string Stdout, string Stderr) Insights(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = InsightsCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Help_names_every_command_and_the_exit_codes()
    {
        var (code, stdout, stderr) = Insights("--help");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        foreach (var command in new[] { "context", "notebook", "forecast" }) Assert.Contains($"  {command} ", stdout);
        Assert.Contains("Exit codes: 0 done, 1 input error (the message names file, sheet, row and column), 2 usage error, 70 internal error (a log file holds the details).", stdout);
    }

    [Fact]
    public void Notebook_run_takes_a_cell_timeout_in_minutes_and_refuses_anything_else()
    {
        var (code, stdout, _) = Insights("notebook", "run", "--help");
        Assert.Equal(0, code);
        Assert.Contains("  --cell-timeout <minutes> ", stdout);
        var notebook = Path.Combine(global::Insights.Pipeline.Samples.RepositoryRoot, "notebooks", "01-national-context.ipynb");
        var (bad, _, stderr) = Insights("notebook", "run", notebook, "--cell-timeout", "ten");
        Assert.Equal(2, bad);
        Assert.Contains("--cell-timeout", stderr);
    }

    [Fact]
    public void Context_help_lists_every_option_with_its_value()
    {
        var (code, stdout, _) = Insights("context", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[]
        {
            "--nrm <file-or-folder>", "--quarter <2025Q2>", "--gmp <file>", "--columns <map.json>", "--area <area.json>",
            "--district <name>", "--year <2024/25>", "--from <date>", "--to <date>", "--top <n>",
            "--national-year <2023|2023/24>", "--nrm-area <name>", "--district-trend", "--forecast", "--with-forecast",
            "--horizon <n>", "--out <folder>", "--templates <folder>", "--publish",
        })
            Assert.Contains("  " + option + " ", stdout);
        Assert.Contains("Exit codes: 0 done, 1 input error", stdout);
    }

    [Theory]
    [InlineData("forecast", "--json")]
    [InlineData("notebook run", "--param <name=value>")]
    public void Every_command_has_help(string command, string option)
    {
        var (code, stdout, _) = Insights([.. command.Split(' '), "--help"]);
        Assert.Equal(0, code);
        Assert.Contains($" {command} ", stdout);
        Assert.Contains(option, stdout);
        Assert.Contains("Exit codes:", stdout);
    }

    [Fact]
    public void A_mistyped_option_is_a_usage_error_that_suggests_the_right_one()
    {
        // System.CommandLine prints the error on stderr and its suggestion on stdout.
        var (code, stdout, stderr) = Insights("context", "--distrct", "Bolton");
        Assert.Equal(2, code);
        Assert.Contains("Unrecognized command or argument '--distrct'.", stderr);
        Assert.Equal("'--distrct' was not matched. Did you mean one of the following?\n--district", stdout.ReplaceLineEndings("\n").Trim());
    }

    [Fact]
    public void A_mistyped_command_suggests_the_right_one()
    {
        var (code, stdout, _) = Insights("contxt");
        Assert.Equal(2, code);
        Assert.Equal("'contxt' was not matched. Did you mean one of the following?\ncontext", stdout.ReplaceLineEndings("\n").Trim());
    }

    [Fact]
    public void An_option_without_its_value_is_a_usage_error()
    {
        var (code, stdout, stderr) = Insights("context", "--district");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("Required argument missing for option: '--district'.", stderr.Trim());
    }

    [Fact]
    public void A_single_valued_option_given_twice_is_a_usage_error()
    {
        var (code, _, stderr) = Insights("context", "--district", "Bury", "--district", "Bolton");
        Assert.Equal(2, code);
        Assert.Contains("--district", stderr);
    }

    [Fact]
    public void The_horizon_without_a_forecast_is_a_usage_error()
    {
        var (code, _, stderr) = Insights("context", "--horizon", "3");
        Assert.Equal(2, code);
        Assert.Equal("--horizon goes with --forecast or --with-forecast", stderr.Trim());
    }

    [Fact]
    public void Without_a_command_the_help_is_shown_and_the_exit_is_a_usage_error()
    {
        var (code, stdout, _) = Insights();
        Assert.Equal(2, code);
        Assert.Contains("Usage:", stdout);
        Assert.Contains("context", stdout);
    }

    [Fact]
    public void A_notebook_that_is_not_there_is_one_line_and_exit_2()
    {
        var (code, _, stderr) = Insights("notebook", "run", "no-such.ipynb");
        Assert.Equal(2, code);
        Assert.Equal("insights: notebook 'no-such.ipynb' not found", stderr.Trim());
    }

    [Theory]
    [InlineData("context --dis", new[] { "--district", "--district-trend" })]
    [InlineData("context --district B", new[] { "Bolton", "Bury" })]
    [InlineData("fore", new[] { "forecast" })]
    public void Tab_completion_offers_options_commands_and_districts(string line, string[] expected)
    {
        // What dotnet-suggest asks the program when the user presses Tab.
        var (code, stdout, _) = Insights($"[suggest:{line.Length}]", line);
        Assert.Equal(0, code);
        Assert.Equal(expected, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Bad_usage_from_the_real_executable_exits_2_without_a_stack_trace()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Insights.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { cli, "context", "--top", "many" }) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(2, p.ExitCode);
        Assert.Equal("--top: 'many' is not a number from 1 to 20", stderr.Trim());
    }
}
