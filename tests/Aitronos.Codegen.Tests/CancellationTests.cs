using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace Aitronos.Codegen.Tests;

/// <summary>A cancelled run (an IDE keystroke) stops promptly on a large spec, wherever it was: parse, model or emit.</summary>
/// <remarks>
/// Times are taken where things happen, not where a test continuation gets to run: the run is on its own thread and
/// stamps its own end, the test thread stamps the moment it calls <c>Cancel()</c>. A marker output registered after all
/// of the generator's stamps when the generator's work ended; a cancellation after that is not the generator's to see,
/// and is reported, not counted. Garbage-collection pauses inside the latency are reported and taken out of it, and a slow
/// try beside a full collection is retried: a missing check is work that goes on, a collection is the runtime's. (CI
/// once saw three 130-317 ms "latencies" at one point, measured through a continuation against the length of a slower
/// kind of run; a loaded machine here once held a cancelled run for seconds beside a build.)
/// </remarks>
[Collection(BoundsCollection.Name)]
public sealed class CancellationTests
{
    private const int LatencyBudgetMs = 100;
    private readonly ITestOutputHelper _output;

    public CancellationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void ACancelledRunOnALargeSpecReturnsWithin100Milliseconds()
    {
        // 4 MB: most of a run is the library's parse, then the model and the emit.
        var spec = new SpecFile("/project/big.openapi.json", BoundsSpecs.Big(4_000_000));
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();

        // Warm-up: the JIT makes the first runs slower than the rest.
        var lengths = new List<double>();
        for (int i = 0; i < 4; i++)
        {
            RunOutcome whole = Run(spec, compilation, cancelAfterMs: null);
            Assert.False(whole.Cancelled);
            lengths.Add(whole.GeneratorEndMs);
        }

        var latencies = new List<double>();
        int inside = 0;
        foreach (double fraction in new[] { 0.1, 0.25, 0.4, 0.55, 0.7, 0.85 })
        {
            // Uncancelled runs with a token that can be cancelled (such a run reads on another thread), as the cancelled
            // ones run: the shortest of the last three is the length of the generator's work that the point is a
            // fraction of (parse, model and emit: the client file checks the token per operation, each type file before
            // it is written). The shortest, as a run only gets faster while the JIT warms up; one slow run says little.
            lengths.Add(Run(spec, compilation, cancelAfterMs: null).GeneratorEndMs);
            double generatorMs = lengths.Skip(lengths.Count - 3).Min();
            int delay = (int)(generatorMs * fraction);
            double best = double.MaxValue;
            bool landed = false;

            // Up to five tries, the best kept: a missing check is slow every time, a busy machine once. A slow try during
            // which a full collection ran is reported and not counted: a background collection can hold an allocating
            // thread for as long as it takes on a loaded machine (seconds were seen here, none of it in the pause times).
            for (int attempt = 0; attempt < 5 && best > LatencyBudgetMs; attempt++)
            {
                RunOutcome outcome = Run(spec, compilation, delay);
                double latency = outcome.Cancelled ? outcome.EndMs - outcome.CancelMs : outcome.GeneratorEndMs - outcome.CancelMs;
                latency = Math.Max(0, latency - outcome.PausedMs);
                string what = outcome.Cancelled
                    ? "threw OperationCanceledException " + outcome.ThrownAt
                    : outcome.CancelMs < outcome.GeneratorEndMs
                        ? "the generator went on to its end" // cancelled while it worked: the time it did not see it
                        : "the generator's work was over before Cancel()";
                bool inWork = outcome.Cancelled || outcome.CancelMs < outcome.GeneratorEndMs;
                bool counted = inWork && (latency <= LatencyBudgetMs || outcome.FullCollections == 0);
                if (counted)
                {
                    best = Math.Min(best, latency);
                    landed = true;
                }

                _output.WriteLine(FormattableString.Invariant(
                    $"generator work {generatorMs:F0} ms; Cancel() at {outcome.CancelMs:F0} ms (asked {delay}); generator end {outcome.GeneratorEndMs:F0} ms; run end {outcome.EndMs:F0} ms; GC pauses after Cancel() {outcome.PausedMs:F0} ms; full collections in the run {outcome.FullCollections}: {what}{(inWork && !counted ? " (not counted: slow beside a full collection)" : string.Empty)}"));
            }

            if (landed)
            {
                inside++;
                latencies.Add(best);
            }
        }

        Assert.True(inside >= 4, "Only " + inside + " of 6 cancellations landed inside the generator's work: the test measured too little");
        Assert.True(latencies.All(l => l <= LatencyBudgetMs), "Returned after Cancel() in " + string.Join(", ", latencies.Select(l => l.ToString("F0", System.Globalization.CultureInfo.InvariantCulture))) + " ms; the budget is " + LatencyBudgetMs + " ms");
    }

    /// <summary>One run on its own thread, cancelled <paramref name="cancelAfterMs"/> after its start (never when null).</summary>
    private static RunOutcome Run(SpecFile spec, CSharpCompilation compilation, int? cancelAfterMs)
    {
        var marker = new EndMarker();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new TimedGenerator(marker), new[] { spec }, out _);
        using var cancellation = new CancellationTokenSource();

        // What the last run left behind (a cancelled run's parse goes on to its end on its own thread) is let finish and
        // collected, so that it does not share this run's cores and heap.
        if (cancelAfterMs is not null)
        {
            Thread.Sleep(200);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        int fullCollections = GC.CollectionCount(2);
        long start = Stopwatch.GetTimestamp();
        long end = 0;
        TimeSpan endPause = default;
        bool cancelled = false;
        string? where = null;
        var thread = new Thread(() =>
        {
            try
            {
                driver.RunGenerators(compilation, cancellation.Token);
            }
            catch (OperationCanceledException e)
            {
                cancelled = true;
                where = e.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("Aitronos.Codegen.", StringComparison.Ordinal));
            }

            end = Stopwatch.GetTimestamp();
            endPause = GC.GetTotalPauseDuration();
        });
        thread.Start();
        long cancelAt = 0;
        TimeSpan cancelPause = default;
        if (cancelAfterMs is { } delay && !thread.Join(delay))
        {
            cancelPause = GC.GetTotalPauseDuration();
            cancelAt = Stopwatch.GetTimestamp();
            cancellation.Cancel();
        }

        thread.Join();
        fullCollections = GC.CollectionCount(2) - fullCollections;
        double endMs = Ms(start, end), generatorEndMs = Ms(start, marker.At == 0 ? end : marker.At);
        if (cancelAt == 0)
        {
            return new RunOutcome(cancelled, endMs, generatorEndMs, endMs, 0, fullCollections, where);
        }

        // Pauses that ended after Cancel() and before the run (or the generator's work) did.
        TimeSpan paused = (marker.At != 0 && !cancelled ? marker.Pause : endPause) - cancelPause;
        return new RunOutcome(cancelled, Ms(start, cancelAt), generatorEndMs, endMs, Math.Max(0, paused.TotalMilliseconds), fullCollections, where);
    }

    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private readonly record struct RunOutcome(bool Cancelled, double CancelMs, double GeneratorEndMs, double EndMs, double PausedMs, int FullCollections, string? ThrownAt);

    private sealed class EndMarker
    {
        public long At;
        public TimeSpan Pause;
    }

    /// <summary>The generator, then one output registered after all of its own: the driver runs outputs in order.</summary>
    private sealed class TimedGenerator : IIncrementalGenerator
    {
        private readonly EndMarker _marker;

        public TimedGenerator(EndMarker marker) => _marker = marker;

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            new OpenApiClientGenerator().Initialize(context);
            context.RegisterSourceOutput(context.CompilationProvider, (_, _) =>
            {
                _marker.At = Stopwatch.GetTimestamp();
                _marker.Pause = GC.GetTotalPauseDuration();
            });
        }
    }
}
