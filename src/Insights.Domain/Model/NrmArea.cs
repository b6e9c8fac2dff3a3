namespace Insights.Model;

/// <summary>
/// Referrals in one quarter where the exploitation took place in one UK county or police force area, as one release
/// published it (from 2025 the releases carry this table; Table_12 in the reconstructed 2025 Q2 sample). A count
/// the table withholds ("[c]") has <see cref="People"/> null and the reason in <see cref="MissingReason"/>.
/// </summary>
public sealed record NrmAreaCount(NrmRelease Release, Quarter Quarter, string Area, int? People, string? MissingReason = null);
