using System.IO.Compression;
using Insights.Cli;
using Insights.Sources;
using Insights.Store;

namespace Insights.Tests;

/// <summary>
/// The samples never mix with a user's inputs: they are used only when no input at all is given, and then every
/// output says so in its first lines; a Parquet row says where it came from.
/// </summary>
public sealed class SampleSeparationTests : IDisposable
{
    const string Mark = "SAMPLE DATA, not for publication: the police enquiries are a synthetic sample; the NRM release is a reconstructed sample.";
    readonly string _folder = Directory.CreateTempSubdirectory("insights-samples-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    string Out => Path.Combine(_folder, "out");

    static (int Code, string Stdout, string Stderr) Run(params string[] args) => ContextRun.Invoke(args);

    string Extract()
    {
        var path = Path.Combine(_folder, "our-extract.csv");
        File.WriteAllText(path, "EnquiryId,DateLogged,District,ExploitationType,Age,Gender,Nationality\n" +
            "A,2024-05-01,Bolton,Labour exploitation,30,Male,Polish\nB,2025-03-02,Bolton,Sexual exploitation,25,Female,British\n");
        return path;
    }

    static string PublishedNrm => Insights.Pipeline.Samples.PathOf("nrm", "nrm-2023-q4-tables.ods");

    [Fact]
    public void A_police_extract_without_an_NRM_release_stops_and_names_the_file_to_download()
    {
        var (code, _, stderr) = Run("--gmp", Extract(), "--district", "Bolton", "--out", Out);
        Assert.Equal(2, code);
        Assert.Contains("--gmp without --nrm: the national context needs the NRM release", stderr);
        Assert.Contains("modern-slavery-nrm-tables-apr-jun-2025.ods", stderr);
        Assert.Contains("add --nrm FILE", stderr);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void An_NRM_release_alone_gives_the_national_context_and_leaves_the_district_context_to_the_author()
    {
        var (code, stdout, stderr) = Run("--nrm", PublishedNrm, "--out", Out);
        Assert.Equal(0, code);
        var section = File.ReadAllText(Path.Combine(Out, "current-trends.md"));
        // The Home Office's bulletin for October to December 2023 gives 4,142 referrals.
        Assert.Contains("received 4,142 referrals of potential victims of modern slavery", section);
        Assert.Contains("### District context\n\n> [Author: the district context needs the police force's modern slavery enquiries extract", section);
        Assert.DoesNotContain("SAMPLE DATA", section + stdout);   // a published release is no sample
        Assert.Contains("warning gmp-not-given: no police extract was given (--gmp)", stderr);
        Assert.Contains("gmp-not-given", File.ReadAllText(Path.Combine(Out, "warnings.txt")));
        // Nothing of the police side is written, so nothing of a sample can stand in for it.
        Assert.False(File.Exists(Path.Combine(Out, "dashboard.html")));
        Assert.False(Directory.Exists(Path.Combine(Out, ParquetStore.EnquiryFolder)));
        Assert.True(Directory.Exists(Path.Combine(Out, ParquetStore.NrmFolder)));
        Assert.True(File.Exists(Path.Combine(Out, "tables.ods")));
        Assert.DoesNotContain("\"district.", File.ReadAllText(Path.Combine(Out, "facts.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--district", "Bolton")]
    [InlineData("--year", "2024/25")]
    [InlineData("--top", "5")]
    [InlineData("--district-trend", null)]
    [InlineData("--publish", null)]
    public void An_option_about_the_police_extract_is_refused_beside_an_NRM_release_alone(string option, string? value)
    {
        var (code, _, stderr) = Run(["--nrm", PublishedNrm, option, .. value is null ? Array.Empty<string>() : [value], "--out", Out]);
        Assert.Equal(2, code);
        Assert.Contains($"{option} describes the police extract: give --gmp FILE too", stderr);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void The_job_without_NRM_options_uses_the_sample_release_only_beside_the_sample_extract()
    {
        var options = new Insights.Pipeline.ContextOptions(new Insights.Pipeline.GmpOptions([Extract()], "Bolton"), Out);
        var e = Assert.Throws<InputException>(() => Insights.Pipeline.ContextJob.Compute(options));
        Assert.Contains("the national context needs the NRM release", e.Message);
    }

    [Fact]
    public void The_sample_extract_beside_your_own_NRM_file_is_refused()
    {
        var ours = Path.Combine(_folder, "nrm-tables.ods");
        File.Copy(PublishedNrm, ours);
        var e = Assert.Throws<InputException>(() => Run("--gmp", Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"), "--nrm", ours, "--out", Out));
        Assert.Contains("the sample gmp-enquiries-synthetic.csv cannot be combined with your own inputs", e.Message);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void The_reconstructed_release_is_never_loaded_beside_published_releases()
    {
        // data-samples/nrm holds two real releases and the reconstructed one: one Parquet table would hold both.
        var e = Assert.Throws<InputException>(() => Run("--gmp", Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"),
            "--nrm", Insights.Pipeline.Samples.PathOf("nrm"), "--out", Out));
        Assert.Contains("the reconstructed sample release cannot be loaded with published releases", e.Message);
    }

    [Fact]
    public void Every_output_of_the_sample_run_says_so_in_its_first_lines_and_so_does_the_console()
    {
        var (code, stdout, _) = Run("--out", Out);
        Assert.Equal(0, code);
        Assert.StartsWith(Mark + "\n", stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.StartsWith($"> **{Mark}**\n", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
        foreach (var page in new[] { "current-trends.html", "report.html" })
        {
            var html = File.ReadAllText(Path.Combine(Out, page));
            var section = html.IndexOf("<h2", StringComparison.Ordinal);
            var mark = html.IndexOf(Mark, StringComparison.Ordinal);
            Assert.True(mark >= 0 && mark < section, $"{page}: the sample mark is not before the section");
        }
        // The dashboard's header shows its data's sample note (drawn in the browser: DashboardBrowserTests).
        Assert.Contains($"\"sampleNote\":\"{Mark}\"", File.ReadAllText(Path.Combine(Out, "dashboard.html")), StringComparison.Ordinal);
        Assert.StartsWith(Mark, FirstParagraph(Path.Combine(Out, "current-trends.docx")));
        var facts = File.ReadAllLines(Path.Combine(Out, "facts.json"));
        Assert.Equal($"  \"sample\": \"{Mark}\",", facts[1]);
        Assert.Contains(Mark, CoverText(Path.Combine(Out, "tables.ods")));
        Assert.All(ParquetStore.ReadEnquiryAggregateRows(Path.Combine(Out, ParquetStore.EnquiryFolder)),
            r => Assert.Equal("sample: gmp-enquiries-synthetic.csv", r.Provenance));
        Assert.All(ParquetStore.ReadNrmReferralRows(Path.Combine(Out, ParquetStore.NrmFolder)),
            r => Assert.Equal("sample: nrm-2025-q2-tables-reconstructed.ods", r.Provenance));
    }

    [Fact]
    public void A_run_on_your_own_inputs_carries_no_sample_mark_and_its_rows_say_input()
    {
        var (code, stdout, _) = Run("--gmp", Extract(), "--nrm", PublishedNrm, "--district", "Bolton", "--year", "2024/25", "--out", Out);
        Assert.Equal(0, code);
        Assert.DoesNotContain("SAMPLE", stdout, StringComparison.Ordinal);
        Assert.StartsWith("## Current trends relating to modern slavery\n", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
        Assert.DoesNotContain("\"sample\"", File.ReadAllText(Path.Combine(Out, "facts.json")), StringComparison.Ordinal);
        Assert.All(ParquetStore.ReadEnquiryAggregateRows(Path.Combine(Out, ParquetStore.EnquiryFolder)),
            r => Assert.Equal("input: our-extract.csv", r.Provenance));
        Assert.All(ParquetStore.ReadNrmReferralRows(Path.Combine(Out, ParquetStore.NrmFolder)),
            r => Assert.Equal("input: nrm-2023-q4-tables.ods", r.Provenance));
    }

    static string FirstParagraph(string docx)
    {
        using var zip = ZipFile.OpenRead(docx);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = System.Xml.Linq.XDocument.Parse(reader.ReadToEnd());
        System.Xml.Linq.XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        return string.Concat(xml.Descendants(w + "p").First().Descendants(w + "t").Select(t => t.Value));
    }

    static string CoverText(string ods)
    {
        using var zip = ZipFile.OpenRead(ods);
        using var reader = new StreamReader(zip.GetEntry("content.xml")!.Open());
        var xml = reader.ReadToEnd();
        return xml[..Math.Min(xml.Length, xml.IndexOf("</table:table>", StringComparison.Ordinal) + 1)];
    }
}
