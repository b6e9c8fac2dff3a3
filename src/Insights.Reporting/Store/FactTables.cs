namespace Insights.Store;

/// <summary>
/// One cell of an NRM release's referral tables in tidy (long) form. <see cref="Count"/> is null when the release
/// publishes a shorthand instead of a number, and <see cref="MissingReason"/> then holds it ("[c]", "[x]", ...):
/// missing is never written as 0. Subtotal rows are not stored; totals are sums over the rows.
/// </summary>
/// <param name="Release">The release, named by its latest quarter ("2025Q2"); the Hive partition key.</param>
/// <param name="Year">Calendar year of the referrals.</param>
/// <param name="Quarter">Calendar quarter of the referrals, 1 = January to March.</param>
/// <param name="PeriodStart">First day of the quarter.</param>
/// <param name="PeriodEnd">Last day of the quarter.</param>
/// <param name="Provenance">Where the row comes from: "input: file names" or "sample: file names" (a sample run's
/// tables hold no other rows).</param>
public sealed record NrmReferralRow(
    string Release, int Year, int Quarter, DateOnly PeriodStart, DateOnly PeriodEnd,
    string ResponderType, string Responder, string ExploitationType, string AgeGroup, string Gender, string Nationality,
    int? Count, string? MissingReason, string Provenance);

/// <summary>
/// One cell of the published tables of GMP modern slavery enquiries, so the table can be shared: no enquiry ids, no
/// dates or ages of a person, only the financial year's period and categories, each count protected by the
/// disclosure rule (<see cref="EnquiryAggregates"/>).
/// </summary>
/// <param name="FinancialYear">"2024-25"; the Hive partition key.</param>
/// <param name="PeriodStart">1 April of the financial year.</param>
/// <param name="PeriodEnd">31 March of the financial year.</param>
/// <param name="District">GM district, "Not logged", or "All" (the whole area, district logged or not).</param>
/// <param name="ExploitationType">A type, or "All" when the row is not broken down by type (so for the other characteristics).</param>
/// <param name="Count">Enquiries; null when withheld, and <paramref name="MissingReason"/> is then "[c]".</param>
/// <param name="Provenance">"input: file names" or "sample: file names", as in <see cref="NrmReferralRow"/>.</param>
public sealed record EnquiryAggregateRow(
    string FinancialYear, DateOnly PeriodStart, DateOnly PeriodEnd,
    string District, string ExploitationType, string AgeGroup, string Gender, string Nationality, int? Count, string? MissingReason, string Provenance);

/// <summary>
/// One cell of an NRM release's referrals-by-quarter series (Table_2 in 2023) in tidy form: every quarter the release
/// publishes, by age group and location of exploitation, as revised in that release. Partitioned by release, so the
/// revision history of a quarter is one query across the folders. Subtotal cells (location "Total") are not stored.
/// </summary>
/// <param name="Release">The release, named by its latest quarter ("2025Q2"); the Hive partition key.</param>
public sealed record NrmSeriesRow(
    string Release, int Year, int Quarter, DateOnly PeriodStart, DateOnly PeriodEnd,
    string AgeGroup, string Location, int? Count, string? MissingReason, string Provenance);
