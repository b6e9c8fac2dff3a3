using Insights.Breakdowns;
using Insights.Charts;
using Insights.Model;

namespace Insights.Tests;

/// <summary>
/// Figures for the chart and report tests. NRM quarters are REAL published totals (Table_2 of the Q4 2023 release,
/// adult + child + unknown age, hand-summed from /work/shared/data/nrm). Stockport's counts are the 2025/26
/// statement's published figures (with 16/36 printed correctly as 44.4%). The other nine districts' counts and the
/// adults/children split are SYNTHETIC, chosen to sum to the statement's GM total of 612 less 155 not logged.
/// </summary>
public static class ChartSamples
{
    public const string NrmSource = "Source: Home Office, NRM statistics";
    public const string GmpSource = "Source: GMP modern slavery enquiries, synthetic sample";

    public static readonly (Quarter Quarter, int Count)[] NrmQuarters =
    [
        (new(2022, 1), 2052 + 1466 + 255),   // 3,773: the Q1 2023 bulletin's "Q1 2022 (3,773)"
        (new(2022, 2), 2261 + 1624 + 272),
        (new(2022, 3), 2301 + 1975 + 302),
        (new(2022, 4), 2234 + 1939 + 240),   // 4,413: the Q4 2023 bulletin's "Q4 2022 (4,413)"
        (new(2023, 1), 2586 + 1894 + 258),
        (new(2023, 2), 2040 + 1745 + 208),
        (new(2023, 3), 2018 + 1848 + 265),   // 4,131
        (new(2023, 4), 1978 + 1945 + 219),   // 4,142: the headline
    ];

    public static ChartFigure ReferralsByQuarter() =>
        Figures.ReferralsByQuarter(NrmQuarters, new Quarter(2023, 4), NrmSource);

    public static readonly (string Label, int Count)[] StockportTypes =
    [
        ("Criminal exploitation", 16), ("Labour exploitation", 9), ("Sexual exploitation", 5),
        ("Criminal (cannabis cultivation)", 4), ("Domestic servitude", 1), ("Unknown", 1),
    ];

    public static ChartFigure StockportByType() =>
        Figures.CategoryCounts("Stockport enquiries by exploitation type, April 2024 to March 2025",
            StockportTypes.Select(t => (t.Label, Share.Of(t.Count, 36, "the 36 enquiries"))).ToArray(),
            GmpSource, countAxisTitle: "Enquiries", categoryAxisTitle: "Exploitation type");

    public static ChartFigure AgeByGender() =>
        Figures.Split("Stockport enquiries by gender and age, where both were known",
            [("Male", "Adult", 14), ("Male", "Under 18", 11), ("Female", "Adult", 5), ("Female", "Under 18", 4)],
            GmpSource, categoryAxisTitle: "Gender", countAxisTitle: "Enquiries");

    public static ChartFigure Nationality() =>
        Figures.CategoryCounts("Stockport enquiries by nationality, where known",
            [("British", 16, "47.1%"), ("Indian", 5, "14.7%"), ("Vietnamese", 3, "8.8%"), ("Other nationalities", 10, "29.4%")],
            GmpSource, countAxisTitle: "Enquiries", categoryAxisTitle: "Nationality", percentHeader: "Percentage of the 34 with nationality known");

    public static ChartFigure YearOnYear() =>
        Figures.YearOnYear("Stockport enquiries, year on year", ("2023-24", 46), ("2024-25", 36), GmpSource, "Enquiries");

    public static readonly (string District, int Count)[] Districts =
    [
        ("Manchester", 120), ("Bolton", 48), ("Oldham", 45), ("Rochdale", 44), ("Wigan", 42),
        ("Salford", 40), ("Stockport", 36), ("Tameside", 31), ("Bury", 27), ("Trafford", 24),
    ];

    public static ChartFigure DistrictComparison() =>
        Figures.DistrictComparison("Stockport among the ten Greater Manchester districts, April 2024 to March 2025",
            Districts, "Stockport", 612, "the 612 GM enquiries (155 with no district logged)", GmpSource);

    public static ChartFigure AdultsChildrenByType() =>
        Figures.Split("Referrals by exploitation type and age at exploitation (synthetic)",
            [("Criminal", "Adult", 300), ("Criminal", "Child", 600), ("Labour", "Adult", 680), ("Labour", "Child", 70),
             ("Sexual", "Adult", 420), ("Sexual", "Child", 230)],
            NrmSource, categoryAxisTitle: "Exploitation type", countAxisTitle: "Referrals");

    public static IReadOnlyList<ChartFigure> All() =>
        [ReferralsByQuarter(), AdultsChildrenByType(), StockportByType(), AgeByGender(), Nationality(), YearOnYear(), DistrictComparison()];
}
