using SampleData = Insights.Pipeline.Samples;

namespace Insights.Tests;

public class SamplesTests
{
    [Fact]
    public void The_embedded_GMP_extract_is_labelled_synthetic_and_its_xlsx_sheet_too()
    {
        Assert.True(SampleData.AreSynthetic([SampleData.PathOf("gmp", "gmp-enquiries-synthetic.csv")]));
        Assert.True(SampleData.AreSynthetic([SampleData.PathOf("gmp", "gmp-enquiries-synthetic.xlsx") + "#Enquiries"]));
    }

    [Fact]
    public void A_users_file_is_never_labelled_synthetic_whatever_its_name()
    {
        // Provenance is where the file is, not what it is called: a real extract named "...synthetic..." is real.
        var copy = Path.Combine(Path.GetTempPath(), $"gmp-enquiries-synthetic-{Guid.NewGuid():N}.csv");
        File.Copy(SampleData.PathOf("gmp", "gmp-enquiries-synthetic.csv"), copy);
        try
        {
            Assert.False(SampleData.AreSynthetic([copy]));
            Assert.False(SampleData.AreSynthetic([SampleData.PathOf("gmp", "gmp-enquiries-synthetic.csv"), copy]));
        }
        finally { File.Delete(copy); }
    }

    [Fact]
    public void Only_the_reconstructed_NRM_sample_is_labelled_reconstructed()
    {
        Assert.True(SampleData.AreReconstructed([SampleData.PathOf("nrm", "nrm-2025-q2-tables-reconstructed.ods")]));
        Assert.False(SampleData.AreReconstructed([SampleData.PathOf("nrm", "nrm-2023-q4-tables.ods")])); // real figures
        Assert.False(SampleData.AreReconstructed([]));
    }
}
