using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Insights.Notebooks;

/// <summary>
/// A Jupyter nbformat 4 notebook. Reading accepts a cell's <c>source</c> as one string or a list of lines; writing
/// follows Jupyter's own layout (keys sorted, one-space indent, "\n" line endings, non-ASCII left as is) so a
/// notebook written twice is byte-identical and diffs cleanly against one saved by Jupyter or VS Code.
/// </summary>
public sealed class Notebook
{
    public List<NotebookCell> Cells { get; } = [];

    /// <summary>Notebook metadata (kernelspec, language_info ...), kept as read.</summary>
    public JsonObject Metadata { get; init; } = [];

    public int FormatMinor { get; init; } = 5;

    /// <summary>True when any cell carries outputs or an execution count: such a notebook must not be committed,
    /// because outputs of a run on real extracts can hold personal data.</summary>
    public bool HasOutputs => Cells.Any(c => c.Outputs.Count > 0 || c.ExecutionCount is not null);

    /// <summary>The kernel named by the notebook's kernelspec (".net-csharp", "csharp", "python3" ...), if any.</summary>
    public string? KernelName =>
        (Metadata["kernelspec"] as JsonObject)?["name"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public static Notebook Load(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        return Parse(text, path);
    }

    /// <summary>Parses nbformat 4 JSON; <paramref name="origin"/> names the file in error messages.</summary>
    public static Notebook Parse(string json, string origin = "notebook")
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true }) as JsonObject
                ?? throw new NotebookFormatException($"{origin}: not a notebook (the JSON is not an object)");
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{origin}: not valid JSON (line {e.LineNumber + 1}): {FirstLine(e.Message)}");
        }
        var major = root["nbformat"]?.GetValue<int>();
        if (major != 4)
            throw new NotebookFormatException($"{origin}: nbformat {major?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(missing)"} is not supported (nbformat 4 expected)");
        var notebook = new Notebook
        {
            Metadata = root["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : [],
            FormatMinor = root["nbformat_minor"]?.GetValue<int>() ?? 5,
        };
        if (root["cells"] is not JsonArray cells)
            throw new NotebookFormatException($"{origin}: the notebook has no 'cells' array");
        var index = 0;
        foreach (var node in cells)
        {
            index++;
            if (node is not JsonObject cell)
                throw new NotebookFormatException($"{origin}: cell {index} is not a JSON object");
            notebook.Cells.Add(NotebookCell.FromJson(cell, $"{origin}: cell {index}"));
        }
        return notebook;
    }

    /// <summary>A copy without outputs or execution counts (what may be committed).</summary>
    public Notebook WithoutOutputs()
    {
        var copy = new Notebook { Metadata = (JsonObject)Metadata.DeepClone(), FormatMinor = FormatMinor };
        copy.Cells.AddRange(Cells.Select(c => c.Clone(withOutputs: false)));
        return copy;
    }

    public Notebook Clone()
    {
        var copy = new Notebook { Metadata = (JsonObject)Metadata.DeepClone(), FormatMinor = FormatMinor };
        copy.Cells.AddRange(Cells.Select(c => c.Clone(withOutputs: true)));
        return copy;
    }

    public JsonObject ToJsonObject() => new()
    {
        ["cells"] = new JsonArray([.. Cells.Select(c => (JsonNode)c.ToJson())]),
        ["metadata"] = Metadata.DeepClone(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = FormatMinor,
    };

    /// <summary>The notebook as Jupyter writes it, ending with a newline.</summary>
    public string ToJson() => WriteSorted(ToJsonObject()) + "\n";

    public void Save(string path) => File.WriteAllText(path, ToJson(), new UTF8Encoding(false));

    static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 1,
        NewLine = "\n",
        // Jupyter writes with ensure_ascii=False: "£" and "–" stay readable in diffs.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static string WriteSorted(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions)) Write(writer, node);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject o:
                writer.WriteStartObject();
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (var item in a) Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    static string FirstLine(string s) => s.Split('\n')[0].Trim();
}

public sealed class NotebookFormatException(string message) : Exception(message);

public sealed class NotebookCell
{
    /// <summary>"code", "markdown" or "raw".</summary>
    public required string CellType { get; init; }

    /// <summary>The cell's text with "\n" line endings.</summary>
    public required string Source { get; set; }

    public JsonObject Metadata { get; init; } = [];

    public string? Id { get; init; }

    public int? ExecutionCount { get; set; }

    public List<CellOutput> Outputs { get; } = [];

    /// <summary>Fields this model does not interpret (attachments ...), written back unchanged.</summary>
    JsonObject Extra { get; init; } = [];

    public bool IsCode => CellType == "code";

    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags
            ? [.. tags.Select(t => t is JsonValue v && v.TryGetValue(out string? s) ? s : null).OfType<string>()]
            : [];

    /// <summary>The cell language Polyglot Notebooks recorded (<c>polyglot_notebook.kernelName</c> or the older
    /// <c>dotnet_interactive.language</c>), or null when the cell does not say.</summary>
    public string? Language =>
        Text(Metadata["polyglot_notebook"] as JsonObject, "kernelName")
        ?? Text(Metadata["dotnet_interactive"] as JsonObject, "language");

    static string? Text(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public static NotebookCell Code(string source, params string[] tags) => new()
    {
        CellType = "code",
        Source = source,
        Metadata = tags.Length == 0 ? [] : new JsonObject { ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]) },
    };

    public static NotebookCell Markdown(string source) => new() { CellType = "markdown", Source = source };

    internal static NotebookCell FromJson(JsonObject json, string where)
    {
        var type = json["cell_type"] is JsonValue t && t.TryGetValue(out string? s) ? s
            : throw new NotebookFormatException($"{where}: no 'cell_type'");
        var cell = new NotebookCell
        {
            CellType = type,
            Source = ReadText(json["source"], where),
            Metadata = json["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : [],
            Id = json["id"] is JsonValue id && id.TryGetValue(out string? ids) ? ids : null,
            ExecutionCount = json["execution_count"] is JsonValue ec && ec.TryGetValue(out int n) ? n : null,
            Extra = new JsonObject(json
                .Where(p => p.Key is not ("cell_type" or "source" or "metadata" or "id" or "execution_count" or "outputs"))
                .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
        };
        if (json["outputs"] is JsonArray outputs)
            cell.Outputs.AddRange(outputs.OfType<JsonObject>().Select(o => CellOutput.FromJson(o, where)));
        return cell;
    }

    internal JsonObject ToJson()
    {
        var json = (JsonObject)Extra.DeepClone();
        json["cell_type"] = CellType;
        json["metadata"] = Metadata.DeepClone();
        json["source"] = Lines(Source);
        if (Id is not null) json["id"] = Id;
        if (IsCode)
        {
            json["execution_count"] = ExecutionCount;
            json["outputs"] = new JsonArray([.. Outputs.Select(o => (JsonNode)o.ToJson())]);
        }
        return json;
    }

    internal NotebookCell Clone(bool withOutputs)
    {
        var copy = new NotebookCell
        {
            CellType = CellType,
            Source = Source,
            Metadata = (JsonObject)Metadata.DeepClone(),
            Id = Id,
            ExecutionCount = withOutputs ? ExecutionCount : null,
            Extra = (JsonObject)Extra.DeepClone(),
        };
        if (withOutputs) copy.Outputs.AddRange(Outputs);
        return copy;
    }

    /// <summary>Jupyter's multi-line string: a string or a list of lines, each but the last ending in "\n".</summary>
    internal static string ReadText(JsonNode? node, string where) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue(out string? s) => Normalise(s),
        JsonArray a => Normalise(string.Concat(a.Select(l => l is JsonValue lv && lv.TryGetValue(out string? ls) ? ls
            : throw new NotebookFormatException($"{where}: a source line is not a string")))),
        _ => throw new NotebookFormatException($"{where}: 'source' is neither a string nor a list of lines"),
    };

    static string Normalise(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    internal static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) { lines.Add(text[start..]); break; }
            lines.Add(text[start..(end + 1)]);
            start = end + 1;
        }
        return lines;
    }
}
