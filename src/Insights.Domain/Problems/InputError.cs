using System.Text;

namespace Insights;

/// <summary>Where in an input a problem is: file, and where known sheet, row (1-based) and column.</summary>
public sealed record SourceLocation(string File, string? Sheet = null, int? Row = null, string? Column = null)
{
    public override string ToString()
    {
        var sb = new StringBuilder(Path.GetFileName(File));
        if (Sheet is not null) sb.Append(", sheet ").Append(Sheet);
        if (Row is not null) sb.Append(", row ").Append(Row.Value);
        if (Column is not null) sb.Append(", column ").Append(Column);
        return sb.ToString();
    }

    /// <summary>Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA.</summary>
    public static string ColumnLetters(int index)
    {
        var letters = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            letters.Insert(0, (char)('A' + (n - 1) % 26));
        return letters.ToString();
    }
}

/// <summary>
/// Bad input: the message names the file, sheet, row and column and what was expected, and is shown to the user
/// as one line, without a stack trace.
/// </summary>
public sealed class InputException : Exception
{
    public SourceLocation Location { get; }

    public InputException(SourceLocation location, string problem) : base($"{location}: {problem}") =>
        Location = location;

    public InputException(SourceLocation location, string problem, Exception inner) : base($"{location}: {problem}", inner) =>
        Location = location;
}

/// <summary>
/// Something the user must see but that does not stop the run (an unmapped category, a total one short).
/// Warnings are collected, printed and written to the outputs; they never contain row-level data.
/// </summary>
public sealed record InputWarning(string Code, string Message)
{
    public override string ToString() => $"warning {Code}: {Message}";
}

/// <summary>
/// A problem with the loaded inputs that a breakdown finds, as data: what was asked for and what was loaded.
/// The domain holds no prose and knows no command line: Reporting words it and says where (the option or the file),
/// and the pipeline throws it as an <see cref="InputException"/>.
/// </summary>
public abstract record InputProblem;

/// <summary>A breakdown cannot be computed from the inputs loaded; <see cref="Problem"/> says why, as data.</summary>
public sealed class InputProblemException(InputProblem problem) : Exception(problem.ToString())
{
    public InputProblem Problem { get; } = problem;
}
