using Insights.Outputs;
using Insights.Outputs.Dashboard;
using Insights.Sources;

namespace Insights.Pipeline;

/// <summary>The context job's dashboard: what it is built from, in the mode the run asks for.</summary>
public static class DashboardJob
{
    public static DashboardInputs Inputs(ContextResult result, ContextOptions options)
    {
        var synthetic = Samples.AreSynthetic(options.Gmp.Files);
        var reconstructed = result.Nrm is { } history && result.National is { } national &&
            Samples.AreReconstructed((history.Release(national.Quarter) ?? history.Latest).Files);
        var area = result.District.Area;
        return new DashboardInputs(
            $"Modern slavery dashboard: {result.District.District} and {area.AreaName}, with the national NRM figures",
            result.Extract.Enquiries,
            result.District,
            synthetic ? DistrictFigures.Source(area) + ", synthetic sample" : DistrictFigures.Source(area),
            synthetic,
            result.National,
            result.Nrm,
            reconstructed ? NationalFigures.Source + " (reconstructed sample release)" : NationalFigures.Source,
            reconstructed);
    }

    public static DashboardData Data(ContextResult result, ContextOptions options) =>
        DashboardBuilder.Build(Inputs(result, options));

    /// <summary>Writes dashboard.html into the staged output.</summary>
    public static void Write(StagedOutput output, ContextResult result, ContextOptions options) =>
        output.WriteText(DashboardPage.FileName, DashboardPage.Render(Data(result, options)));
}
