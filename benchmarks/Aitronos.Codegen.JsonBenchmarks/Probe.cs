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
        double stjBest = double.MaxValue, oursBest = double.MaxValue;
        for (int round = 0; round < 12; round++)
        {
            stjBest = Math.Min(stjBest, Time(() => JsonSerializer.Deserialize(json, StjJsonContext.Default.Label), Iterations));
            oursBest = Math.Min(oursBest, Time(() => JsonSerializer.Deserialize(json, GeneratedTypes.Label), Iterations));
        }

        Console.WriteLine($"ReadLabel best of 12: STJ {stjBest:F0} ns, ours {oursBest:F0} ns, ours/STJ {oursBest / stjBest:F2}x");
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
