using Insights.Tests;
using Insights.Tests.Samples;

// dotnet run --project tests/Insights.SampleWriter [-- DATA-SAMPLES-FOLDER]
// Writes every generated sample (the NRM workbooks, the synthetic GMP extract as CSV and XLSX) and says which changed;
// the tests then check that what is committed is what the generators make. Review the diff before committing.
var folder = args.Length > 0 ? args[0] : Insights.Pipeline.Samples.Folder;
var changed = 0;

void Write(string path, byte[] bytes)
{
    var same = File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
    if (!same) File.WriteAllBytes(path, bytes);
    Console.WriteLine($"{(same ? "unchanged" : "written  ")} {Path.GetRelativePath(folder, path)}");
    if (!same) changed++;
}

foreach (var (name, sheets) in NrmSampleWorkbooks.All(Path.Combine(folder, "nrm", "published")))
    Write(Path.Combine(folder, "nrm", name), NrmSampleWorkbooks.Bytes(sheets));
Write(Path.Combine(folder, "gmp", SyntheticGmpExtract.FileName), SyntheticGmpExtract.Bytes());
Write(Path.Combine(folder, "gmp", SyntheticGmpExtract.XlsxFileName), SyntheticGmpExtract.XlsxBytes());
Console.WriteLine(changed == 0 ? "every sample is what its generator makes" : $"{changed} file(s) rewritten: review with git diff --stat data-samples");
