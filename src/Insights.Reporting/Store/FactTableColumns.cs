namespace Insights.Store;

// Each table's columns, declared once, in file order: the writer writes these and the reader reads these
// (ParquetTable), so the two cannot disagree on a name, a type, nullability or order. docs/outputs.md describes them.

/// <summary>The <c>nrm-referrals</c> table: <see cref="NrmReferralRow"/>, partitioned by release.</summary>
public static class NrmReferralTable
{
    public static readonly ParquetColumn<NrmReferralRow, int> Year = new("year", r => r.Year);
    public static readonly ParquetColumn<NrmReferralRow, int> Quarter = new("quarter", r => r.Quarter);
    public static readonly ParquetColumn<NrmReferralRow, DateOnly> PeriodStart = new("period_start", r => r.PeriodStart);
    public static readonly ParquetColumn<NrmReferralRow, DateOnly> PeriodEnd = new("period_end", r => r.PeriodEnd);
    public static readonly ParquetColumn<NrmReferralRow, string> ResponderType = new("responder_type", r => r.ResponderType);
    public static readonly ParquetColumn<NrmReferralRow, string> Responder = new("responder", r => r.Responder);
    public static readonly ParquetColumn<NrmReferralRow, string> ExploitationType = new("exploitation_type", r => r.ExploitationType);
    public static readonly ParquetColumn<NrmReferralRow, string> AgeGroup = new("age_group", r => r.AgeGroup);
    public static readonly ParquetColumn<NrmReferralRow, string> Gender = new("gender", r => r.Gender);
    public static readonly ParquetColumn<NrmReferralRow, string> Nationality = new("nationality", r => r.Nationality);
    public static readonly ParquetColumn<NrmReferralRow, int?> Count = new("count", r => r.Count);
    public static readonly ParquetColumn<NrmReferralRow, string?> MissingReason = new("missing_reason", r => r.MissingReason, nullable: true);
    public static readonly ParquetColumn<NrmReferralRow, string> Provenance = new("provenance", r => r.Provenance);

    public static readonly ParquetTable<NrmReferralRow> Table = new(ParquetStore.NrmPartition, r => r.Release,
        [Year, Quarter, PeriodStart, PeriodEnd, ResponderType, Responder, ExploitationType, AgeGroup, Gender, Nationality, Count, MissingReason, Provenance],
        (release, c) =>
        {
            var (year, quarter, start, end) = (c.Of(Year), c.Of(Quarter), c.Of(PeriodStart), c.Of(PeriodEnd));
            var (type, responder, exploitation, age) = (c.Of(ResponderType), c.Of(Responder), c.Of(ExploitationType), c.Of(AgeGroup));
            var (gender, nationality, count, reason, provenance) = (c.Of(Gender), c.Of(Nationality), c.Of(Count), c.Of(MissingReason), c.Of(Provenance));
            return i => new NrmReferralRow(release, year[i], quarter[i], start[i], end[i],
                type[i], responder[i], exploitation[i], age[i], gender[i], nationality[i], count[i], reason[i], provenance[i]);
        });
}

/// <summary>The <c>nrm-series</c> table: <see cref="NrmSeriesRow"/>, partitioned by release.</summary>
public static class NrmSeriesTable
{
    public static readonly ParquetColumn<NrmSeriesRow, int> Year = new("year", r => r.Year);
    public static readonly ParquetColumn<NrmSeriesRow, int> Quarter = new("quarter", r => r.Quarter);
    public static readonly ParquetColumn<NrmSeriesRow, DateOnly> PeriodStart = new("period_start", r => r.PeriodStart);
    public static readonly ParquetColumn<NrmSeriesRow, DateOnly> PeriodEnd = new("period_end", r => r.PeriodEnd);
    public static readonly ParquetColumn<NrmSeriesRow, string> AgeGroup = new("age_group", r => r.AgeGroup);
    public static readonly ParquetColumn<NrmSeriesRow, string> Location = new("location", r => r.Location);
    public static readonly ParquetColumn<NrmSeriesRow, int?> Count = new("count", r => r.Count);
    public static readonly ParquetColumn<NrmSeriesRow, string?> MissingReason = new("missing_reason", r => r.MissingReason, nullable: true);
    public static readonly ParquetColumn<NrmSeriesRow, string> Provenance = new("provenance", r => r.Provenance);

    public static readonly ParquetTable<NrmSeriesRow> Table = new(ParquetStore.NrmPartition, r => r.Release,
        [Year, Quarter, PeriodStart, PeriodEnd, AgeGroup, Location, Count, MissingReason, Provenance],
        (release, c) =>
        {
            var (year, quarter, start, end) = (c.Of(Year), c.Of(Quarter), c.Of(PeriodStart), c.Of(PeriodEnd));
            var (age, location, count, reason, provenance) = (c.Of(AgeGroup), c.Of(Location), c.Of(Count), c.Of(MissingReason), c.Of(Provenance));
            return i => new NrmSeriesRow(release, year[i], quarter[i], start[i], end[i], age[i], location[i], count[i], reason[i], provenance[i]);
        });
}

/// <summary>The <c>gmp-enquiries</c> table: <see cref="EnquiryAggregateRow"/>, partitioned by financial year.</summary>
public static class EnquiryAggregateTable
{
    public static readonly ParquetColumn<EnquiryAggregateRow, DateOnly> PeriodStart = new("period_start", r => r.PeriodStart);
    public static readonly ParquetColumn<EnquiryAggregateRow, DateOnly> PeriodEnd = new("period_end", r => r.PeriodEnd);
    public static readonly ParquetColumn<EnquiryAggregateRow, string> District = new("district", r => r.District);
    public static readonly ParquetColumn<EnquiryAggregateRow, string> ExploitationType = new("exploitation_type", r => r.ExploitationType);
    public static readonly ParquetColumn<EnquiryAggregateRow, string> AgeGroup = new("age_group", r => r.AgeGroup);
    public static readonly ParquetColumn<EnquiryAggregateRow, string> Gender = new("gender", r => r.Gender);
    public static readonly ParquetColumn<EnquiryAggregateRow, string> Nationality = new("nationality", r => r.Nationality);
    public static readonly ParquetColumn<EnquiryAggregateRow, int?> Count = new("count", r => r.Count);
    public static readonly ParquetColumn<EnquiryAggregateRow, string?> MissingReason = new("missing_reason", r => r.MissingReason, nullable: true);
    public static readonly ParquetColumn<EnquiryAggregateRow, string> Provenance = new("provenance", r => r.Provenance);

    public static readonly ParquetTable<EnquiryAggregateRow> Table = new(ParquetStore.EnquiryPartition, r => r.FinancialYear,
        [PeriodStart, PeriodEnd, District, ExploitationType, AgeGroup, Gender, Nationality, Count, MissingReason, Provenance],
        (year, c) =>
        {
            var (start, end, district, exploitation, age) = (c.Of(PeriodStart), c.Of(PeriodEnd), c.Of(District), c.Of(ExploitationType), c.Of(AgeGroup));
            var (gender, nationality, count, reason, provenance) = (c.Of(Gender), c.Of(Nationality), c.Of(Count), c.Of(MissingReason), c.Of(Provenance));
            return i => new EnquiryAggregateRow(year, start[i], end[i], district[i], exploitation[i], age[i], gender[i], nationality[i], count[i], reason[i], provenance[i]);
        });
}

/// <summary>The <c>nrm-forecast</c> table: <see cref="NrmForecastRow"/>, partitioned by release; <c>is_forecast</c> is always true.</summary>
public static class NrmForecastTable
{
    public static readonly ParquetColumn<NrmForecastRow, int> Year = new("year", r => r.Year);
    public static readonly ParquetColumn<NrmForecastRow, int> Quarter = new("quarter", r => r.Quarter);
    public static readonly ParquetColumn<NrmForecastRow, DateOnly> PeriodStart = new("period_start", r => r.PeriodStart);
    public static readonly ParquetColumn<NrmForecastRow, DateOnly> PeriodEnd = new("period_end", r => r.PeriodEnd);
    public static readonly ParquetColumn<NrmForecastRow, bool> IsForecast = new("is_forecast", _ => true);
    public static readonly ParquetColumn<NrmForecastRow, string> Method = new("method", r => r.Method);
    public static readonly ParquetColumn<NrmForecastRow, int> Horizon = new("horizon", r => r.Horizon);
    public static readonly ParquetColumn<NrmForecastRow, double> Value = new("value", r => r.Value);
    public static readonly ParquetColumn<NrmForecastRow, double> Lower80 = new("lower_80", r => r.Lower80);
    public static readonly ParquetColumn<NrmForecastRow, double> Upper80 = new("upper_80", r => r.Upper80);
    public static readonly ParquetColumn<NrmForecastRow, double> Lower95 = new("lower_95", r => r.Lower95);
    public static readonly ParquetColumn<NrmForecastRow, double> Upper95 = new("upper_95", r => r.Upper95);

    public static readonly ParquetTable<NrmForecastRow> Table = new(ParquetStore.NrmPartition, r => r.Release,
        [Year, Quarter, PeriodStart, PeriodEnd, IsForecast, Method, Horizon, Value, Lower80, Upper80, Lower95, Upper95],
        (release, c) =>
        {
            var (year, quarter, start, end, method, horizon) = (c.Of(Year), c.Of(Quarter), c.Of(PeriodStart), c.Of(PeriodEnd), c.Of(Method), c.Of(Horizon));
            var (value, lo80, hi80, lo95, hi95) = (c.Of(Value), c.Of(Lower80), c.Of(Upper80), c.Of(Lower95), c.Of(Upper95));
            // Every row of the table is a forecast: a file that says otherwise is not this table.
            if (c.Of(IsForecast).Any(f => !f)) throw new InvalidDataException($"release={release}: a row of the forecast table has is_forecast false.");
            return i => new NrmForecastRow(release, year[i], quarter[i], start[i], end[i], method[i], horizon[i], value[i], lo80[i], hi80[i], lo95[i], hi95[i]);
        });
}
