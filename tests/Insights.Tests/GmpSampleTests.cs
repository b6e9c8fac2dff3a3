using Insights.Sources;
using Insights.Tests.Samples;

namespace Insights.Tests;

public class GmpSampleTests
{
    static string CommittedPath => Insights.Sources.Samples.PathOf("gmp", SyntheticGmpExtract.FileName);

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
}
