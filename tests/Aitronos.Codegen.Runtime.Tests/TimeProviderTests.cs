using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Aitronos.Codegen.Runtime.Tests.RetryTests;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// <see cref="ApiClientOptions.TimeProvider"/> against a real Kestrel server: retry waits, timeouts and token lifetimes
/// on a <see cref="FakeTimeProvider"/>, so that waits of minutes take milliseconds and the clock the test reads is the one
/// the client waited on.
/// </summary>
public sealed class TimeProviderTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Retry_after_is_waited_on_the_time_provider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var seen = new ConcurrentQueue<DateTimeOffset>();
        await using var server = await Scripted(
            Stamped(time, seen, Answer(429, """{"detail":"slow down"}""", ("Retry-After", "120"))),
            Stamped(time, seen, Answer(200, "ok")));
        using var transport = TestApi.Transport(server, options =>
        {
            options.ApiKey = ApiKey;
            options.TimeProvider = time;
            options.MaxRetryAfter = TimeSpan.FromMinutes(5);
        });

        var watch = Stopwatch.StartNew();
        var text = await RunInVirtualTime(time, GetTextAsync(transport));

        Assert.Equal("ok", text);
        var stamps = seen.ToArray();
        Assert.Equal(2, stamps.Length);
        var waited = stamps[1] - stamps[0];
        // Virtual time also moves on while the answer and the next request travel (a step per few real milliseconds).
        Assert.True(waited >= TimeSpan.FromSeconds(120) && waited <= TimeSpan.FromSeconds(150), $"the second attempt came {waited} (virtual) after the first, not the 120 s Retry-After asked");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"the call took {watch.Elapsed} of real time: the wait did not run on the TimeProvider");
    }

    [Fact]
    public async Task Attempt_timeout_fires_when_the_time_provider_passes_it_and_not_before()
    {
        await using var server = await Scripted(Stall);
        var time = new FakeTimeProvider();
        using var transport = TestApi.Transport(server, options =>
        {
            options.ApiKey = ApiKey;
            options.TimeProvider = time;
            options.Timeout = TimeSpan.FromMinutes(10);
            options.MaxRetries = 0;
        });

        var call = GetTextAsync(transport);
        await WaitUntil(() => server.RequestCount == 1);
        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        await Task.Delay(200);
        Assert.False(call.IsCompleted, "the call ended before the TimeProvider reached its timeout: " + call.Exception?.InnerException?.Message);

        time.Advance(TimeSpan.FromSeconds(1));
        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TimeSpan.FromMinutes(10), exception.Timeout);
        Assert.Contains("did not complete within 600 s (ApiClientOptions.Timeout)", exception.Message);
    }

    [Fact]
    public async Task Call_timeout_runs_on_the_time_provider_and_stops_retries_that_would_pass_it()
    {
        await using var server = await Scripted(Answer(503, "busy", ("Retry-After", "30")));
        var time = new FakeTimeProvider();
        using var transport = TestApi.Transport(server, options =>
        {
            options.ApiKey = ApiKey;
            options.TimeProvider = time;
            options.MaxRetries = 10;
            options.CallTimeout = TimeSpan.FromSeconds(100);
        });

        var exception = await Assert.ThrowsAsync<InternalServerException>(() => RunInVirtualTime(time, GetTextAsync(transport)));

        // Attempts at 0, 30, 60 and 90 s (virtual); a fifth, 30 s later, would pass the 100 s budget.
        Assert.Equal(4, exception.Attempts);
        Assert.Equal(4, server.RequestCount);
        Assert.Contains("would pass ApiClientOptions.CallTimeout (100 s)", exception.Message);
    }

    [Fact]
    public async Task Oauth_token_expiry_follows_the_time_provider()
    {
        var tokens = new TokenServer { ExpiresIn = 3600 };
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        var time = new FakeTimeProvider();
        using var transport = AuthSchemes.Transport(server, options =>
        {
            (options.ClientId, options.ClientSecret) = ("client-tp", "secret-tp");
            options.TimeProvider = time;
        });
        var oauth = new ApiSecurityRequirement(AuthSchemes.OAuth);

        await AuthSchemes.GetAsync(transport, "/a", oauth);
        time.Advance(TimeSpan.FromSeconds(3530));
        await AuthSchemes.GetAsync(transport, "/b", oauth);
        time.Advance(TimeSpan.FromSeconds(20)); // 3550 s: within the last 60 s of the token's life
        await AuthSchemes.GetAsync(transport, "/c", oauth);

        Assert.Equal(2, TokenServer.TokenRequests(server).Length);
        Assert.Equal(new[] { "Bearer tok-1", "Bearer tok-1", "Bearer tok-2" }, TokenServer.ApiRequests(server).Select(r => r.Header("Authorization")));
    }

    [Fact]
    public void Time_provider_is_the_system_one_by_default_and_refuses_null()
    {
        var options = new ApiClientOptions();

        Assert.Same(TimeProvider.System, options.TimeProvider);
        Assert.Same(RetryClock.System, options.RetryClock);
        Assert.Throws<ArgumentNullException>(() => options.TimeProvider = null!);
    }

    /// <summary>Answers only after the client has given up (or the server stops).</summary>
    private static async Task Stall(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Records the virtual time at which each request arrives.</summary>
    private static Func<HttpContext, Task> Stamped(TimeProvider time, ConcurrentQueue<DateTimeOffset> seen, Func<HttpContext, Task> answer)
        => context =>
        {
            seen.Enqueue(time.GetUtcNow());
            return answer(context);
        };

    /// <summary>Moves virtual time on in small steps, letting real work (requests) happen between them, until the call ends.</summary>
    private static async Task<T> RunInVirtualTime<T>(FakeTimeProvider time, Task<T> call)
    {
        for (var i = 0; i < 4_000 && !call.IsCompleted; i++)
        {
            await Task.Delay(5);
            time.Advance(Step);
        }

        Assert.True(call.IsCompleted, "the call did not end within 1000 s of virtual time");
        return await call;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 1_000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "timed out waiting for the server to see the request");
    }
}
