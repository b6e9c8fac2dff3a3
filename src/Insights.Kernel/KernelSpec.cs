using System.Text.Json;
using System.Text.Json.Nodes;

namespace Insights.Kernel;

/// <summary>
/// A Jupyter kernelspec: the folder <c>kernels/&lt;name&gt;/</c> holding kernel.json (how to start the kernel) and
/// its logos. Jupyter looks in the user's data folder and in <c>&lt;prefix&gt;/share/jupyter</c> (and in every
/// folder of JUPYTER_PATH); <c>jupyter kernelspec list</c> shows what it finds.
/// </summary>
public sealed record KernelSpec(string Name, string DisplayName, string Language, IReadOnlyList<string> Argv)
{
    /// <summary>The kernel's own name, as notebooks' metadata names it.</summary>
    public const string InsightsName = "insights-csharp";

    /// <summary>Writes (or replaces) the spec under <paramref name="kernelsFolder"/>; returns its folder.</summary>
    public string Write(string kernelsFolder)
    {
        var folder = Path.Combine(kernelsFolder, Name);
        Directory.CreateDirectory(folder);
        var json = new JsonObject
        {
            ["argv"] = new JsonArray([.. Argv.Select(a => (JsonNode)a!)]),
            ["display_name"] = DisplayName,
            ["language"] = Language,
            // Interrupts come as interrupt_request on control, which works on Windows too (a signal would not).
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        File.WriteAllText(Path.Combine(folder, "kernel.json"), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllBytes(Path.Combine(folder, "logo-32x32.png"), KernelLogo.Png(32));
        File.WriteAllBytes(Path.Combine(folder, "logo-64x64.png"), KernelLogo.Png(64));
        return folder;
    }

    /// <summary>Removes the spec named <paramref name="name"/> under <paramref name="kernelsFolder"/>; false if none was there.</summary>
    public static bool Remove(string kernelsFolder, string name)
    {
        var folder = Path.Combine(kernelsFolder, name);
        if (!File.Exists(Path.Combine(folder, "kernel.json"))) return false;
        Directory.Delete(folder, recursive: true);
        return true;
    }

    /// <summary>The user's Jupyter kernels folder, as Jupyter computes it: JUPYTER_DATA_DIR if set, else
    /// %APPDATA%\jupyter (Windows), ~/Library/Jupyter (macOS), $XDG_DATA_HOME/jupyter or ~/.local/share/jupyter (Linux).</summary>
    public static string UserKernelsFolder()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } dataDir) return Path.Combine(dataDir, "kernels");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string data;
        if (OperatingSystem.IsWindows()) data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        else if (OperatingSystem.IsMacOS()) data = Path.Combine(home, "Library", "Jupyter");
        else data = Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share"), "jupyter");
        return Path.Combine(data, "kernels");
    }

    /// <summary>The kernels folder of an environment prefix (a virtualenv, conda env or /usr/local).</summary>
    public static string PrefixKernelsFolder(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
}
