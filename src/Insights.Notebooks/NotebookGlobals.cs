using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Insights.Notebooks;

/// <summary>
/// What every cell can call without a prefix: <c>display(value)</c> shows a value as an output (as Jupyter's and
/// .NET Interactive's <c>display</c> did), and the notebook's own path.
/// </summary>
public sealed class NotebookGlobals
{
    internal NotebookGlobals(string notebookPath) => NotebookPath = notebookPath;

    /// <summary>Full path of the notebook being run.</summary>
    public string NotebookPath { get; }

    public string NotebookFolder => Path.GetDirectoryName(NotebookPath) ?? ".";

    [SuppressMessage("Performance", "CA1822", Justification = "scripts call globals as instance members")]
    public void display(object? value) => NotebookSession.Show(value);
}

/// <summary><c>anything.Display();</c> in a cell, like .NET Interactive's extension.</summary>
public static class DisplayExtensions
{
    public static void Display<T>(this T value) => NotebookSession.Show(value);
}

/// <summary>The run a cell's display calls and console writes belong to. Async-local, so parallel runs (tests)
/// never see each other's outputs.</summary>
internal sealed class NotebookSession(FormatterRegistry formatters)
{
    static readonly AsyncLocal<NotebookSession?> CurrentSession = new();
    readonly Lock _lock = new();
    readonly StringBuilder _stdout = new();
    NotebookCell? _cell;
    int _cellNumber;

    /// <summary>Told of each output as it is added (console text: each new piece, as its own stream output).</summary>
    public event Action<CellOutput>? OutputAdded;

    public static NotebookSession? Current
    {
        get => CurrentSession.Value;
        set => CurrentSession.Value = value;
    }

    public static void Show(object? value)
    {
        var session = Current ?? throw new InvalidOperationException("display() works only while a notebook runs");
        session.Add(value, result: null);
    }

    public void Begin(NotebookCell cell, int number)
    {
        lock (_lock) { _cell = cell; _cellNumber = number; _stdout.Clear(); }
    }

    public void End()
    {
        lock (_lock) { FlushStdout(); _cell = null; }
    }

    /// <summary>Shows a value; with an execution count it is the cell's result rather than a display.</summary>
    public void Add(object? value, int? result)
    {
        NotebookCell cell;
        int output;
        lock (_lock)
        {
            cell = _cell ?? throw new InvalidOperationException("display() was called outside a running cell");
            FlushStdout();
            output = cell.Outputs.Count + 1;
        }
        // Formatting runs outside the lock: a formatter may itself write to the console.
        var formatted = formatters.Format(value, new DisplayContext(_cellNumber, output));
        lock (_lock)
        {
            FlushStdout();
            var added = result is { } count ? CellOutput.Result(formatted, count) : CellOutput.Display(formatted);
            cell.Outputs.Add(added);
            OutputAdded?.Invoke(added);
        }
    }

    public void AddError(CellOutput error)
    {
        lock (_lock)
        {
            FlushStdout();
            _cell?.Outputs.Add(error);
            OutputAdded?.Invoke(error);
        }
    }

    /// <summary>True when the console text was taken for the running cell.</summary>
    public bool TryWrite(string text)
    {
        lock (_lock)
        {
            if (_cell is null) return false;
            _stdout.Append(text.Replace("\r\n", "\n", StringComparison.Ordinal));
            return true;
        }
    }

    void FlushStdout()
    {
        if (_cell is null || _stdout.Length == 0) return;
        var text = _stdout.ToString();
        _stdout.Clear();
        // Consecutive writes form one stream output, as Jupyter shows them.
        if (_cell.Outputs.Count > 0 && _cell.Outputs[^1] is { OutputType: "stream", StreamName: "stdout" } last)
            _cell.Outputs[^1] = CellOutput.Stream("stdout", last.Text + text);
        else
            _cell.Outputs.Add(CellOutput.Stream("stdout", text));
        OutputAdded?.Invoke(CellOutput.Stream("stdout", text));
    }
}

/// <summary>Sends Console.Out writes made by a running cell to that cell's outputs, and any other write to the
/// real console. Installed once per process.</summary>
internal sealed class CellConsole(TextWriter console) : TextWriter
{
    static readonly Lock InstallLock = new();
    static bool _installed;

    public static void Install()
    {
        lock (InstallLock)
        {
            if (_installed) return;
            Console.SetOut(new CellConsole(Console.Out));
            _installed = true;
        }
    }

    public override Encoding Encoding => console.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (value is null) return;
        if (NotebookSession.Current?.TryWrite(value) != true) console.Write(value);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write(value + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush() => console.Flush();
}
