using Insights.Breakdowns;
using Insights.Model;

namespace Insights.Tests;

/// <summary>The UK nationals' record is said over each quarter once, as the latest loaded edition of its release gives it.</summary>
public class UkRecordTests
{
    // One responder type's total row: UK nationals and all referrals, as a first-responder table gives them.
    static NrmReleaseData Release(int year, int quarter, int uk, DateOnly? published = null)
    {
        var release = new NrmRelease(new Quarter(year, quarter), published);
        var all = Breakdown<string>.Total;
        NrmCount Row(Breakdown<string> nationality, int people) => new(release, NrmTable.FirstResponder, release.Quarter,
            "Police", all, Breakdown<NrmExploitationType>.Total, all, all, nationality, all, people);
        return new NrmReleaseData(release, [], [Row("UK", uk), Row(all, uk * 4)], [], [$"nrm-{year}-q{quarter}.ods"]);
    }

    [Fact]
    public void A_revised_edition_replaces_the_first_and_is_not_a_quarter_of_its_own()
    {
        // 2024 Q2 first published with 150 UK nationals, revised to 120 in a reissue; 2024 Q3 has 130. Against the
        // revised 120 (and 100 in Q1), Q3 is the highest of three quarters, 8% above Q2 (10 / 120 = 8.3%).
        var history = new NrmHistory([
            Release(2024, 1, 100),
            Release(2024, 2, 150, new DateOnly(2024, 8, 1)),
            Release(2024, 2, 120, new DateOnly(2024, 9, 5)),
            Release(2024, 3, 130),
        ]);
        var record = National.UkRecord(history, new Quarter(2024, 3));
        Assert.NotNull(record);
        Assert.Equal((130, 120, new Quarter(2024, 2), 3), (record.People, record.PreviousRecord, record.PreviousRecordQuarter, record.QuartersLoaded));
    }

    [Fact]
    public void No_record_when_the_latest_edition_of_an_earlier_quarter_was_higher()
    {
        // The first edition of Q2 said 120, the revised one 140: Q3's 130 is no record.
        var history = new NrmHistory([
            Release(2024, 1, 100),
            Release(2024, 2, 120, new DateOnly(2024, 8, 1)),
            Release(2024, 2, 140, new DateOnly(2024, 9, 5)),
            Release(2024, 3, 130),
        ]);
        Assert.Null(National.UkRecord(history, new Quarter(2024, 3)));
    }
}
