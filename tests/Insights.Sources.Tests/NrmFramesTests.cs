using Insights.Sources.Nrm;

namespace Insights.Tests;

public class NrmFramesTests
{
    // Analysts get one tidy row per combination: summing the non-subtotal first-responder rows of UK nationals
    // at nationality level must give the tables' 1,138 (Q4 2023).
    [Fact]
    public void Tidy_frame_has_one_row_per_count_and_sums_like_the_tables()
    {
        var history = NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm", "published", "nrm-first-responder-referrals-2023-q4.csv"),
                                      Insights.Pipeline.Samples.PathOf("nrm", "published", "nrm-referrals-by-quarter-2023-q4-release.csv")]);
        var frame = NrmFrames.Counts(history);
        var release = history.Latest;
        Assert.Equal(release.Series.Count + release.FirstResponder.Count, frame.RowCount);
        var responder = frame.GetColumn<string>("Responder");
        var nationality = frame.GetColumn<string>("Nationality");
        var expl = frame.GetColumn<string>("ExploitationType");
        var age = frame.GetColumn<string>("AgeGroup");
        var gender = frame.GetColumn<string>("Gender");
        var people = frame.GetColumn<double>("People");
        var uk = frame.RowKeys.Where(k => responder[k].EndsWith(" total", StringComparison.Ordinal) && nationality[k] == "UK"
            && expl[k] == "Total" && age[k] == "Total" && gender[k] == "Total").Sum(k => people[k]);
        Assert.Equal(1138, uk);
    }

    [Fact]
    public void Revisions_frame_shows_each_quarter_in_each_release()
    {
        var history = NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm", NrmSampleWorkbooks.Q1_2023), Insights.Pipeline.Samples.PathOf("nrm", NrmSampleWorkbooks.Q4_2023)]);
        var frame = NrmFrames.Revisions(history);
        var quarter = frame.GetColumn<string>("Quarter");
        var release = frame.GetColumn<string>("Release");
        var people = frame.GetColumn<double>("People");
        var q4_2022 = frame.RowKeys.Where(k => quarter[k] == "2022 Q4").Select(k => (release[k], people[k])).ToList();
        Assert.Equal([("2023 Q1", 4416d), ("2023 Q4", 4413d)], q4_2022);
    }
}
