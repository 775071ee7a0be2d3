using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aitronos;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// What a user of the generated client sees of a call in traces, metrics and logs: the options' logger factory reaches
/// the transport, and the API key reaches none of them.
/// </summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task A_generated_call_that_is_retried_gives_one_span_one_measurement_and_log_lines_without_the_key()
    {
        var count = 0;
        await using var server = await LoopbackServer.StartAsync(context => Interlocked.Increment(ref count) == 1
            ? LoopbackServer.RespondAsync(context, 503, "{}")
            : LoopbackServer.RespondAsync(context, 200, """{"status":"ok","available":true}"""));
        using var capture = new TelemetryCapture(server.BaseUrl.Port);
        var logs = new CapturingLoggerFactory();
        using var client = new AitronosClient(new AitronosClientOptions
        {
            BaseUrl = new Uri(server.BaseUrl, "v1"),
            ApiKey = TestApi.ApiKey,
            InitialRetryDelay = TimeSpan.FromMilliseconds(2),
            LoggerFactory = logs,
        });

        // A POST answered 503 without Retry-After is not retried (the server may have acted), so a GET is used.
        var health = await client.KnowledgeConnectors.GetHealthAsync();

        Expect.Equal("ok", health.Status, "HealthStatus.Status");
        var span = capture.SingleSpan();
        Expect.Equal(ActivityKind.Client, span.Kind, "span kind");
        Expect.Equal("GET /v1/knowledge/connectors/health", span.DisplayName, "span name (the generated call names its route template)");
        Expect.Equal("/v1/knowledge/connectors/health", span.GetTagItem("url.template"), "url.template");
        Expect.Equal("GET", span.GetTagItem("http.request.method"), "http.request.method");
        Expect.Equal(1, span.GetTagItem("http.request.resend_count"), "http.request.resend_count");
        Expect.Equal(200, span.GetTagItem("http.response.status_code"), "http.response.status_code");
        Expect.Equal(200, capture.SingleMeasurement().Tags["http.response.status_code"], "status code on the duration measurement");
        Expect.Equal(2, logs.Lines.Count(line => line.EventId.Id == 2), "'received' log lines (one per attempt)");
        Expect.Equal(1, logs.Lines.Count(line => line.EventId.Id == 4), "'retrying' log lines");
        Assert.All(logs.Lines, line => Assert.StartsWith("AitronosClient ", line.Message));
        Assert.DoesNotContain(TestApi.ApiKey, logs.AllText);
        Assert.DoesNotContain(TestApi.ApiKey, string.Join(";", span.TagObjects.Select(tag => tag.Value)));
    }
}
