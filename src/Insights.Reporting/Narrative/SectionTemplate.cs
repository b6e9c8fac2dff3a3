using Scriban;
using Scriban.Runtime;

namespace Insights.Narrative;

/// <summary>
/// The section's wording lives in Scriban template files (<c>*.sbn</c>) that the author can edit without
/// recompiling: by default those copied beside the program (<c>templates/</c>), or a folder given with
/// <c>--templates</c>. The templates only place figures; every number is computed and formatted in code.
/// </summary>
public sealed class TemplateLibrary
{
    public string Folder { get; }

    public TemplateLibrary(string? folder = null) =>
        Folder = folder ?? Path.Combine(AppContext.BaseDirectory, "templates");

    public string Render(string name, object model)
    {
        var path = Path.Combine(Folder, name + ".sbn");
        if (!File.Exists(path))
            throw new InputException(new SourceLocation(path), $"template '{name}' not found (expected {name}.sbn in {Folder})");
        return RenderText(File.ReadAllText(path), model, path);
    }

    /// <summary>Renders template text; unknown variables are errors so a typo in a template cannot print blank.</summary>
    public static string RenderText(string text, object model, string sourcePath = "template")
    {
        var template = Template.Parse(text, sourcePath);
        if (template.HasErrors)
            throw new InputException(new SourceLocation(sourcePath), "template does not parse: " + string.Join("; ", template.Messages));
        var globals = new ScriptObject();
        globals.Import(model, renamer: m => m.Name);
        var context = new MarkdownTemplateContext { StrictVariables = true, MemberRenamer = m => m.Name, NewLine = "\n" };
        context.PushGlobal(globals);
        try
        {
            return Normalise(template.Render(context));
        }
        catch (Scriban.Syntax.ScriptRuntimeException e)
        {
            throw new InputException(new SourceLocation(sourcePath), "template failed: " + e.OriginalMessage);
        }
    }

    // Line endings are "\n" whatever the template file was saved with, so outputs are byte-identical on Windows.
    static string Normalise(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal);
}

/// <summary>
/// Every value a template prints is Markdown-escaped (<see cref="MarkdownText.Escape"/>): values carry names from the
/// inputs (nationalities, exploitation types, districts, area names), and the template's own text is the only markup.
/// </summary>
sealed class MarkdownTemplateContext : TemplateContext
{
    public override TemplateContext Write(Scriban.Parsing.SourceSpan span, object? textAsObject) =>
        base.Write(span, textAsObject is string text ? MarkdownText.Escape(text) : textAsObject);
}
