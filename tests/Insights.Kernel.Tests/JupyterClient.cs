using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Insights.Kernel.Tests;

/// <summary>
/// Runs jupyter/drive_kernel.py with Debian's Python (python3-jupyter-client, python3-nbclient), against a kernelspec
/// written to a temporary JUPYTER_PATH that starts this build's <c>insights kernel run</c>. When Python or the
/// modules are missing, <see cref="Unavailable"/> says why and the tests skip (CI installs them: .ci/run).
/// </summary>
public sealed class JupyterClient : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("insights-jupyter-").FullName;

    /// <summary>Why the Jupyter tests cannot run here, or null.</summary>
    public string? Unavailable { get; }

    readonly string _python;

    public JupyterClient()
    {
        _python = Environment.GetEnvironmentVariable("INSIGHTS_PYTHON")
            ?? (OperatingSystem.IsWindows() ? "python" : "/usr/bin/python3");
        Unavailable = Check();
        if (Unavailable is not null) return;
        var cli = Path.Combine(AppContext.BaseDirectory, "Insights.Cli.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        new KernelSpec(KernelSpec.InsightsName, "C# (Insights)", "csharp", [dotnet, cli, "kernel", "run", "--connection-file", "{connection_file}"])
            .Write(Path.Combine(Folder, "jupyter", "kernels"));
    }

    string? Check()
    {
        try
        {
            var (code, _, stderr) = Run(["-c", "import jupyter_client, nbclient, nbformat"], TimeSpan.FromSeconds(60), check: false);
            return code == 0 ? null
                : $"{_python} lacks the Jupyter modules (apt-get install python3-nbclient jupyter-client): {stderr.Trim().Split('\n')[^1]}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"no Python at {_python} (set INSIGHTS_PYTHON, or apt-get install python3-nbclient jupyter-client): {e.Message}";
        }
    }

    /// <summary>Runs the driver; returns the JSON it printed and what the kernel and client wrote on stderr.</summary>
    public (JsonNode Result, string Log) Drive(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "jupyter", "drive_kernel.py");
        var (_, stdout, stderr) = Run([script, .. arguments], TimeSpan.FromMinutes(8), check: true, environment);
        var last = stdout.Trim().Split('\n')[^1];
        return (JsonNode.Parse(last)!, stderr);
    }

    (int Code, string Stdout, string Stderr) Run(string[] arguments, TimeSpan timeout, bool check, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(_python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["JUPYTER_PATH"] = Path.Combine(Folder, "jupyter");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(Folder, "runtime");
        start.Environment["JUPYTER_DATA_DIR"] = Path.Combine(Folder, "data");
        start.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(Folder, "config");
        start.Environment["INSIGHTS_TEST_TEMP"] = Folder;
        start.Environment["JUPYTER_PLATFORM_DIRS"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"drive_kernel.py {string.Join(' ', arguments.Skip(1))} did not finish within {timeout}: {stderr.Result}");
        }
        process.WaitForExit();
        if (check && process.ExitCode != 0)
            throw new InvalidOperationException($"drive_kernel.py failed (exit {process.ExitCode}):\n{stderr.Result}\n{stdout.Result}");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
