using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Aitronos;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// The raw response of a successful generated call (status, headers, request id, body bytes) beside its typed result,
/// and per-call options passed to the generated method itself.
/// </summary>
public sealed class RawResponseTests
{
    private const string HealthBody = """{ "status": "ok",  "available": true, "extra": [1, 2] }""";

    [Fact]
    public async Task CaptureAsync_returns_the_typed_result_with_status_headers_request_id_and_the_body_as_sent()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["x-request-id"] = "req_raw_1";
            context.Response.Headers["x-ratelimit-remaining"] = "41";
            return LoopbackServer.RespondAsync(context, 200, HealthBody);
        });
        using var client = Client(server);

        ApiResponse<HealthStatus> response = await ApiResponse.CaptureAsync(
            options => client.KnowledgeConnectors.GetHealthAsync(requestOptions: options));

        Expect.Equal("ok", response.Value.Status, "Value.Status");
        Expect.Equal(200, response.StatusCode, "StatusCode");
        Expect.Equal("req_raw_1", response.RequestId, "RequestId");
        Expect.Equal("41", response.Headers["X-RateLimit-Remaining"][0], "a header, looked up in another case");
        Expect.True(response.Headers["content-type"][0].StartsWith("application/json", StringComparison.Ordinal), "content headers are there too");
        Expect.Equal(HealthBody, response.Text, "Text: the body as the server sent it, unknown fields and spacing kept");
        Expect.Equal(HealthBody.Length, response.Content!.Length, "Content: its bytes");
    }

    [Fact]
    public async Task OnResponse_sees_only_the_last_attempt_of_a_retried_call_and_other_options_still_apply()
    {
        var count = 0;
        await using var server = await LoopbackServer.StartAsync(context => Interlocked.Increment(ref count) < 3
            ? LoopbackServer.RespondAsync(context, 503, "{}")
            : LoopbackServer.RespondAsync(context, 200, HealthBody));
        using var client = Client(server);
        var seen = new List<int>();

        var health = await client.KnowledgeConnectors.GetHealthAsync(requestOptions: new ApiRequestOptions { MaxRetries = 2, OnResponse = response => seen.Add(response.StatusCode) });

        Expect.Equal("ok", health.Status, "Status after two 503s");
        Expect.Sequence(new[] { 200 }, seen, "statuses OnResponse saw");
        Expect.Equal(3, server.Requests.Count, "requests the server received");
    }

    [Fact]
    public async Task Options_passed_to_a_generated_method_override_the_clients()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.RespondAsync(context, 503, "{}"));
        using var client = Client(server);

        var exception = await Expect.ThrowsAsync<InternalServerException>(
            () => client.KnowledgeConnectors.GetHealthAsync(requestOptions: new ApiRequestOptions { MaxRetries = 0 }), "GetHealthAsync with MaxRetries = 0 for the call");

        Expect.Equal(1, exception.Attempts, "Attempts");
        Expect.Equal(1, server.Requests.Count, "requests the server received");
    }

    [Fact]
    public async Task A_post_gives_its_response_and_an_idempotency_key_passed_with_it_is_sent()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["x-request-id"] = "req_post_1";
            return LoopbackServer.RespondAsync(context, 200, """{"status":"succeeded","message":"Connection test passed"}""");
        });
        using var client = Client(server);

        var response = await ApiResponse.CaptureAsync(
            options => client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest { SourceId = "src_abc123" }, requestOptions: options),
            new ApiRequestOptions { IdempotencyKey = "op_1" });

        Expect.Equal("Connection test passed", response.Value.Message, "Value.Message");
        Expect.Equal("req_post_1", response.RequestId, "RequestId");
        Expect.Equal("op_1", server.Requests[0].Header("Idempotency-Key"), "Idempotency-Key sent");
    }

    [Fact]
    public async Task CaptureAsync_says_so_when_the_call_does_not_pass_the_options_on()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.RespondAsync(context, 200, HealthBody));
        using var client = Client(server);

        var exception = await Expect.ThrowsAsync<InvalidOperationException>(
            () => ApiResponse.CaptureAsync(_ => client.KnowledgeConnectors.GetHealthAsync()), "CaptureAsync around a call that drops the options");

        Expect.Contains("requestOptions", exception.Message, "message");
    }

    private static AitronosClient Client(LoopbackServer server)
        => new(new AitronosClientOptions
        {
            BaseUrl = new Uri(server.BaseUrl, "v1"),
            ApiKey = TestApi.ApiKey,
            InitialRetryDelay = TimeSpan.FromMilliseconds(2),
        });
}
