using Insights.Model;
using Insights.Sources.Nrm;

namespace Insights.Tests;

/// <summary>
/// A release as LibreOffice Calc writes it (Fixtures/README.md), the program an analyst re-saves a download with:
/// its own styles, repeated rows and columns and covered cells, none of them our writer's.
/// </summary>
public class LibreOfficeReleaseTests
{
    static string SavedByLibreOffice => Path.Combine(AppContext.BaseDirectory, "Fixtures", "nrm-2023-q4-tables-libreoffice.ods");

    [Fact]
    public void The_Q4_2023_release_saved_by_LibreOffice_gives_the_bulletins_4142_and_its_comparisons()
    {
        var release = NrmLoader.Load([SavedByLibreOffice]).Latest;
        Assert.Equal(new Quarter(2023, 4), release.Release.Quarter);
        Assert.Equal(new DateOnly(2024, 3, 7), release.Release.Published);
        // The bulletin: 4,142 referred, against 4,131 the quarter before and 4,413 a year before (revised).
        Assert.Equal(4142, release.SeriesTotal(new Quarter(2023, 4)));
        Assert.Equal(4131, release.SeriesTotal(new Quarter(2023, 3)));
        Assert.Equal(4413, release.SeriesTotal(new Quarter(2022, 4)));
    }

    [Fact]
    public void Its_first_responder_tables_sum_to_4141_with_Albanian_802_and_Vietnamese_268()
    {
        var release = NrmLoader.Load([SavedByLibreOffice]).Latest;
        Assert.Equal(4141, release.FirstResponderTotal);   // one fewer than the headline, as published
        var byNationality = NrmReleaseData.NationalityTotals(release.FirstResponder).ByNationality;
        Assert.Equal(802, byNationality["Albanian"]);
        Assert.Equal(268, byNationality["Vietnamese"]);
        // The bulletin's 1,139 UK nationals include the one referral missing from the tables.
        Assert.Equal(1138, byNationality["UK"]);
    }

    [Fact]
    public void LibreOffice_and_the_sample_as_committed_read_to_the_same_counts()
    {
        var libreOffice = NrmLoader.Load([SavedByLibreOffice]).Latest;
        var committed = NrmLoader.Load([Insights.Pipeline.Samples.PathOf("nrm", "nrm-2023-q4-tables.ods")]).Latest;
        // The same counts from the same cells (sheet, row, column); only the file's name differs.
        static IEnumerable<NrmCount> InAnyFile(IEnumerable<NrmCount> counts) => counts.Select(c => c with { At = c.At! with { File = "" } });
        Assert.Equal(InAnyFile(committed.Series), InAnyFile(libreOffice.Series));
        Assert.Equal(InAnyFile(committed.FirstResponder), InAnyFile(libreOffice.FirstResponder));
        Assert.Equal(committed.Release, libreOffice.Release);
    }
}
