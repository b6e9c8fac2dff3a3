using System.CommandLine;
using System.Globalization;
using Insights.Pipeline;

namespace Insights.Cli;

/// <summary>Options whose value is checked while parsing, so a malformed value is a usage error (exit 2) with
/// the expected form, before anything is read.</summary>
static class ValueOptions
{
    public delegate bool TryParse<T>(string text, out T value);

    /// <summary><c>--name value</c> parsed by <paramref name="tryParse"/>; absent is null.</summary>
    public static Option<T?> Parsed<T>(string name, string valueName, string description, TryParse<T> tryParse, string expected)
        where T : struct => new(name)
        {
            Description = description,
            HelpName = valueName,
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = result =>
            {
                var text = result.Tokens[0].Value;
                if (tryParse(text, out var value)) return value;
                result.AddError($"{name}: '{text}' is not {expected}");
                return null;
            },
        };

    public static Option<int?> Number(string name, string valueName, string description, int min, int max, string what) =>
        Parsed<int>(name, valueName, description,
            (string text, out int n) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out n) && n >= min && n <= max,
            string.Create(CultureInfo.InvariantCulture, $"{what} from {min} to {max}"));

    public static Option<string?> Text(string name, string valueName, string description) =>
        NotBlank(new Option<string?>(name) { Description = description, HelpName = valueName, Arity = ArgumentArity.ExactlyOne });

    /// <summary><c>--name a b c</c> or <c>--name a --name b</c>.</summary>
    public static Option<string[]> Files(string name, string valueName, string description) =>
        NotBlank(new Option<string[]>(name) { Description = description, HelpName = valueName, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = true });

    // `--out ""` (an unset shell variable, "$OUT") is no folder, file or name: refused as usage before anything runs,
    // rather than becoming the current folder or a .NET "path is empty" message.
    static T NotBlank<T>(T option) where T : Option
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
                result.AddError($"{option.Name}: an empty value (expected {option.HelpName})");
        });
        return option;
    }

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>The NRM releases, for <c>context</c> and <c>forecast</c>.</summary>
    public static Option<string[]> Nrm(string description) => Files("--nrm", "file-or-folder", description);

    /// <summary>Quarters to forecast, for <c>context</c> and <c>forecast</c>.</summary>
    public static Option<int?> Horizon() => Number("--horizon", "n", "quarters to forecast, 1 to 8 [default: 4]", 1, 8, "a number of quarters");

    public static int HorizonOrDefault(this ParseResult result, Option<int?> horizon) => result.GetValue(horizon) ?? 4;

    public static bool Given(this ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    public static IReadOnlyList<string> Values(this ParseResult result, Option<string[]> option) => result.GetValue(option) ?? [];

    /// <summary>A usage error that involves several options, reported like the library's own.</summary>
    public static void Refuse(this Command command, Func<System.CommandLine.Parsing.CommandResult, string?> rule) =>
        command.Validators.Add(result =>
        {
            if (rule(result) is { } error) result.AddError(error);
        });

}
