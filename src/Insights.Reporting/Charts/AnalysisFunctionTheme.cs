using Plotly.NET;

namespace Insights.Charts;

/// <summary>
/// The Government Analysis Function's chart style as Plotly.NET's default template: installed once, before any chart
/// is created (Plotly.NET copies the default template into each chart's layout when the chart is made).
/// </summary>
public static class AnalysisFunctionTheme
{
    /// <summary>Categorical palette: use four categories or fewer where possible.</summary>
    public static readonly string[] Categorical = ["#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1"];

    /// <summary>Two series.</summary>
    public static readonly string[] Duo = ["#12436D", "#F46A25"];

    /// <summary>One highlighted item against the rest.</summary>
    public const string Focus = "#12436D";
    public const string Context = "#BFBFBF";

    public const string Grid = "#D6D6D6";
    public const string FontFamily = "Arial, Helvetica, sans-serif";
    const string Text = "#0B0C0C";

    static readonly Lock Gate = new();
    static bool _installed;

    /// <summary>Sets Plotly.NET's default template. Idempotent; <see cref="Figures"/> calls it before drawing.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            Defaults.DefaultTemplate = Template.init<Trace>(Layout(), Microsoft.FSharp.Core.FSharpOption<IEnumerable<Trace>>.None);
            _installed = true;
        }
    }

    static Layout Layout()
    {
        var layout = new Layout();
        layout.SetProperty("colorway", Categorical);
        layout.SetProperty("font", Obj(("family", FontFamily), ("size", 14), ("color", Text)));
        layout.SetProperty("title", Obj(("x", 0), ("xanchor", "left"), ("xref", "container"), ("pad", Obj(("l", 12))),
                                        ("font", Obj(("size", 18), ("color", Text)))));
        layout.SetProperty("paper_bgcolor", "#FFFFFF");
        layout.SetProperty("plot_bgcolor", "#FFFFFF");
        layout.SetProperty("hovermode", "x unified");
        // A white hover box reads the same over navy, orange and grey bars.
        layout.SetProperty("hoverlabel", Obj(("bgcolor", "#FFFFFF"), ("bordercolor", "#3D3D3D"), ("font", Obj(("family", FontFamily), ("color", Text)))));
        layout.SetProperty("bargap", 0.25);
        layout.SetProperty("legend", Obj(("orientation", "h"), ("x", 0), ("xanchor", "left"), ("y", 1.02), ("yanchor", "bottom"), ("traceorder", "normal")));
        layout.SetProperty("xaxis", Axis());
        layout.SetProperty("yaxis", Axis());
        return layout;
    }

    static Dictionary<string, object> Axis() => Obj(
        ("gridcolor", Grid), ("zerolinecolor", Grid), ("linecolor", "#3D3D3D"), ("automargin", true),
        ("title", Obj(("standoff", 10))), ("tickfont", Obj(("size", 13))));

    /// <summary>Plotly JSON objects keep the order given here, so the serialised chart is the same on every run.</summary>
    internal static Dictionary<string, object> Obj(params (string Key, object Value)[] pairs)
    {
        var d = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs) d[k] = v;
        return d;
    }
}
