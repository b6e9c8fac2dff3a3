using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Deedle;
using Plotly.NET;

namespace Insights.Notebooks;

/// <summary>What a value looks like in a notebook: always plain text, optionally HTML, and for charts the Plotly
/// figure JSON (which Jupyter front ends render natively as application/vnd.plotly.v1+json).</summary>
public sealed record FormattedValue(string PlainText, string? Html = null, JsonNode? PlotlyFigure = null)
{
    internal SortedDictionary<string, JsonNode> ToBundle()
    {
        var bundle = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal) { ["text/plain"] = JsonValue.Create(PlainText) };
        if (Html is not null) bundle["text/html"] = JsonValue.Create(Html);
        if (PlotlyFigure is not null) bundle[CellOutput.PlotlyMime] = PlotlyFigure.DeepClone();
        return bundle;
    }
}

/// <summary>HTML a cell wants shown as is: <c>display(new HtmlContent("&lt;b&gt;note&lt;/b&gt;"))</c>.</summary>
public sealed record HtmlContent(string Html);

/// <summary>Where an output lands: its source cell (1-based, counting every cell) and its position among that
/// cell's outputs. Element ids come from these, never from a GUID, so the same run writes the same bytes.</summary>
public sealed record DisplayContext(int Cell, int Output)
{
    public string ElementId(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-cell{Cell}-{Output}");
}

/// <summary>
/// Turns displayed values into outputs. The newest registration that accepts a value wins, so the library (or a
/// notebook) can override the built-ins for its own types:
/// <code>registry.Register&lt;FactSheet&gt;((facts, context) =&gt; new FormattedValue(...));</code>
/// Built-ins: strings (text), Deedle frames and series (HTML tables), Plotly.NET charts (div + Plotly.newPlot),
/// sequences of records or anonymous objects (HTML tables), sequences of simple values (text), anything else
/// (ToString in the invariant culture); then the host's own types (<see cref="NotebookHost.RegisterFormatters"/>).
/// </summary>
public sealed class FormatterRegistry
{
    readonly List<(Func<object, bool> Accepts, Func<object, DisplayContext, FormattedValue> Format)> _formatters = [];
    readonly Lock _lock = new();

    /// <summary>Tables show at most this many rows and say how many they leave out.</summary>
    public int MaxRows { get; init; } = 50;

    public FormatterRegistry()
    {
        RegisterBuiltIns();
    }

    public void Register<T>(Func<T, DisplayContext, FormattedValue> format) =>
        Register(v => v is T, (v, c) => format((T)v, c));

    /// <summary>Shows values of type T as the given HTML (plain text stays ToString()).</summary>
    public void Register<T>(Func<T, string> html) =>
        Register(v => v is T, (v, _) => new FormattedValue(PlainTextOf(v), html((T)v)));

    /// <summary>For types a generic <c>is</c> cannot name (open generics ...).</summary>
    public void Register(Func<object, bool> accepts, Func<object, DisplayContext, FormattedValue> format)
    {
        lock (_lock) _formatters.Add((accepts, format));
    }

    public FormattedValue Format(object? value, DisplayContext context)
    {
        if (value is null) return new FormattedValue("null");
        Func<object, DisplayContext, FormattedValue>? chosen = null;
        lock (_lock)
        {
            for (var i = _formatters.Count - 1; i >= 0 && chosen is null; i--)
                if (_formatters[i].Accepts(value)) chosen = _formatters[i].Format;
        }
        return chosen is null ? new FormattedValue(PlainTextOf(value)) : chosen(value, context);
    }

    void RegisterBuiltIns()
    {
        Register(v => IsSequence(v) && ItemType(v) is { } t && IsScalar(t), (v, _) => new FormattedValue(ScalarList((IEnumerable)v)));
        Register(v => IsSequence(v) && ItemType(v) is { } t && IsRecordLike(t), (v, _) => RecordTable((IEnumerable)v, ItemType(v)!));
        Register(v => GenericBase(v.GetType(), typeof(Series<,>)) is not null, (v, _) => DeedleTable(v, nameof(SeriesTable)));
        Register(v => GenericBase(v.GetType(), typeof(Frame<,>)) is not null, (v, _) => DeedleTable(v, nameof(FrameTable)));
        Register<GenericChart>((chart, context) => PlotlyChart(chart, context));
        Register<HtmlContent>((html, _) => new FormattedValue(StripTags(html.Html), html.Html));
        Register<FormattedValue>((formatted, _) => formatted);
        Register<string>((s, _) => new FormattedValue(s));
    }

    // ---- Plotly.NET charts ----

    static FormattedValue PlotlyChart(GenericChart chart, DisplayContext context)
    {
        var figure = JsonNode.Parse(GenericChart.toJson(chart))!;
        var id = context.ElementId("plotly");
        // "</" would end the script element early if a title or label contained "</script>".
        var json = figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
        var html = $"<div id=\"{id}\" class=\"plotly-chart\"></div>\n<script type=\"text/javascript\">\n(function () {{\n  var figure = {json};\n  Plotly.newPlot('{id}', figure.data, figure.layout, figure.config);\n}})();\n</script>";
        var layout = figure["layout"] as JsonObject;
        var title = layout?["title"] is JsonObject t ? t["text"]?.ToString() : layout?["title"]?.ToString();
        return new FormattedValue(title is null ? "Plotly chart" : $"Plotly chart: {title}", html, figure);
    }

    // ---- Deedle ----

    FormattedValue DeedleTable(object value, string method)
    {
        var baseType = GenericBase(value.GetType(), method == nameof(FrameTable) ? typeof(Frame<,>) : typeof(Series<,>))!;
        var generic = typeof(FormatterRegistry).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(baseType.GetGenericArguments());
        try
        {
            return (FormattedValue)generic.Invoke(this, [value])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    FormattedValue FrameTable<TRow, TColumn>(Frame<TRow, TColumn> frame)
        where TRow : notnull where TColumn : notnull
    {
        var rowKeys = frame.RowKeys.ToList();
        var columnKeys = frame.ColumnKeys.ToList();
        var columns = columnKeys.Select(c => frame.GetColumn<object>(c)).ToList();
        var shown = rowKeys.Take(MaxRows).ToList();
        var rows = shown.Select(r => (Key: Cell(r), Values: columns.Select(s => s.TryGet(r) is { HasValue: true } o ? CellText(o.Value) : "").ToList())).ToList();
        var html = Table(["", .. columnKeys.Select(c => Cell(c))], rows, rowKeys.Count);
        var text = TextTable(["", .. columnKeys.Select(c => Cell(c))], rows, rowKeys.Count);
        return new FormattedValue(text, html);
    }

    FormattedValue SeriesTable<TKey, TValue>(Series<TKey, TValue> series) where TKey : notnull
    {
        var keys = series.Keys.ToList();
        var rows = keys.Take(MaxRows)
            .Select(k => (Key: Cell(k), Values: new List<string> { series.TryGet(k) is { HasValue: true } o ? CellText(o.Value) : "" }))
            .ToList();
        return new FormattedValue(TextTable(["", "value"], rows, keys.Count), Table(["", "value"], rows, keys.Count));
    }

    // ---- sequences ----

    /// <param name="maxRows">Rows shown; <see cref="MaxRows"/> unless given.</param>
    public FormattedValue RecordTable(IEnumerable items, Type itemType, int? maxRows = null)
    {
        var properties = itemType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToList();
        var all = items.Cast<object?>().ToList();
        var rows = all.Take(maxRows ?? MaxRows)
            .Select((item, i) => (Key: (i + 1).ToString(CultureInfo.InvariantCulture),
                Values: properties.Select(p => item is null ? "" : CellText(p.GetValue(item))).ToList()))
            .ToList();
        string[] header = ["", .. properties.Select(p => p.Name)];
        return new FormattedValue(TextTable(header, rows, all.Count), Table(header, rows, all.Count));
    }

    string ScalarList(IEnumerable items)
    {
        var all = items.Cast<object?>().ToList();
        var shown = string.Join(", ", all.Take(MaxRows).Select(Cell));
        return all.Count > MaxRows ? $"[{shown}, … {all.Count - MaxRows} more]" : $"[{shown}]";
    }

    static bool IsSequence(object v) => v is IEnumerable and not string and not IDictionary;

    static Type? ItemType(object v) =>
        v.GetType().GetInterfaces().Append(v.GetType())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0])
            .FirstOrDefault();

    static bool IsScalar(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime)
            || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(TimeSpan) || t == typeof(Guid);
    }

    /// <summary>Records (they have a compiler-made Clone method) and anonymous types: their properties are columns.</summary>
    static bool IsRecordLike(Type t) =>
        t.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null
        || (t.IsDefined(typeof(CompilerGeneratedAttribute), false) && t.Name.Contains("AnonymousType", StringComparison.Ordinal));

    static Type? GenericBase(Type? t, Type definition)
    {
        for (; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == definition) return t;
        return null;
    }

    // ---- rendering ----

    static string Table(string[] header, List<(string Key, List<string> Values)> rows, int total)
    {
        var html = new StringBuilder("<table class=\"table\">\n<thead><tr>");
        foreach (var h in header) html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var (key, values) in rows)
        {
            html.Append("<tr><th>").Append(WebUtility.HtmlEncode(key)).Append("</th>");
            foreach (var v in values) html.Append("<td>").Append(WebUtility.HtmlEncode(v)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>");
        if (total > rows.Count) html.Append("\n<p class=\"hidden-rows\">").Append(HiddenRows(rows.Count, total)).Append("</p>");
        return html.ToString();
    }

    static string TextTable(string[] header, List<(string Key, List<string> Values)> rows, int total)
    {
        var lines = new List<string[]> { header };
        lines.AddRange(rows.Select(r => (string[])[r.Key, .. r.Values]));
        var widths = Enumerable.Range(0, header.Length).Select(i => lines.Max(l => i < l.Length ? l[i].Length : 0)).ToArray();
        var text = string.Join("\n", lines.Select(l => string.Join("  ", l.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()));
        return total > rows.Count ? text + "\n" + HiddenRows(rows.Count, total) : text;
    }

    static string HiddenRows(int shown, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{total - shown} more rows not shown ({total} rows in all)");

    /// <summary>A value as one table cell or list item: invariant culture, dates as ISO dates.</summary>
    internal static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d when double.IsNaN(d) => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    internal static string PlainTextOf(object value) => Cell(value);

    /// <summary>A table cell: a simple value as itself, anything else as its formatter's plain text (a Share in a
    /// record shows "37.5% (15 of 40 ...)", not the record's ToString).</summary>
    string CellText(object? value) =>
        value is null || IsScalar(value.GetType()) ? Cell(value) : Format(value, new DisplayContext(0, 0)).PlainText.Split('\n')[0];

    static string StripTags(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", "");
}
