namespace Insights.Model;

/// <summary>
/// Referrals in one quarter where the exploitation took place in one UK county or police force area, as one release
/// published it (from 2025 the releases carry this table; Table_12 in the reconstructed 2025 Q2 sample). A count
/// the table withholds ("[c]") has <see cref="People"/> null and the reason in <see cref="MissingReason"/>. A total
/// row of the table (all areas) has <see cref="Area"/> <see cref="Breakdown{T}.Total"/>.
/// </summary>
public sealed record NrmAreaCount(NrmRelease Release, Quarter Quarter, Breakdown<string> Area, int? People, string? MissingReason = null, SourceLocation? At = null);
