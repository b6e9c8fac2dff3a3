using Insights.Cli;
using Insights.Notebooks;

namespace Insights.Tests;

public sealed class NotebookStripCommandTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("insights-strip-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // As Jupyter saves a notebook after running a cell: an execution count and a stream output.
    const string Ran = """
        {
         "cells": [
          {
           "cell_type": "code",
           "execution_count": 3,
           "metadata": {},
           "outputs": [
            {
             "name": "stdout",
             "output_type": "stream",
             "text": [
              "Stockport: 36\n"
             ]
            }
           ],
           "source": [
            "Console.WriteLine(\"Stockport: 36\");"
           ]
          }
         ],
         "metadata": {
          "kernelspec": {
           "display_name": "C# (Insights)",
           "language": "csharp",
           "name": "insights-csharp"
          }
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """;

    [Fact]
    public void Strip_clears_outputs_and_counts_in_place_and_check_says_whether_any_are_left()
    {
        var path = Path.Combine(_folder, "sub", "ran.ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Ran.Replace("\r\n", "\n"));
        Assert.Equal(1, NotebookStripCommand.Run([_folder], check: true, TextWriter.Null, TextWriter.Null));
        Assert.True(Notebook.Load(path).HasOutputs); // --check writes nothing

        Assert.Equal(0, NotebookStripCommand.Run([_folder], check: false, TextWriter.Null, TextWriter.Null));
        var stripped = File.ReadAllText(path);
        Assert.Contains("\"execution_count\": null", stripped);
        Assert.Contains("\"outputs\": []", stripped);
        Assert.DoesNotContain("Stockport: 36\\n\"", stripped.Replace("Console.WriteLine(\\\"Stockport: 36\\\");", ""));
        Assert.Contains("Console.WriteLine(\\\"Stockport: 36\\\");", stripped); // the code stays
        Assert.Equal(0, NotebookStripCommand.Run([path], check: true, TextWriter.Null, TextWriter.Null));
    }
}
