namespace Insights.Cli;

public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Options of the form <c>--name value</c>, <c>--name value1 value2</c> (multi-valued options),
/// <c>--name=value</c> and flags. Unknown options are errors, so a typo never silently does nothing.
/// </summary>
public sealed class Arguments
{
    readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Positional { get; }

    public Arguments(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions,
        IReadOnlySet<string>? multiValueOptions = null)
    {
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal)) { positional.Add(a); continue; }
            var name = a;
            string? inline = null;
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) { name = a[..eq]; inline = a[(eq + 1)..]; }
            if (flagOptions.Contains(name)) { _flags.Add(name); continue; }
            if (!valueOptions.Contains(name)) throw new UsageException($"unknown option '{name}' (see --help)");
            var list = _values.TryGetValue(name, out var l) ? l : _values[name] = [];
            if (inline is not null) { list.Add(inline); continue; }
            var took = 0;
            while (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                list.Add(args[++i]);
                took++;
                if (multiValueOptions is null || !multiValueOptions.Contains(name)) break;
            }
            if (took == 0) throw new UsageException($"option '{name}' needs a value");
        }
        Positional = positional;
    }

    public bool Flag(string name) => _flags.Contains(name);

    public string? Value(string name)
    {
        if (!_values.TryGetValue(name, out var list)) return null;
        if (list.Count > 1) throw new UsageException($"option '{name}' was given more than once");
        return list[0];
    }

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];
}
