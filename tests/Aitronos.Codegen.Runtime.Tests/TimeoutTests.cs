using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;
using static Aitronos.Codegen.Runtime.Tests.RetryTests;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// Timeouts per attempt and per call against a real Kestrel server that is slow on purpose, and how they stay distinct
/// from the caller's cancellation. Timeouts run in real time (a few hundred milliseconds); waits between attempts in
/// virtual time.
/// </summary>
public sealed class TimeoutTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);   // long enough for a request to reach a loaded machine's server

    /// <summary>Answers only after the client has given up (or the server stops).</summary>
    private static async Task Stall(HttpContext ctx) => await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted);

    [Fact]
    public async Task Attempts_that_time_out_are_retried_for_a_get_until_one_answers()
    {
        await using var server = await Scripted(Stall, Stall, Answer(200, "ok"));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock, options => options.Timeout = Short);

        Assert.Equal("ok", await GetTextAsync(transport));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, clock.Delays.Count);
    }

    [Fact]
    public async Task Every_attempt_timing_out_gives_an_api_timeout_exception_that_counts_them()
    {
        await using var server = await Scripted(Stall);
        using var transport = Transport(server, new VirtualRetryClock(), options => options.Timeout = Short);

        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => GetTextAsync(transport));

        Assert.Equal(3, exception.Attempts);
        Assert.Equal(Short, exception.Timeout);
        Assert.EndsWith("did not complete within 1 s (ApiClientOptions.Timeout). (after 3 attempts)", exception.Message);
        Assert.All(exception.PreviousAttempts, previous => Assert.IsType<ApiTimeoutException>(previous));
        Assert.Equal(2, exception.PreviousAttempts.Count);
    }

    [Fact]
    public async Task Post_that_timed_out_is_not_sent_again()
    {
        await using var server = await Scripted(Stall, Answer(200, """{"status":"succeeded"}"""));
        using var transport = Transport(server, new VirtualRetryClock(), options => options.Timeout = Short);
        using var request = transport.CreateRequest(HttpMethod.Post, "/jobs");
        request.Content = new StringContent("{}");

        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.CallForStringAsync(request, ApiAuth.ApiKey, default));

        Assert.Single(server.Requests);
        Assert.Contains("(not retried: the server may have carried out the POST already", exception.Message);
    }

    [Fact]
    public async Task Slow_body_is_bounded_by_the_timeout_when_the_client_reads_it()
    {
        await using var server = await Scripted(async ctx =>
        {
            // Headers and the first bytes at once, then nothing: only the body read can time out.
            ctx.Response.ContentLength = 1000;
            await ctx.Response.Body.WriteAsync("{\"status\":"u8.ToArray());
            await ctx.Response.Body.FlushAsync();
            await Stall(ctx);
        });
        using var transport = Transport(server, new VirtualRetryClock(), options => (options.Timeout, options.MaxRetries) = (Short, 0));
        var elapsed = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => GetTextAsync(transport));

        Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Contains("ApiClientOptions.Timeout", exception.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_during_an_attempt_is_not_a_timeout_and_is_not_retried()
    {
        await using var server = await Scripted(Stall);
        using var transport = Transport(server, new VirtualRetryClock(), options => options.Timeout = TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(Short);

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GetTextAsync(transport, cancellationToken: cancellation.Token));

        Assert.IsNotType<ApiTimeoutException>(exception);
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_during_the_wait_between_attempts_ends_the_call()
    {
        await using var server = await Scripted(Answer(503, "{}"));
        // The real clock, waiting a minute between attempts: the cancellation must cut the wait short.
        using var transport = TestApi.Transport(server, options =>
            (options.InitialRetryDelay, options.MaxRetryDelay) = (TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
        using var cancellation = new CancellationTokenSource(Short);
        var elapsed = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GetTextAsync(transport, cancellationToken: cancellation.Token));

        Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Call_timeout_bounds_the_whole_call_and_is_not_retried()
    {
        await using var server = await Scripted(Stall);
        using var transport = Transport(server, new VirtualRetryClock(), options =>
            (options.Timeout, options.CallTimeout) = (TimeSpan.FromSeconds(30), Short));

        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => GetTextAsync(transport));

        Assert.Equal(Short, exception.Timeout);
        Assert.EndsWith("did not complete within 1 s (ApiClientOptions.CallTimeout).", exception.Message);
        Assert.Equal(1, exception.Attempts);
        // Not retried. On a loaded machine the call's second can run out before the one request reaches the server.
        Assert.InRange(server.Requests.Count, 0, 1);
    }

    [Fact]
    public async Task Call_timeout_counts_the_attempts_made_before_it_ran_out()
    {
        await using var server = await Scripted(Answer(500, "{}"), Stall);
        using var transport = Transport(server, new VirtualRetryClock(), options =>
            (options.Timeout, options.CallTimeout) = (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(2)));

        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => GetTextAsync(transport));

        Assert.Equal(2, exception.Attempts);
        Assert.Equal(500, Assert.Single(exception.PreviousAttempts).StatusCode);
        Assert.Contains("ApiClientOptions.CallTimeout", exception.Message);
    }

    [Fact]
    public async Task Per_call_timeout_overrides_the_clients_and_says_so()
    {
        await using var server = await Scripted(Stall);
        using var transport = Transport(server, new VirtualRetryClock(), options => options.Timeout = TimeSpan.FromSeconds(30));

        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() =>
            GetTextAsync(transport, new ApiRequestOptions { Timeout = Short, MaxRetries = 0 }));

        Assert.Equal(Short, exception.Timeout);
        Assert.Contains("did not complete within 1 s (ApiRequestOptions.Timeout).", exception.Message);
    }

    [Fact]
    public async Task Per_call_timeout_applies_through_a_scope_too()
    {
        await using var server = await Scripted(Stall);
        using var transport = Transport(server, new VirtualRetryClock(), options => options.Timeout = TimeSpan.FromSeconds(30));

        using (ApiRequestOptions.BeginScope(new ApiRequestOptions { CallTimeout = Short }))
        {
            var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => GetTextAsync(transport));
            Assert.Contains("(ApiRequestOptions.CallTimeout)", exception.Message);
        }

        Assert.Single(server.Requests);
    }
}
