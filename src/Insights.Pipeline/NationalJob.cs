using Insights.Narrative;
using Insights.Outputs;
using Insights.Outputs.Tables;

namespace Insights.Pipeline;

/// <summary>A run on NRM releases alone: for a council without a police extract (or before it arrives).</summary>
public sealed record NationalOnlyOptions(NrmOptions Nrm, string OutputFolder = "out", string? TemplatesFolder = null, TrendOptions? Trends = null);

/// <summary>What a run on NRM releases alone computed; the section's district part is an author placeholder.</summary>
public sealed record NationalResult(NationalPart National, string Markdown, FactSheet Facts, IReadOnlyList<InputWarning> Warnings, string? SampleNote)
{
    public string Title => OutputWording.NationalReportTitle(National.Trends.NationalYear?.Year.ToString() ?? National.National.Quarter.InWords);
}

/// <summary>
/// The context job without the district context: the national paragraph (the quarter's or the year's), the local NRM
/// area's and the forecast's when asked, and a placeholder where the district context goes, with a warning.
/// Writes what the context job writes except the police outputs (gmp-enquiries/, dashboard.html).
/// </summary>
public static class NationalJob
{
    public const string DistrictTemplate = "district-not-given";

    public static NationalResult Compute(NationalOnlyOptions options)
    {
        if (options.Trends?.DistrictTrend == true)
            throw new InputException(new SourceLocation(RunWording.Option.DistrictTrend), RunWording.DistrictTrendNeedsExtract);
        var part = NationalStep.Compute(options.Nrm, options.Trends, policeFiles: []);
        var templates = new TemplateLibrary(options.TemplatesFolder);
        var warnings = new List<InputWarning>(part.Warnings) { new(OutputWording.DistrictNotGivenCode, OutputWording.DistrictNotGiven) };
        var facts = new FactSheet();
        facts.AddRange(TrendStep.NationalFacts(part.Trends, part.Section));
        var sampleNote = Samples.Note([], part.ReportedFiles);
        var markdown = ContextJob.Section(sampleNote, TrendStep.NationalMarkdown(part.Trends, part.Section, templates),
            templates.Render(DistrictTemplate, new { }));
        return new NationalResult(part, markdown, facts, warnings, sampleNote);
    }

    /// <summary>Computes, then writes the outputs atomically: on any error the output folder is left as it was.</summary>
    public static NationalResult Run(NationalOnlyOptions options)
    {
        var result = Compute(options);
        var n = result.National;
        var figures = NationalStep.Figures(n.National, n.Nrm, n.Trends);
        using var output = new StagedOutput(options.OutputFolder);
        ReportFiles.Write(output, result.Title, result.Markdown, figures, TrendStep.ReportAppendix(n.Trends));
        output.WriteText("facts.json", result.Facts.ToJson(result.SampleNote));
        output.WriteText(RunManifest.FileName, RunManifest.Build(result, options));
        NationalStep.WriteTables(output, n.Nrm, n.Trends);
        output.WriteText("warnings.txt", string.Concat(result.Warnings.Select(w => w + "\n")));
        var reconstructed = Samples.AreReconstructed(n.ReportedFiles);
        var cover = TablesJob.Cover(OutputWording.NationalTablesAbout, result.SampleNote,
            [reconstructed ? NationalFigures.Source + " (reconstructed sample release)" : NationalFigures.Source]);
        TablesFiles.Write(output, StatisticalTables.Build(OutputWording.TablesTitle(result.Title), result.Facts.Facts, figures, cover));
        output.Commit();
        return result;
    }
}
