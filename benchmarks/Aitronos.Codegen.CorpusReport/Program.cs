using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

// Runs the generator over every spec in ../shared/corpus and prints one Markdown table: does it generate,
// does the output compile, which diagnostics, and how long generation took (median of --runs runs after a warm-up).
//   dotnet run -c Release --project benchmarks/Aitronos.Codegen.CorpusReport [-- --runs 5] [--dump DIR] [--only NAME] [--spec FILE]...
// --spec adds a spec outside the corpus (GitHub's from ../shared/corpus-large/fetch.sh); with --spec and no --only, only those.
int runs = 5;
string? dump = null;
string? only = null;
var extra = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--dump": dump = args[++i]; break;
        case "--only": only = args[++i]; break;
        case "--spec": extra.Add(Path.GetFullPath(args[++i])); break;
    }
}

if (Corpus.Directory is null)
{
    Console.Error.WriteLine(Corpus.MissingMessage);
    return 2;
}

// Warm-up: JIT the reader and the emitters once so the first spec is not charged for it.
GeneratorHarness.Run(new[] { GeneratorHarness.LoadTestSpecOrNull() ?? Corpus.Load(Corpus.Specs().First()) });

Console.WriteLine("| spec | generates | compiles (errors/warnings) | types | diagnostics | generation ms (median) |");
Console.WriteLine("|---|---|---|---|---|---|");
int failures = 0;
var specs = extra.Count > 0 && only is null ? extra : Corpus.Specs().Where(s => only is null || s.Contains(only, StringComparison.Ordinal)).Concat(extra);
foreach (string spec in specs)
{
    SpecFile file = extra.Contains(spec)
        ? new SpecFile("/specs/" + Path.GetFileNameWithoutExtension(spec) + ".openapi" + Path.GetExtension(spec), File.ReadAllText(spec))
        : Corpus.Load(spec);
    var times = new List<double>();
    GeneratorRun? run = null;
    for (int r = 0; r < runs; r++)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { file });
        var watch = Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation);
        watch.Stop();
        times.Add(watch.Elapsed.TotalMilliseconds);
        run ??= GeneratorHarness.Run(driver, compilation);
    }

    times.Sort();
    var problems = run!.CompilationProblems;
    int errors = problems.Count(d => d.Severity == DiagnosticSeverity.Error);
    int warnings = problems.Count - errors;
    bool generates = run.Sources.Length > 0 && !run.GeneratorDiagnostics.Any(d => d.Id == "ACG003");
    if (!generates || errors > 0 || warnings > 0)
    {
        failures++;
    }

    string ids = string.Join(", ", run.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
    Console.WriteLine($"| {spec} | {(generates ? "yes" : "NO")} | {(errors == 0 && warnings == 0 ? "yes" : "NO")} ({errors}/{warnings}) | {run.Sources.Length} | {(ids.Length == 0 ? "none" : ids)} | {times[times.Count / 2].ToString("F1", CultureInfo.InvariantCulture)} |");

    if (dump is not null)
    {
        string dir = Path.Combine(dump, spec.Replace('/', '_'));
        Directory.CreateDirectory(dir);
        foreach (var source in run.Sources)
        {
            File.WriteAllText(Path.Combine(dir, source.HintName), source.SourceText.ToString());
        }

        File.WriteAllLines(Path.Combine(dir, "_problems.txt"), problems.Select(p => p.ToString()).Concat(run.GeneratorDiagnostics.Select(d => d.ToString())));
    }
}

Console.WriteLine();
Console.WriteLine($"{failures} spec(s) did not generate a cleanly compiling client.");
return failures == 0 ? 0 : 1;
