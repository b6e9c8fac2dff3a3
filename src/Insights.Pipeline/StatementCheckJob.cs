using Insights.Checking;
using Insights.Narrative;
using Insights.Sources.Statements;

namespace Insights.Pipeline;

/// <summary>A check and the run it was made against (its sample note, if the run was on the samples).</summary>
public sealed record StatementCheckRun(StatementCheckResult Check, string? SampleNote);

/// <summary>
/// <c>insights check</c>: the section computed (nothing written) with the options a <c>context</c> run would have,
/// and a written statement's "Current trends" figures checked against that run's text and facts.
/// </summary>
public static class StatementCheckJob
{
    public static StatementCheckRun Check(string statementPath, ContextOptions options) =>
        Check(statementPath, () => ContextJob.Compute(options) is var r ? (r.Markdown, r.Facts, r.SampleNote) : default);

    /// <summary>Against the national part alone (NRM releases without a police extract): the district's figures are "not found".</summary>
    public static StatementCheckRun Check(string statementPath, NationalOnlyOptions options) =>
        Check(statementPath, () => NationalJob.Compute(options) is var r ? (r.Markdown, r.Facts, r.SampleNote) : default);

    static StatementCheckRun Check(string statementPath, Func<(string Markdown, FactSheet Facts, string? SampleNote)> compute)
    {
        // The statement first: a mistyped path fails before the inputs are read.
        var statement = StatementReader.Read(statementPath);
        var (markdown, facts, sample) = compute();
        return new StatementCheckRun(StatementCheck.Run(statement, markdown, facts.Facts), sample);
    }
}
