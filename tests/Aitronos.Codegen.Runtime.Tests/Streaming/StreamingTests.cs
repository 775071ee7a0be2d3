using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests.Streaming;

/// <summary>
/// Server-sent events and JSON Lines read from a real Kestrel server on 127.0.0.1 through the transport, as a generated
/// streaming method reads them.
/// </summary>
public sealed class StreamingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Ten_thousand_events_arrive_in_order_with_their_type_and_id()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            StartEventStream(ctx);
            var text = new StringBuilder();
            for (var i = 0; i < 10_000; i++)
            {
                text.Append("id: ").Append(i).Append("\nevent: tick\ndata: {\"index\":").Append(i).Append(",\"text\":\"t").Append(i).Append("\"}\n\n");
                if (i % 500 == 499)
                {
                    await WriteAsync(ctx, text.ToString());
                    text.Clear();
                }
            }
        });
        using var transport = TestApi.Transport(server);

        var events = new List<ServerSentEvent<StreamItem>>();
        await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
        {
            events.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 10_000), events.Select(e => e.Data.Index));
        Assert.All(events, e => Assert.Equal("tick", e.EventType));
        Assert.Equal("9999", events[^1].Id);
        Assert.Equal("t1234", events[1234].Data.Text);
        Assert.Equal("text/event-stream", server.Requests.Single().Headers["Accept"]);
    }

    [Fact]
    public async Task Stopping_early_releases_the_connection_and_the_server_sees_the_request_aborted()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.RequestAborted.Register(() => aborted.TrySetResult());
            StartEventStream(ctx);
            for (var i = 0; !ctx.RequestAborted.IsCancellationRequested; i++)
            {
                await WriteAsync(ctx, $"data: {{\"index\":{i},\"text\":\"\"}}\n\n");
                await Task.Delay(20, ctx.RequestAborted);
            }
        });
        using var transport = TestApi.Transport(server);

        var seen = 0;
        await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
        {
            if (++seen == 3)
            {
                break;
            }
        }

        Assert.True(await Task.WhenAny(aborted.Task, Task.Delay(Patience)) == aborted.Task, "the server never saw the request aborted after the consumer stopped");
    }

    [Fact]
    public async Task Comments_multi_line_data_malformed_lines_and_reconnection_fields_come_through_the_wire_as_the_standard_says()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            StartEventStream(ctx);
            await WriteAsync(ctx, "\uFEFF: hello\r\nretry: 2500\r\nid: a1\r\nevent: part\r\ndata: {\"index\":1,\r\ndata: \"text\":\"x\"}\r\n\r\n");
            await WriteAsync(ctx, "this line is malformed\nretry: soon\ndata:{\"index\":2,\"text\":\"y\"}\nunknown: field\n\n");
            await WriteAsync(ctx, "id\ndata: {\"index\":3,\"text\":\"z\"}\n\ndata: {\"index\":4,\"text\":\"cut off\"}");
        });
        using var transport = TestApi.Transport(server);

        var events = new List<ServerSentEvent<StreamItem>>();
        await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
        {
            events.Add(item);
        }

        Assert.Equal(new[] { 1, 2, 3 }, events.Select(e => e.Data.Index));
        Assert.Equal(new[] { "part", "message", "message" }, events.Select(e => e.EventType));
        Assert.Equal(new[] { "a1", "a1", string.Empty }, events.Select(e => e.Id));
        Assert.All(events, e => Assert.Equal(TimeSpan.FromMilliseconds(2500), e.Retry));
    }

    [Fact]
    public async Task Cancelling_mid_stream_throws_operation_canceled_with_the_callers_token_not_a_timeout()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.RequestAborted.Register(() => aborted.TrySetResult());
            StartEventStream(ctx);
            await WriteAsync(ctx, "data: {\"index\":0,\"text\":\"\"}\n\ndata: {\"index\":1,\"text\":\"\"}\n\n");
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
        });
        using var transport = TestApi.Transport(server, options => options.Timeout = TimeSpan.FromSeconds(1));
        using var cts = new CancellationTokenSource();

        var seen = new List<int>();
        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, cts.Token))
            {
                seen.Add(item.Data.Index);
                if (seen.Count == 2)
                {
                    cts.CancelAfter(TimeSpan.FromMilliseconds(1500));   // past the per-call timeout, which must not fire
                }
            }
        });

        Assert.Equal(new[] { 0, 1 }, seen);
        Assert.Equal(cts.Token, exception.CancellationToken);
        Assert.True(await Task.WhenAny(aborted.Task, Task.Delay(Patience)) == aborted.Task, "the connection was not released after the cancellation");
    }

    [Fact]
    public async Task Cancelling_through_with_cancellation_works_too()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            StartEventStream(ctx);
            await WriteAsync(ctx, "data: {\"index\":0,\"text\":\"\"}\n\n");
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
        });
        using var transport = TestApi.Transport(server);
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None).WithCancellation(cts.Token))
            {
                cts.Cancel();
            }
        });
    }

    [Fact]
    public async Task An_error_status_before_the_stream_starts_is_the_typed_exception_with_the_envelope()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            ctx.Response.Headers["x-request-id"] = "req_stream_1";
            return LoopbackServer.RespondAsync(ctx, 400, """{"success":false,"error":{"code":"STREAM_REFUSED","message":"No stream for you.","type":"client_error","status":400,"trace_id":"t-1"}}""");
        });
        using var transport = TestApi.Transport(server);

        var exception = await Assert.ThrowsAsync<BadRequestException>(async () =>
        {
            await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
            {
            }
        });

        Assert.Equal(400, exception.StatusCode);
        Assert.Equal("STREAM_REFUSED", exception.Code);
        Assert.Equal("t-1", exception.TraceId);
        Assert.Equal("req_stream_1", exception.RequestId);
    }

    [Fact]
    public async Task A_stream_outlives_the_attempt_and_call_timeouts_which_bound_only_the_time_to_headers()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            StartEventStream(ctx);
            for (var i = 0; i < 12; i++)
            {
                await WriteAsync(ctx, $": keep-alive\n\ndata: {{\"index\":{i},\"text\":\"\"}}\n\n");
                await Task.Delay(250, ctx.RequestAborted);
            }
        });
        using var transport = TestApi.Transport(server, options => (options.Timeout, options.CallTimeout) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        var started = DateTime.UtcNow;

        var count = 0;
        await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
        {
            Assert.Equal(count++, item.Data.Index);
        }

        Assert.Equal(12, count);
        Assert.True(DateTime.UtcNow - started > TimeSpan.FromSeconds(2), "the stream ended before the timeouts would have cut it");
    }

    [Fact]
    public async Task A_silence_longer_than_the_idle_timeout_is_an_api_timeout_exception_after_the_events_before_it()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            StartEventStream(ctx);
            await WriteAsync(ctx, "data: {\"index\":0,\"text\":\"\"}\n\n");
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
        });
        using var transport = TestApi.Transport(server);
        var options = new ApiRequestOptions { StreamIdleTimeout = TimeSpan.FromMilliseconds(500) };

        var seen = 0;
        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(async () =>
        {
            await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, options, CancellationToken.None))
            {
                seen++;
            }
        });

        Assert.Equal(1, seen);
        Assert.Equal(TimeSpan.FromMilliseconds(500), exception.Timeout);
        Assert.Contains("StreamIdleTimeout", exception.Message);
    }

    [Fact]
    public async Task An_event_whose_data_is_not_the_types_json_is_a_format_exception_naming_the_event_and_line()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            StartEventStream(ctx);
            await WriteAsync(ctx, "data: {\"index\":0,\"text\":\"\"}\n\nevent: broken\ndata: {\"index\":\n\n");
        });
        using var transport = TestApi.Transport(server);

        var seen = 0;
        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(async () =>
        {
            await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
            {
                seen++;
            }
        });

        Assert.Equal(1, seen);
        Assert.Contains("event 2 ('broken', ending on line 5)", exception.Message);
        Assert.Equal("{\"index\":", exception.RawBody);
        Assert.Equal(200, exception.StatusCode);
    }

    [Fact]
    public async Task A_json_answer_where_events_were_expected_is_a_format_exception_not_an_empty_stream()
    {
        await using var server = await LoopbackServer.StartAsync(ctx => LoopbackServer.RespondAsync(ctx, 200, """{"index":1,"text":"not streamed"}"""));
        using var transport = TestApi.Transport(server);

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(async () =>
        {
            await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
            {
            }
        });

        Assert.Contains("application/json, not the text/event-stream", exception.Message);
        Assert.Contains("not streamed", exception.RawBody);
    }

    [Fact]
    public async Task A_line_without_end_past_the_limit_is_refused_rather_than_buffered_without_bound()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            StartEventStream(ctx);
            var chunk = "data: " + new string('x', 1024 * 1024);
            for (var i = 0; i < 20 && !ctx.RequestAborted.IsCancellationRequested; i++)
            {
                await WriteAsync(ctx, chunk);
            }
        });
        using var transport = TestApi.Transport(server);

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(async () =>
        {
            await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
            {
            }
        });

        Assert.Contains("the text/event-stream body is refused: a line is longer than 16777216 bytes", exception.Message);
    }

    [Fact]
    public async Task A_connection_lost_mid_stream_is_an_api_connection_exception()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            StartEventStream(ctx);
            await WriteAsync(ctx, "data: {\"index\":0,\"text\":\"\"}\n\n");
            await Task.Delay(200);
            ctx.Abort();
        });
        using var transport = TestApi.Transport(server);

        var seen = 0;
        await Assert.ThrowsAsync<ApiConnectionException>(async () =>
        {
            await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
            {
                seen++;
            }
        });

        Assert.Equal(1, seen);
    }

    [Fact]
    public async Task The_event_name_picks_the_type_and_unlisted_names_are_skipped()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            StartEventStream(ctx);
            await WriteAsync(ctx,
                "event: response.created\ndata: {\"id\":\"r1\"}\n\n"
                + "event: response.output_text.delta\ndata: {\"delta\":\"Hel\"}\n\n"
                + "event: response.added_later\ndata: {\"whatever\":true}\n\n"
                + "event: response.output_text.delta\ndata: {\"delta\":\"lo\"}\n\n");
        });
        using var transport = TestApi.Transport(server);
        var types = new ServerSentEventTypes<StreamEvent>()
            .Add("response.created", StreamJsonContext.Default.Created)
            .Add("response.output_text.delta", StreamJsonContext.Default.Delta);

        var events = new List<StreamEvent>();
        await foreach (var item in transport.StreamEventsAsync(Get(transport), ApiAuth.None, types, null, CancellationToken.None))
        {
            events.Add(item.Data);
        }

        Assert.Equal(new StreamEvent[] { new Created("r1"), new Delta("Hel"), new Delta("lo") }, events);
    }

    [Fact]
    public async Task Ten_thousand_json_lines_arrive_in_order_and_blank_lines_are_skipped()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.Response.ContentType = "application/x-ndjson";
            var text = new StringBuilder("\uFEFF");
            for (var i = 0; i < 10_000; i++)
            {
                text.Append("{\"index\":").Append(i).Append(",\"text\":\"l").Append(i).Append("\"}").Append(i % 3 == 0 ? "\r\n" : "\n");
                if (i % 1000 == 0)
                {
                    text.Append("\n   \n");
                    await WriteAsync(ctx, text.ToString());
                    text.Clear();
                }
            }

            // The last line may end without a line end.
            await WriteAsync(ctx, text.ToString().TrimEnd('\n', '\r'));
        });
        using var transport = TestApi.Transport(server);

        var items = new List<StreamItem>();
        await foreach (var item in transport.StreamJsonLinesAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
        {
            items.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 10_000), items.Select(i => i.Index));
        Assert.Equal("l9999", items[^1].Text);
        Assert.StartsWith("application/x-ndjson", server.Requests.Single().Headers["Accept"]);
    }

    [Fact]
    public async Task A_json_line_that_is_not_the_types_json_is_a_format_exception_naming_its_line_number()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.Response.ContentType = "application/jsonl";
            await WriteAsync(ctx, "{\"index\":0,\"text\":\"\"}\n\n{\"index\":1,\"text\":\"\"}\n{\"index\": oops}\n{\"index\":3,\"text\":\"\"}\n");
        });
        using var transport = TestApi.Transport(server);

        var seen = 0;
        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(async () =>
        {
            await foreach (var item in transport.StreamJsonLinesAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
            {
                seen++;
            }
        });

        Assert.Equal(2, seen);
        Assert.Contains("line 4 of the application/jsonl body is not valid StreamItem JSON", exception.Message);
        Assert.Equal("{\"index\": oops}", exception.RawBody);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(exception.InnerException);
    }

    [Fact]
    public async Task Json_lines_stop_early_and_release_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.RequestAborted.Register(() => aborted.TrySetResult());
            ctx.Response.ContentType = "application/x-ndjson";
            for (var i = 0; !ctx.RequestAborted.IsCancellationRequested; i++)
            {
                await WriteAsync(ctx, $"{{\"index\":{i},\"text\":\"\"}}\n");
                await Task.Delay(20, ctx.RequestAborted);
            }
        });
        using var transport = TestApi.Transport(server);

        await foreach (var item in transport.StreamJsonLinesAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
        {
            if (item.Index == 2)
            {
                break;
            }
        }

        Assert.True(await Task.WhenAny(aborted.Task, Task.Delay(Patience)) == aborted.Task, "the server never saw the request aborted after the consumer stopped");
    }

    [Fact]
    public async Task Json_lines_cancel_mid_stream_with_the_callers_token()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.Response.ContentType = "application/x-ndjson";
            await WriteAsync(ctx, "{\"index\":0,\"text\":\"\"}\n");
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
        });
        using var transport = TestApi.Transport(server);
        using var cts = new CancellationTokenSource();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in transport.StreamJsonLinesAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, cts.Token))
            {
                cts.CancelAfter(200);
            }
        });

        Assert.Equal(cts.Token, exception.CancellationToken);
    }

    [Fact]
    public async Task Json_text_sequences_drop_the_record_separator()
    {
        await using var server = await LoopbackServer.StartAsync(ctx => LoopbackServer.RespondAsync(ctx, 200, "\u001e{\"index\":0,\"text\":\"a\"}\n\u001e{\"index\":1,\"text\":\"b\"}\n", "application/json-seq"));
        using var transport = TestApi.Transport(server);

        var items = new List<StreamItem>();
        await foreach (var item in transport.StreamJsonLinesAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
        {
            items.Add(item);
        }

        Assert.Equal(new[] { new StreamItem(0, "a"), new StreamItem(1, "b") }, items);
    }

    [Fact]
    public async Task An_error_status_before_json_lines_start_is_the_typed_exception()
    {
        await using var server = await LoopbackServer.StartAsync(ctx => LoopbackServer.RespondAsync(ctx, 404, """{"detail":"Not Found"}"""));
        using var transport = TestApi.Transport(server);

        var exception = await Assert.ThrowsAsync<NotFoundException>(async () =>
        {
            await foreach (var item in transport.StreamJsonLinesAsync(Get(transport), ApiAuth.None, StreamJsonContext.Default.StreamItem, null, CancellationToken.None))
            {
            }
        });

        Assert.Equal(404, exception.StatusCode);
    }

    private static HttpRequestMessage Get(ApiTransport transport) => transport.CreateRequest(HttpMethod.Get, "/stream");

    private static void StartEventStream(HttpContext ctx)
    {
        ctx.Response.ContentType = "text/event-stream";
        ctx.Response.Headers.CacheControl = "no-cache";
    }

    private static async Task WriteAsync(HttpContext ctx, string text)
    {
        await ctx.Response.WriteAsync(text, ctx.RequestAborted);
        await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
    }
}

public sealed record StreamItem(int Index, string Text);

public abstract record StreamEvent;

public sealed record Created(string Id) : StreamEvent;

public sealed record Delta(string Text) : StreamEvent
{
    [JsonPropertyName("delta")]
    public string Text { get; init; } = Text;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StreamItem))]
[JsonSerializable(typeof(Created))]
[JsonSerializable(typeof(Delta))]
internal sealed partial class StreamJsonContext : JsonSerializerContext
{
}
