using System.CommandLine;
using System.Reflection;
using Insights.Kernel;
using Insights.Kernel.Protocol;
using Insights.Notebooks;

namespace Insights.Cli;

/// <summary><c>insights kernel install [--user | --prefix DIR]</c>, <c>insights kernel uninstall [--user | --prefix DIR]</c>,
/// <c>insights kernel run --connection-file FILE</c> (what Jupyter starts, from kernel.json).</summary>
static class KernelCommand
{
    static readonly Option<bool> User = ValueOptions.Flag("--user",
        "the user's Jupyter folder (default): Linux ~/.local/share/jupyter/kernels, macOS ~/Library/Jupyter/kernels, Windows %APPDATA%\\jupyter\\kernels (JUPYTER_DATA_DIR overrides)");
    static readonly Option<string?> Prefix = ValueOptions.Text("--prefix", "DIR", "DIR/share/jupyter/kernels (a virtualenv or conda environment)");
    static readonly Option<string?> ConnectionFile = ValueOptions.Text("--connection-file", "FILE", "the connection file Jupyter wrote");
    static readonly Option<string?> Timeout = ValueOptions.Text("--cell-timeout", "MINUTES", "stop a cell that runs longer (default 10; 0 = no limit)");

    public static Command Create()
    {
        var install = new Command("install", "write the Jupyter kernelspec insights-csharp (\"C# (Insights)\") that starts this build") { User, Prefix };
        install.SetAction(r => Install(KernelsFolder(r), r.InvocationConfiguration.Output));
        var uninstall = new Command("uninstall", "remove the kernelspec insights-csharp") { User, Prefix };
        uninstall.SetAction(r => Uninstall(KernelsFolder(r), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        var run = new Command("run", "serve one kernel session (Jupyter runs this, from kernel.json)") { ConnectionFile, Timeout };
        run.SetAction(r => Serve(r.GetValue(ConnectionFile) ?? throw new UsageException("kernel run needs --connection-file FILE"),
            CellTimeout(r.GetValue(Timeout)), r.InvocationConfiguration.Error));
        return new Command("kernel", "the Jupyter kernel for VS Code and JupyterLab (check with: jupyter kernelspec list)") { install, uninstall, run };
    }

    static string KernelsFolder(ParseResult arguments)
    {
        var prefix = arguments.GetValue(Prefix);
        if (prefix is not null && arguments.GetValue(User)) throw new UsageException("give --user or --prefix, not both");
        return prefix is null ? KernelSpec.UserKernelsFolder() : KernelSpec.PrefixKernelsFolder(prefix);
    }

    /// <summary>The spec for this build: the command that is running now, so the kernel is this program.</summary>
    public static KernelSpec Spec()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        // Run as "dotnet Insights.Cli.dll": the host is dotnet, and the program is the entry assembly.
        var runsOnDotnetHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        List<string> argv = runsOnDotnetHost ? [process, Assembly.GetEntryAssembly()!.Location] : [process];
        argv.AddRange(["kernel", "run", "--connection-file", "{connection_file}"]);
        return new KernelSpec(KernelSpec.InsightsName, "C# (Insights)", "csharp", argv);
    }

    // Printed through the command's own writers (InsightsCommand wraps them in TerminalWriter): a folder name from
    // --prefix or JUPYTER_DATA_DIR is text from outside like any other.
    static int Install(string kernelsFolder, TextWriter stdout)
    {
        var folder = Spec().Write(kernelsFolder);
        stdout.WriteLine($"installed kernel {KernelSpec.InsightsName} (C# (Insights)) in {folder}");
        return 0;
    }

    static int Uninstall(string kernelsFolder, TextWriter stdout, TextWriter stderr)
    {
        if (!KernelSpec.Remove(kernelsFolder, KernelSpec.InsightsName))
        {
            stderr.WriteLine($"error: no kernel {KernelSpec.InsightsName} in {kernelsFolder}");
            return ExitCodes.InputError;
        }
        stdout.WriteLine($"removed kernel {KernelSpec.InsightsName} from {kernelsFolder}");
        return 0;
    }

    public static TimeSpan? CellTimeout(string? minutes)
    {
        if (minutes is null) return CellEngine.DefaultCellTimeout;
        if (!double.TryParse(minutes, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var m) || m < 0)
            throw new UsageException($"--cell-timeout '{minutes}' must be a number of minutes (0 = no limit)");
        return m == 0 ? null : TimeSpan.FromMinutes(m);
    }

    static int Serve(string connectionFile, TimeSpan? cellTimeout, TextWriter stderr)
    {
        ConnectionInformation connection;
        try
        {
            connection = ConnectionInformation.Load(connectionFile);
        }
        catch (KernelStartException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.InputError;
        }
        // The notebook's own path: jupyter_server names it in JPY_SESSION_NAME; front ends start the kernel in the
        // notebook's folder, so relative paths (and #r "lib/x.dll") start there either way.
        var notebook = Environment.GetEnvironmentVariable("JPY_SESSION_NAME") is { Length: > 0 } session && session.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)
            ? session
            : Path.Combine(Environment.CurrentDirectory, "notebook.ipynb");
        var engine = new KernelCells(new CellEngine(notebook, InsightsNotebooks.Host, cellTimeout: cellTimeout));
        var version = typeof(KernelCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0";
        var info = new KernelInfoReply(Insights.Kernel.Messaging.Header.ProtocolVersion, "insights", version,
            new LanguageInfo("csharp", "14", "text/x-csharp", ".cs", "csharp", "text/x-csharp"),
            "C# (Insights): the Insights library, Deedle and Plotly.NET, offline", []);
        using var kernel = new JupyterKernel(connection, engine, info, stderr);
        kernel.Run();
        return 0;
    }
}
