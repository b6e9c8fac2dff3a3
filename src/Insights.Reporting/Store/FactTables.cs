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
/// GMP modern slavery enquiries aggregated to counts, so the table can be shared: no enquiry ids, no dates or ages
/// of a person, only the financial year's period and categories.
/// </summary>
/// <param name="FinancialYear">"2024-25"; the Hive partition key.</param>
/// <param name="PeriodStart">1 April of the financial year.</param>
/// <param name="PeriodEnd">31 March of the financial year.</param>
/// <param name="District">GM district, or the extract's wording for "not logged".</param>
/// <param name="Provenance">"input: file names" or "sample: file names", as in <see cref="NrmReferralRow"/>.</param>
public sealed record EnquiryAggregateRow(
    string FinancialYear, DateOnly PeriodStart, DateOnly PeriodEnd,
    string District, string ExploitationType, string AgeGroup, string Gender, string Nationality, int Count, string Provenance);

/// <summary>
/// One cell of an NRM release's referrals-by-quarter series (Table_2 in 2023) in tidy form: every quarter the release
/// publishes, by age group and location of exploitation, as revised in that release. Partitioned by release, so the
/// revision history of a quarter is one query across the folders. Subtotal cells (location "Total") are not stored.
/// </summary>
/// <param name="Release">The release, named by its latest quarter ("2025Q2"); the Hive partition key.</param>
public sealed record NrmSeriesRow(
    string Release, int Year, int Quarter, DateOnly PeriodStart, DateOnly PeriodEnd,
    string AgeGroup, string Location, int? Count, string? MissingReason, string Provenance);
