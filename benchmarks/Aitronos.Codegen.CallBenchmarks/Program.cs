// One generated call vs the same request written by hand (HttpClient + System.Text.Json source generation), against
// one Kestrel server on 127.0.0.1. Run from the repository root (Release; a few minutes on a 2-core machine):
//
//   dotnet run -c Release --project benchmarks/Aitronos.Codegen.CallBenchmarks -- --filter '*'
//
// The server runs in a child process (this program with --serve), so that the allocations BenchmarkDotNet counts,
// which are the whole process's, are the client's alone. Both sides send the same request (method, path, API key
// header, User-Agent, JSON body) and read the same 200 answer; CallBenchmarks checks that before timing anything.
// `-- --probe`: bytes per call of each side and of parts of the generated call, in seconds, without BenchmarkDotNet.
using System;
using System.Threading.Tasks;
using Aitronos.Codegen.CallBenchmarks;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

if (args.Length == 1 && args[0] == LoopbackApi.ServeArgument)
{
    await LoopbackApi.ServeUntilStdinClosesAsync();
    return 0;
}

if (args.Length == 1 && args[0] == "--probe")
{
    await AllocationProbe.RunAsync(20_000);
    return 0;
}

// The benchmark process BenchmarkDotNet starts inherits this and starts the server from it.
Environment.SetEnvironmentVariable(LoopbackApi.ServerAssemblyVariable, typeof(LoopbackApi).Assembly.Location);

// A shared 2-core machine: one launch, five warmups, fifteen measured iterations of 250 ms per benchmark. A --job given
// on the command line replaces this one.
IConfig config = DefaultConfig.Instance
    .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15).WithIterationTime(TimeInterval.FromMilliseconds(250)).WithId("5w15i").AsDefault())
    .AddDiagnoser(MemoryDiagnoser.Default)
    .HideColumns(Column.Error, Column.StdDev)
    .WithOptions(ConfigOptions.JoinSummary);

BenchmarkSwitcher.FromAssembly(typeof(LoopbackApi).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
return 0;
