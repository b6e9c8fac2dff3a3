using System.Globalization;

namespace Insights.Notebooks;

/// <summary>
/// A code cell made ready for the compiler: the <c>#!csharp</c> magic and the <c>#r</c> lines are blanked rather than
/// removed, so a compiler diagnostic's line is the line the analyst sees in the cell.
/// </summary>
internal sealed record CellCode(string Code, IReadOnlyList<string> AssemblyPaths, IReadOnlyList<string> Warnings)
{
    static readonly string[] CSharpMagics = ["#!csharp", "#!c#", "#!cs"];

    /// <param name="cell">1-based cell number, for messages.</param>
    /// <param name="folder">The notebook's folder: relative <c>#r "x.dll"</c> paths start there.</param>
    public static CellCode Prepare(string source, int cell, string folder, ShippedPackages packages)
    {
        var lines = source.Split('\n');
        var assemblies = new List<string>();
        var warnings = new List<string>();
        var firstContent = Array.FindIndex(lines, l => l.Trim().Length > 0);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var magic = line.Split(' ', 2)[0];
                if (i == firstContent && CSharpMagics.Contains(magic, StringComparer.OrdinalIgnoreCase)) { lines[i] = ""; continue; }
                throw new CellException(cell, number, CSharpMagics.Contains(magic, StringComparer.OrdinalIgnoreCase)
                    ? $"'{magic}' must be the cell's first line"
                    : $"the magic command '{magic}' is not supported: only C# cells run here (Polyglot magics and other languages need the retired .NET Interactive kernel)");
            }
            if (line.StartsWith("#r ", StringComparison.Ordinal) || line.StartsWith("#r\t", StringComparison.Ordinal))
            {
                var target = Quoted(line[2..].Trim(), cell, number);
                if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
                    warnings.AddRange(CheckPackage(target["nuget:".Length..], cell, number, packages));
                else
                    assemblies.Add(Assembly(target, folder, cell, number));
                lines[i] = "";
                continue;
            }
            if (line.StartsWith("#i ", StringComparison.Ordinal))
                throw new CellException(cell, number, "package sources (#i) are not supported: notebooks use the packages Insights ships (" + packages.Listing + ")");
            if (line.StartsWith("#load ", StringComparison.Ordinal))
                throw new CellException(cell, number, "#load is not supported: put shared code in the Insights library");
        }
        return new CellCode(string.Join('\n', lines), assemblies, warnings);
    }

    static string Quoted(string text, int cell, int line)
    {
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"') return text[1..^1].Trim();
        throw new CellException(cell, line, $"#r needs a quoted argument, as in #r \"nuget: Deedle\" or #r \"lib/Extra.dll\" (found: {text})");
    }

    static IEnumerable<string> CheckPackage(string spec, int cell, int line, ShippedPackages packages)
    {
        var parts = spec.Split(',', 2, StringSplitOptions.TrimEntries);
        var name = parts[0];
        var version = parts.Length > 1 ? parts[1] : null;
        if (name.Length == 0) throw new CellException(cell, line, "#r \"nuget: ...\" names no package");
        var shipped = packages.Find(name)
            ?? throw new CellException(cell, line, $"package '{name}' is not shipped with Insights, and notebooks cannot download packages; available: {packages.Listing}");
        if (!string.IsNullOrEmpty(version) && !string.Equals(version, shipped.Version, StringComparison.OrdinalIgnoreCase))
            yield return string.Create(CultureInfo.InvariantCulture,
                $"cell {cell} (line {line}): asks for {shipped.Name} {version}; using the shipped {shipped.Name} {shipped.Version}");
    }

    static string Assembly(string path, string folder, int cell, int line)
    {
        var full = Path.GetFullPath(Path.Combine(folder, path));
        if (!File.Exists(full)) throw new CellException(cell, line, $"assembly '{path}' not found (looked for {full})");
        return full;
    }
}

/// <summary>A cell that cannot run, located by cell number and line within the cell.</summary>
public sealed class CellException(int cell, int? line, string problem) : Exception(Describe(cell, line, problem))
{
    public int Cell { get; } = cell;
    public int? Line { get; } = line;
    public string Problem { get; } = problem;

    // One line, always: .NET exception messages can carry a second line ("Actual value was -1.").
    internal static string Describe(int cell, int? line, string problem)
    {
        var oneLine = string.Join(" ", problem.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line is { } l
            ? string.Create(CultureInfo.InvariantCulture, $"cell {cell} (line {l}): {oneLine}")
            : string.Create(CultureInfo.InvariantCulture, $"cell {cell}: {oneLine}");
    }
}
