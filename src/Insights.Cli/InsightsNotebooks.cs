using Insights.Notebooks;

namespace Insights.Cli;

/// <summary>
/// The Insights library as notebooks see it: the layer assemblies (so a cell can call the pipeline, the readers, the
/// breakdowns and the writers), the packages meant for analysis, the house chart theme, and the library's formatters.
/// The compiler packages ship only to run notebooks, so they are not offered to them.
/// </summary>
public static class InsightsNotebooks
{
    public static NotebookHost Host { get; } = new()
    {
        Assemblies =
        [
            typeof(Insights.Model.Quarter).Assembly,
            typeof(Insights.Sources.InputFormat).Assembly,
            typeof(Insights.Narrative.Wording).Assembly,
            typeof(Insights.Pipeline.ContextJob).Assembly,
            typeof(ParquetSharp.ParquetFileReader).Assembly,
            typeof(DocumentFormat.OpenXml.Wordprocessing.Paragraph).Assembly,
            typeof(DocumentFormat.OpenXml.Packaging.WordprocessingDocument).Assembly,
            typeof(Markdig.Markdown).Assembly,
            typeof(ExcelDataReader.ExcelReaderFactory).Assembly,
            typeof(Scriban.Template).Assembly,
        ],
        RegisterFormatters = LibraryFormatters.Register,
        // Charts a cell makes with Plotly.NET directly take the default template at creation: install the house
        // theme first, so a notebook's charts look (and serialise) the same whatever ran before it in the process.
        Prepare = Insights.Charts.AnalysisFunctionTheme.Install,
    };
}
