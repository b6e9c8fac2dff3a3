using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Insights.Outputs.Dashboard;

/// <summary>
/// dashboard.html: one offline file (plotly.js inline once, the data as one JSON element, the page's own script), from
/// the template embedded beside this class. The page renders every label and number with textContent, so no data
/// reaches the HTML parser except inside the JSON element, where it is escaped.
/// </summary>
public static partial class DashboardPage
{
    public const string FileName = "dashboard.html";
    const string TemplateResource = "Insights.Outputs.Dashboard.dashboard.html";

    static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream(TemplateResource)
            ?? throw new InvalidOperationException($"the dashboard template ({TemplateResource}) is missing from the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    });

    /// <summary>The page. Deterministic: the same data give the same string.</summary>
    public static string Render(DashboardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var json = data.ToJson();
        // One pass over the template: text put in is never scanned again for placeholders.
        return Placeholder().Replace(Template.Value, m => m.Value switch
        {
            "{{TITLE}}" => WebUtility.HtmlEncode(data.Title),
            "{{DATA}}" => json,
            _ => PlotlyScript.Text.Value,
        });
    }

    [GeneratedRegex(@"\{\{TITLE\}\}|\{\{DATA\}\}|/\*\{\{PLOTLY\}\}\*/")]
    private static partial Regex Placeholder();
}
