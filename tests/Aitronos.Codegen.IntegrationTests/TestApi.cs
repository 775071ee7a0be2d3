using System;
using System.Threading.Tasks;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>Starts a loopback server with a canned answer and points a generated client at it.</summary>
internal static class TestApi
{
    public const string ApiKey = "ak_integration_test_key_0123456789abcdefgh";
    public const string AccessToken = "eyJhbGciOiJIUzI1NiJ9.integration.test-signature";

    /// <summary>The body of the documented test-connection success.</summary>
    public const string TestConnectionSucceeded = """{"status":"succeeded","message":"Connection test passed"}""";

    /// <summary>A server answering every request with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public static Task<LoopbackServer> RespondWith(int status, string? body, Action<HttpResponse>? headers = null)
        => LoopbackServer.StartAsync(context =>
        {
            headers?.Invoke(context.Response);
            return LoopbackServer.RespondAsync(context, status, body);
        });

    /// <summary>A client for <paramref name="server"/> with <c>BaseUrl = {server}/v1</c>, like the real <c>https://api.aitronos.com/v1</c>.</summary>
    public static AitronosClient Client(LoopbackServer server, string? apiKey = ApiKey, string? accessToken = null)
        => new(new AitronosClientOptions
        {
            BaseUrl = new Uri(server.BaseUrl, "v1"),
            ApiKey = apiKey,
            AccessToken = accessToken,
        });

    /// <summary>The one request the server received.</summary>
    public static RecordedRequest SingleRequest(LoopbackServer server)
    {
        var requests = server.Requests;
        Expect.Equal(1, requests.Count, "number of requests the server received");
        return requests[0];
    }
}
