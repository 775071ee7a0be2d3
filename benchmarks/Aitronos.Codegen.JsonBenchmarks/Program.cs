// JSON reading and writing of Aitronos.Codegen's generated models vs System.Text.Json's own source generator
// (JsonSerializerContext) on the same shapes: a ~90-property repository (~24 KB), a list of 100 of them (~2.4 MB), a
// 5-property label. Run from the repository root (Release; about 5 minutes on a 2-core machine):
//
//   dotnet run -c Release --project benchmarks/Aitronos.Codegen.JsonBenchmarks -- --filter '*'
//
// One scenario: --filter '*ReadFullRepository*' (classes: ReadFullRepository, WriteFullRepository,
// ReadFullRepositoryList, WriteFullRepositoryList, ReadLabel, WriteLabel). Only the round-trip check: -- --check.
// Any other BenchmarkDotNet option works too (--job short, --runtimes, --exporters json, ...).
// On a shared, noisy machine: -- --alternate [ROUNDS] (a timed harness: the variants take turns in each round, and the
// ratios are taken within each round; Alternating.cs).
using System;
using System.Linq;
using Aitronos.Codegen.JsonBenchmarks;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

var failures = RoundTripCheck.Run();
if (failures.Count > 0)
{
    Console.Error.WriteLine("The two sides do not read and write the payloads alike; nothing was timed:");
    foreach (string failure in failures)
    {
        Console.Error.WriteLine("  - " + failure);
    }

    return 1;
}

Console.WriteLine($"Round trip checked: payloads of {Payloads.FullRepository().Length:N0} bytes (full repository), "
    + $"{Payloads.FullRepositoryList(100).Length:N0} bytes (list of 100), {Payloads.Label().Length:N0} bytes (label); both sides write them back byte for byte.");
if (args.Contains("--check"))
{
    return 0;
}

if (args.Contains("--loop-read-label"))
{
    Alternating.LoopReadLabel(10);
    return 0;
}

if (Array.IndexOf(args, "--alternate") is int at and >= 0)
{
    // The timed harness for this noisy machine: the variants take turns in one process (see Alternating.cs).
    Alternating.Run(at + 1 < args.Length && int.TryParse(args[at + 1], out int rounds) ? rounds : 101);
    return 0;
}

if (args.Contains("--probe"))
{
    // The quick form of --alternate, for work in progress (it replaced a loop of its own that timed the label alone).
    Alternating.Run(21);
    return 0;
}

// A shared 2-core machine: one launch, three warmups, ten measured iterations of 250 ms per benchmark. A --job given
// on the command line replaces this one; --inProcess skips BenchmarkDotNet's own build of the project (about a
// minute here) at some cost in isolation.
IConfig config = DefaultConfig.Instance
    .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithIterationTime(TimeInterval.FromMilliseconds(250)).WithId("3w10i").AsDefault())
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory)
    .HideColumns(Column.Categories)
    .WithOptions(ConfigOptions.JoinSummary);

BenchmarkSwitcher.FromAssembly(typeof(Payloads).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
return 0;
