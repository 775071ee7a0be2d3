using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace QuickStart;

/// <summary>
/// A small stand-in for the Aitronos API on 127.0.0.1, so that the sample runs without an account. It answers every
/// operation of the bundled spec (specs/aitronos.openapi.yaml) with a plausible body of the spec's shape; the
/// test-connection endpoint the way the public API reference documents it (the 200 result, the 400 error envelope),
/// and <c>POST /model/response</c> as a stream of server-sent events. Every answer carries an <c>x-request-id</c>;
/// requests without the API key get the 401 envelope, unknown routes FastAPI's <c>{"detail":"Not Found"}</c>.
/// </summary>
/// <remarks>
/// Handlers write JSON text by hand rather than through minimal APIs, whose reflection would draw trimming and
/// Native AOT warnings.
/// </remarks>
internal sealed class FakeAitronosApi : IAsyncDisposable
{
    /// <summary>The source id the fake refuses, with the documented <c>CONNECTOR_INVALID_CONFIG</c> error.</summary>
    public const string BrokenSourceId = "src_broken";

    /// <summary>The text the fake's streamed model response writes, one delta at a time.</summary>
    public static readonly IReadOnlyList<string> StreamedDeltas = ["Connected ", "to ", "the ", "fake ", "Aitronos ", "API."];

    private const string Org = "/organizations/{organization_id}/knowledge/connectors";

    private const string InvalidConfigEnvelope = """
        {"success":false,"error":{"code":"CONNECTOR_INVALID_CONFIG","message":"The connector configuration is invalid.","type":"client_error","status":400,"details":{},"trace_id":"abc-123-def","timestamp":"2025-12-22T15:30:00Z"}}
        """;

    private const string InvalidApiKeyEnvelope = """
        {"success":false,"error":{"code":"INVALID_API_KEY","message":"The API key or access token is missing or invalid.","type":"authentication_error","status":401,"details":{},"trace_id":"fake-401","timestamp":"2025-12-22T15:30:00Z"}}
        """;

    private const string Health = """{"status":"ok","available":true}""";
    private const string Workspace = """{"workspace_id":"{0}","name":"Default workspace","data_residency":"eu"}""";
    private const string SourceDefinition = """{"source_definition_id":"{0}","name":"Google Sheets","docker_repository":"example/source-google-sheets","docker_image_tag":"1.0.0","documentation_url":"https://docs.example.com/google-sheets","icon":"https://docs.example.com/google-sheets.svg"}""";
    private const string Connection = """{"connection_id":"{0}","name":"Sheets to knowledge","source_id":"src_abc123","destination_id":"dst_fake1","workspace_id":"ws_fake1","status":"active","schedule":{"schedule_type":"manual"},"configurations":{}}""";
    private const string Source = """{"source_id":"{0}","name":"Team sheet","source_definition_id":"def_fake1","workspace_id":"ws_fake1","configuration":{},"source_type":"google-sheets"}""";
    private const string Destination = """{"destination_id":"{0}","name":"Knowledge base","destination_definition_id":"ddef_fake1","workspace_id":"ws_fake1","configuration":{},"destination_type":"knowledge"}""";
    private const string Job = """{"job_id":"{0}","status":"succeeded","job_type":"sync","start_time":"2025-12-22T15:30:00Z","connection_id":"conn_fake1","bytes_synced":2048,"rows_synced":12,"duration":"PT3S"}""";
    private const string Notifications = """{"notifications":[{"notification_type":"email","enabled":true}]}""";

    private static readonly Route[] s_routes =
    [
        new("GET", "/knowledge/connectors/health", Respond(200, Health), IsPublic: true),
        new("GET", Org + "/health", Respond(200, Health)),

        new("GET", Org + "/workspaces", Respond(200, "[" + With(Workspace, "ws_fake1") + "]")),
        new("POST", Org + "/workspaces", Respond(201, With(Workspace, "ws_fake2"))),
        new("GET", Org + "/workspaces/{workspace_id}", Respond(200, Workspace)),
        new("PATCH", Org + "/workspaces/{workspace_id}", Respond(200, Workspace)),
        new("DELETE", Org + "/workspaces/{workspace_id}", Respond(204, null)),

        new("GET", Org + "/source-definitions", Respond(200, "[" + With(SourceDefinition, "def_fake1") + "]")),
        new("POST", Org + "/source-definitions", Respond(201, With(SourceDefinition, "def_fake2"))),
        new("GET", Org + "/source-definitions/{definition_id}", Respond(200, SourceDefinition)),
        new("PATCH", Org + "/source-definitions/{definition_id}", Respond(200, SourceDefinition)),
        new("DELETE", Org + "/source-definitions/{definition_id}", Respond(204, null)),
        new("GET", Org + "/source-definitions/{definition_id}/spec", Respond(200, """
            {"connection_specification":{"type":"object","required":["spreadsheet_id"],"properties":{"spreadsheet_id":{"type":"string"}}},"documentation_url":"https://docs.example.com/google-sheets","supported_destination_sync_modes":["overwrite","append"]}
            """)),

        new("GET", Org + "/connections", Respond(200, "[" + With(Connection, "conn_fake1") + "]")),
        new("POST", Org + "/connections", Respond(201, With(Connection, "conn_fake2"))),
        new("POST", Org + "/connections/test", TestConnectionAsync),
        new("GET", Org + "/connections/{connection_id}", Respond(200, Connection)),
        new("PATCH", Org + "/connections/{connection_id}", Respond(200, Connection)),
        new("DELETE", Org + "/connections/{connection_id}", Respond(204, null)),
        new("POST", Org + "/connections/{connection_id}/pause", Respond(200, Connection.Replace("\"active\"", "\"inactive\"", StringComparison.Ordinal))),
        new("POST", Org + "/connections/{connection_id}/refresh", Respond(200, """{"status":"running"}""")),
        new("POST", Org + "/connections/{connection_id}/clear", Respond(200, """{"status":"running"}""")),
        new("GET", Org + "/connections/{connection_id}/schema-changes", Respond(200, """{"changes":[{"stream":"users","change":"column_added","column":"email"}]}""")),
        new("POST", Org + "/connections/{connection_id}/refresh-schema", Respond(200, """{"status":"succeeded"}""")),
        new("PATCH", Org + "/connections/{connection_id}/schema-propagation", Respond(200, """{"propagation_strategy":"propagate_columns"}""")),
        new("GET", Org + "/connections/{connection_id}/timeline", Respond(200, """
            {"data":[{"event_id":"evt_fake2","event_type":"sync_succeeded","created_at":"2025-12-22T15:31:00Z","summary":"Synced 12 rows"},{"event_id":"evt_fake1","event_type":"sync_started","created_at":"2025-12-22T15:30:00Z","summary":"Sync started"}]}
            """)),

        new("GET", Org + "/sources", Respond(200, "[" + With(Source, "src_abc123") + "]")),
        new("POST", Org + "/sources", Respond(201, With(Source, "src_fake2"))),
        new("POST", Org + "/sources/test", Respond(200, """{"status":"succeeded"}""")),
        new("POST", Org + "/sources/oauth", Respond(200, """{"consent_url":"https://accounts.example.com/o/oauth2/consent?state=fake"}""")),
        new("POST", Org + "/sources/authorize", Respond(200, """{"authorization_url":"https://accounts.example.com/o/oauth2/auth?state=fake","connection_id":"conn_oauth1"}""")),
        new("POST", Org + "/sources/oauth/callback", Respond(200, With(Source, "src_oauth1"))),
        new("GET", Org + "/sources/{source_id}", Respond(200, Source)),
        new("PUT", Org + "/sources/{source_id}", Respond(200, Source)),
        new("PATCH", Org + "/sources/{source_id}", Respond(200, Source)),
        new("DELETE", Org + "/sources/{source_id}", Respond(204, null)),
        new("GET", Org + "/streams", Respond(200, """
            [{"stream_name":"users","sync_modes":["full_refresh","incremental"],"default_cursor_field":["updated_at"],"source_defined_primary_key":[["id"]],"property_fields":[["id"],["email"],["updated_at"]]}]
            """)),

        new("GET", Org + "/destinations", Respond(200, "[" + With(Destination, "dst_fake1") + "]")),
        new("POST", Org + "/destinations", Respond(201, With(Destination, "dst_fake2"))),
        new("GET", Org + "/destinations/{destination_id}", Respond(200, Destination)),
        new("PATCH", Org + "/destinations/{destination_id}", Respond(200, Destination)),
        new("DELETE", Org + "/destinations/{destination_id}", Respond(204, null)),

        new("GET", Org + "/jobs", Respond(200, "[" + With(Job, "job_fake1") + "]")),
        new("POST", Org + "/jobs", Respond(201, With(Job, "job_fake2").Replace("\"succeeded\"", "\"pending\"", StringComparison.Ordinal))),
        new("GET", Org + "/jobs/{job_id}", Respond(200, Job)),
        new("DELETE", Org + "/jobs/{job_id}", Respond(204, null)),
        new("POST", Org + "/jobs/{job_id}/retry", Respond(200, """{"job_id":"job_fake3","status":"pending","job_type":"sync","connection_id":"conn_fake1"}""")),

        new("GET", Org + "/notifications", Respond(200, Notifications)),
        new("PATCH", Org + "/notifications", Respond(200, Notifications)),
        new("POST", Org + "/notifications/test", Respond(200, """{"status":"sent"}""")),

        new("POST", "/model/response", StreamModelResponseAsync),
    ];

    private readonly WebApplication _app;
    private readonly string _apiKey;
    private readonly List<string> _answered = [];
    private int _requestCount;

    private FakeAitronosApi(WebApplication app, string apiKey)
    {
        _app = app;
        _apiKey = apiKey;
    }

    /// <summary>The operations the fake answers, as <c>METHOD /path/template</c> (relative to the base URL, as in the spec).</summary>
    public static IEnumerable<string> Operations => s_routes.Select(route => route.Method + " " + route.Template);

    /// <summary>The API's base URL, like the real <c>https://api.aitronos.com/v1</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The requests answered so far, as <c>METHOD /path/template</c>, in order (for tests).</summary>
    public IReadOnlyList<string> Answered
    {
        get
        {
            lock (_answered)
            {
                return _answered.ToArray();
            }
        }
    }

    /// <summary>Starts the fake on an OS-assigned loopback port, accepting <paramref name="apiKey"/> as API key or bearer token.</summary>
    public static async Task<FakeAitronosApi> StartAsync(string apiKey)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();

        var fake = new FakeAitronosApi(app, apiKey);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/v1");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var requestNumber = Interlocked.Increment(ref _requestCount);
        context.Response.Headers["x-request-id"] = $"req_fake_{requestNumber:D6}";

        var path = context.Request.Path.Value ?? string.Empty;
        var matches = path.StartsWith("/v1/", StringComparison.Ordinal)
            ? s_routes.Select(route => (Route: route, Values: route.Match(path.AsSpan(3)))).Where(m => m.Values is not null).ToList()
            : [];
        if (matches.Count == 0)
        {
            await RespondAsync(context, StatusCodes.Status404NotFound, """{"detail":"Not Found"}""");
            return;
        }

        // A literal segment beats a parameter: POST .../sources/test is not POST .../sources/{source_id}.
        var (route, values) = matches
            .Where(m => string.Equals(m.Route.Method, context.Request.Method, StringComparison.OrdinalIgnoreCase))
            .OrderBy(m => m.Values!.Length)
            .FirstOrDefault();
        if (route is null)
        {
            await RespondAsync(context, StatusCodes.Status405MethodNotAllowed, """{"detail":"Method Not Allowed"}""");
            return;
        }

        if (!route.IsPublic && !IsAuthenticated(context.Request))
        {
            await RespondAsync(context, StatusCodes.Status401Unauthorized, InvalidApiKeyEnvelope);
            return;
        }

        lock (_answered)
        {
            _answered.Add(route.Method + " " + route.Template);
        }

        await route.Handle(context, values!);
    }

    private bool IsAuthenticated(HttpRequest request)
        => request.Headers["X-API-Key"].ToString() == _apiKey
            || request.Headers.Authorization.ToString() == "Bearer " + _apiKey;

    /// <summary>A handler answering <paramref name="status"/> with <paramref name="json"/>, its <c>{0}</c> replaced by the path's last id.</summary>
    private static Func<HttpContext, string[], Task> Respond(int status, string? json)
        => (context, values) => json is null
            ? RespondAsync(context, status, null)
            : RespondAsync(context, status, values.Length > 0 ? With(json, values[^1]) : json);

    private static string With(string json, string id) => json.Replace("{0}", JsonEncodedText.Encode(id).ToString(), StringComparison.Ordinal);

    private static async Task TestConnectionAsync(HttpContext context, string[] values)
    {
        var sourceId = await ReadSourceIdAsync(context);
        if (sourceId is null)
        {
            await RespondAsync(context, StatusCodes.Status422UnprocessableEntity,
                """{"detail":[{"type":"missing","loc":["body","source_id"],"msg":"Field required","input":{}}]}""");
        }
        else if (sourceId == BrokenSourceId)
        {
            await RespondAsync(context, StatusCodes.Status400BadRequest, InvalidConfigEnvelope);
        }
        else
        {
            await RespondAsync(context, StatusCodes.Status200OK, """{"status":"succeeded","message":"Connection test passed"}""");
        }
    }

    /// <summary>The documented event names, in order, each flushed on its own, with a short pause between the text deltas.</summary>
    private static async Task StreamModelResponseAsync(HttpContext context, string[] values)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var aborted = context.RequestAborted;

        await WriteEventAsync(context, "response.created", """{"response":{"id":"resp_fake1","status":"in_progress"}}""", aborted);
        await WriteEventAsync(context, "response.output_item.added", """{"item":{"type":"message","role":"assistant"}}""", aborted);
        foreach (var delta in StreamedDeltas)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(40), aborted);
            await WriteEventAsync(context, "response.output_text.delta", "{\"delta\":\"" + JsonEncodedText.Encode(delta) + "\"}", aborted);
        }

        var text = JsonEncodedText.Encode(string.Concat(StreamedDeltas)).ToString();
        await WriteEventAsync(context, "response.output_text.done", "{\"text\":\"" + text + "\"}", aborted);
        await WriteEventAsync(context, "response.completed", """{"response":{"id":"resp_fake1","status":"completed"}}""", aborted);
    }

    private static async Task WriteEventAsync(HttpContext context, string name, string data, CancellationToken cancellationToken)
    {
        await context.Response.WriteAsync("event: " + name + "\ndata: " + data + "\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>The body's <c>source_id</c>, or <see langword="null"/> when the body is not an object carrying one.</summary>
    private static async Task<string?> ReadSourceIdAsync(HttpContext context)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("source_id", out var sourceId)
                && sourceId.ValueKind == JsonValueKind.String
                ? sourceId.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task RespondAsync(HttpContext context, int statusCode, string? json)
    {
        context.Response.StatusCode = statusCode;
        if (json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json.Trim(), context.RequestAborted);
        }
    }

    /// <summary>One operation: its method, its path template relative to <c>/v1</c>, and what answers it.</summary>
    private sealed record Route(string Method, string Template, Func<HttpContext, string[], Task> Handle, bool IsPublic = false)
    {
        private readonly string[] _segments = Template.Split('/');

        /// <summary>The path parameters' values when <paramref name="path"/> fits the template, else <see langword="null"/>.</summary>
        public string[]? Match(ReadOnlySpan<char> path)
        {
            var values = new List<string>();
            var segment = 0;
            foreach (var range in path.Split('/'))
            {
                if (segment == _segments.Length)
                {
                    return null;
                }

                var text = path[range];
                var expected = _segments[segment++];
                if (expected.StartsWith('{'))
                {
                    if (text.IsEmpty)
                    {
                        return null;
                    }

                    values.Add(Uri.UnescapeDataString(text.ToString()));
                }
                else if (!text.SequenceEqual(expected))
                {
                    return null;
                }
            }

            return segment == _segments.Length ? values.ToArray() : null;
        }
    }
}
