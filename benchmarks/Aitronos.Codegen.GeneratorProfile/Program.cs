using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

// Where the generator's time and bytes go, for one or more spec files, side by side in one process:
//   read   = Microsoft.OpenApi 3.x parsing the document alone (the floor while we read with that library)
//   locate = indexing the text for diagnostic locations (JSON pointer -> line and column)
//   read+model = the generator's reader alone (Microsoft.OpenApi read, locations, model), called directly
//   models step = the same step as the driver timed it inside a whole run
//   total  = a whole cold generator run (read, model, emit)
//   parse  = the C# compiler parsing what we emitted
//   edit   = a rerun after one property is added to one component schema (the IDE's cost of a spec edit)
// plus files, lines and bytes of the output. Times are medians of --runs runs after a warm-up.
// --check also compiles the output and prints its errors and warnings (slow on big specs); --compile times the C#
// compiler emitting an assembly from the output (median of --runs), the in-process share of a consumer's build.
// --loop N only runs the whole generator N times (the workload for dotnet-trace).
// --webhooks generates the webhooks' payload types too (the item's Webhooks="true").
// --stages splits the reader's time the way SpecReader.ReadCore runs it: parse, component schemas, operations, and
// locating the diagnostics (medians of --runs); emit is the whole run minus the models step.
// --walk times the pointer walks alone on a JSON spec (the UTF-8 reader walk, the char walk, Roslyn's line index and ours).
//   dotnet run -c Release --project benchmarks/Aitronos.Codegen.GeneratorProfile -- [--runs 5] [--dump DIR] [--check] [--webhooks] SPEC...
int runs = 5;
const int WarmUpRounds = 2;   // whole rounds run before the measured ones: the JIT's tiers and the heap settle in them
string? dump = null;
bool check = false;
bool compile = false;
bool stages = false;
bool walk = false;   // times the pointer walks of locating diagnostics alone: the UTF-8 reader walk, the char walk, the line index
bool webhooks = false;
int loop = 0;
var specs = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--dump": dump = args[++i]; break;
        case "--check": check = true; break;
        case "--compile": compile = true; break;
        case "--stages": stages = true; break;
        case "--walk": walk = true; break;
        case "--webhooks": webhooks = true; break;
        case "--loop": loop = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: specs.Add(args[i]); break;
    }
}

if (specs.Count == 0)
{
    Console.Error.WriteLine("usage: GeneratorProfile [--runs N] [--dump DIR] SPEC...");
    return 2;
}

Console.WriteLine("| spec | files | lines | bytes | read ms | locate ms | read+model ms | models step ms | total ms | total/read | parse ms | edit ms | edit/read | edit outputs changed |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
foreach (string path in specs)
{
    string text = File.ReadAllText(path);
    string extension = Path.GetExtension(path);
    var file = new SpecFile(
        "/bench/" + Path.GetFileNameWithoutExtension(path) + ".openapi" + extension,
        text,
        webhooks ? new Dictionary<string, string> { ["AitronosWebhooks"] = "true" } : null);
    string format = extension == ".json" ? OpenApiConstants.Json : OpenApiConstants.Yaml;
    if (loop > 0)
    {
        // Whole cold generator runs and nothing else: the workload to put under dotnet-trace.
        CSharpCompilation looped = GeneratorHarness.CreateCompilation();
        for (int r = 0; r < loop; r++)
        {
            TimeSpan jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            GeneratorHarness.CreateDriver(new[] { file }).RunGenerators(looped);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {r + 1}: {watch.Elapsed.TotalMilliseconds:F0} ms, of it JIT {(System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds:F0} ms ({System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore:N0} methods compiled)"));
        }

        continue;
    }


    // Every measure is taken once per round, the rounds one after the other, so that all of them see the same state of
    // the process (JIT tiers, heap) and the machine's noise alike; the first rounds only warm up. Medians of --runs.
    var input = new Aitronos.Codegen.Model.SpecInput(file.Path, text, new Aitronos.Codegen.Model.SpecOptions(null, null, null, null, webhooks ? "true" : null, "Consumer"));
    CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
    string? edited = AddPropertyToFirstComponent(text, extension);   // one property added to one component schema
    var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
    ImmutableArray<GeneratedSourceResult> sources = default;
    List<Diagnostic> errors = new();
    int changed = 0;
    for (int round = -WarmUpRounds; round < runs; round++)
    {
        // A value for a measure, kept once the warm-up rounds are over.
        void Record(string measure, double value)
        {
            if (round >= 0)
            {
                (samples.TryGetValue(measure, out var list) ? list : samples[measure] = new List<double>()).Add(value);
            }
        }

        void Sample(string measure, Func<double> run)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Record(measure, run());
        }

        Sample("read", () => Timed(() => OpenApiDocument.Parse(text, format, ReaderSettings())));
        // The read's own garbage is collected by whoever allocates next while its document lives: the floor's read above
        // starts from a collected heap and ends before any collection, so it never pays that. Measured here: the same
        // read, then the gen0 collection its allocations would bring, with the document alive.
        Sample("read+collect", () =>
        {
            OpenApiReaderSettings settings = ReaderSettings();
            var watch = Stopwatch.StartNew();
            ReadResult kept = OpenApiDocument.Parse(text, format, settings);
            double readMs = watch.Elapsed.TotalMilliseconds;
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            double ms = watch.Elapsed.TotalMilliseconds;
            GC.KeepAlive(kept);
            Record("collect", ms - readMs);
            return ms;
        });
        Sample("locate", () => Timed(() => new Aitronos.Codegen.Reading.SpecLocator(file.Path, text).ForPointer("#/none")));
        Sample("model", () => Timed(() => Aitronos.Codegen.Reading.SpecReader.Read(input, CancellationToken.None)));
        Sample("total", () =>
        {
            TimeSpan pausedBefore = GC.GetTotalPauseDuration();
            int gen0Before = GC.CollectionCount(0), gen1Before = GC.CollectionCount(1), gen2Before = GC.CollectionCount(2);
            var watch = Stopwatch.StartNew();
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { file }).RunGenerators(compilation);
            double ms = watch.Elapsed.TotalMilliseconds;
            Record("total GC pause", (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);
            Record("total collections", (GC.CollectionCount(0) - gen0Before) * 10_000 + (GC.CollectionCount(1) - gen1Before) * 100 + (GC.CollectionCount(2) - gen2Before));
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            Record("models step", result.TrackedSteps.TryGetValue("Models", out var steps) ? steps.Sum(s => s.ElapsedTime.TotalMilliseconds) : double.NaN);

            sources = result.GeneratedSources;
            errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            return ms;
        });
        if (edited is not null)
        {
            // Replayed on a driver that generated the original, as the IDE does on a keystroke in the spec.
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { file }, out IReadOnlyList<AdditionalText> texts).RunGenerators(compilation);
            Sample("edit", () =>
            {
                var replaced = driver.ReplaceAdditionalText(texts[0], new GeneratorHarness.InMemoryAdditionalText(file.Path, edited));
                var watch = Stopwatch.StartNew();
                replaced = replaced.RunGenerators(compilation);
                double ms = watch.Elapsed.TotalMilliseconds;
                changed = CountChangedOutputs(driver, replaced);
                return ms;
            });
        }

        Sample("parse", () => Timed(() =>
        {
            foreach (GeneratedSourceResult source in sources)
            {
                CSharpSyntaxTree.ParseText(source.SourceText).GetRoot();
            }
        }));
    }

    double Med(string measure)
    {
        if (!samples.TryGetValue(measure, out var list) || list.Count == 0)
        {
            return double.NaN;
        }

        list.Sort();
        return list[list.Count / 2];
    }

    double read = Med("read"), locate = Med("locate"), model = Med("model"), total = Med("total"), parse = Med("parse"), edit = Med("edit");
    double modelsStep = Med("models step");

    long bytes = 0, lines = 0;
    foreach (GeneratedSourceResult source in sources)
    {
        string s = source.SourceText.ToString();
        bytes += Encoding.UTF8.GetByteCount(s);
        lines += source.SourceText.Lines.Count;
    }

    foreach (Diagnostic error in errors)
    {
        Console.Error.WriteLine("generator error: " + error);
    }

    Console.WriteLine(string.Join(" | ", new[]
    {
        "| " + Path.GetFileName(path),
        sources.Length.ToString(CultureInfo.InvariantCulture),
        lines.ToString("N0", CultureInfo.InvariantCulture),
        bytes.ToString("N0", CultureInfo.InvariantCulture),
        read.ToString("F0", CultureInfo.InvariantCulture),
        locate.ToString("F0", CultureInfo.InvariantCulture),
        model.ToString("F0", CultureInfo.InvariantCulture),
        modelsStep.ToString("F0", CultureInfo.InvariantCulture),
        total.ToString("F0", CultureInfo.InvariantCulture),
        (total / read).ToString("F2", CultureInfo.InvariantCulture) + "x",
        parse.ToString("F0", CultureInfo.InvariantCulture),
        edit.ToString("F0", CultureInfo.InvariantCulture),
        (edit / read).ToString("F2", CultureInfo.InvariantCulture) + "x",
        changed.ToString(CultureInfo.InvariantCulture) + " of " + sources.Length.ToString(CultureInfo.InvariantCulture) + " |",
    }));

    double totalPause = Med("total GC pause");
    int collections = (int)Med("total collections");
    Console.WriteLine($"GC in a whole run {Path.GetFileName(path)}: pause {totalPause:F0} ms, collections gen0/gen1/gen2 {collections / 10_000}/{collections / 100 % 100}/{collections % 100} (medians of {runs}; a gen1 collection counts as gen0 too, a gen2 as all three)");
    double readCollect = Med("read+collect"), collect = Med("collect");
    Console.WriteLine($"read then collect {Path.GetFileName(path)}: the read {readCollect - collect:F0} ms, then a gen0 collection with its document alive {collect:F0} ms; "
        + $"total/(read + collection) {total / readCollect:F2}x, edit/(read + collection) {edit / readCollect:F2}x (medians of {runs})");

    if (stages)
    {
        var split = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Time(string stage, Action action)
        {
            TimeSpan pausedBefore = GC.GetTotalPauseDuration();
            int gen2Before = GC.CollectionCount(2);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            action();
            string allocStage = stage + " MB allocated";
            (split.TryGetValue(allocStage, out var allocList) ? allocList : split[allocStage] = new List<double>()).Add((GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1e6);
            (split.TryGetValue(stage, out var list) ? list : split[stage] = new List<double>()).Add(watch.Elapsed.TotalMilliseconds);
            string gcStage = stage + " GC pause";
            (split.TryGetValue(gcStage, out var gcList) ? gcList : split[gcStage] = new List<double>()).Add((GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds);
            string fullStage = stage + " full GCs";
            (split.TryGetValue(fullStage, out var fullList) ? fullList : split[fullStage] = new List<double>()).Add(GC.CollectionCount(2) - gen2Before);
        }

        // What a whole cold run allocates (deterministic, unlike its GC pauses on a shared machine), and of it the reader's.
        GC.Collect();
        long runBefore = GC.GetAllocatedBytesForCurrentThread();
        GeneratorDriver allocDriver = GeneratorHarness.CreateDriver(new[] { file }).RunGenerators(compilation);
        double runMb = (GC.GetAllocatedBytesForCurrentThread() - runBefore) / 1e6;
        GC.KeepAlive(allocDriver);
        long modelBefore = GC.GetAllocatedBytesForCurrentThread();
        Aitronos.Codegen.Reading.SpecReader.Read(input, CancellationToken.None);
        double modelMb = (GC.GetAllocatedBytesForCurrentThread() - modelBefore) / 1e6;
        Console.WriteLine($"allocated {Path.GetFileName(path)}: whole run {runMb:F0} MB, reader alone {modelMb:F0} MB, the rest (emit and driver) {runMb - modelMb:F0} MB");

        for (int r = 0; r <= runs; r++)
        {
            GC.Collect();   // as before every timed run: the previous round's document is garbage
            OpenApiReaderSettings settings = ReaderSettings();
            OpenApiDocument? document = null;
            Time("parse", () => document = OpenApiDocument.Parse(text, format, settings).Document);
            var context = new Aitronos.Codegen.Reading.ReadContext(new Aitronos.Codegen.Reading.SpecLocator(file.Path, text));
            var schemas = new Aitronos.Codegen.Reading.SchemaReader(context, document!, new HashSet<string>(StringComparer.Ordinal) { "BenchClient", "BenchClientOptions", "BenchJsonContext", "JsonConverter" });
            Time("components", () => schemas.ReadAllComponents(System.Threading.CancellationToken.None));
            var operations = new Aitronos.Codegen.Reading.OperationReader(context, schemas, new Aitronos.Codegen.Reading.SecurityReader(context, document!), document!, null);
            Time("operations", () => operations.Read("BenchClient", System.Threading.CancellationToken.None));
            Time("diagnostics", () => _ = context.LocateDiagnostics().Count);
            if (r == 0)
            {
                split.Clear();   // the first round warms up
            }
        }

        Console.WriteLine($"stages {Path.GetFileName(path)}: " + string.Join(", ", split.Select(pair =>
        {
            pair.Value.Sort();
            return pair.Key + " " + pair.Value[pair.Value.Count / 2].ToString("F0", CultureInfo.InvariantCulture) + " ms";
        })) + $" (medians of {runs}; emit = total - models step)");
    }

    if (walk && extension == ".json")
    {
        // Every component schema's key wanted (and its ancestors): what a spec with a diagnostic per schema asks for.
        var wanted = new HashSet<string>(StringComparer.Ordinal) { "/", "/components", "/components/schemas" };
        if (System.Text.Json.Nodes.JsonNode.Parse(text)?["components"]?["schemas"] is System.Text.Json.Nodes.JsonObject all)
        {
            foreach (var pair in all)
            {
                wanted.Add(Aitronos.Codegen.Reading.PointerIndex.Child("/components/schemas", pair.Key));
            }
        }

        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (int round = -WarmUpRounds; round < runs; round++)
        {
            foreach (var (name, action) in new (string, Action)[]
            {
                ("reader walk", () => Aitronos.Codegen.Reading.PointerIndex.TryWalkJsonUtf8(text, wanted, new Dictionary<string, (int, int)>())),
                ("char walk", () => Aitronos.Codegen.Reading.PointerIndex.TryWalkJson(text, wanted, new Dictionary<string, (int, int)>())),
                ("Roslyn's line index", () => _ = Microsoft.CodeAnalysis.Text.SourceText.From(text).Lines.Count),
                ("our line index", () => _ = new Aitronos.Codegen.Reading.LineStarts(text).Count),
            })
            {
                GC.Collect();
                double ms = Timed(action);
                if (round >= 0)
                {
                    (times.TryGetValue(name, out var list) ? list : times[name] = new List<double>()).Add(ms);
                }
            }
        }

        Console.WriteLine($"walk {Path.GetFileName(path)} ({wanted.Count} pointers wanted): " + string.Join(", ", times.Select(pair =>
        {
            pair.Value.Sort();
            return pair.Key + " " + pair.Value[pair.Value.Count / 2].ToString("F1", CultureInfo.InvariantCulture) + " ms";
        })) + $" (medians of {runs})");
    }

    if (compile)
    {
        Compilation withOutput = compilation.AddSyntaxTrees(sources.Select(s => CSharpSyntaxTree.ParseText(s.SourceText, (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: s.HintName)));
        var emits = new List<double>();
        for (int round = -WarmUpRounds; round < runs; round++)
        {
            // A fresh compilation each time: a compilation caches what it has bound.
            var fresh = withOutput.RemoveAllSyntaxTrees().AddSyntaxTrees(withOutput.SyntaxTrees);
            GC.Collect();
            var watch = Stopwatch.StartNew();
            var result = fresh.Emit(Stream.Null);
            if (round >= 0)
            {
                emits.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (!result.Success)
            {
                throw new InvalidOperationException("The output does not compile: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
            }
        }

        emits.Sort();
        double emit = emits[emits.Count / 2];
        Console.WriteLine($"compile {Path.GetFileName(path)}: {emit.ToString("F0", CultureInfo.InvariantCulture)} ms to emit the output (median of {runs})");
    }

    if (check)
    {
        var problems = GeneratorHarness.Run(new[] { file }, compilation).CompilationProblems;
        Console.WriteLine($"compiled {Path.GetFileName(path)}: {problems.Count(p => p.Severity == DiagnosticSeverity.Error)} errors, {problems.Count(p => p.Severity == DiagnosticSeverity.Warning)} warnings");
        foreach (var problem in problems.Take(20))
        {
            Console.WriteLine("  " + problem);
        }
    }

    if (dump is not null)
    {
        string dir = Path.Combine(dump, Path.GetFileNameWithoutExtension(path));
        Directory.CreateDirectory(dir);
        foreach (GeneratedSourceResult source in sources)
        {
            File.WriteAllText(Path.Combine(dir, source.HintName), source.SourceText.ToString());
        }
    }
}

return 0;

// Microsoft.OpenApi's reader as a user would call it (its default rules), YAML included.
static OpenApiReaderSettings ReaderSettings()
{
    var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
    settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
    return settings;
}

static double Timed(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed.TotalMilliseconds;
}

static int CountChangedOutputs(GeneratorDriver before, GeneratorDriver after)
{
    var old = before.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    return after.GetRunResult().Results.Single().GeneratedSources.Count(s => !old.TryGetValue(s.HintName, out string? t) || t != s.SourceText.ToString());
}

// Adds "x_bench_added": {"type": "string"} as the first property of the first component schema that has properties;
// null when there is none (the edit column then reads NaN).
static string? AddPropertyToFirstComponent(string text, string extension)
{
    if (extension == ".json")
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        if ((root["components"]?["schemas"] ?? root["definitions"]) is not System.Text.Json.Nodes.JsonObject schemas)
        {
            return null;
        }

        foreach (var pair in schemas)
        {
            if (pair.Value?["properties"] is System.Text.Json.Nodes.JsonObject props)
            {
                props["x_bench_added"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "string" };
                return root.ToJsonString();
            }
        }

        return null;
    }

    // YAML: insert after the first "properties:" line under components, keeping its indentation.
    string[] lines = text.Split('\n');
    int components = Array.FindIndex(lines, l => l.TrimEnd() == "components:" || l.TrimEnd() == "definitions:");
    for (int i = Math.Max(components, 0); i < lines.Length - 1; i++)
    {
        if (lines[i].TrimEnd().EndsWith("properties:", StringComparison.Ordinal) && lines[i].TrimStart() == "properties:" )
        {
            string indent = new string(' ', lines[i + 1].Length - lines[i + 1].TrimStart().Length);
            var list = lines.ToList();
            list.Insert(i + 1, indent + "x_bench_added:\n" + indent + "  type: string");
            return string.Join("\n", list);
        }
    }

    return null;
}
