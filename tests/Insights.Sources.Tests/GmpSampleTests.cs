using Insights.Sources;
using Insights.Sources.Gmp;
using Insights.Tests.Samples;

namespace Insights.Tests;

/// <summary>
/// The committed GMP samples are what the generator makes (tests/Insights.Testing/Samples/SyntheticGmpExtract.cs),
/// byte for byte; after changing the generator on purpose, <c>dotnet run --project tests/Insights.SampleWriter</c>
/// rewrites them. The test only reads the committed files: it never writes what it then compares.
/// </summary>
public class GmpSampleTests
{
    static string CommittedPath => Insights.Pipeline.Samples.PathOf("gmp", SyntheticGmpExtract.FileName);
    static string CommittedXlsx => Insights.Pipeline.Samples.PathOf("gmp", SyntheticGmpExtract.XlsxFileName);

    const string Regenerate = "regenerate with: dotnet run --project tests/Insights.SampleWriter (and review the diff)";

    [Fact]
    public void Committed_synthetic_extract_is_what_the_generator_makes()
    {
        Assert.True(SyntheticGmpExtract.Bytes().AsSpan().SequenceEqual(File.ReadAllBytes(CommittedPath)),
            $"data-samples/gmp/{SyntheticGmpExtract.FileName} differs from SyntheticGmpExtract: {Regenerate}");
        Assert.True(SyntheticGmpExtract.XlsxBytes().AsSpan().SequenceEqual(File.ReadAllBytes(CommittedXlsx)),
            $"data-samples/gmp/{SyntheticGmpExtract.XlsxFileName} differs from SyntheticGmpExtract: {Regenerate}");
    }

    [Fact]
    public void Xlsx_sample_with_the_example_column_map_reads_as_the_csv_sample()
    {
        // The XLSX path end to end: named sheet, renamed headers, Excel date cells, numeric ages.
        var map = ColumnMap.Load(Insights.Pipeline.Samples.PathOf("gmp", "columns-example.json"));
        var fromXlsx = GmpExtractReader.Read(CommittedXlsx + "#" + SyntheticGmpExtract.XlsxSheet, map).Enquiries;
        var fromCsv = GmpExtractReader.Read(CommittedPath).Enquiries;
        Assert.Equal(fromCsv, fromXlsx);
    }
}
