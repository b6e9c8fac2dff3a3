using Insights.Model;

namespace Insights.Breakdowns;

/// <summary>
/// What a share is of: the whole a percentage is a part of ("every percentage names its denominator"), as a value;
/// the wording module names it ("enquiries where age and gender were known"). The breakdowns build the typed
/// cases; <see cref="Named"/> is a whole named by the reporting layer itself (a chart's row total).
/// </summary>
public abstract record ShareBase
{
    public sealed record Named(string Text) : ShareBase;

    /// <summary>A district's enquiries in the period.</summary>
    public sealed record DistrictEnquiries(District District) : ShareBase;

    /// <summary>All the police area's enquiries in the period, district logged or not.</summary>
    public sealed record AreaEnquiries(PoliceArea Area) : ShareBase;

    public sealed record AgeAndGenderKnown : ShareBase;

    public sealed record NationalityKnown : ShareBase;

    public sealed record BritishAllegedVictims : ShareBase;

    public sealed record OtherKnownNationalities : ShareBase;

    /// <summary>All referrals to the NRM in the quarter.</summary>
    public sealed record QuarterReferrals : ShareBase;

    public sealed record QuarterReferralsWhereAgeKnown : ShareBase;

    public sealed record UkNationals : ShareBase;

    public sealed record NonUkNationalsWhereAgeKnown : ShareBase;

    /// <summary>Referrals for one exploitation type alone.</summary>
    public sealed record TypeReferrals(NrmExploitationType Type) : ShareBase;

    /// <summary>Referrals in the first-responder tables of a year's four quarters.</summary>
    public sealed record YearFirstResponderReferrals : ShareBase;

    public sealed record YearReferralsWhereAgeKnown : ShareBase;

    /// <summary>All referrals in the UK in a quarter (the referrals-by-quarter total).</summary>
    public sealed record UkReferrals(Quarter Quarter) : ShareBase;
}

/// <summary>What a change is measured against, as a value the wording module names ("2025 Q1 as published in the
/// 2025 Q2 release").</summary>
public abstract record ChangeBase
{
    public sealed record Named(string Text) : ChangeBase;

    /// <summary>An earlier quarter's total as the same release publishes it.</summary>
    public sealed record QuarterAsPublished(Quarter Quarter, NrmRelease Release) : ChangeBase;

    /// <summary>An earlier year's total as the same release publishes it.</summary>
    public sealed record YearAsPublished(ReferralYear Year, NrmRelease Release) : ChangeBase;

    /// <summary>The previous highest of the quarters loaded.</summary>
    public sealed record PreviousHighest(Quarter Quarter) : ChangeBase;

    /// <summary>An area's count in an earlier quarter.</summary>
    public sealed record AreaQuarter(string Area, Quarter Quarter) : ChangeBase;
}
