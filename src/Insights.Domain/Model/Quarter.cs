using System.Globalization;
using System.Text.RegularExpressions;

namespace Insights.Model;

/// <summary>A calendar quarter as the NRM statistics use it: Q1 is January to March.</summary>
public readonly partial record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);
    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);
    public Quarter SameQuarterLastYear => new(Year - 1, Number);

    public DateOnly FirstDay => new(Year, 3 * Number - 2, 1);
    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    /// <summary>"April to June 2025": the bulletin's way of naming a period (no "Q2" in prose).</summary>
    public string InWords => $"{Months[3 * Number - 3]} to {Months[3 * Number - 1]} {Year}";

    /// <summary>"2025 Q2".</summary>
    public override string ToString() => $"{Year} Q{Number}";

    /// <summary>"2025Q2", for file and folder names.</summary>
    public string Compact => $"{Year}Q{Number}";

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));
    public static bool operator <(Quarter a, Quarter b) => a.CompareTo(b) < 0;
    public static bool operator >(Quarter a, Quarter b) => a.CompareTo(b) > 0;
    public static bool operator <=(Quarter a, Quarter b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Quarter a, Quarter b) => a.CompareTo(b) >= 0;

    public static Quarter Create(int year, int number)
    {
        if (number is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(number), $"Quarter must be 1 to 4, not {number}.");
        return new Quarter(year, number);
    }

    /// <summary>Accepts "2025 Q2", "2025Q2", "2025-Q2", "Q2 2025".</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = YearFirst().Match(text.Trim());
        if (!m.Success) m = QuarterFirst().Match(text.Trim());
        if (!m.Success) return false;
        quarter = new Quarter(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture),
                              int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture));
        return true;
    }

    public static Quarter Parse(string text) =>
        TryParse(text, out var q) ? q : throw new FormatException($"'{text}' is not a quarter (expected e.g. 2025 Q2).");

    [GeneratedRegex(@"^(?<y>\d{4})\s*[-_ ]?\s*Q(?<q>[1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex YearFirst();
    [GeneratedRegex(@"^Q(?<q>[1-4])\s*[-_ ]?\s*(?<y>\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterFirst();
}
