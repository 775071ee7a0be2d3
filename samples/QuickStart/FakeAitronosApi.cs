using System;
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
/// A small stand-in for the Aitronos API on 127.0.0.1, so that the sample runs without an account. It answers the
/// test-connection endpoint the way the public API reference documents it: the auth check, the 200 result, the
/// 400 error envelope with an <c>x-request-id</c> header, and FastAPI's <c>{"detail":"Not Found"}</c> for
/// unknown routes.
/// </summary>
/// <remarks>
/// Handlers write JSON text by hand rather than through minimal APIs, whose reflection would draw trimming and
/// Native AOT warnings.
/// </remarks>
internal sealed class FakeAitronosApi : IAsyncDisposable
{
    /// <summary>The source id the fake refuses, with the documented <c>CONNECTOR_INVALID_CONFIG</c> error.</summary>
    public const string BrokenSourceId = "src_broken";

    private const string TestConnectionPrefix = "/v1/organizations/";
    private const string TestConnectionSuffix = "/knowledge/connectors/connections/test";

    private const string InvalidConfigEnvelope = """
        {"success":false,"error":{"code":"CONNECTOR_INVALID_CONFIG","message":"The connector configuration is invalid.","type":"client_error","status":400,"details":{},"trace_id":"abc-123-def","timestamp":"2025-12-22T15:30:00Z"}}
        """;

    private const string InvalidApiKeyEnvelope = """
        {"success":false,"error":{"code":"INVALID_API_KEY","message":"The API key or access token is missing or invalid.","type":"authentication_error","status":401,"details":{},"trace_id":"fake-401","timestamp":"2025-12-22T15:30:00Z"}}
        """;

    private readonly WebApplication _app;
    private readonly string _apiKey;
    private int _requestCount;

    private FakeAitronosApi(WebApplication app, string apiKey)
    {
        _app = app;
        _apiKey = apiKey;
    }

    /// <summary>The API's base URL, like the real <c>https://api.aitronos.com/v1</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

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
        if (!IsTestConnectionPath(path))
        {
            await RespondAsync(context, StatusCodes.Status404NotFound, """{"detail":"Not Found"}""");
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await RespondAsync(context, StatusCodes.Status405MethodNotAllowed, """{"detail":"Method Not Allowed"}""");
            return;
        }

        if (!IsAuthenticated(context.Request))
        {
            await RespondAsync(context, StatusCodes.Status401Unauthorized, InvalidApiKeyEnvelope);
            return;
        }

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

    // /v1/organizations/{organization_id}/knowledge/connectors/connections/test, with one non-empty organization segment.
    private static bool IsTestConnectionPath(string path)
        => path.StartsWith(TestConnectionPrefix, StringComparison.Ordinal)
            && path.EndsWith(TestConnectionSuffix, StringComparison.Ordinal)
            && path.Length > TestConnectionPrefix.Length + TestConnectionSuffix.Length
            && path.IndexOf('/', TestConnectionPrefix.Length) == path.Length - TestConnectionSuffix.Length;

    private bool IsAuthenticated(HttpRequest request)
        => request.Headers["X-API-Key"].ToString() == _apiKey
            || request.Headers.Authorization.ToString() == "Bearer " + _apiKey;

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

    private static async Task RespondAsync(HttpContext context, int statusCode, string json)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }
}
