namespace Insights.Tests;

/// <summary>Counting in outputs: "plotly.js is inlined once", "one chart per figure".</summary>
public static class Text
{
    /// <summary>How many times <paramref name="part"/> stands in <paramref name="text"/>, without overlaps (ordinal).</summary>
    public static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
