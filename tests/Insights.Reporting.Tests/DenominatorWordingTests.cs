using Insights.Breakdowns;
using Insights.Model;
using Insights.Narrative;

namespace Insights.Tests;

/// <summary>The breakdowns say what a share is of as a value; the wording module names it, as the statement does.</summary>
public class DenominatorWordingTests
{
    public static TheoryData<ShareBase, string> Bases => new()
    {
        { new ShareBase.DistrictEnquiries(PoliceArea.GreaterManchester.Of("Stockport")), "Stockport enquiries" },
        { new ShareBase.AreaEnquiries(PoliceArea.GreaterManchester), "all GM enquiries" },
        { new ShareBase.AgeAndGenderKnown(), "enquiries where age and gender were known" },
        { new ShareBase.TypeReferrals(NrmExploitationType.OneType("Criminal")), "referrals for criminal exploitation" },
        { new ShareBase.UkReferrals(new Quarter(2025, 2)), "all referrals in the UK in April to June 2025" },
        { new ShareBase.Named("the 36 enquiries"), "the 36 enquiries" },
    };

    [Theory]
    [MemberData(nameof(Bases))]
    public void A_share_names_its_denominator(ShareBase of, string words) => Assert.Equal(words, Wording.Denominator(of));

    [Fact]
    public void A_change_names_what_it_is_measured_against()
    {
        var release = new NrmRelease(new Quarter(2025, 2));
        Assert.Equal("2025 Q1 as published in the 2025 Q2 release", Wording.Against(new ChangeBase.QuarterAsPublished(new Quarter(2025, 1), release)));
        Assert.Equal("previous highest of the quarters loaded (2025 Q1)", Wording.Against(new ChangeBase.PreviousHighest(new Quarter(2025, 1))));
    }
}
