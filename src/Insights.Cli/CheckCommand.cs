using System.CommandLine;
using Insights.Checking;
using Insights.Pipeline;
using Insights.Sources.Statements;

namespace Insights.Cli;

/// <summary>
/// <c>insights check STATEMENT</c>: the figures of a written "Current trends relating to modern slavery" section
/// against a run on the same inputs and options as <c>context</c> (docs/check.md). Nothing is written.
/// </summary>
public static class CheckCommand
{
    static readonly Argument<string> Statement = new("statement")
    {
        Description = $"the written statement ({StatementReader.Formats}) whose \"{StatementCheck.SectionTitle}\" section is checked",
    };

    const string Epilogue = """

        Give the inputs and options the statement was written from, as for `context` (--nrm, --gmp, --district,
        --year, ...); with none, the check is against the samples (and says so). One line per figure: as written,
        as computed (with its fact id, as in facts.json), and ok / wrong / not found / cannot be checked; then a
        summary. Exit 1 when a figure or the article before one ("an 32%") is wrong. See docs/check.md.
        """;

    public static Command Create()
    {
        var command = new Command("check", $"check the figures of a written statement's \"{StatementCheck.SectionTitle}\" section against the data") { Statement };
        foreach (var option in ContextCommand.SectionOptions) command.Options.Add(option);
        ContextCommand.AddSectionRules(command);
        command.SetAction(result => Print(ContextCommand.NationalOnly(result)
            ? StatementCheckJob.Check(result.GetValue(Statement)!, ContextCommand.NationalOptions(result))
            : StatementCheckJob.Check(result.GetValue(Statement)!, ContextCommand.Options(result)), result.InvocationConfiguration.Output));
        return command.WithEpilogue(Epilogue);
    }

    static int Print(StatementCheckRun run, TextWriter stdout)
    {
        if (run.SampleNote is { } sample) stdout.WriteLine(sample);
        stdout.Write(CheckReport.Text(run.Check));
        return run.Check.HasErrors ? ExitCodes.CheckFailed : ExitCodes.Ok;
    }
}
