using Insights.Model;

namespace Insights.Breakdowns;

/// <summary>
/// Something about the loaded NRM releases that a person must look at, as data: the numbers, quarters and editions
/// it is about, and its code. Reporting words it (<c>NationalWording.Warning</c>); the domain holds no prose.
/// </summary>
public abstract record NationalWarning(string Code);

/// <summary>A quarter's total differs between two loaded editions, consecutive in publication order.</summary>
public sealed record NrmRevised(Quarter Quarter, NrmRevision Old, NrmRevision New) : NationalWarning("nrm-revision");

/// <summary>The first-responder tables do not add up to the referrals-by-quarter table's total (1 short in the Q4 2023 release).</summary>
public sealed record FirstResponderTotalDiffers(NrmRelease Release, int FirstResponderTotal, int Referrals)
    : NationalWarning("nrm-first-responder-total");

/// <summary>
/// The release was loaded without its referrals-by-quarter table: the total is the bulletin's headline as the analyst
/// gave it (<see cref="BulletinTotal"/>), else the first-responder tables' sum (<see cref="Referrals"/>).
/// </summary>
public sealed record SeriesNotLoaded(NrmRelease Release, int Referrals, int? BulletinTotal) : NationalWarning("nrm-no-series");

/// <summary>The bulletin's headline as given differs from the first-responder tables' sum.</summary>
public sealed record BulletinTotalDiffersFromFirstResponder(NrmRelease Release, int FirstResponderTotal, int BulletinTotal)
    : NationalWarning("nrm-bulletin-total");

/// <summary>The bulletin's headline as given differs from the referrals-by-quarter table, whose figure is printed.</summary>
public sealed record BulletinTotalDiffersFromSeries(NrmRelease Release, Quarter Quarter, int SeriesTotal, int BulletinTotal)
    : NationalWarning("nrm-bulletin-total");

/// <summary>Counts of the release published as shorthand: missing, left out of sums, never read as 0.</summary>
public sealed record CountsMissing(NrmRelease Release, int Missing) : NationalWarning("nrm-missing-counts");

/// <summary>The quarter asked for has no release among those loaded (<see cref="Loaded"/>: each release's quarter).</summary>
public sealed record NrmQuarterNotLoaded(Quarter Quarter, IReadOnlyList<Quarter> Loaded) : InputProblem;

/// <summary>
/// The release states no total for its quarter: the referrals-by-quarter table withholds one of its age groups as
/// shorthand (<see cref="WithheldAgeGroup"/>, <see cref="Reason"/>), or neither table is there.
/// </summary>
public sealed record NrmQuarterTotalMissing(NrmRelease Release, Quarter Quarter, IReadOnlyList<string> Files,
    Breakdown<string>? WithheldAgeGroup = null, string? Reason = null) : InputProblem;

/// <summary>No release loaded has the referrals by county or police force area table.</summary>
public sealed record NrmAreaTableNotLoaded(IReadOnlyList<Quarter> Loaded) : InputProblem;

/// <summary>The area asked for is not in the release's county and police force area table (<see cref="Listed"/>).</summary>
public sealed record NrmAreaNotListed(string Area, NrmRelease Release, IReadOnlyList<string> Listed) : InputProblem;

/// <summary>The release publishes the area's count for its quarter as shorthand.</summary>
public sealed record NrmAreaCountWithheld(string Area, NrmRelease Release, Quarter Quarter, string? Reason) : InputProblem;

/// <summary>A release loaded: its quarter and the last quarter of its referrals-by-quarter table (null without one).</summary>
public sealed record NrmSeriesLoaded(Quarter Release, Quarter? SeriesTo);

/// <summary>No release loaded holds all four quarters of the year in its referrals-by-quarter table.</summary>
public sealed record NationalYearNotLoaded(ReferralYear Year, IReadOnlyList<NrmSeriesLoaded> Loaded) : InputProblem;
