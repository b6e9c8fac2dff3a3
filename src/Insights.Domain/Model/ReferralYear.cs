using System.Globalization;

namespace Insights.Model;

/// <summary>
/// A year of NRM quarters: a calendar year ("2023", January to December) or a financial year ("2023/24", April
/// 2023 to March 2024). Either way four consecutive quarters, the first of which names it.
/// </summary>
public readonly record struct ReferralYear(Quarter First, bool Financial)
{
    public static ReferralYear Calendar(int year) => new(new Quarter(year, 1), false);
    public static ReferralYear OfFinancialYear(FinancialYear year) => new(new Quarter(year.StartYear, 2), true);

    public IReadOnlyList<Quarter> Quarters => [First, First.Next, First.Next.Next, First.Next.Next.Next];
    public Quarter Last => First.Next.Next.Next;
    public ReferralYear Previous => new(First.SameQuarterLastYear, Financial);

    /// <summary>"2023" or "2023/24".</summary>
    public override string ToString() => Financial ? new FinancialYear(First.Year).ToString() : First.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>"2023" or "the financial year 2023/24 (April 2023 to March 2024)", for "In ...".</summary>
    public string InWords => Financial ? $"the financial year {this} (April {First.Year} to March {First.Year + 1})" : ToString();

    /// <summary>"2023" or "2023/24" (also "2023-24", "2023/2024").</summary>
    public static bool TryParse(string? text, out ReferralYear year)
    {
        year = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var calendar) && calendar >= 1000)
        {
            year = Calendar(calendar);
            return true;
        }
        if (!FinancialYear.TryParse(t, out var fy)) return false;
        year = OfFinancialYear(fy);
        return true;
    }
}
