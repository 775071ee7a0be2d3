using System;
using System.Diagnostics;
using System.Text.Json;
using Aitronos.Codegen.JsonBenchmarks.Stj;

namespace Aitronos.Codegen.JsonBenchmarks;

/// <summary>
/// A quick alternating timing loop of the small-model read, for work in progress (<c>-- --probe</c>): the two sides
/// take turns in one process, so a noisy machine slows both alike. Results are claimed only from BenchmarkDotNet.
/// </summary>
internal static class Probe
{
    public static void ReadLabel()
    {
        byte[] json = Payloads.Label();
        const int Iterations = 200_000;
        double stjBest = double.MaxValue, extBest = double.MaxValue, oursBest = double.MaxValue, directBest = double.MaxValue;
        for (int round = 0; round < 12; round++)
        {
            directBest = Math.Min(directBest, Time(() => Aitronos.Codegen.Runtime.ApiTransport.DeserializeJson(json, GeneratedTypes.Label), Iterations));
            stjBest = Math.Min(stjBest, Time(() => JsonSerializer.Deserialize(json, StjJsonContext.Default.Label), Iterations));
            extBest = Math.Min(extBest, Time(() => JsonSerializer.Deserialize(json, StjJsonContext.Default.LabelWithExtensionData), Iterations));
            oursBest = Math.Min(oursBest, Time(() => JsonSerializer.Deserialize(json, GeneratedTypes.Label), Iterations));
        }

        Console.WriteLine($"ReadLabel best of 12: STJ {stjBest:F0} ns ({Allocated(() => JsonSerializer.Deserialize(json, StjJsonContext.Default.Label))} B), "
            + $"STJ with extension data {extBest:F0} ns ({Allocated(() => JsonSerializer.Deserialize(json, StjJsonContext.Default.LabelWithExtensionData))} B), "
            + $"ours {oursBest:F0} ns ({Allocated(() => JsonSerializer.Deserialize(json, GeneratedTypes.Label))} B); ours/STJ {oursBest / stjBest:F2}x, ours/STJ with extension data {oursBest / extBest:F2}x; "
            + $"ours as the client reads it (ApiTransport.DeserializeJson) {directBest:F0} ns ({Allocated(() => Aitronos.Codegen.Runtime.ApiTransport.DeserializeJson(json, GeneratedTypes.Label))} B), {directBest / stjBest:F2}x");
    }

    public static void WriteLabel()
    {
        byte[] json = Payloads.Label();
        var stj = JsonSerializer.Deserialize(json, StjJsonContext.Default.Label)!;
        var ours = JsonSerializer.Deserialize(json, GeneratedTypes.Label)!;
        Func<byte[]> direct = () => Aitronos.Codegen.Runtime.ApiTransport.SerializeJson(ours, GeneratedTypes.Label);
        const int Iterations = 400_000;
        double stjBest = double.MaxValue, oursBest = double.MaxValue, directBest = double.MaxValue;
        for (int round = 0; round < 12; round++)
        {
            stjBest = Math.Min(stjBest, Time(() => JsonSerializer.SerializeToUtf8Bytes(stj, StjJsonContext.Default.Label), Iterations));
            oursBest = Math.Min(oursBest, Time(() => JsonSerializer.SerializeToUtf8Bytes(ours, GeneratedTypes.Label), Iterations));
            directBest = Math.Min(directBest, Time(direct, Iterations));
        }

        Console.WriteLine($"WriteLabel best of 12: STJ {stjBest:F0} ns, ours through JsonSerializer {oursBest:F0} ns, ours as the client sends it (ApiTransport.SerializeJson) {directBest:F0} ns; "
            + $"ours/STJ {oursBest / stjBest:F2}x, direct/STJ {directBest / stjBest:F2}x");
    }

    /// <summary>Bytes allocated per read of the bigger payloads, both sides (deterministic: no timing).</summary>
    public static void ReadAllocations()
    {
        byte[] repository = Payloads.FullRepository();
        byte[] list = Payloads.FullRepositoryList(100);
        Console.WriteLine($"ReadFullRepository allocated: STJ {Allocated(() => JsonSerializer.Deserialize(repository, StjJsonContext.Default.FullRepository))} B, "
            + $"ours {Allocated(() => JsonSerializer.Deserialize(repository, GeneratedTypes.FullRepository))} B");
        Console.WriteLine($"ReadFullRepositoryList (100) allocated: STJ {Allocated(() => JsonSerializer.Deserialize(list, StjJsonContext.Default.IReadOnlyListFullRepository))} B, "
            + $"ours {Allocated(() => JsonSerializer.Deserialize(list, GeneratedTypes.FullRepositoryList))} B");
    }

    private static long Allocated<T>(Func<T> read)
    {
        read();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            read();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
    }

    private static double Time<T>(Func<T> read, int iterations)
    {
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++)
        {
            read();
        }

        return watch.Elapsed.TotalNanoseconds / iterations;
    }
}
