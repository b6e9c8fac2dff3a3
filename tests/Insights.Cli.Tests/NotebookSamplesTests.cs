using Insights.Notebooks;

namespace Insights.Tests;

public class NotebookSamplesTests
{
    /// <summary>The "done when": every notebook in notebooks/ runs headless on the embedded samples, in the
    /// README's test command. Notebooks that write files declare <c>outputFolder</c> in their parameters cell;
    /// the test points it at a temporary folder so a test run never writes into the repository.</summary>
    [Fact]
    public async Task Every_notebook_in_the_notebooks_folder_runs_headless_on_the_samples()
    {
        var folder = Path.Combine(Insights.Pipeline.Samples.RepositoryRoot, "notebooks");
        var notebooks = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList() : [];
        var output = Directory.CreateTempSubdirectory("insights-notebooks-").FullName;
        try
        {
            var failures = new List<string>();
            foreach (var path in notebooks)
            {
                var notebook = Notebook.Load(path);
                var parameters = new Dictionary<string, string>();
                var parametersCell = notebook.Cells.FirstOrDefault(c => c.IsCode && c.Tags.Contains(NotebookParameters.Tag));
                if (parametersCell is not null && NotebookParameters.Declarations(parametersCell.Source).Any(d => d.Name == "outputFolder"))
                    parameters["outputFolder"] = Path.Combine(output, Path.GetFileNameWithoutExtension(path));
                var run = await NotebookRunner.RunAsync(notebook, path, new NotebookRunOptions { Parameters = parameters, Host = Insights.Cli.InsightsNotebooks.Host });
                if (!run.Succeeded) failures.Add($"{Path.GetFileName(path)}: {run.Failure}");
            }
            Assert.Empty(failures);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
