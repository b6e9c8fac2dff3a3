using Insights.Notebooks;

namespace Insights.Tests;

/// <summary>The cell semantics the runner and the kernel share, one cell at a time (the bare host: .NET, Deedle,
/// Plotly.NET only).</summary>
public sealed class CellEngineTests
{
    static CellEngine Engine(TimeSpan? timeout = null) =>
        new(Path.Combine(Path.GetTempPath(), "engine.ipynb"), NotebookHost.Bare, cellTimeout: timeout);

    static async Task<(NotebookCell Cell, NotebookFailure? Failure)> Run(CellEngine engine, string code, int number, CancellationToken interrupt = default)
    {
        var cell = NotebookCell.Code(code);
        return (cell, await engine.RunAsync(cell, number, number, interrupt));
    }

    [Fact]
    public async Task A_loop_that_never_ends_stops_at_the_cell_timeout_and_the_next_cell_still_runs()
    {
        var engine = Engine(TimeSpan.FromSeconds(1));
        await Run(engine, "var kept = 41;", 1);
        var (cell, failure) = await Run(engine, "var spins = 0L;\nwhile (true) { spins++; }", 2);
        Assert.NotNull(failure);
        Assert.Equal("cell 2 (line 2): the cell ran longer than the cell timeout (1 s) and was stopped", failure.ToString());
        Assert.Equal("CellTimeout", Assert.Single(cell.Outputs).ErrorName);
        var (next, ok) = await Run(engine, "kept + 1", 3);
        Assert.Null(ok);
        Assert.Equal("42", Assert.Single(next.Outputs).PlainText);
    }

    [Fact]
    public async Task An_interrupt_stops_a_loop_without_braces_inside_a_local_function()
    {
        var engine = Engine();
        using var interrupt = new CancellationTokenSource();
        // Interrupt once the cell is running (compiling it takes longer than any fixed delay we could pick).
        engine.OutputAdded += _ => interrupt.Cancel();
        var (cell, failure) = await Run(engine, "int Spin() { var n = 0; for (;;) n++; }\ndisplay(\"spinning\");\nSpin();", 1, interrupt.Token);
        Assert.NotNull(failure);
        Assert.Equal("cell 1 (line 1): interrupted: the cell was stopped; the state is as before it ran", failure.ToString());
        Assert.Equal("Interrupted", cell.Outputs[^1].ErrorName);
    }

    [Theory]
    [InlineData("foreach (var i in new[] { 1 })\n{\n    Console.Write(i);\n}\nthrow new InvalidOperationException(\"here\");", 5)]
    [InlineData("var n = 0;\ndo n++;\nwhile (n < 3);\nvar m = 1 / (n - 3);", 4)]
    [InlineData("var ok = 1;\nwhile (ok < 2)\n    ok++;\nvar bad = new int[0][ok];", 4)]
    public async Task The_checks_put_into_loops_keep_every_line_number(string code, int line)
    {
        var (_, failure) = await Run(Engine(), code, 1);
        Assert.NotNull(failure);
        Assert.Equal(line, failure.Line);
    }

    [Theory]
    [InlineData("var a = 1;", CellCompleteness.Complete)]
    [InlineData("if (a > 1) {", CellCompleteness.Incomplete)]
    [InlineData("var s = \"open", CellCompleteness.Incomplete)]
    [InlineData("var a = ;)", CellCompleteness.Invalid)]
    public void Is_complete_tells_a_statement_from_an_open_block_and_from_nonsense(string code, CellCompleteness expected) =>
        Assert.Equal(expected, CellEngine.IsComplete(code));

    [Fact]
    public async Task Completion_offers_earlier_cells_variables_and_the_members_of_their_types()
    {
        var engine = Engine();
        await Run(engine, "var districts = new List<string> { \"Stockport\" };", 1);
        var scope = engine.Complete("dis", 3);
        Assert.Contains("districts", scope.Matches);
        Assert.Contains("display", scope.Matches);
        var members = engine.Complete("districts.Ad", 12);
        Assert.Equal(["Add", "AddRange"], members.Matches);
        Assert.Equal((10, 12), (members.Start, members.End));
        // Extension methods count as members (LINQ here, Deedle's frame extensions in a notebook).
        Assert.Contains("Select", engine.Complete("districts.", 10).Matches);
    }
}
