using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// Retries as a user of the generated client sees them: on by default, per call through a scope, POSTs only with an
/// idempotency key. A scope reaches the generated methods without passing their options argument.
/// </summary>
public sealed class RetryTests
{
    private const string Succeeded = """{"status":"succeeded","message":"Connection test passed"}""";

    [Fact]
    public async Task A_get_that_meets_two_503s_succeeds_on_the_third_attempt()
    {
        await using var server = await Scripted(503, 503, 200, """{"status":"ok","available":true}""");
        using var client = Client(server);

        var health = await client.KnowledgeConnectors.GetHealthAsync();

        Expect.Equal("ok", health.Status, "HealthStatus.Status after two 503s");
        Expect.Equal(3, server.Requests.Count, "requests the server received");
    }

    [Fact]
    public async Task A_scope_turns_retries_off_for_the_calls_inside_it()
    {
        await using var server = await Scripted(503, 503, 200, """{"status":"ok","available":true}""");
        using var client = Client(server);

        using (ApiRequestOptions.BeginScope(new ApiRequestOptions { MaxRetries = 0 }))
        {
            var exception = await Expect.ThrowsAsync<InternalServerException>(() => client.KnowledgeConnectors.GetHealthAsync(), "GetHealthAsync with retries off");
            Expect.Equal(1, exception.Attempts, "Attempts");
        }

        Expect.Equal(1, server.Requests.Count, "requests the server received");
    }

    [Fact]
    public async Task A_post_is_retried_only_with_an_idempotency_key_which_stays_the_same()
    {
        await using var server = await Scripted(500, 500, 200, Succeeded);
        using var client = Client(server);
        var request = new TestConnectionRequest { SourceId = "src_abc123" };

        var exception = await Expect.ThrowsAsync<InternalServerException>(
            () => client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", request), "TestConnectionAsync without a key");
        Expect.Equal(1, exception.Attempts, "Attempts of a POST without a key");

        TestConnectionResult result;
        using (ApiRequestOptions.BeginScope(new ApiRequestOptions { IdempotencyKey = "op_7f3a9c" }))
        {
            result = await client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", request);
        }

        Expect.Equal("Connection test passed", result.Message, "TestConnectionResult.Message");
        Expect.Sequence(
            new string?[] { null, "op_7f3a9c", "op_7f3a9c" },
            server.Requests.Select(received => received.Header("Idempotency-Key")),
            "Idempotency-Key of each request");
    }

    private static AitronosClient Client(LoopbackServer server)
        => new(new AitronosClientOptions
        {
            BaseUrl = new Uri(server.BaseUrl, "v1"),
            ApiKey = TestApi.ApiKey,
            InitialRetryDelay = TimeSpan.FromMilliseconds(2),
        });

    /// <summary>Answers with the statuses in turn (the last repeats), with <paramref name="body"/> on the last.</summary>
    private static Task<LoopbackServer> Scripted(int first, int second, int last, string body)
    {
        var count = 0;
        return LoopbackServer.StartAsync(context => Interlocked.Increment(ref count) switch
        {
            1 => LoopbackServer.RespondAsync(context, first, "{}"),
            2 => LoopbackServer.RespondAsync(context, second, "{}"),
            _ => LoopbackServer.RespondAsync(context, last, body),
        });
    }
}
