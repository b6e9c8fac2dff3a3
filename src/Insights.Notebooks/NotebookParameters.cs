using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Insights.Notebooks;

/// <summary>A variable the parameters cell declares (<c>var district = "Stockport";</c>).</summary>
public sealed record ParameterDeclaration(string Name, int Line);

/// <summary>A <c>--param</c> that cannot be applied: an unknown name, a value that does not parse, no parameters cell.</summary>
public sealed class NotebookParameterException(string message) : Exception(message);

/// <summary>
/// Papermill-style parameters: the cell tagged <c>parameters</c> declares defaults; values given on the command line
/// are assigned in a cell injected right after it (tagged <c>injected-parameters</c>), typed by the declared
/// variable's type, so the notebook reads the same whether it runs with defaults or not.
/// </summary>
public static class NotebookParameters
{
    public const string Tag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>The variables declared at the top level of a parameters cell, read with Roslyn's parser.</summary>
    public static IReadOnlyList<ParameterDeclaration> Declarations(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var declarations = new List<ParameterDeclaration>();
        foreach (var member in root.Members)
        {
            // A script's top-level "var x = 1;" parses as a field of the script class; inside a global statement
            // it is a local declaration. Accept both.
            var declaration = member switch
            {
                FieldDeclarationSyntax f => f.Declaration,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax l } => l.Declaration,
                _ => null,
            };
            if (declaration is null) continue;
            declarations.AddRange(declaration.Variables.Select(v =>
                new ParameterDeclaration(v.Identifier.ValueText, v.GetLocation().GetLineSpan().StartLinePosition.Line + 1)));
        }
        return declarations;
    }

    /// <summary>Fails before anything runs if a given name is not declared.</summary>
    internal static void CheckNames(IReadOnlyList<ParameterDeclaration> declared, IEnumerable<string> given)
    {
        foreach (var name in given.Order(StringComparer.Ordinal))
        {
            if (declared.Any(d => d.Name == name)) continue;
            var listing = declared.Count == 0 ? "it declares none" : "it declares " + string.Join(", ", declared.Select(d => d.Name));
            throw new NotebookParameterException($"unknown parameter '{name}': {listing} (names are case-sensitive)");
        }
    }

    /// <summary>C# assignments for the given values, in declaration order; <paramref name="typeOf"/> gives the
    /// type each variable has after the parameters cell ran.</summary>
    internal static string Assignments(IReadOnlyList<ParameterDeclaration> declared, IReadOnlyDictionary<string, string> values,
        Func<string, Type?> typeOf)
    {
        var lines = new List<string> { "// Parameters given on the command line (--param)" };
        foreach (var name in declared.Select(d => d.Name).Distinct().Where(values.ContainsKey))
        {
            var type = typeOf(name) ?? throw new NotebookParameterException($"parameter '{name}' was not defined when the parameters cell ran");
            lines.Add($"{name} = {Literal(name, values[name], type)};");
        }
        return string.Join('\n', lines);
    }

    static string Literal(string name, string value, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        string Fail(string expected) => throw new NotebookParameterException(
            $"--param {name}={value}: '{value}' is not {expected} ({name} is declared as {CSharpName(type)})");
        var inv = CultureInfo.InvariantCulture;
        if (t == typeof(string)) return SymbolDisplay.FormatLiteral(value, quote: true);
        if (t == typeof(bool))
            return bool.TryParse(value.Trim(), out var b) ? (b ? "true" : "false") : Fail("true or false");
        if (t == typeof(int))
            return int.TryParse(value, NumberStyles.Integer, inv, out var i) ? i.ToString(inv) : Fail("a whole number");
        if (t == typeof(long))
            return long.TryParse(value, NumberStyles.Integer, inv, out var l) ? l.ToString(inv) + "L" : Fail("a whole number");
        if (t == typeof(double))
            return double.TryParse(value, NumberStyles.Float, inv, out var d) && double.IsFinite(d) ? d.ToString("R", inv) + "d" : Fail("a number");
        if (t == typeof(decimal))
            return decimal.TryParse(value, NumberStyles.Float, inv, out var m) ? m.ToString(inv) + "m" : Fail("a number");
        throw new NotebookParameterException(
            $"--param {name}: {name} is declared as {CSharpName(type)}; only string, int, long, double, decimal and bool parameters can be given on the command line");
    }

    static string CSharpName(Type t) => t == typeof(string) ? "string" : t == typeof(int) ? "int" : t == typeof(bool) ? "bool"
        : t == typeof(double) ? "double" : t == typeof(decimal) ? "decimal" : t == typeof(long) ? "long" : t.Name;
}
