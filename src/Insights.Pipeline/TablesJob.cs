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
        var cover = new List<string> { OutputWording.TablesAbout(result.District.District) };
        var samples = Outputs.Dashboard.DashboardBuilder.SampleNote(dashboard);
        if (samples is not null) cover.Add(samples);
        cover.Add(dashboard.PoliceSource);
        if (dashboard.NationalSource is { } national) cover.Add(national);
        cover.Add(OutputWording.NotDisclosureControlled);
        cover.Add(OutputWording.ContactPlaceholder);
        cover.Add(OutputWording.OpenGovernmentLicence);
        cover.Add(OutputWording.NationalSourceLicence);
        return StatisticalTables.Build(OutputWording.TablesTitle(ContextJob.ReportTitle(result)), result.Facts.Facts,
            ContextJob.Figures(result, options), cover);
    }

    public static void Write(StagedOutput output, ContextResult result, ContextOptions options) =>
        TablesFiles.Write(output, Tables(result, options));
}
