#:property ManagePackageVersionsCentrally=false
#:package Microsoft.CodeAnalysis.CSharp@4.14.0
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
// Compiles each DIR's *.cs (all subfolders) in process with Roslyn, alternating DIR1, DIR2, ... for RUNS rounds after
// one untimed round, and prints the median wall and CPU time per DIR. For comparing variants of generated output side
// by side (GeneratorProfile --dump DIR, then edit a copy): e.g. with and without a construct, or ours vs Kiota's output
// (EXTRA_REFS=colon-separated assemblies, such as Kiota's packages). References: the framework's System.* assemblies
// and RUNTIME_DLL. Doc comments as in a build without /doc unless DOC=parse|diagnose. A .NET 10 file-based app:
//   dotnet run benchmarks/CompileDirs/CompileDirs.cs -- RUNS RUNTIME_DLL DIR[=DLL]...
// A DIR=DLL argument compiles DIR against DLL instead of RUNTIME_DLL (e.g. output of an older commit with its runtime).
int runs = int.Parse(args[0]);
string runtime = args[1];
var dirs = args.Skip(2).ToArray();
MetadataReference RuntimeOf(string d) => MetadataReference.CreateFromFile(d.Contains('=') ? d[(d.IndexOf('=') + 1)..] : runtime);
var refs = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
    .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).Concat((Environment.GetEnvironmentVariable("EXTRA_REFS") ?? "").Split(":", StringSplitOptions.RemoveEmptyEntries).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))).ToList();
var times = dirs.ToDictionary(d => d, d => new List<double>());
var cpu = dirs.ToDictionary(d => d, d => new List<double>());
// csc without /doc (a build without GenerateDocumentationFile) reads doc comments as plain comments; DOC=parse|diagnose
// parses (and with diagnose binds) them as a build with /doc does.
var docMode = (Environment.GetEnvironmentVariable("DOC") ?? "none") switch { "parse" => DocumentationMode.Parse, "diagnose" => DocumentationMode.Diagnose, _ => DocumentationMode.None };
var parse = new CSharpParseOptions(LanguageVersion.Latest, docMode);
for (int i = 0; i <= runs; i++)
  foreach (var d in dirs)
  {
    GC.Collect(); var cpu0 = Process.GetCurrentProcess().TotalProcessorTime; var sw = Stopwatch.StartNew();
    var trees = Directory.GetFiles(d.Split('=')[0], "*.cs", SearchOption.AllDirectories).Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)).ToList();
    var c = CSharpCompilation.Create("X", trees, refs.Append(RuntimeOf(d)), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
    using var ms = new MemoryStream();
    var r = c.Emit(ms);
    sw.Stop();
    if (i == 0) { Console.WriteLine($"{d}: {r.Diagnostics.Count(x => x.Severity == DiagnosticSeverity.Error)} errors, {ms.Length} bytes"); foreach (var e in r.Diagnostics.Where(x => x.Severity == DiagnosticSeverity.Error).Take(3)) Console.WriteLine(e); continue; }
    times[d].Add(sw.Elapsed.TotalSeconds); cpu[d].Add((Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds);
  }
foreach (var d in dirs) { var cp = cpu[d].OrderBy(x => x).ToList(); Console.WriteLine($"{d}: cpu median {cp[cp.Count / 2]:F2} s, min {cp[0]:F2} s  (in run order: {string.Join(" ", cpu[d].Select(x => x.ToString("F2")))})"); }
foreach (var d in dirs) { var t = times[d].OrderBy(x => x).ToList(); Console.WriteLine($"{d}: median {t[t.Count / 2]:F2} s, min {t[0]:F2} s  (in run order: {string.Join(" ", times[d].Select(x => x.ToString("F2")))})"); }
