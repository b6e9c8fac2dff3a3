using Insights.Narrative;
using Insights.Outputs;
using Insights.Outputs.Tables;

namespace Insights.Pipeline;

/// <summary>The context job's spreadsheet of tables (tables.ods and tables.xlsx): the facts, then each chart's table.</summary>
public static class TablesJob
{
    public static StatisticalTables Tables(ContextResult result, ContextOptions options)
    {
        var dashboard = DashboardJob.Inputs(result, options);
        var cover = Cover(OutputWording.TablesAbout(result.District.District), Outputs.Dashboard.DashboardBuilder.SampleNote(dashboard),
            [dashboard.PoliceSource, .. dashboard.NationalSource is { } national ? [national] : Array.Empty<string>(), options.SuppressBelow is { } threshold ? OutputWording.DisclosureControlled(threshold) : OutputWording.NotDisclosureControlled]);
        return StatisticalTables.Build(OutputWording.TablesTitle(ContextJob.ReportTitle(result)), result.Facts.Facts,
            ContextJob.Figures(result, options), cover);
    }

    /// <summary>The cover sheet's lines: what the workbook holds, the sample mark, the sources, then contact and licences.</summary>
    internal static List<string> Cover(string about, string? sampleNote, IEnumerable<string> sources) =>
        [about, .. sampleNote is null ? Array.Empty<string>() : [sampleNote], .. sources,
            OutputWording.ContactPlaceholder, OutputWording.OpenGovernmentLicence, OutputWording.NationalSourceLicence];

    public static void Write(StagedOutput output, ContextResult result, ContextOptions options) =>
        TablesFiles.Write(output, Tables(result, options));
}
