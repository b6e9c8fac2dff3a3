using Insights.Model;

namespace Insights.Sources.Nrm;

/// <summary>
/// The words of the published layout that are not categories (docs/nrm.md, "The published layout"), turned into the
/// typed dimensions here and nowhere else: "Total" (a subtotal row, a Total column, a dimension's total in the
/// long CSVs), "Police total" (a responder type's total row), "Local authority first responder" (the header that
/// names a table's responder type) and the separators of a combined exploitation type ("Sexual, Labour &amp; Criminal").
/// </summary>
internal static class NrmLayoutWords
{
    public const string Total = "Total";

    const string TypeTotalSuffix = " total";
    const string ResponderHeaderSuffix = " first responder";
    static readonly char[] CombinationSeparators = [',', '&'];

    /// <summary>A dimension's label: "Total" (any case) is the total, anything else the category it names.</summary>
    public static Breakdown<string> Dimension(string label) =>
        label.Equals(Total, StringComparison.OrdinalIgnoreCase) ? Breakdown<string>.Total : Breakdown<string>.Of(label);

    /// <summary>A first responder's label: "Total" or "Police total" is the responder type's total row.</summary>
    public static Breakdown<string> Responder(string label) =>
        label.Equals(Total, StringComparison.OrdinalIgnoreCase) || label.EndsWith(TypeTotalSuffix, StringComparison.OrdinalIgnoreCase)
            ? Breakdown<string>.Total : Breakdown<string>.Of(label);

    /// <summary>An exploitation type's label: "Total", "Not specified or unknown", one type, or a combination split
    /// at its commas and ampersands into the types it is made of.</summary>
    public static Breakdown<NrmExploitationType> ExploitationType(string label)
    {
        if (label.Equals(Total, StringComparison.OrdinalIgnoreCase)) return Breakdown<NrmExploitationType>.Total;
        if (label == NrmLabels.NotSpecified) return NrmExploitationType.NotSpecified(label);
        var components = label.Split(CombinationSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return components.Length > 1 ? new NrmExploitationType(label, components) : NrmExploitationType.OneType(label);
    }

    /// <summary>A dimension as the long CSVs and messages write it.</summary>
    public static string Text(Breakdown<string> value) => value.CategoryOr(Total);

    /// <summary>A responder as the long CSVs and messages write it: "Police total" for the type's total row.</summary>
    public static string ResponderText(string type, Breakdown<string> responder) =>
        responder.IsCategory ? responder.Category : type + TypeTotalSuffix;

    /// <summary>The responder type a table's first header names ("Local authority first responder" → "Local Authority"); null if none.</summary>
    public static string? ResponderTypeFromHeader(string header)
    {
        var h = header.Trim();
        if (!h.EndsWith(ResponderHeaderSuffix, StringComparison.OrdinalIgnoreCase)) return null;
        var name = h[..^ResponderHeaderSuffix.Length].Trim();
        return NrmResponders.Types.FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase));
    }
}
