using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// Retries against a real Kestrel server on 127.0.0.1 that misbehaves on purpose. Waits between attempts run in virtual
/// time (<see cref="VirtualRetryClock"/>) unless a test says otherwise; the requests themselves go over the wire.
/// </summary>
public sealed class RetryTests
{
    internal const string ApiKey = "ak_retry_secret_0123456789abcdef";

    [Fact]
    public async Task Rate_limit_with_retry_after_in_seconds_waits_exactly_that_long_then_succeeds()
    {
        await using var server = await Scripted(Answer(429, """{"detail":"slow down"}""", ("Retry-After", "3")), Answer(200, "ok"));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);

        Assert.Equal("ok", await GetTextAsync(transport));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, clock.Delays);
    }

    [Fact]
    public async Task Rate_limit_with_retry_after_as_an_http_date_waits_until_then_measured_from_the_responses_date()
    {
        // The server's clock says 2015, the client's says 2030: only the difference between the two headers counts, read as UTC.
        await using var server = await Scripted(
            Answer(429, null, ("Date", "Wed, 21 Oct 2015 07:28:00 GMT"), ("Retry-After", "Wed, 21 Oct 2015 07:28:07 GMT")),
            Answer(200, "ok"));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);

        Assert.Equal("ok", await GetTextAsync(transport));

        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, clock.Delays);
    }

    [Fact]
    public async Task Retry_after_ms_is_waited_for_and_wins_over_retry_after()
    {
        await using var server = await Scripted(
            Answer(503, "busy", ("retry-after-ms", "250"), ("Retry-After", "9")),
            Answer(200, "ok"));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);

        Assert.Equal("ok", await GetTextAsync(transport));

        Assert.Equal(new[] { TimeSpan.FromMilliseconds(250) }, clock.Delays);
    }

    [Theory]
    [InlineData("410400")] // 114 hours
    [InlineData("99999999999999999999999")]
    public async Task Absurd_retry_after_is_not_waited_for_and_the_rate_limit_exception_shows_it(string retryAfter)
    {
        await using var server = await Scripted(Answer(429, """{"success":false,"error":{"code":"RATE_LIMITED","message":"Slow down."}}""", ("Retry-After", retryAfter)));
        // The real clock: were the cap not applied, this test would wait for hours.
        using var transport = TestApi.Transport(server, options => options.InitialRetryDelay = TimeSpan.FromMilliseconds(5));
        var elapsed = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<RateLimitException>(() => GetTextAsync(transport));

        Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Single(server.Requests);
        Assert.True(exception.RetryAfter >= TimeSpan.FromHours(114), $"RetryAfter = {exception.RetryAfter}");
        Assert.Equal(1, exception.Attempts);
        Assert.StartsWith("429 RATE_LIMITED: Slow down. (not retried: the server asked to wait ", exception.Message);
        Assert.Contains("longer than ApiClientOptions.MaxRetryAfter (60 s))", exception.Message);
        Assert.Equal(retryAfter, exception.Headers["Retry-After"].Single());
    }

    [Fact]
    public async Task Html_502_then_200_succeeds_on_the_second_attempt_in_real_time()
    {
        await using var server = await Scripted(
            Answer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"),
            Answer(200, """{"status":"succeeded","message":null}"""));
        using var transport = TestApi.Transport(server, options => options.InitialRetryDelay = TimeSpan.FromMilliseconds(5));
        using var request = transport.CreateRequest(HttpMethod.Get, "/connections/test");

        var result = await transport.CallAsync(request, ApiAuth.None, TestJsonContext.Default.TestConnectionResult, default);

        Assert.Equal("succeeded", result.Status);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Repeated_503_beyond_the_budget_throws_the_last_failure_with_every_attempt_kept()
    {
        var attempt = 0;
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            var n = Interlocked.Increment(ref attempt);
            ctx.Response.Headers["x-request-id"] = $"req_{n}";
            // A server that echoes the key it was sent must not leak it into the exceptions.
            return LoopbackServer.RespondAsync(ctx, 503, $$$"""{"success":false,"error":{"code":"UNAVAILABLE","message":"Busy {{{n}}}, key {{{ctx.Request.Headers["X-API-Key"]}}}."}}""");
        });
        var clock = new VirtualRetryClock { Jitter = 0.5 };
        using var transport = Transport(server, clock);

        var exception = await Assert.ThrowsAsync<InternalServerException>(() => GetTextAsync(transport));

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(3, exception.Attempts);
        Assert.Equal(503, exception.StatusCode);
        Assert.Equal("req_3", exception.RequestId);
        Assert.Equal("503 UNAVAILABLE: Busy 3, key ***. (after 3 attempts)", exception.Message);
        Assert.Contains("Busy 3", exception.RawBody);
        Assert.Equal(new[] { "req_1", "req_2" }, exception.PreviousAttempts.Select(previous => previous.RequestId));
        Assert.All(exception.PreviousAttempts, previous => Assert.Equal(503, previous.StatusCode));
        Assert.Contains("Busy 1", exception.PreviousAttempts[0].RawBody);
        // No Retry-After: 0.5 s doubled per retry, less the jitter's 12.5 %.
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(437.5), TimeSpan.FromMilliseconds(875) }, clock.Delays);
        Assert.DoesNotContain(ApiKey, exception.ToString());
        Assert.All(exception.PreviousAttempts, previous => Assert.DoesNotContain(ApiKey, previous.RawBody));
    }

    [Fact]
    public async Task Refused_connection_is_retried_even_for_a_post_and_succeeds_once_the_server_listens()
    {
        var port = LoopbackServer.GetClosedPort();
        LoopbackServer? server = null;
        var clock = new VirtualRetryClock
        {
            // Nothing listens for the first attempt; the server comes up while the client waits to retry.
            OnDelay = async _ => server ??= await LoopbackServer.StartAsync(
                ctx => LoopbackServer.RespondAsync(ctx, 200, """{"status":"succeeded"}"""), IPAddress.Loopback, port: port),
        };
        var options = new ApiClientOptions { BaseUrl = new Uri($"http://127.0.0.1:{port}/v1"), ApiKey = ApiKey, RetryClock = clock };
        using var transport = new ApiTransport(TestApi.Description(), options);
        try
        {
            var result = await PostAsync(transport);

            Assert.Equal("succeeded", result.Status);
            Assert.Single(clock.Delays);
            var received = Assert.Single(server!.Requests);
            Assert.Equal("POST", received.Method);
            Assert.Equal("""{"source_id":"src_1"}""", received.BodyText);
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connection_reset_before_or_in_the_middle_of_the_response_is_retried(bool midBody)
    {
        await using var server = await Scripted(
            async ctx =>
            {
                if (midBody)
                {
                    ctx.Response.ContentLength = 1000;
                    await ctx.Response.Body.WriteAsync("{\"status\":"u8.ToArray());
                    await ctx.Response.Body.FlushAsync();
                }

                ctx.Abort();
            },
            Answer(200, "whole"));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);

        Assert.Equal("whole", await GetTextAsync(transport));

        Assert.Equal(2, server.Requests.Count);
        Assert.Single(clock.Delays);
    }

    [Fact]
    public async Task Post_without_an_idempotency_key_is_not_retried_on_500()
    {
        await using var server = await Scripted(Answer(500, """{"detail":"boom"}"""), Answer(200, """{"status":"succeeded"}"""));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);

        var exception = await Assert.ThrowsAsync<InternalServerException>(() => PostAsync(transport));

        Assert.Single(server.Requests);
        Assert.Empty(clock.Delays);
        Assert.Equal(1, exception.Attempts);
        Assert.Equal(
            "500 Internal Server Error: boom (not retried: the server may have carried out the POST already; give it an Idempotency-Key "
            + "(ApiRequestOptions.IdempotencyKey) if the API honours one)",
            exception.Message);
    }

    [Fact]
    public async Task Post_with_an_idempotency_key_is_retried_with_the_same_key_on_every_attempt()
    {
        await using var server = await Scripted(Answer(500, "{}"), Answer(502, "{}"), Answer(200, """{"status":"succeeded"}"""));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);
        var key = Guid.NewGuid().ToString();

        var result = await PostAsync(transport, new ApiRequestOptions { IdempotencyKey = key });

        Assert.Equal("succeeded", result.Status);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, received =>
        {
            Assert.Equal(key, received.Header("Idempotency-Key"));
            Assert.Equal("""{"source_id":"src_1"}""", received.BodyText);
            Assert.Equal(ApiKey, received.Header("X-API-Key"));
        });
    }

    [Fact]
    public async Task Post_carrying_its_own_idempotency_key_header_is_retried_with_it()
    {
        await using var server = await Scripted(Answer(504, "{}"), Answer(200, """{"status":"succeeded"}"""));
        using var transport = Transport(server, new VirtualRetryClock());
        using var request = PostRequest(transport);
        request.Headers.Add("Idempotency-Key", "op_42");

        await transport.CallAsync(request, ApiAuth.ApiKey, TestJsonContext.Default.TestConnectionResult, default);

        Assert.Equal(new[] { "op_42", "op_42" }, server.Requests.Select(received => received.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task Post_that_fails_after_the_server_read_it_is_not_sent_again()
    {
        // LoopbackServer has read the whole body before the handler runs: the server may well have acted on it.
        await using var server = await Scripted(ctx =>
        {
            ctx.Abort();
            return Task.CompletedTask;
        });
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);

        var exception = await Assert.ThrowsAsync<ApiConnectionException>(() => PostAsync(transport));

        Assert.Single(server.Requests);
        Assert.Empty(clock.Delays);
        Assert.Contains("not retried: the server may have carried out the POST already", exception.Message);
    }

    [Theory]
    [InlineData(429, null, 2)]
    [InlineData(503, "1", 2)]
    [InlineData(503, null, 1)]
    [InlineData(408, null, 1)]
    public async Task Post_is_retried_without_a_key_only_when_the_server_turned_it_away(int status, string? retryAfter, int expectedRequests)
    {
        var headers = retryAfter is null ? Array.Empty<(string, string)>() : new[] { ("Retry-After", retryAfter) };
        await using var server = await Scripted(Answer(status, "{}", headers), Answer(200, """{"status":"succeeded"}"""));
        using var transport = Transport(server, new VirtualRetryClock());

        var outcome = await Record.ExceptionAsync(() => PostAsync(transport));

        Assert.Equal(expectedRequests, server.Requests.Count);
        Assert.Equal(expectedRequests == 1, outcome is ApiException { Attempts: 1 });
    }

    [Fact]
    public async Task Body_from_a_stream_that_cannot_be_replayed_is_not_retried()
    {
        await using var server = await Scripted(Answer(503, "{}"), Answer(200, "ok"));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);
        using var request = transport.CreateRequest(HttpMethod.Put, "/files/report.csv");
        request.Content = new StreamContent(new OneWayStream("a,b\n1,2\n"u8.ToArray()));

        var exception = await Assert.ThrowsAsync<InternalServerException>(() => transport.CallForStringAsync(request, ApiAuth.ApiKey, default));

        Assert.Single(server.Requests);
        Assert.Empty(clock.Delays);
        Assert.Contains("(not retried: the request body (StreamContent) cannot be sent again", exception.Message);
    }

    [Fact]
    public async Task Body_from_a_seekable_stream_is_sent_whole_on_every_attempt()
    {
        await using var server = await Scripted(Answer(503, "{}"), Answer(200, "ok"));
        using var transport = Transport(server, new VirtualRetryClock());
        using var request = transport.CreateRequest(HttpMethod.Put, "/files/report.csv");
        request.Content = new StreamContent(new MemoryStream("a,b\n1,2\n"u8.ToArray()));

        Assert.Equal("ok", await transport.CallForStringAsync(request, ApiAuth.ApiKey, default));

        Assert.Equal(new[] { "a,b\n1,2\n", "a,b\n1,2\n" }, server.Requests.Select(received => received.BodyText));
    }

    [Fact]
    public async Task MaxRetries_zero_turns_retries_off()
    {
        await using var server = await Scripted(Answer(503, "{}", ("Retry-After", "1")), Answer(200, "ok"));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock, options => options.MaxRetries = 0);

        var exception = await Assert.ThrowsAsync<InternalServerException>(() => GetTextAsync(transport));

        Assert.Single(server.Requests);
        Assert.Empty(clock.Delays);
        Assert.StartsWith("503 Service Unavailable", exception.Message);
        Assert.DoesNotContain("attempts", exception.Message);
        Assert.DoesNotContain("not retried", exception.Message);
        Assert.Empty(exception.PreviousAttempts);
    }

    [Fact]
    public async Task A_scope_overrides_the_clients_retries_for_the_calls_inside_it_only()
    {
        await using var server = await Scripted(Answer(503, "{}"));
        using var transport = Transport(server, new VirtualRetryClock(), options => options.MaxRetries = 0);

        using (ApiRequestOptions.BeginScope(new ApiRequestOptions { MaxRetries = 3 }))
        {
            var inside = await Assert.ThrowsAsync<InternalServerException>(() => GetTextAsync(transport));
            Assert.Equal(4, inside.Attempts);
        }

        var outside = await Assert.ThrowsAsync<InternalServerException>(() => GetTextAsync(transport));

        Assert.Equal(1, outside.Attempts);
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task Options_passed_to_the_call_win_over_the_scope()
    {
        await using var server = await Scripted(Answer(503, "{}"));
        using var transport = Transport(server, new VirtualRetryClock());

        using (ApiRequestOptions.BeginScope(new ApiRequestOptions { MaxRetries = 4 }))
        {
            var exception = await Assert.ThrowsAsync<InternalServerException>(() => GetTextAsync(transport, new ApiRequestOptions { MaxRetries = 1 }));
            Assert.Equal(2, exception.Attempts);
        }

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_idempotency_key_serves_one_call_only()
    {
        await using var server = await Scripted(Answer(200, """{"status":"succeeded"}"""));
        using var transport = Transport(server, new VirtualRetryClock());

        using (ApiRequestOptions.BeginScope(new ApiRequestOptions { IdempotencyKey = "op_1" }))
        {
            await PostAsync(transport);
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => PostAsync(transport));
            Assert.Contains("ApiRequestOptions.IdempotencyKey names one operation", exception.Message);
        }

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_retry_whose_wait_would_pass_the_call_timeout_is_not_started()
    {
        await using var server = await Scripted(Answer(503, "{}", ("Retry-After", "30")), Answer(200, "ok"));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock, options => options.CallTimeout = TimeSpan.FromSeconds(10));

        var exception = await Assert.ThrowsAsync<InternalServerException>(() => GetTextAsync(transport));

        Assert.Single(server.Requests);
        Assert.Empty(clock.Delays);
        Assert.EndsWith("(not retried: waiting 30 s for the next attempt would pass ApiClientOptions.CallTimeout (10 s))", exception.Message);
    }

    [Fact]
    public async Task Status_that_is_not_transient_is_not_retried()
    {
        await using var server = await Scripted(Answer(404, """{"detail":"Not Found"}"""), Answer(200, "ok"));
        var clock = new VirtualRetryClock();
        using var transport = Transport(server, clock);

        var exception = await Assert.ThrowsAsync<NotFoundException>(() => GetTextAsync(transport));

        Assert.Single(server.Requests);
        Assert.Equal("404 Not Found", exception.Message);
    }

    internal static ApiTransport Transport(LoopbackServer server, VirtualRetryClock clock, Action<ApiClientOptions>? configure = null)
        => TestApi.Transport(server, options =>
        {
            options.ApiKey = ApiKey;
            options.RetryClock = clock;
            configure?.Invoke(options);
        });

    /// <summary>A server whose n-th request gets the n-th answer; the last answer repeats.</summary>
    internal static Task<LoopbackServer> Scripted(params Func<HttpContext, Task>[] answers)
    {
        var count = -1;
        return LoopbackServer.StartAsync(ctx => answers[Math.Min(Interlocked.Increment(ref count), answers.Length - 1)](ctx));
    }

    /// <summary>An answer with a status, a body (JSON, HTML or text, by its first character) and headers.</summary>
    internal static Func<HttpContext, Task> Answer(int status, string? body, params (string Name, string Value)[] headers)
        => ctx =>
        {
            foreach (var (name, value) in headers)
            {
                ctx.Response.Headers[name] = value;
            }

            var contentType = body is null || body.Length == 0 ? "text/plain"
                : body[0] is '{' or '[' ? "application/json"
                : body[0] == '<' ? "text/html"
                : "text/plain";
            return LoopbackServer.RespondAsync(ctx, status, body, contentType);
        };

    /// <summary>A GET whose body the transport reads within the attempt, as generated methods do.</summary>
    internal static Task<string> GetTextAsync(ApiTransport transport, ApiRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        => transport.CallForStringAsync(transport.CreateRequest(HttpMethod.Get, "/items"), ApiAuth.ApiKey, requestOptions, cancellationToken);

    private static HttpRequestMessage PostRequest(ApiTransport transport)
    {
        var request = transport.CreateRequest(HttpMethod.Post, "/connections/test");
        request.Content = ApiTransport.CreateJsonContent(new TestConnectionRequest("src_1", null), TestJsonContext.Default.TestConnectionRequest);
        return request;
    }

    private static Task<TestConnectionResult> PostAsync(ApiTransport transport, ApiRequestOptions? requestOptions = null)
        => transport.CallAsync(PostRequest(transport), ApiAuth.ApiKey, TestJsonContext.Default.TestConnectionResult, requestOptions, default);

    /// <summary>A stream that can be read once, front to back, like a network or pipe stream.</summary>
    private sealed class OneWayStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
