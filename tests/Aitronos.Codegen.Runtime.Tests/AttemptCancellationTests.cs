using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;
using static Aitronos.Codegen.Runtime.Tests.RetryTests;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// The reused cancellation sources of attempts: a source comes back only when nothing canceled it, and the caller's token
/// of an ended attempt no longer reaches it.
/// </summary>
public sealed class AttemptCancellationTests
{
    [Fact]
    public void Caller_token_of_an_ended_attempt_does_not_cancel_later_attempts()
    {
        using var caller = new CancellationTokenSource();
        using (AttemptCancellation.Start(caller.Token, Timeout.InfiniteTimeSpan, RetryClock.System))
        {
        }

        // Later attempts may be handed the very source the ended one had.
        var later = Enumerable.Range(0, 16).Select(_ => AttemptCancellation.Start(CancellationToken.None, Timeout.InfiniteTimeSpan, RetryClock.System)).ToArray();
        caller.Cancel();

        Assert.All(later, attempt => Assert.False(attempt.Token.IsCancellationRequested, "an ended attempt's caller token canceled a later attempt"));
        foreach (var attempt in later)
        {
            attempt.Dispose();
        }
    }

    [Fact]
    public async Task Source_whose_timeout_fired_is_never_handed_out_again()
    {
        var timedOut = AttemptCancellation.Start(CancellationToken.None, TimeSpan.FromMilliseconds(1), RetryClock.System);
        var token = timedOut.Token;
        await Task.Delay(Timeout.Infinite, token).ContinueWith(_ => { }, TaskScheduler.Default);
        timedOut.Dispose();

        var later = Enumerable.Range(0, 16).Select(_ => AttemptCancellation.Start(CancellationToken.None, Timeout.InfiniteTimeSpan, RetryClock.System)).ToArray();

        Assert.All(later, attempt => Assert.False(attempt.Token.IsCancellationRequested, "a timed-out source came back"));
        Assert.All(later, attempt => Assert.NotEqual(token, attempt.Token));
        foreach (var attempt in later)
        {
            attempt.Dispose();
        }
    }

    [Fact]
    public void Caller_cancellation_reaches_the_running_attempt()
    {
        using var caller = new CancellationTokenSource();
        using var attempt = AttemptCancellation.Start(caller.Token, TimeSpan.FromMinutes(5), RetryClock.System);

        caller.Cancel();

        Assert.True(attempt.IsCancellationRequested);
    }

    [Fact]
    public async Task Calls_after_a_timed_out_call_and_a_canceled_call_on_one_transport_are_not_canceled_by_them()
    {
        var stalls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path.Value!.EndsWith("/slow", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref stalls);
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            await LoopbackServer.RespondAsync(context, 200, "ok", "text/plain");
        });
        using var transport = TestApi.Transport(server, options => (options.ApiKey, options.Timeout, options.MaxRetries) = (ApiKey, TimeSpan.FromMilliseconds(500), 0));

        await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.CallForStringAsync(transport.CreateRequest(System.Net.Http.HttpMethod.Get, "/slow"), ApiAuth.ApiKey, default));
        using (var caller = new CancellationTokenSource())
        {
            var canceled = transport.CallForStringAsync(transport.CreateRequest(System.Net.Http.HttpMethod.Get, "/slow"), ApiAuth.ApiKey, caller.Token);
            caller.CancelAfter(200);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);
        }

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal("ok", await GetTextAsync(transport));
        }

        Assert.Equal(2, Volatile.Read(ref stalls));
    }
}
