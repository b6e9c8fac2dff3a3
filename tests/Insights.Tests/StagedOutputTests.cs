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
    public void A_committed_run_replaces_the_whole_folder_so_no_stale_file_survives()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "stale.txt"), "from an older version");
        using (var staged = new StagedOutput(Out))
        {
            staged.WriteText("current-trends.md", "new\r\nline");
            staged.Commit();
        }
        Assert.Equal(["current-trends.md"], Directory.GetFiles(Out).Select(Path.GetFileName));
        Assert.Equal("new\nline", File.ReadAllText(Path.Combine(Out, "current-trends.md"))); // "\n" on every platform
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
