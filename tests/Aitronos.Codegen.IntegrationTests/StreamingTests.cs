using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

// Inside the namespace: the bundled client's Aitronos namespace has event models of the same names, and an enclosing
// namespace's types would win over a using directive of the compilation unit.
using Aitronos.Codegen.IntegrationTests.Streams;

/// <summary>
/// Streamed responses through the generated StreamsClient (the spec is tests/Aitronos.Codegen.Tests/TestSpecs/streams.openapi.yaml)
/// from a real Kestrel server: the generated models read each event and line with their generated JSON code.
/// </summary>
public sealed class StreamingTests
{
    [Fact]
    public async Task The_event_name_picks_the_generated_model_of_each_event()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.Response.ContentType = "text/event-stream";
            await ctx.Response.WriteAsync(
                "event: response.created\ndata: {\"id\":\"resp_1\"}\n\n"
                + ": keep-alive\n\n"
                + "event: response.output_text.delta\ndata: {\"delta\":\"Hel\"}\n\n"
                + "event: response.output_text.delta\ndata: {\"delta\":\"lo\"}\n\n"
                + "event: response.in_progress\ndata: {\"unknown\":true}\n\n"
                + "event: response.completed\ndata: {\"response\":{\"id\":\"resp_1\",\"output_text\":\"Hello\"}}\n\n");
        });
        using var client = Client(server);

        var text = new StringBuilder();
        var kinds = new List<string>();
        ModelResponse? completed = null;
        await foreach (var item in client.CreateResponseStreamingAsync(new ResponseRequest { Input = "Say hello", Stream = true }))
        {
            kinds.Add(item.EventType);
            switch (item.Data)
            {
                case OutputTextDeltaEvent delta:
                    text.Append(delta.Delta);
                    break;
                case ResponseCompletedEvent done:
                    completed = done.Response;
                    break;
                case ResponseCreatedEvent created:
                    Assert.Equal("resp_1", created.Id);
                    break;
            }
        }

        Assert.Equal(new[] { "response.created", "response.output_text.delta", "response.output_text.delta", "response.completed" }, kinds);
        Assert.Equal("Hello", text.ToString());
        Assert.Equal(new ModelResponse { Id = "resp_1", OutputText = "Hello" }, completed);
        var request = TestApi.SingleRequest(server);
        Assert.Equal("POST", request.Method);
        Assert.Contains("\"stream\":true", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("text/event-stream", request.Header("Accept"));
    }

    [Fact]
    public async Task Typed_events_keep_their_id_and_retry_and_text_events_come_as_text()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.Response.ContentType = "text/event-stream";
            await ctx.Response.WriteAsync(ctx.Request.Path.Value!.EndsWith("/logs", StringComparison.Ordinal)
                ? "data: first line\ndata: second line\n\ndata: {not json}\n\n"
                : "retry: 1000\nid: 7\ndata: {\"index\":1,\"note\":\"a\"}\n\nid: 8\ndata: {\"index\":2}\n\n");
        });
        using var client = Client(server);

        var ticks = new List<ServerSentEvent<Tick>>();
        await foreach (var tick in client.StreamTicksAsync(count: 2))
        {
            ticks.Add(tick);
        }

        var logs = new List<string>();
        await foreach (var log in client.StreamLogsAsync())
        {
            logs.Add(log.Data);
        }

        Assert.Equal(new[] { 1, 2 }, ticks.Select(t => t.Data.Index));
        Assert.Equal(new[] { "7", "8" }, ticks.Select(t => t.Id));
        Assert.All(ticks, t => Assert.Equal(TimeSpan.FromSeconds(1), t.Retry));
        Assert.Equal(new[] { "first line\nsecond line", "{not json}" }, logs);
        Assert.Equal("/v1/ticks?count=2", server.Requests.First().Target);
    }

    [Fact]
    public async Task Json_lines_read_as_the_generated_model_and_a_bad_line_names_its_number()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
            LoopbackServer.RespondAsync(ctx, 200, "{\"id\":1,\"name\":\"a\"}\n{\"id\":9007199254740993,\"name\":\"b\"}\n\n[1,2]\n", "application/x-ndjson"));
        using var client = Client(server);

        var rows = new List<Row>();
        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(async () =>
        {
            await foreach (var row in client.ExportRowsAsync("exp_1"))
            {
                rows.Add(row);
            }
        });

        Assert.Equal(new long[] { 1, 9007199254740993 }, rows.Select(r => r.Id));
        Assert.Contains("line 4 of the application/x-ndjson body is not valid Row JSON", exception.Message);
        Assert.Equal("/v1/exports/exp_1/rows", server.Requests.Single().Target);
    }

    [Fact]
    public async Task Stopping_a_generated_stream_early_releases_the_connection()
    {
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.RequestAborted.Register(() => aborted.TrySetResult());
            ctx.Response.ContentType = "text/event-stream";
            for (var i = 0; !ctx.RequestAborted.IsCancellationRequested; i++)
            {
                await ctx.Response.WriteAsync($"data: {{\"index\":{i}}}\n\n", ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
                await Task.Delay(20, ctx.RequestAborted);
            }
        });
        using var client = Client(server);

        await foreach (var tick in client.StreamTicksAsync())
        {
            if (tick.Data.Index == 2)
            {
                break;
            }
        }

        Assert.True(await Task.WhenAny(aborted.Task, Task.Delay(TimeSpan.FromSeconds(20))) == aborted.Task, "the server never saw the request aborted");
    }

    private static StreamsClient Client(LoopbackServer server) =>
        new(new StreamsClientOptions { BaseUrl = new Uri(server.BaseUrl, "v1") });
}
