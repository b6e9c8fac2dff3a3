namespace Insights.Sources.Ods;

/// <summary>
/// Ceilings that make a hostile or broken workbook (a zip bomb, a billion repeated non-empty rows) fail with a clear
/// <see cref="InputException"/> instead of exhausting memory. The defaults sit well above any published NRM workbook
/// (a few MiB of content.xml, a few hundred thousand cells) and at the spreadsheet programs' own grid size.
/// </summary>
public sealed record OdsLimits
{
    public static readonly OdsLimits Default = new();

    /// <summary>Uncompressed bytes of content.xml actually read (the zip header's size is not trusted).</summary>
    public long MaxContentBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Uncompressed bytes read per compressed byte of content.xml, checked once past <see cref="CompressionRatioFloorBytes"/>.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Small entries may compress very well legitimately; the ratio applies only after this many bytes.</summary>
    public long CompressionRatioFloorBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Cells held in memory across the workbook (empty cells before a non-empty one included).</summary>
    public long MaxCells { get; init; } = 20_000_000;

    public int MaxColumns { get; init; } = 16_384;

    public int MaxRows { get; init; } = 1_048_576;

    public int MaxSheets { get; init; } = 1_000;

    /// <summary>Characters in one cell's text (guards against <c>text:s c="1000000000"</c>).</summary>
    public int MaxCellTextLength { get; init; } = 1_000_000;
}
