using System.Globalization;

namespace Insights.Breakdowns;

/// <summary>
/// A part of a whole, kept as counts so that every printed percentage can be traced to its numerator and
/// denominator. <see cref="Base"/> says what the whole is (worded in Reporting: "enquiries where age was known").
/// </summary>
public sealed record Share(int Numerator, int Denominator, ShareBase Base)
{
    /// <summary>Full-precision percentage; null when the denominator is zero (no share can be stated).</summary>
    public decimal? Percent => Denominator == 0 ? null : 100m * Numerator / Denominator;

    /// <summary>The percentage rounded once with <see cref="Rounding.HalfAwayFromZero"/>.</summary>
    public decimal? RoundedPercent(int decimals) =>
        Percent is { } p ? Rounding.HalfAwayFromZero(p, decimals) : null;

    /// <summary>"44.4%" (decimals: 1) or "27%" (decimals: 0); "[z]" when the denominator is zero.</summary>
    public string Format(int decimals) =>
        RoundedPercent(decimals) is { } r
            ? r.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%"
            : "[z]";

    public static Share Of(int numerator, int denominator, ShareBase of)
    {
        if (numerator < 0 || denominator < 0)
            throw new ArgumentOutOfRangeException(nameof(numerator), "Counts cannot be negative.");
        return new Share(numerator, denominator, of);
    }

    /// <summary>A share of a whole the reporting layer names itself (a chart's row total).</summary>
    public static Share Of(int numerator, int denominator, string named) => Of(numerator, denominator, new ShareBase.Named(named));
}

/// <summary>
/// Change between two counts, as the Home Office bulletin states it: a whole-number percentage, "similar" when it
/// rounds to 0%.
/// </summary>
public sealed record Change(int Current, int Previous, ChangeBase Against)
{
    /// <summary>A change against a count the reporting layer names itself ("previous quarter").</summary>
    public Change(int current, int previous, string against) : this(current, previous, new ChangeBase.Named(against)) { }

    public decimal? Percent => Previous == 0 ? null : 100m * (Current - Previous) / Previous;

    public decimal? RoundedPercent(int decimals) =>
        Percent is { } p ? Rounding.HalfAwayFromZero(p, decimals) : null;
}
