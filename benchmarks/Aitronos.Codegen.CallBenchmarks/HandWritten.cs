using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.CallBenchmarks;

/// <summary>
/// The call as a careful person writes it by hand: one shared <see cref="HttpClient"/>, the body serialized to bytes
/// with System.Text.Json's source generator, the status checked, the result read with <c>ReadFromJsonAsync</c>.
/// </summary>
internal sealed class HandWrittenClient(HttpClient httpClient, Uri baseUrl, string apiKey, string userAgent)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly string _baseUrl = baseUrl.ToString().TrimEnd('/');

    public async Task<HandTestConnectionResult> TestConnectionAsync(string organizationId, HandTestConnectionRequest body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            _baseUrl + "/organizations/" + Uri.EscapeDataString(organizationId) + "/knowledge/connectors/connections/test");
        request.Headers.TryAddWithoutValidation("X-API-Key", apiKey);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, HandJsonContext.Default.HandTestConnectionRequest));
        request.Content.Headers.ContentType = Json;
        using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(HandJsonContext.Default.HandTestConnectionResult, cancellationToken).ConfigureAwait(false))!;
    }
}

public sealed class HandTestConnectionRequest
{
    public required string SourceId { get; init; }

    public string? DestinationId { get; init; }
}

public sealed class HandTestConnectionResult
{
    public required string Status { get; init; }

    public string? Message { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HandTestConnectionRequest))]
[JsonSerializable(typeof(HandTestConnectionResult))]
internal sealed partial class HandJsonContext : JsonSerializerContext
{
}
