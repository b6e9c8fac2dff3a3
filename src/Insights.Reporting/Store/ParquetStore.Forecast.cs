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
    public static IReadOnlyList<string> WriteNrmForecast(string folder, IReadOnlyList<NrmForecastRow> rows) =>
        WritePartitioned(folder, NrmPartition, rows, r => r.Release,
        [
            Field<NrmForecastRow, int>("year", r => r.Year), Field<NrmForecastRow, int>("quarter", r => r.Quarter),
            Field<NrmForecastRow, DateOnly>("period_start", r => r.PeriodStart), Field<NrmForecastRow, DateOnly>("period_end", r => r.PeriodEnd),
            Field<NrmForecastRow, bool>("is_forecast", _ => true),
            Field<NrmForecastRow, string>("method", r => r.Method), Field<NrmForecastRow, int>("horizon", r => r.Horizon),
            Field<NrmForecastRow, double>("value", r => r.Value),
            Field<NrmForecastRow, double>("lower_80", r => r.Lower80), Field<NrmForecastRow, double>("upper_80", r => r.Upper80),
            Field<NrmForecastRow, double>("lower_95", r => r.Lower95), Field<NrmForecastRow, double>("upper_95", r => r.Upper95),
        ]);

    /// <summary>Reads every release's forecast under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<NrmForecastRow> ReadNrmForecastRows(string folder) =>
        ReadPartitioned(folder, NrmPartition, (release, file) =>
        {
            var n = checked((int)file.FileMetaData.NumRows);
            var year = Read<int>(file, "year", n); var quarter = Read<int>(file, "quarter", n);
            var start = Read<DateOnly>(file, "period_start", n); var end = Read<DateOnly>(file, "period_end", n);
            var method = Read<string>(file, "method", n); var horizon = Read<int>(file, "horizon", n);
            var value = Read<double>(file, "value", n);
            var lo80 = Read<double>(file, "lower_80", n); var hi80 = Read<double>(file, "upper_80", n);
            var lo95 = Read<double>(file, "lower_95", n); var hi95 = Read<double>(file, "upper_95", n);
            return Enumerable.Range(0, n).Select(i => new NrmForecastRow(release, year[i], quarter[i], start[i], end[i], method[i], horizon[i],
                value[i], lo80[i], hi80[i], lo95[i], hi95[i]));
        });
}
