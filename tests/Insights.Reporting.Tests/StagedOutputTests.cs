using Insights.Outputs;

namespace Insights.Tests;

public sealed class StagedOutputTests : IDisposable
{
    readonly string _parent = Directory.CreateTempSubdirectory("insights-staged-").FullName;
    string Out => Path.Combine(_parent, "out");

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    [Fact]
    public void A_run_that_fails_before_commit_leaves_the_previous_output_as_it_was()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "current-trends.md"), "last quarter");
        using (var staged = new StagedOutput(Out))
        {
            staged.WriteText("current-trends.md", "half-written");
            // no Commit: the run failed
        }
        Assert.Equal("last quarter", File.ReadAllText(Path.Combine(Out, "current-trends.md")));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_parent).Select(Path.GetFileName)); // no staging debris
    }

    [Fact]
    public void A_committed_run_replaces_its_own_files_and_leaves_the_users_alone()
    {
        // Review finding: --out pointed at the extract's own folder once deleted the extract and the author's draft.
        Directory.CreateDirectory(Path.Combine(Out, "nrm-referrals", "release=2023Q4"));
        File.WriteAllText(Path.Combine(Out, "nrm-referrals", "release=2023Q4", "part-0.parquet"), "an older run's partition");
        File.WriteAllText(Path.Combine(Out, "current-trends.md"), "last quarter");
        File.WriteAllText(Path.Combine(Out, "extract.csv"), "the user's input");
        using (var staged = new StagedOutput(Out))
        {
            staged.WriteText("current-trends.md", "new\r\nline");
            staged.WriteText(Path.Combine("nrm-referrals", "release=2025Q2", "part-0.parquet"), "this run's partition");
            staged.Commit();
        }
        Assert.Equal("new\nline", File.ReadAllText(Path.Combine(Out, "current-trends.md"))); // "\n" on every platform
        Assert.Equal("the user's input", File.ReadAllText(Path.Combine(Out, "extract.csv")));
        // A table folder is this run's whole: no partition of an older run is left to be read with it.
        Assert.Equal(["release=2025Q2"], Directory.GetDirectories(Path.Combine(Out, "nrm-referrals")).Select(Path.GetFileName));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_parent).Select(Path.GetFileName));
    }

    [Fact]
    public void Two_runs_in_one_process_do_not_share_a_staging_folder()
    {
        using var first = new StagedOutput(Out);
        using var second = new StagedOutput(Out);
        Assert.NotEqual(first.Folder, second.Folder);
    }
}
