namespace Insights.Breakdowns;

/// <summary>
/// The one rounding rule of the product. UK official statistics round half away from zero ("round five up");
/// C#'s Math.Round rounds half to even by default, which would print 2.5% as 2% and 0.125 as 0.12.
/// Every printed figure goes through here, once, from full precision.
/// </summary>
public static class Rounding
{
    public const string RuleName = "half away from zero, from full precision";

    public static decimal HalfAwayFromZero(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
