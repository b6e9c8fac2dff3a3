using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Insights.Outputs;

/// <summary>
/// How long each stage of a run took, in the order they ran: to see where a cold start goes (most of it is the JIT
/// compiling the code each stage uses for the first time). Holds stage names and times only, never a value of the
/// data, so it can be printed beside any run. Beside each time: how many methods the JIT compiled in it and how long
/// that took (<see cref="JitInfo"/>), which says how much a ReadyToRun build could save there.
/// </summary>
public sealed class StageTimes
{
    readonly List<StageTime> stages = [];

    public IReadOnlyList<StageTime> Stages => stages;

    /// <summary>Runs <paramref name="run"/> and records its time under <paramref name="stage"/>.</summary>
    public T Measure<T>(string stage, Func<T> run)
    {
        var (start, methods, jit) = (Stopwatch.GetTimestamp(), JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
        try
        {
            return run();
        }
        finally
        {
            stages.Add(new StageTime(stage, Stopwatch.GetElapsedTime(start), JitInfo.GetCompiledMethodCount() - methods, JitInfo.GetCompilationTime() - jit));
        }
    }

    public void Measure(string stage, Action run) => Measure(stage, () => { run(); return 0; });

    /// <summary>Records the time before any stage: from the process's start, with what the JIT did so far.</summary>
    public void AddStart(string stage, TimeSpan time) =>
        stages.Add(new StageTime(stage, time, JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime()));

    /// <summary>One line per stage, "stage  123 ms  (JIT: 456 methods, 78 ms)", and the stages' total.</summary>
    public IEnumerable<string> Lines()
    {
        var width = Math.Max(5, stages.Count == 0 ? 0 : stages.Max(s => s.Stage.Length));
        string Line(string stage, double ms, long methods, double jitMs) => string.Create(CultureInfo.InvariantCulture,
            $"{stage.PadRight(width)} {ms,7:0} ms  (JIT: {methods,5} methods, {jitMs,5:0} ms)");
        foreach (var s in stages) yield return Line(s.Stage, s.Time.TotalMilliseconds, s.JitMethods, s.JitTime.TotalMilliseconds);
        yield return Line("total", stages.Sum(s => s.Time.TotalMilliseconds), stages.Sum(s => s.JitMethods), stages.Sum(s => s.JitTime.TotalMilliseconds));
    }
}

/// <summary>One stage: its wall time, and the methods the JIT compiled during it (any thread) and their compile time.</summary>
public sealed record StageTime(string Stage, TimeSpan Time, long JitMethods, TimeSpan JitTime);

/// <summary>Timing that costs nothing when no <see cref="StageTimes"/> is given (the default run).</summary>
public static class StageTiming
{
    public static T Time<T>(this StageTimes? times, string stage, Func<T> run) => times is null ? run() : times.Measure(stage, run);

    public static void Time(this StageTimes? times, string stage, Action run)
    {
        if (times is null) run();
        else times.Measure(stage, run);
    }
}
