using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aitronos.Codegen.Tests.Infrastructure;
using CsCheck;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// The generator on specs no one wrote on purpose: the corpus's JSON specs, each case mutated 1-4 times (nodes
/// deleted, duplicated, retyped, re-nested; dangling and cyclic <c>$ref</c>s; hostile names and descriptions; the text
/// cut short). Every case: no exception escapes the generator (no ACG003, no CS8785), and the output either compiles
/// with zero errors or the generator reported an error located in the spec.
/// </summary>
/// <remarks>
/// CI runs <see cref="DefaultCases"/> cases from a fixed seed; <c>AITRONOS_FUZZ_CASES=N</c> runs N, and
/// <c>AITRONOS_FUZZ_SEED=S</c> another seed (CsCheck prints a failing case's seed to replay it with <c>AITRONOS_FUZZ_SEED</c>).
/// </remarks>
public sealed class FuzzTests
{
    private const int DefaultCases = 24;

    private static readonly string[] s_hostile =
    {
        "class", "*/ #error x /*", "</summary><summary>", "\"; System.Environment.Exit(1); //", "back\\slash\\", "\u202Eevil\u202C",
        "\u2066iso\u2069", "zero\u200Bwidth", "\u0000nul\u0001", "line\nbreak\r\u2028\u2029\u0085", "@@@", "", " ", "123", "_", "Task",
        "System", "global::X", "a-b", "A_B", "aB", "\uD800lone", "\U0001F600", "`code`", "&amp;<>", "{id}", "#/components/schemas/x",
    };

    [SkippableFact]
    public void MutatedCorpusSpecsNeverCrashTheGeneratorAndCompileOrReportALocatedError()
    {
        Skip.If(Corpus.Directory is null, Corpus.MissingMessage);

        // JSON specs small enough to compile many times over (each case compiles its output).
        var specs = Corpus.Specs()
            .Where(s => s.EndsWith(".json", StringComparison.Ordinal) && new FileInfo(Path.Combine(Corpus.Directory!, s)).Length < 40_000)
            .ToArray();
        Assert.NotEmpty(specs);

        int cases = int.TryParse(Environment.GetEnvironmentVariable("AITRONOS_FUZZ_CASES"), out int n) ? n : DefaultCases;
        string seed = Environment.GetEnvironmentVariable("AITRONOS_FUZZ_SEED") is { Length: > 0 } s ? s : "0N0XIzNsQ0O2";

        Gen.Select(Gen.Int[0, specs.Length - 1], Gen.Int[1, 4], Gen.Int)
            .Sample((spec, mutations, mutationSeed) => Check(specs[spec], mutations, mutationSeed), iter: cases, threads: 1, seed: seed);
    }

    private static void Check(string spec, int mutations, int mutationSeed)
    {
        SpecFile original = Corpus.Load(spec);
        var random = new Random(mutationSeed);
        string text = Mutate(original.Text, mutations, random, out string applied);
        var file = original with { Text = text };

        GeneratorRun run = GeneratorHarness.Run(new[] { file });
        string context = $"{spec}, {applied}";

        Assert.False(run.GeneratorDiagnostics.Any(d => d.Id is "ACG003" or "CS8785"), context + ": the generator failed:\n" + GeneratorHarness.Format(run.GeneratorDiagnostics));
        var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count == 0)
        {
            return;
        }

        bool located = run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Location.GetLineSpan().Path == file.Path);
        Assert.True(located, context + ": the output does not compile and no error is located in the spec:\n" + GeneratorHarness.Format(errors.Take(10)));
    }

    private static string Mutate(string text, int count, Random random, out string applied)
    {
        JsonNode root = JsonNode.Parse(text)!;
        var done = new List<string>();
        for (int i = 0; i < count; i++)
        {
            var nodes = new List<(JsonNode Node, string Path)>();
            Collect(root, "$", nodes);
            (JsonNode node, string path) = nodes[random.Next(nodes.Count)];
            int kind = random.Next(8);
            done.Add(kind switch
            {
                0 => Delete(node) ? "delete " + path : "keep " + path,
                1 => Duplicate(root, node, nodes, random) + path,
                2 => Replace(node, Retyped(node, random)) ? "retype " + path : "keep " + path,
                3 => Replace(node, random.Next(2) == 0 ? new JsonArray(node.DeepClone()) : new JsonObject { ["x"] = node.DeepClone() }) ? "re-nest " + path : "keep " + path,
                4 => Replace(node, new JsonObject { ["$ref"] = random.Next(2) == 0 ? "#/components/schemas/Missing" + random.Next(9) : "#/nowhere/" + random.Next(9) }) ? "dangling $ref at " + path : "keep " + path,
                5 => Cycle(root, random),
                6 => Hostile(node, random) + path,
                _ => "truncate",
            });

            if (done[^1] == "truncate")
            {
                string whole = root.ToJsonString();
                applied = string.Join("; ", done);
                return whole.Substring(0, random.Next(whole.Length));
            }
        }

        applied = string.Join("; ", done);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static void Collect(JsonNode node, string path, List<(JsonNode, string)> nodes)
    {
        nodes.Add((node, path));
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        Collect(value, path + "." + key, nodes);
                    }
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        Collect(item, path + "[" + i + "]", nodes);
                    }
                }

                break;
        }
    }

    private static bool Delete(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                return obj.Remove(node.GetPropertyName());
            case JsonArray array:
                array.RemoveAt(node.GetElementIndex());
                return true;
            default:
                return false;
        }
    }

    private static bool Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                obj[node.GetPropertyName()] = replacement;
                return true;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement;
                return true;
            default:
                return false;
        }
    }

    private static string Duplicate(JsonNode root, JsonNode node, List<(JsonNode Node, string Path)> nodes, Random random)
    {
        var containers = nodes.Where(n => n.Node is JsonObject or JsonArray).ToList();
        JsonNode target = containers[random.Next(containers.Count)].Node;
        if (target is JsonObject obj)
        {
            // Under a name it may already have (a colliding duplicate) or a fresh one.
            string name = node.Parent is JsonObject && random.Next(2) == 0 ? node.GetPropertyName() + "_" : "dup" + random.Next(99);
            obj[name] = node.DeepClone();
        }
        else
        {
            ((JsonArray)target).Add(node.DeepClone());
        }

        return "duplicate ";
    }

    private static JsonNode? Retyped(JsonNode node, Random random) => (node.GetValueKind(), random.Next(5)) switch
    {
        (JsonValueKind.String, _) => random.Next(2) == 0 ? JsonValue.Create(42) : new JsonArray(),
        (_, 0) => JsonValue.Create("text"),
        (_, 1) => JsonValue.Create(-1.5),
        (_, 2) => JsonValue.Create(true),
        (_, 3) => null,
        _ => new JsonObject(),
    };

    private static string Cycle(JsonNode root, Random random)
    {
        if ((root as JsonObject)?["components"] is not JsonObject components || components["schemas"] is not JsonObject schemas || schemas.Count == 0)
        {
            return "no schemas to cycle";
        }

        var names = schemas.Select(p => p.Key).ToList();
        string a = names[random.Next(names.Count)];
        string b = names[random.Next(names.Count)];
        switch (random.Next(3))
        {
            case 0:
                schemas[a] = new JsonObject { ["$ref"] = "#/components/schemas/" + b };
                schemas[b] = new JsonObject { ["$ref"] = "#/components/schemas/" + a };
                return $"$ref cycle {a} <-> {b}";
            case 1:
                schemas[a] = new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/" + a }) };
                return $"allOf cycle {a}";
            default:
                schemas[a] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["self"] = new JsonObject { ["$ref"] = "#/components/schemas/" + a } }, ["required"] = new JsonArray("self") };
                return $"required self-reference {a}";
        }
    }

    private static string Hostile(JsonNode node, Random random)
    {
        string value = s_hostile[random.Next(s_hostile.Length)];
        if (node.Parent is JsonObject obj && random.Next(2) == 0)
        {
            // Rename the key: schema, property, path, response or parameter names.
            string old = node.GetPropertyName();
            obj.Remove(old);
            obj[value.Length == 0 ? "_" : value] = node;
            return "hostile key ";
        }

        return Replace(node, JsonValue.Create(value)) ? "hostile string " : "keep ";
    }
}
