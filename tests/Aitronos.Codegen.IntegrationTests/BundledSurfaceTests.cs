using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// The bundled client's streamed model response (<c>client.Model.CreateResponseStreamingAsync</c>) and the newer
/// knowledge-connector lists, against a real Kestrel server. Prism cannot judge the stream (see the contract tests), so
/// this is where its events are read.
/// </summary>
public sealed class BundledSurfaceTests
{
    /// <summary>The example stream of specs/aitronos.openapi.yaml, with a comment line the client must skip.</summary>
    private const string ExampleStream =
        "event: response.created\ndata: {\"response\":{\"status\":\"in_progress\"}}\n\n"
        + ": keep-alive\n\n"
        + "event: response.output_item.added\ndata: {\"item\":{\"type\":\"message\"}}\n\n"
        + "event: response.output_text.delta\ndata: {\"delta\":\"Hello\"}\n\n"
        + "event: response.output_text.delta\ndata: {\"delta\":\", world\"}\n\n"
        + "event: response.output_text.done\ndata: {\"text\":\"Hello, world\"}\n\n"
        + "event: response.completed\ndata: {\"response\":{\"status\":\"completed\"}}\n\n";

    [Fact]
    public async Task The_streamed_model_response_reads_each_documented_event_as_its_own_model()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(ExampleStream);
        });
        using var client = TestApi.Client(server);

        var names = new List<string>();
        var deltas = new StringBuilder();
        string? done = null;
        JsonElement? completedStatus = null;
        await foreach (ServerSentEvent<JsonModel> item in client.Model.CreateResponseStreamingAsync(
            new CreateModelResponseRequest { Model = "ftg-3.0", Input = "Say hello", Stream = true }))
        {
            names.Add(item.EventType + ":" + item.Data.GetType().Name);
            switch (item.Data)
            {
                case ResponseOutputTextDeltaEvent delta:
                    deltas.Append(delta.Delta);
                    break;
                case ResponseOutputTextDoneEvent text:
                    done = text.Text;
                    break;
                case ResponseCompletedEvent completed:
                    completedStatus = completed.Response?["status"];
                    break;
            }
        }

        Expect.Sequence(
            [
                "response.created:ResponseCreatedEvent",
                "response.output_item.added:ResponseOutputItemAddedEvent",
                "response.output_text.delta:ResponseOutputTextDeltaEvent",
                "response.output_text.delta:ResponseOutputTextDeltaEvent",
                "response.output_text.done:ResponseOutputTextDoneEvent",
                "response.completed:ResponseCompletedEvent",
            ],
            names,
            "event names and the model each one's data was read as");
        Expect.Equal("Hello, world", deltas.ToString(), "the text deltas joined");
        Expect.Equal("Hello, world", done, "ResponseOutputTextDoneEvent.Text");
        Expect.Equal("completed", completedStatus?.GetString(), "ResponseCompletedEvent.Response[\"status\"]");

        var request = TestApi.SingleRequest(server);
        Expect.Equal("POST", request.Method, "HTTP method");
        Expect.Equal("/v1/model/response", request.Target, "request target");
        Expect.Equal("text/event-stream", request.Header("Accept"), "Accept header");
        Expect.Equal(TestApi.ApiKey, request.Header("X-API-Key"), "X-API-Key header");
        using var body = JsonDocument.Parse(request.Body);
        Expect.Equal(true, body.RootElement.GetProperty("stream").GetBoolean(), "stream in the request body");
        Expect.Equal("Say hello", body.RootElement.GetProperty("input").GetString(), "input in the request body");
    }

    [Fact]
    public async Task An_error_before_the_stream_starts_is_the_typed_exception_with_the_envelope()
    {
        await using var server = await TestApi.RespondWith(401,
            """{"success":false,"error":{"code":"INVALID_API_KEY","message":"Invalid API key.","type":"authentication_error","status":401,"trace_id":"tr_1"}}""",
            response => response.Headers["x-request-id"] = "req_401");
        using var client = TestApi.Client(server);

        var error = await Expect.ThrowsAsync<AuthenticationException>(async () =>
        {
            await foreach (var _ in client.Model.CreateResponseStreamingAsync(new CreateModelResponseRequest { Model = "m", Input = "i", Stream = true }))
            {
            }
        }, "a 401 answer to the streamed request");

        Expect.Equal("INVALID_API_KEY", error.Code, "ApiException.Code");
        Expect.Equal("tr_1", error.TraceId, "ApiException.TraceId");
        Expect.Equal("req_401", error.RequestId, "ApiException.RequestId");
    }

    [Fact]
    public async Task The_connection_timeline_sends_its_filters_and_page_and_reads_the_data_envelope()
    {
        await using var server = await TestApi.RespondWith(200,
            """{"data":[{"event_id":"evt_1","event_type":"sync_succeeded","created_at":"2025-12-22T15:30:00Z","summary":"Synced 12 rows"}]}""");
        using var client = TestApi.Client(server);

        var timeline = await client.KnowledgeConnectors.GetConnectionTimelineAsync("org_xyz789", "conn_1", eventType: "sync_succeeded", limit: 20, offset: 40);

        var request = TestApi.SingleRequest(server);
        var questionMark = request.Target.IndexOf('?');
        Expect.True(questionMark > 0, $"The request target has no query string: \"{request.Target}\".");
        Expect.Equal("/v1/organizations/org_xyz789/knowledge/connectors/connections/conn_1/timeline", request.Target[..questionMark], "path of the request target");
        var query = QueryHelpers.ParseQuery(request.Target[questionMark..]);
        Expect.Sequence(["event_type", "limit", "offset"], query.Keys.Order(), "query parameter names (null arguments must be left out)");
        Expect.Equal("40", query["offset"].ToString(), "offset");

        var item = Expect.NotNull(timeline.Data.SingleOrDefault(), "the one event of the page");
        Expect.Equal("evt_1", item.EventId, "TimelineEvent.EventId");
        Expect.Equal("Synced 12 rows", item.Summary, "TimelineEvent.Summary");
    }

    [Fact]
    public async Task Stream_discovery_sends_the_required_source_id_in_the_query()
    {
        await using var server = await TestApi.RespondWith(200,
            """[{"stream_name":"users","sync_modes":["full_refresh","incremental"],"default_cursor_field":["updated_at"],"source_defined_primary_key":[["id"]]}]""");
        using var client = TestApi.Client(server);

        var streams = await client.KnowledgeConnectors.DiscoverStreamsAsync("org_xyz789", "src_abc123");

        Expect.Equal("/v1/organizations/org_xyz789/knowledge/connectors/streams?source_id=src_abc123", TestApi.SingleRequest(server).Target, "request target");
        var stream = Expect.NotNull(streams.SingleOrDefault(), "the one stream");
        Expect.Equal("users", stream.StreamName, "DiscoveredStream.StreamName");
        Expect.Sequence(["full_refresh", "incremental"], stream.SyncModes, "DiscoveredStream.SyncModes");
        Expect.Equal("[[\"id\"]]", stream.SourceDefinedPrimaryKey?.GetRawText(), "DiscoveredStream.SourceDefinedPrimaryKey, kept as JSON (its shape is not documented)");
    }
}
