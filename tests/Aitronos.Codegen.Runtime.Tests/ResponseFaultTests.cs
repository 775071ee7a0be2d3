using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;
using static Aitronos.Codegen.Runtime.Tests.RetryTests;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// A real Kestrel server that answers badly on purpose: a 200 whose JSON stops half-way (whole, or because the
/// connection broke), and a caller who cancels while the body is still arriving. The client's API key is configured, and
/// the server echoes it where it can: no exception may show it. Waits between attempts run in virtual time.
/// </summary>
public sealed class ResponseFaultTests
{
    /// <summary>A result cut off in the middle of a string, holding the key the server was sent.</summary>
    private static string TruncatedResult(HttpContext ctx) => $$"""{"status":"succeeded","message":"sent with {{ctx.Request.Headers["X-API-Key"]}}, then cut""";

    [Fact]
    public async Task Truncated_json_in_a_whole_200_body_is_a_format_exception_that_keeps_the_body_and_is_not_retried()
    {
        await using var server = await Scripted(ctx =>
        {
            ctx.Response.Headers["x-request-id"] = "req_truncated";
            return LoopbackServer.RespondAsync(ctx, 200, TruncatedResult(ctx));
        });
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(() => GetResultAsync(transport));

        Assert.Single(server.Requests);
        Assert.Equal(1, exception.Attempts);
        Assert.Empty(exception.PreviousAttempts);
        Assert.Empty(clock.Delays);
        Assert.Equal(200, exception.StatusCode);
        Assert.Equal("req_truncated", exception.RequestId);
        Assert.Equal("""{"status":"succeeded","message":"sent with ***, then cut""", exception.RawBody);
        Assert.False(exception.IsRawBodyTruncated);
        Assert.StartsWith("200 OK: the response body is not valid TestConnectionResult JSON", exception.Message);
        Assert.IsAssignableFrom<JsonException>(exception.InnerException);
        AssertNoSecret(exception);
    }

    [Fact]
    public async Task Truncated_json_after_a_503_counts_both_attempts()
    {
        await using var server = await Scripted(
            Answer(503, """{"detail":"busy"}"""),
            ctx => LoopbackServer.RespondAsync(ctx, 200, TruncatedResult(ctx)));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(() => GetResultAsync(transport));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(2, exception.Attempts);
        Assert.Equal(503, Assert.Single(exception.PreviousAttempts).StatusCode);
        Assert.Single(clock.Delays);
        Assert.EndsWith("(after 2 attempts)", exception.Message);
        AssertNoSecret(exception);
    }

    [Fact]
    public async Task Json_cut_off_by_a_broken_connection_is_a_connection_failure_retried_to_the_budget()
    {
        await using var server = await Scripted(async ctx =>
        {
            var json = Encoding.UTF8.GetBytes(TruncatedResult(ctx));
            // Promises more than it sends, then drops the connection: the client can tell the body was cut.
            ctx.Response.ContentLength = json.Length + 100;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.Body.WriteAsync(json);
            await ctx.Response.Body.FlushAsync();
            // Aborting at once can reset the connection before the flushed bytes leave: the client would see no response at all.
            await Task.Delay(200);
            ctx.Abort();
        });
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);

        var exception = await Assert.ThrowsAsync<ApiConnectionException>(() => GetResultAsync(transport));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(3, exception.Attempts);
        Assert.Equal(2, clock.Delays.Count);
        Assert.All(exception.PreviousAttempts, previous => Assert.IsType<ApiConnectionException>(previous));
        Assert.True(exception.Message.Contains("lost its connection while the response body was read", StringComparison.Ordinal), exception.Message);
        Assert.Null(exception.StatusCode);
        AssertNoSecret(exception);
    }

    [Fact]
    public async Task Caller_cancellation_while_the_body_arrives_is_an_operation_canceled_exception_with_that_token_and_not_retried()
    {
        var headersSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await Scripted(async ctx =>
        {
            ctx.Response.ContentLength = 10_000;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(TruncatedResult(ctx)));
            await ctx.Response.Body.FlushAsync();
            headersSent.TrySetResult();
            // The rest never comes while the client listens.
            await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted);
        });
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock, options => options.Timeout = TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource();

        var call = GetResultAsync(transport, cancellation.Token);
        await headersSent.Task.WaitAsync(TimeSpan.FromSeconds(20));
        cancellation.Cancel();
        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cancellation.Token, exception.CancellationToken);
        Assert.IsNotType<ApiTimeoutException>(exception);
        Assert.Single(server.Requests);
        Assert.Empty(clock.Delays);
        Assert.DoesNotContain(ApiKey, exception.ToString(), StringComparison.Ordinal);
    }

    internal static void AssertNoSecret(ApiException exception)
    {
        foreach (var failure in exception.PreviousAttempts.Append(exception))
        {
            Assert.DoesNotContain(ApiKey, failure.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(ApiKey, failure.RawBody ?? string.Empty, StringComparison.Ordinal);
        }
    }

    /// <summary>A GET of a JSON result, read within the attempt, as a generated method does it.</summary>
    private static Task<TestConnectionResult> GetResultAsync(ApiTransport transport, CancellationToken cancellationToken = default)
        => transport.CallAsync(transport.CreateRequest(HttpMethod.Get, "/connections/test"), ApiAuth.ApiKey, TestJsonContext.Default.TestConnectionResult, cancellationToken);
}
