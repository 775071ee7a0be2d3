using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;

// Reads every example of a spec through the types generated for it and writes each back (see
// tests/Aitronos.Codegen.Tests/Infrastructure/ExampleRoundTrip.cs): the 2xx JSON response examples of every operation,
// as the operation's result type, and the examples of component schemas that became generated models. Counts per spec:
// examples, read without problems, read with reported problems (JsonModel.JsonReadProblems, looked up by reflection so
// that this also runs against generators that predate it), exceptions, written back JSON-equal, written back with the
// same meaning but other text (numbers, date-time digits). Not in CI: GitHub's spec (13 MB) compiles for minutes.
//   dotnet run -c Release --project benchmarks/Aitronos.Codegen.ExampleRoundTrip -- [--details FILE] SPEC...
string? detailsPath = null;
var specs = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--details")
    {
        detailsPath = args[++i];
    }
    else
    {
        specs.Add(args[i]);
    }
}

if (specs.Count == 0)
{
    Console.Error.WriteLine("usage: ExampleRoundTrip [--details FILE] SPEC...");
    return 2;
}

var details = new List<string>();
Console.WriteLine("| spec | examples | read OK | read with problems | exceptions | written back JSON-equal | same value, other text | untyped (skipped) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (string path in specs)
{
    string name = Path.GetFileNameWithoutExtension(path);
    var file = new SpecFile("/bench/" + name + ".openapi" + Path.GetExtension(path), File.ReadAllText(path));
    IReadOnlyList<ExampleResult> results = ExampleRoundTrip.Run(file, out int untyped);
    foreach (ExampleResult result in results)
    {
        if (result.Exception is not null)
        {
            details.Add($"{name}\t{result.Where}\texception\t{result.Exception}");
            continue;
        }

        if (result.Problems.Count > 0)
        {
            details.Add($"{name}\t{result.Where}\tproblems\t{string.Join(" | ", result.Problems.Take(5))}{(result.Problems.Count > 5 ? $" (+{result.Problems.Count - 5})" : string.Empty)}");
        }

        if (result.Difference is not null)
        {
            details.Add($"{name}\t{result.Where}\t{(result.SameValue ? "same value" : "changed")}\t{result.Difference}");
        }
    }

    int exceptions = results.Count(r => r.Exception is not null);
    int problems = results.Count(r => r.Exception is null && r.Problems.Count > 0);
    int equal = results.Count(r => r.Exception is null && r.Difference is null);
    int same = results.Count(r => r.Exception is null && r.Difference is not null && r.SameValue);
    Console.WriteLine($"| {name} | {results.Count} | {results.Count - exceptions - problems} | {problems} | {exceptions} | {equal} | {same} | {untyped} |");
}

if (detailsPath is not null)
{
    File.WriteAllLines(detailsPath, details);
}

return 0;
