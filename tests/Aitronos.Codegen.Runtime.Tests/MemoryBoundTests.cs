using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;
using Xunit.Abstractions;
using static Aitronos.Codegen.Runtime.Tests.RetryTests;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// Allocation and heap measurements are process-wide, so these tests run alone, after the parallel ones: nothing else
/// allocates while they count.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryBoundCollection
{
    public const string Name = "Memory bounds (runs alone)";
}

/// <summary>
/// What the client holds in memory when the server sends far too much (a 50 MB error body) or is called very often
/// (thousands of calls, a hundred at a time), against a real Kestrel server on 127.0.0.1.
/// </summary>
[Collection(MemoryBoundCollection.Name)]
public sealed class MemoryBoundTests(ITestOutputHelper output)
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;
    private const int Mebibyte = 1024 * 1024;

    /// <summary>
    /// Calls in the load test: 10,000 by default (about 10 s on two cores); <c>AITRONOS_LOAD_CALLS</c> sets another count
    /// (CI on a slow machine, or a longer soak).
    /// </summary>
    private static int LoadCalls
        => int.TryParse(Environment.GetEnvironmentVariable("AITRONOS_LOAD_CALLS"), NumberStyles.None, CultureInfo.InvariantCulture, out var calls) && calls > 0
            ? calls
            : 10_000;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Fifty_megabyte_error_body_is_kept_as_a_capped_prefix_that_says_it_was_truncated(bool declaresLength)
    {
        await using var server = await Scripted(ctx => WriteHugeErrorAsync(ctx, declaresLength));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);
        await WarmUpAsync(transport);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var exception = await Assert.ThrowsAsync<InternalServerException>(() => GetTextAsync(transport));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine($"3 attempts of a 50 MB 502 body: {allocated / 1024.0 / 1024.0:0.0} MiB allocated in the process, server included");
        Assert.Equal(3, exception.Attempts);
        Assert.Equal(3, server.Requests.Count - 1);
        Assert.Equal(2, clock.Delays.Count);
        var note = declaresLength
            ? $"(response body truncated: {Mebibyte} of {FiftyMegabytes} bytes kept)"
            : $"(response body truncated: the first {Mebibyte} bytes kept)";
        foreach (var attempt in exception.PreviousAttempts.Append(exception))
        {
            Assert.Equal(502, attempt.StatusCode);
            // The first mebibyte, with the echoed key masked.
            Assert.Equal(Mebibyte - ApiKey.Length + "***".Length, attempt.RawBody!.Length);
            Assert.StartsWith("<html><body>502: upstream said ***", attempt.RawBody, StringComparison.Ordinal);
            Assert.True(attempt.IsRawBodyTruncated);
            Assert.Equal(declaresLength ? FiftyMegabytes : null, attempt.RawBodyLength);
            Assert.Contains(note, attempt.Message, StringComparison.Ordinal);
        }

        ResponseFaultTests.AssertNoSecret(exception);
        // Three bodies read whole would be 150 MB as bytes and twice that as text; three capped ones are a few MB.
        Assert.True(allocated < 64L * Mebibyte, $"the 50 MB error bodies cost {allocated:N0} bytes of allocations");
    }

    [Fact]
    public async Task A_hundred_megabyte_download_is_streamed_with_a_few_megabytes_allocated()
    {
        const long HundredMegabytes = 100L * 1024 * 1024;
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            if (ctx.Request.Path == "/v1/warm-up")
            {
                await LoopbackServer.RespondAsync(ctx, 200, "{}");
                return;
            }

            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = "application/octet-stream";
            ctx.Response.ContentLength = HundredMegabytes;
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i] = (byte)i;
            }

            for (long sent = 0; sent < HundredMegabytes; sent += chunk.Length)
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
            }
        });
        using var transport = Transport(server, new VirtualRetryClock());
        await WarmUpAsync(transport);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        long received = 0;
        long sum = 0;
        using (var request = transport.CreateRequest(HttpMethod.Get, "/download"))
        await using (var stream = await transport.CallForStreamAsync(request, ApiAuth.ApiKey, default))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0)
            {
                received += read;
                for (var i = 0; i < read; i++)
                {
                    sum += buffer[i];
                }
            }
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine($"a 100 MB download read through the client: {allocated / 1024.0 / 1024.0:0.0} MiB allocated in the process, server included");
        Assert.Equal(HundredMegabytes, received);
        // Every 64 KB chunk holds 0..255 256 times over: the bytes are the server's, in full.
        Assert.Equal((HundredMegabytes / (64 * 1024)) * 256L * (255 * 256 / 2), sum);

        // Buffered, the body alone would be 100 MB (more as a growing MemoryStream); streamed, a few buffers.
        Assert.True(allocated < 16L * Mebibyte, $"the 100 MB download cost {allocated:N0} bytes of allocations");
    }

    [Fact]
    public async Task Ten_thousand_calls_a_hundred_at_a_time_all_succeed_with_their_own_answers_and_memory_stays_flat()
    {
        const int Concurrency = 100;
        var calls = LoadCalls;
        await using var server = await LoopbackServer.StartUnrecordedAsync(ctx =>
        {
            // The answer names the request, so that a response given to the wrong call would show.
            var id = ctx.Request.Path.Value!.Substring("/v1/items/".Length);
            return LoopbackServer.RespondAsync(ctx, 200, $$"""{"status":"item_{{id}}","message":null}""");
        });
        using var transport = TestApi.Transport(server, options => options.ApiKey = ApiKey);

        var warmUp = Math.Min(1_000, calls);
        Assert.Equal(0, await RunCallsAsync(transport, warmUp, Concurrency));
        var heapAfterWarmUp = GC.GetTotalMemory(forceFullCollection: true);
        var elapsed = Stopwatch.StartNew();

        var failed = await RunCallsAsync(transport, calls, Concurrency);

        elapsed.Stop();
        var heapAtEnd = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine(
            $"{calls:N0} calls at concurrency {Concurrency} in {elapsed.Elapsed.TotalSeconds:0.0} s; "
            + $"heap after a warm-up of {warmUp:N0} calls {heapAfterWarmUp / 1024.0 / 1024.0:0.00} MiB, at the end {heapAtEnd / 1024.0 / 1024.0:0.00} MiB");
        Assert.Equal(0, failed);
        Assert.Equal(warmUp + calls, server.RequestCount);
        // Flat: what the calls leave behind must not grow with their number (a leak of even 1 KB a call would be 10 MB).
        Assert.True(
            heapAtEnd - heapAfterWarmUp < 4L * Mebibyte,
            $"the heap grew from {heapAfterWarmUp:N0} to {heapAtEnd:N0} bytes over {calls:N0} calls");
    }

    /// <summary><paramref name="count"/> GETs on <paramref name="concurrency"/> workers; returns how many failed or got another call's answer.</summary>
    private static async Task<int> RunCallsAsync(ApiTransport transport, int count, int concurrency)
    {
        var next = -1;
        var failed = 0;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                try
                {
                    var id = i.ToString(CultureInfo.InvariantCulture);
                    var request = transport.CreateRequest(HttpMethod.Get, "/items/" + id, "/items/{item_id}");
                    var result = await transport.CallAsync(request, ApiAuth.ApiKey, TestJsonContext.Default.TestConnectionResult, default);
                    if (result.Status != "item_" + id)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
                catch (ApiException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        await Task.WhenAll(workers);
        return failed;
    }

    /// <summary>One small call, so that the connection pool and the JIT's first allocations are not counted.</summary>
    private static async Task WarmUpAsync(ApiTransport transport)
    {
        using var request = transport.CreateRequest(HttpMethod.Get, "/warm-up");
        await transport.CallAsync(request, ApiAuth.ApiKey, new ApiRequestOptions { MaxRetries = 0 }, default);
    }

    /// <summary>
    /// The first request gets a small 200; the rest a 502 whose body begins with the key the server was sent, then
    /// runs on to 50 MB from one reused buffer, so that the server allocates next to nothing while it sends.
    /// </summary>
    private static async Task WriteHugeErrorAsync(HttpContext ctx, bool declaresLength)
    {
        if (ctx.Request.Path == "/v1/warm-up")
        {
            await LoopbackServer.RespondAsync(ctx, 200, "{}");
            return;
        }

        ctx.Response.StatusCode = 502;
        ctx.Response.ContentType = "text/html";
        if (declaresLength)
        {
            ctx.Response.ContentLength = FiftyMegabytes;
        }

        var head = Encoding.ASCII.GetBytes($"<html><body>502: upstream said {ctx.Request.Headers["X-API-Key"]}");
        var filler = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        try
        {
            await ctx.Response.Body.WriteAsync(head, ctx.RequestAborted);
            for (var sent = head.Length; sent < FiftyMegabytes; sent += filler.Length)
            {
                await ctx.Response.Body.WriteAsync(filler.AsMemory(0, Math.Min(filler.Length, FiftyMegabytes - sent)), ctx.RequestAborted);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.IO.IOException)
        {
            // The client stopped reading after its first mebibyte and dropped the connection, as it should.
        }
    }
}
