using System.Security.Cryptography;
using System.Text.Json;
using Insights.Pipeline;

namespace Insights.Tests;

/// <summary>manifest.json: what a QA sign-off needs (docs/outputs.md), deterministic and without a row of the extract.</summary>
public sealed class RunManifestTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-manifest-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    string RunOnSamples(string name = "out")
    {
        var output = Path.Combine(_folder, name);
        ContextJob.Run(new ContextOptions(GmpOptions.Samples(), output, Nrm: NrmOptions.Samples()));
        return Path.Combine(output, RunManifest.FileName);
    }

    static JsonElement Fact(JsonElement manifest, string id) =>
        manifest.GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("id").GetString() == id);

    static IEnumerable<(string, int)> PrintedAt(JsonElement fact) =>
        fact.GetProperty("printedAt").EnumerateArray().Select(p => (p.GetProperty("section").GetString()!, p.GetProperty("paragraph").GetInt32()));

    [Fact]
    public void The_same_inputs_give_a_byte_identical_manifest() =>
        Assert.Equal(File.ReadAllBytes(RunOnSamples("a")), File.ReadAllBytes(RunOnSamples("b")));

    [Fact]
    public void Each_input_is_its_file_name_size_and_sha256()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RunOnSamples()));
        var inputs = manifest.RootElement.GetProperty("inputs").EnumerateArray().ToList();
        string[] files = [Insights.Pipeline.Samples.PathOf("gmp", "gmp-enquiries-synthetic.csv"), Insights.Pipeline.Samples.PathOf("nrm", "nrm-2025-q2-tables-reconstructed.ods")];
        Assert.Equal(files.Select(Path.GetFileName), inputs.Select(i => i.GetProperty("file").GetString()));
        Assert.Equal(files.Select(f => new FileInfo(f).Length), inputs.Select(i => i.GetProperty("bytes").GetInt64()));
        Assert.Equal(files.Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))), inputs.Select(i => i.GetProperty("sha256").GetString()));
        // data-samples/nrm/README.md: numbering as in 2025, the first-responder tables are Tables 13-16.
        Assert.Equal(["Table_2", "Table_13", "Table_14", "Table_15", "Table_16"],
            inputs[1].GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("sheet").GetString()));
    }

    [Fact]
    public void A_police_fact_names_the_file_and_its_row_count_and_never_a_row()
    {
        var text = File.ReadAllText(RunOnSamples());
        using var manifest = JsonDocument.Parse(text);
        var source = Fact(manifest.RootElement, "district.enquiries").GetProperty("source");
        Assert.Equal("gmp-enquiries-synthetic.csv", Assert.Single(source.GetProperty("files").EnumerateArray()).GetString());
        Assert.Equal(1192, source.GetProperty("rows").GetInt32()); // data-samples/gmp/README.md: 1,192 enquiries
        Assert.DoesNotContain("SYN-", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.DirectorySeparatorChar + "data-samples", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_nrm_fact_names_the_table_it_was_read_from()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RunOnSamples()));
        Assert.Equal(["Table_2"], Fact(manifest.RootElement, "national.referrals").GetProperty("source").GetProperty("tables").EnumerateArray()
            .Select(t => t.GetProperty("sheet").GetString()));
        // UK nationals from the first-responder tables, of all referrals (the denominator) from Table_2.
        Assert.Equal(["Table_2", "Table_13", "Table_14", "Table_15", "Table_16"], Fact(manifest.RootElement, "national.nationality-1-uk-share").GetProperty("source")
            .GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("sheet").GetString()));
    }

    [Fact]
    public void Each_fact_says_where_it_is_printed_or_that_it_is_not()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RunOnSamples()));
        var root = manifest.RootElement;
        // The Stockport context: ¶1 the author's note, ¶2 "Between April 2024 ...", ¶3 "Criminal exploitation (16 enquiries; 44.4% of the 36)".
        Assert.Equal([("Stockport context", 3)], PrintedAt(Fact(root, "district.exploitation.criminal-exploitation.share")));
        Assert.Equal([("Stockport context", 2), ("Stockport context", 3), ("Stockport context", 9)], PrintedAt(Fact(root, "district.enquiries")));
        // National context ¶5, the exploitation bullet: "around two-thirds", a fact printed in words.
        Assert.Equal([("National context", 5)], PrintedAt(Fact(root, "national.exploitation-criminal-children")));
        Assert.Empty(PrintedAt(Fact(root, "national.adults-of-all")));
        Assert.False(Fact(root, "district.exploitation.domestic-servitude").GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public void A_fact_withheld_by_suppress_below_is_marked_suppressed()
    {
        var output = Path.Combine(_folder, "suppressed");
        ContextJob.Run(new ContextOptions(GmpOptions.Samples(), output, Nrm: NrmOptions.Samples(), SuppressBelow: 5));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, RunManifest.FileName)));
        // Domestic servitude: 1 enquiry, under 5; criminal exploitation: 16, not under 5.
        Assert.True(Fact(manifest.RootElement, "district.exploitation.domestic-servitude").GetProperty("suppressed").GetBoolean());
        Assert.False(Fact(manifest.RootElement, "district.exploitation.criminal-exploitation").GetProperty("suppressed").GetBoolean());
        Assert.Equal("5", manifest.RootElement.GetProperty("options").GetProperty("suppressBelow").GetString());
    }

    [Fact]
    public void The_code_version_is_the_informational_version_with_its_commit()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RunOnSamples()));
        var code = manifest.RootElement.GetProperty("code");
        var version = code.GetProperty("version").GetString()!;
        if (code.TryGetProperty("commit", out var commit))
            Assert.Equal(version[(version.IndexOf('+') + 1)..], commit.GetString());
        else
            Assert.DoesNotContain('+', version); // built without git: the note says so
        Assert.Equal("Stockport", manifest.RootElement.GetProperty("options").GetProperty("district").GetString());
    }
}
