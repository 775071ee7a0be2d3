using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Aitronos.Codegen.JsonBenchmarks.Stj;
using Aitronos.Codegen.Runtime;

namespace Aitronos.Codegen.JsonBenchmarks;

/// <summary>
/// A timed harness for a shared, noisy machine (<c>-- --alternate [ROUNDS]</c>): every variant of a scenario runs in
/// each round, in a rotating order, for the same number of operations (about 5 ms), so that a slow patch of the
/// machine slows all of them alike. A variant's ratio to STJ's source generator is taken within each round and the
/// median of those ratios is reported, beside each variant's median time and its allocations per operation
/// (deterministic). BenchmarkDotNet runs the variants one after another, minutes apart, which on this machine moves
/// single ratios by 30% and more.
/// </summary>
internal static class Alternating
{
    public static void Run(int rounds)
    {
        byte[] label = Payloads.Label();
        byte[] repository = Payloads.FullRepository();
        byte[] list = Payloads.FullRepositoryList(100);

        Console.WriteLine($"Alternating, {rounds} rounds; per variant: median ns per operation, median of the per-round ratios to STJ's source generator, bytes allocated per operation.");
        Scenario("ReadLabel", rounds, Reads(label, StjJsonContext.Default.Label, GeneratedTypes.Label,
            ("StjSourceGenExtensionData", () => JsonSerializer.Deserialize(label, StjJsonContext.Default.LabelWithExtensionData))));
        Scenario("WriteLabel", rounds, Writes(label, StjJsonContext.Default.Label, StjMetadataJsonContext.Default.Label, GeneratedTypes.Label));
        Scenario("ReadFullRepository", rounds, Reads(repository, StjJsonContext.Default.FullRepository, GeneratedTypes.FullRepository));
        Scenario("WriteFullRepository", rounds, Writes(repository, StjJsonContext.Default.FullRepository, StjMetadataJsonContext.Default.FullRepository, GeneratedTypes.FullRepository));
        Scenario("ReadFullRepositoryList", rounds, Reads(list, StjJsonContext.Default.IReadOnlyListFullRepository, GeneratedTypes.FullRepositoryList));
        Scenario("WriteFullRepositoryList", rounds, Writes(list, StjJsonContext.Default.IReadOnlyListFullRepository, StjMetadataJsonContext.Default.IReadOnlyListFullRepository, GeneratedTypes.FullRepositoryList));
    }

    /// <summary>A read's variants: STJ's source generator, any others beside it, ours through JsonSerializer, ours as the client reads.</summary>
    private static (string Name, Func<object?> Operation)[] Reads<TStj, TOurs>(byte[] json, JsonTypeInfo<TStj> stj, JsonTypeInfo<TOurs> ours, params (string Name, Func<object?> Operation)[] besideStj) =>
    [
        ("StjSourceGen", () => JsonSerializer.Deserialize(json, stj)),
        .. besideStj,
        ("AitronosGenerated", () => JsonSerializer.Deserialize(json, ours)),
        ("AitronosGeneratedAsRead", () => ApiTransport.DeserializeJson(json, ours)),
    ];

    /// <summary>A write's variants, of the values each side reads from <paramref name="json"/>: STJ's two modes, ours through JsonSerializer, ours as the client sends.</summary>
    private static (string Name, Func<object?> Operation)[] Writes<TStj, TOurs>(byte[] json, JsonTypeInfo<TStj> stj, JsonTypeInfo<TStj> stjMetadata, JsonTypeInfo<TOurs> ours)
    {
        TStj stjValue = JsonSerializer.Deserialize(json, stj)!;
        TOurs oursValue = JsonSerializer.Deserialize(json, ours)!;
        return
        [
            ("StjSourceGen", () => JsonSerializer.SerializeToUtf8Bytes(stjValue, stj)),
            ("StjSourceGenMetadata", () => JsonSerializer.SerializeToUtf8Bytes(stjValue, stjMetadata)),
            ("AitronosGenerated", () => JsonSerializer.SerializeToUtf8Bytes(oursValue, ours)),
            ("AitronosGeneratedAsSent", () => ApiTransport.SerializeJson(oursValue, ours)),
        ];
    }

    /// <summary>The client's label read alone for a number of seconds: the workload for <c>perf record</c>.</summary>
    public static void LoopReadLabel(double seconds)
    {
        byte[] label = Payloads.Label();
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (int i = 0; i < 10_000; i++)
            {
                ApiTransport.DeserializeJson(label, GeneratedTypes.Label);
            }

            count += 10_000;
        }

        Console.WriteLine($"{count:N0} label reads, {watch.Elapsed.TotalNanoseconds / count:F0} ns each");
    }

    private static void Scenario(string name, int rounds, params (string Name, Func<object?> Operation)[] variants)
    {
        // Warm up (tiered JIT to its optimized code), then size a round's share to about 5 ms of the first variant: short
        // turns, so that the machine's slow patches fall on all the variants alike.
        double first = 0;
        foreach (var variant in variants)
        {
            // Half a second each, so that tiered compilation has reached its optimized code.
            var warm = Stopwatch.StartNew();
            int done = 0;
            while (warm.ElapsedMilliseconds < 500)
            {
                variant.Operation();
                done++;
            }

            first = first == 0 ? warm.Elapsed.TotalNanoseconds / done : first;
        }

        int operations = Math.Max(1, (int)(5_000_000 / first));
        var times = variants.Select(_ => new List<double>()).ToArray();
        var ratios = variants.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            var thisRound = new double[variants.Length];
            for (int k = 0; k < variants.Length; k++)
            {
                int v = (k + round) % variants.Length;
                thisRound[v] = Time(variants[v].Operation, operations);
            }

            for (int v = 0; v < variants.Length; v++)
            {
                times[v].Add(thisRound[v]);
                ratios[v].Add(thisRound[v] / thisRound[0]);
            }
        }

        Console.WriteLine($"{name} ({operations:N0} operations per variant per round)");
        for (int v = 0; v < variants.Length; v++)
        {
            var sorted = ratios[v].OrderBy(r => r).ToList();
            Console.WriteLine($"  {variants[v].Name,-26} {Median(times[v]),10:N1} ns  ratio {Median(ratios[v]):F2} (middle half {sorted[sorted.Count / 4]:F2}-{sorted[sorted.Count * 3 / 4]:F2})  {Allocated(variants[v].Operation),9:N0} B");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static long Allocated(Func<object?> operation)
    {
        operation();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            operation();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
    }

    private static double Time(Func<object?> operation, int iterations)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++)
        {
            operation();
        }

        return watch.Elapsed.TotalNanoseconds / iterations;
    }
}
