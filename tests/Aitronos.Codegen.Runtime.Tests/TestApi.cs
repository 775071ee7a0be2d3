using System;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>What generated code would build: an API description, a transport over a loopback server, one call.</summary>
internal static class TestApi
{
    public const string Name = "TestClient";

    public static ApiDescription Description(string? apiKeyVariable = null, string? bearerVariable = null, ApiKeyLocation location = ApiKeyLocation.Header, string? defaultBaseUrl = null)
        => new(
            Name,
            defaultBaseUrl,
            new ApiKeySecurity(location == ApiKeyLocation.Header ? "X-API-Key" : "api_key", location, apiKeyVariable),
            new BearerSecurity(bearerVariable));

    /// <summary>A transport whose base URL is the server's <c>/v1</c>, as for the real API.</summary>
    public static ApiTransport Transport(LoopbackServer server, Action<ApiClientOptions>? configure = null, ApiDescription? api = null)
    {
        var options = new ApiClientOptions { BaseUrl = new Uri(server.BaseUrl, "v1") };
        configure?.Invoke(options);
        return new ApiTransport(api ?? Description(), options);
    }

    /// <summary>Sends a GET and returns the response body, as a generated operation returning text would.</summary>
    public static async Task<string> GetAsync(ApiTransport transport, string pathAndQuery, ApiAuth auth = ApiAuth.ApiKey | ApiAuth.Bearer, CancellationToken cancellationToken = default)
    {
        using var request = transport.CreateRequest(HttpMethod.Get, pathAndQuery);
        using var response = await transport.SendAsync(request, auth, cancellationToken);
        return await ApiTransport.ReadStringAsync(response, cancellationToken);
    }

    /// <summary>Sends a GET that must fail with an exception of type <typeparamref name="T"/>.</summary>
    public static async Task<T> FailAsync<T>(ApiTransport transport, string pathAndQuery = "/items", CancellationToken cancellationToken = default)
        where T : Exception
        => await Xunit.Assert.ThrowsAsync<T>(() => GetAsync(transport, pathAndQuery, cancellationToken: cancellationToken));
}

public sealed record TestConnectionRequest(string SourceId, string? DestinationId);

public sealed record TestConnectionResult(string Status, string? Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TestConnectionRequest))]
[JsonSerializable(typeof(TestConnectionResult))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}
