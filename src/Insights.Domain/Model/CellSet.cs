namespace Insights.Model;

/// <summary>
/// The published cells a figure was added up from: each count's file, sheet, row and column as the reader found it
/// (a long CSV's row and column). What the run manifest lists so that a figure can be found in the release by hand.
/// A figure computed by taking one total from another lists the cells of both. Cells holding 0 are not among the
/// tidy counts (the releases' long files leave them out too), so they are not listed.
/// </summary>
public sealed record CellSet(IReadOnlyList<SourceLocation> Cells)
{
    public static readonly CellSet None = new([]);

    public static CellSet Of(IEnumerable<NrmCount> counts) => new([.. counts.Where(c => c.At is not null).Select(c => c.At!)]);

    public CellSet And(CellSet other) => other.Cells.Count == 0 ? this : Cells.Count == 0 ? other : new([.. Cells, .. other.Cells]);

    public bool IsEmpty => Cells.Count == 0;

    // Value equality over the cells (a record compares lists by reference).
    public bool Equals(CellSet? other) => other is not null && Cells.SequenceEqual(other.Cells);

    public override int GetHashCode() => Cells.Count;
}
