using Insights.Sources;

namespace Insights.Tests;

public class NrmSampleWorkbookTests
{
    // The committed sample workbooks are generated, not hand-edited: regenerating them must give the same bytes,
    // so a reviewer can trust that what the README says about each figure is what the generator does.
    [Fact]
    public void Regenerating_the_nrm_sample_workbooks_gives_identical_bytes()
    {
        var folder = Insights.Pipeline.Samples.PathOf("nrm");
        var write = Environment.GetEnvironmentVariable("INSIGHTS_WRITE_SAMPLES") == "1";
        foreach (var (name, sheets) in NrmSampleWorkbooks.All(Path.Combine(folder, "published")))
        {
            var bytes = NrmSampleWorkbooks.Bytes(sheets);
            var path = Path.Combine(folder, name);
            if (write) File.WriteAllBytes(path, bytes);
            Assert.True(File.Exists(path), $"{name} is missing: regenerate with INSIGHTS_WRITE_SAMPLES=1");
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{name} differs from what the generator writes");
        }
    }
}
