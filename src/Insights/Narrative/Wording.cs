using System.Globalization;

namespace Insights.Narrative;

/// <summary>Number and word formats of the statement's house style (British English, thousands separators).</summary>
public static class Wording
{
    /// <summary>en-GB formats with the culture's data pinned, so output does not depend on the machine's ICU.</summary>
    public static readonly CultureInfo Culture = CreateCulture();

    static CultureInfo CreateCulture()
    {
        var c = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        c.NumberFormat.NumberGroupSeparator = ",";
        c.NumberFormat.NumberDecimalSeparator = ".";
        c.NumberFormat.NumberGroupSizes = [3];
        return CultureInfo.ReadOnly(c);
    }

    /// <summary>"4,142".</summary>
    public static string Number(int n) => n.ToString("N0", Culture);
}
