namespace Insights.Tests;

public class NrmSampleWorkbookTests
{
    // The committed sample workbooks are generated, not hand-edited: what the generator makes must be their bytes,
    // so a reviewer can trust that what the README says about each figure is what the generator does. The test only
    // reads the committed files; `dotnet run --project tests/Insights.SampleWriter` rewrites them.
    [Fact]
    public void The_committed_nrm_sample_workbooks_are_what_the_generator_makes()
    {
        var folder = Insights.Pipeline.Samples.PathOf("nrm");
        foreach (var (name, sheets) in NrmSampleWorkbooks.All(Path.Combine(folder, "published")))
        {
            var path = Path.Combine(folder, name);
            Assert.True(File.Exists(path), $"{name} is missing: dotnet run --project tests/Insights.SampleWriter");
            Assert.True(NrmSampleWorkbooks.Bytes(sheets).AsSpan().SequenceEqual(File.ReadAllBytes(path)),
                $"{name} differs from what the generator writes: dotnet run --project tests/Insights.SampleWriter, and review the diff");
        }
    }
}
