using System.Globalization;
using System.Text.RegularExpressions;

namespace Insights.Model;

/// <summary>An April-to-March year, named by its start: 2024/25 runs from 1 April 2024 to 31 March 2025.</summary>
public readonly partial record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    public DateOnly FirstDay => new(StartYear, 4, 1);
    public DateOnly LastDay => new(StartYear + 1, 3, 31);
    public FinancialYear Previous => new(StartYear - 1);
    public Period Period => new(FirstDay, LastDay);

    /// <summary>"2024/25".</summary>
    public override string ToString() =>
        $"{StartYear}/{((StartYear + 1) % 100).ToString("00", CultureInfo.InvariantCulture)}";

    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);
    public static bool operator <(FinancialYear a, FinancialYear b) => a.StartYear < b.StartYear;
    public static bool operator >(FinancialYear a, FinancialYear b) => a.StartYear > b.StartYear;
    public static bool operator <=(FinancialYear a, FinancialYear b) => a.StartYear <= b.StartYear;
    public static bool operator >=(FinancialYear a, FinancialYear b) => a.StartYear >= b.StartYear;

    /// <summary>Accepts "2024/25", "2024-25", "2024/2025", "2024-2025".</summary>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return false;
        var start = int.Parse(m.Groups["start"].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(m.Groups["end"].Value, CultureInfo.InvariantCulture);
        var expectedEnd = m.Groups["end"].Value.Length == 2 ? (start + 1) % 100 : start + 1;
        if (end != expectedEnd) return false;
        year = new FinancialYear(start);
        return true;
    }

    public static FinancialYear Parse(string text) =>
        TryParse(text, out var y) ? y : throw new FormatException($"'{text}' is not a financial year (expected e.g. 2024/25).");

    [GeneratedRegex(@"^(?<start>\d{4})\s*[/-]\s*(?<end>\d{2}|\d{4})$")]
    private static partial Regex Pattern();
}

/// <summary>An inclusive range of dates.</summary>
public readonly record struct Period(DateOnly First, DateOnly Last)
{
    static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>"April 2024 and March 2025", for "Between ... and ...".</summary>
    public string FirstMonthInWords => $"{Months[First.Month - 1]} {First.Year}";
    public string LastMonthInWords => $"{Months[Last.Month - 1]} {Last.Year}";

    /// <summary>The period of the same length that ends the day before this one starts.</summary>
    public Period Preceding()
    {
        // Whole-year periods step back a year exactly (leap days must not shift the dates).
        if (First.AddYears(1).AddDays(-1) == Last) return new Period(First.AddYears(-1), Last.AddYears(-1));
        var days = Last.DayNumber - First.DayNumber;
        var last = First.AddDays(-1);
        return new Period(last.AddDays(-days), last);
    }

    public override string ToString() =>
        $"{First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
