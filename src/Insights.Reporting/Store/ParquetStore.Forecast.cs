namespace Insights.Store;

/// <summary>
/// One forecast quarter of national referrals. Every row is a forecast, never an observation: <c>is_forecast</c>
/// is always true so a union with <c>nrm-series</c> cannot mix them up unmarked.
/// </summary>
/// <param name="Release">"2025Q2": the release whose referrals-by-quarter series was forecast; the Hive partition key.</param>
/// <param name="Method">The method that won the back-test and made the forecast ("seasonal-naive", "drift", "regression").</param>
/// <param name="Horizon">Quarters after the series' last quarter (1 = the next quarter).</param>
/// <param name="Value">Point forecast, full precision (round when showing it).</param>
public sealed record NrmForecastRow(
    string Release, int Year, int Quarter, DateOnly PeriodStart, DateOnly PeriodEnd, string Method, int Horizon,
    double Value, double Lower80, double Upper80, double Lower95, double Upper95);

public static partial class ParquetStore
{
    public const string NrmForecastFolder = "nrm-forecast";

    /// <summary>Writes <paramref name="folder"/>/release=…/part-0.parquet: the forecast made from each release's series.</summary>
    public static IReadOnlyList<string> WriteNrmForecast(string folder, IReadOnlyList<NrmForecastRow> rows) => NrmForecastTable.Table.Write(folder, rows);

    /// <summary>Reads every release's forecast under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<NrmForecastRow> ReadNrmForecastRows(string folder) => NrmForecastTable.Table.Read(folder);
}
