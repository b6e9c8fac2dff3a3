using Insights.Sources;
using Insights.Sources.Gmp;
using Insights.Tests.Samples;

namespace Insights.Tests;

public class GmpSampleTests
{
    static string CommittedPath => Insights.Pipeline.Samples.PathOf("gmp", SyntheticGmpExtract.FileName);

    [Fact]
    public void Committed_synthetic_extract_is_what_the_generator_makes()
    {
        // Set INSIGHTS_REGENERATE_SAMPLES=1 to rewrite the file after changing the generator on purpose.
        var expected = SyntheticGmpExtract.Bytes();
        if (Environment.GetEnvironmentVariable("INSIGHTS_REGENERATE_SAMPLES") == "1")
            File.WriteAllBytes(CommittedPath, expected);
        Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(CommittedPath)),
            "data-samples/gmp differs from SyntheticGmpExtract: regenerate it with INSIGHTS_REGENERATE_SAMPLES=1 and review the diff");
    }

    [Fact]
    public void Xlsx_sample_with_the_example_column_map_reads_as_the_csv_sample()
    {
        // The XLSX path end to end: named sheet, renamed headers, Excel date cells, numeric ages.
        var xlsx = Insights.Pipeline.Samples.PathOf("gmp", SyntheticGmpExtract.XlsxFileName);
        if (Environment.GetEnvironmentVariable("INSIGHTS_REGENERATE_SAMPLES") == "1") SyntheticGmpExtract.WriteXlsx(xlsx);
        var map = ColumnMap.Load(Insights.Pipeline.Samples.PathOf("gmp", "columns-example.json"));
        var fromXlsx = GmpExtractReader.Read(xlsx + "#" + SyntheticGmpExtract.XlsxSheet, map).Enquiries;
        var fromCsv = GmpExtractReader.Read(CommittedPath).Enquiries;
        Assert.Equal(fromCsv, fromXlsx);
    }
}
