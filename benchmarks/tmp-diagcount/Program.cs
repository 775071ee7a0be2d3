using System;
using System.IO;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;

// Throwaway: generator diagnostics by id for one spec (and whether the output compiles).
string path = args[0];
var file = new SpecFile("/bench/" + Path.GetFileNameWithoutExtension(path) + ".openapi" + Path.GetExtension(path), File.ReadAllText(path));
GeneratorRun run = GeneratorHarness.Run(new[] { file });
foreach (var g in run.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key))
{
    Console.WriteLine($"{g.Key}\t{g.Count()}");
}

if (args.Length > 1)
{
    File.WriteAllLines(args[1], run.GeneratorDiagnostics.Where(d => d.Id == "ACG010").Select(d => d.GetMessage()));
}

if (args.Length > 2)
{
    var problems = run.CompilationProblems;
    Console.WriteLine($"compile: {problems.Count(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)} errors, {problems.Count(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)} warnings");
    foreach (var d in problems.Take(20)) Console.WriteLine(d);
}
