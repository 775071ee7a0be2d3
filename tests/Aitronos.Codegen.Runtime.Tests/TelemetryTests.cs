using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;
using static Aitronos.Codegen.Runtime.Tests.RetryTests;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// The span and the duration measurement one call produces against a real Kestrel server, as an
/// <see cref="ActivityListener"/> and a <see cref="System.Diagnostics.Metrics.MeterListener"/> see them.
/// </summary>
public sealed class TelemetryTests
{
    private const string QueryKey = "ak_query_secret_0123456789abcdef";

    [Fact]
    public async Task A_successful_call_is_one_client_span_named_for_its_template_with_the_http_attributes_and_the_key_redacted()
    {
        await using var server = await Scripted(Answer(200, "ok"));
        using var capture = new TelemetryCapture(server.BaseUrl.Port);
        using var transport = QueryKeyTransport(server);

        Assert.Equal("ok", await transport.CallForStringAsync(
            transport.CreateRequest(HttpMethod.Get, "/items/42?limit=5", "/items/{item_id}"), ApiAuth.ApiKey, default));

        var span = capture.SingleSpan();
        Assert.Equal("GET /v1/items/{item_id}", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(server.BaseUrl.Port, span.GetTagItem("server.port"));
        Assert.Equal("http", span.GetTagItem("url.scheme"));
        Assert.Equal("/v1/items/{item_id}", span.GetTagItem("url.template"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Null(span.GetTagItem("http.request.resend_count"));
        Assert.Equal($"http://127.0.0.1:{server.BaseUrl.Port}/v1/items/42?limit=5", span.GetTagItem("url.full"));
        Assert.Contains("api_key=" + QueryKey, server.Requests.Single().Target);
        AssertNoSecret(span);
    }

    [Fact]
    public async Task A_successful_call_records_one_duration_in_seconds_with_the_conventional_attributes()
    {
        await using var server = await Scripted(Answer(200, "ok"));
        using var capture = new TelemetryCapture(server.BaseUrl.Port);
        using var transport = QueryKeyTransport(server);

        await transport.CallForStringAsync(transport.CreateRequest(HttpMethod.Get, "/items/42", "/items/{item_id}"), ApiAuth.ApiKey, default);

        var measurement = capture.SingleMeasurement();
        Assert.Equal("http.client.request.duration", measurement.Instrument);
        Assert.Equal("s", measurement.Unit);
        Assert.True(measurement.Value >= 0, $"duration {measurement.Value}");
        Assert.Equal("GET", measurement.Tags["http.request.method"]);
        Assert.Equal("127.0.0.1", measurement.Tags["server.address"]);
        Assert.Equal("http", measurement.Tags["url.scheme"]);
        Assert.Equal("/v1/items/{item_id}", measurement.Tags["url.template"]);
        Assert.Equal(200, measurement.Tags["http.response.status_code"]);
        Assert.Equal("1.1", measurement.Tags["network.protocol.version"]);
        Assert.False(measurement.Tags.ContainsKey("error.type"));
        // High-cardinality values stay on the span.
        Assert.False(measurement.Tags.ContainsKey("url.full"));
    }

    [Fact]
    public async Task Without_a_template_the_span_is_named_for_the_method_alone()
    {
        await using var server = await Scripted(Answer(200, "ok"));
        using var capture = new TelemetryCapture(server.BaseUrl.Port);
        using var transport = TestApi.Transport(server);

        await TestApi.GetAsync(transport, "/items");

        var span = capture.SingleSpan();
        Assert.Equal("GET", span.DisplayName);
        Assert.Null(span.GetTagItem("url.template"));
    }

    [Fact]
    public async Task An_error_status_makes_the_span_an_error_whose_type_is_the_status_code()
    {
        await using var server = await Scripted(Answer(404, """{"detail":"Not Found"}"""));
        using var capture = new TelemetryCapture(server.BaseUrl.Port);
        using var transport = QueryKeyTransport(server);

        await Assert.ThrowsAsync<NotFoundException>(() => transport.CallForStringAsync(
            transport.CreateRequest(HttpMethod.Get, "/items/7", "/items/{item_id}"), ApiAuth.ApiKey, default));

        var span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Equal("404", span.GetTagItem("error.type"));
        var measurement = capture.SingleMeasurement();
        Assert.Equal("404", measurement.Tags["error.type"]);
        Assert.Equal(404, measurement.Tags["http.response.status_code"]);
        AssertNoSecret(span);
    }

    [Fact]
    public async Task A_retried_call_is_one_span_with_an_event_per_failed_attempt_and_the_resend_count()
    {
        await using var server = await Scripted(Answer(503, "busy"), Answer(502, "<html>bad gateway</html>"), Answer(200, "ok"));
        using var capture = new TelemetryCapture(server.BaseUrl.Port);
        var clock = new VirtualRetryClock();
        using var transport = QueryKeyTransport(server, clock);

        Assert.Equal("ok", await transport.CallForStringAsync(
            transport.CreateRequest(HttpMethod.Get, "/items", "/items"), ApiAuth.ApiKey, default));

        Assert.Equal(3, server.Requests.Count);
        var span = capture.SingleSpan();
        Assert.Equal(2, span.GetTagItem("http.request.resend_count"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        var retries = span.Events.Where(e => e.Name == "aitronos.codegen.retry").ToArray();
        Assert.Equal(2, retries.Length);
        Assert.Equal(new object?[] { 1, 2 }, retries.Select(e => Tag(e, "aitronos.codegen.attempt")).ToArray());
        Assert.Equal(new object?[] { 503, 502 }, retries.Select(e => Tag(e, "http.response.status_code")).ToArray());
        Assert.Equal(new object?[] { "503", "502" }, retries.Select(e => Tag(e, "error.type")).ToArray());
        Assert.Equal(clock.Delays.Select(d => (object?)d.TotalSeconds).ToArray(), retries.Select(e => Tag(e, "aitronos.codegen.retry.delay")).ToArray());
        Assert.Equal(200, capture.SingleMeasurement().Tags["http.response.status_code"]);
    }

    [Fact]
    public async Task A_timeout_ends_the_span_with_the_timeout_exception_as_its_error_type_and_no_status_code()
    {
        await using var server = await Scripted(async ctx => await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted));
        using var capture = new TelemetryCapture(server.BaseUrl.Port);
        using var transport = QueryKeyTransport(server, new VirtualRetryClock(), options => options.Timeout = TimeSpan.FromMilliseconds(300));

        var exception = await Assert.ThrowsAsync<ApiTimeoutException>(() => transport.CallForStringAsync(
            transport.CreateRequest(HttpMethod.Get, "/slow", "/slow"), ApiAuth.ApiKey, default));

        Assert.Equal(3, exception.Attempts);
        var span = capture.SingleSpan();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(ApiTimeoutException).FullName, span.GetTagItem("error.type"));
        Assert.Null(span.GetTagItem("http.response.status_code"));
        Assert.Equal(2, span.GetTagItem("http.request.resend_count"));
        Assert.Equal(2, span.Events.Count(e => e.Name == "aitronos.codegen.retry"));
        var measurement = capture.SingleMeasurement();
        Assert.Equal(typeof(ApiTimeoutException).FullName, measurement.Tags["error.type"]);
        Assert.False(measurement.Tags.ContainsKey("http.response.status_code"));
        AssertNoSecret(span);
    }

    [Fact]
    public async Task The_span_is_the_current_activity_while_the_request_is_sent_so_http_client_spans_nest_under_it()
    {
        string? traceParent = null;
        await using var server = await Scripted(ctx =>
        {
            traceParent = ctx.Request.Headers["traceparent"];
            return LoopbackServer.RespondAsync(ctx, 200, "ok", "text/plain");
        });
        using var capture = new TelemetryCapture(server.BaseUrl.Port);
        using var transport = TestApi.Transport(server);

        await TestApi.GetAsync(transport, "/items");

        var span = capture.SingleSpan();
        Assert.NotNull(traceParent);
        Assert.Contains(span.TraceId.ToHexString(), traceParent);
    }

    [Theory]
    [InlineData("http://user:pa55word@example.com:8080/v1/x?a=1&sig=abc&Access_Token=t0k3n#frag", "http://REDACTED:REDACTED@example.com:8080/v1/x?a=1&sig=REDACTED&Access_Token=REDACTED")]
    [InlineData("https://example.com/v1/x?my_key=ak_query_secret_0123456789abcdef", "https://example.com/v1/x?my_key=REDACTED")]
    [InlineData("https://example.com/files/ak_query_secret_0123456789abcdef/raw", "https://example.com/files/***/raw")]
    [InlineData("https://example.com/v1/x?flag&q=a%20b", "https://example.com/v1/x?flag&q=a%20b")]
    public void Telemetry_urls_redact_user_info_credential_parameters_and_known_secrets(string url, string expected)
        => Assert.Equal(expected, TelemetryUrl.Redact(new Uri(url), new[] { "my_key" }, SecretRedactor.For(QueryKey)));

    private static object? Tag(ActivityEvent activityEvent, string name)
        => activityEvent.Tags.FirstOrDefault(tag => tag.Key == name).Value;

    private static void AssertNoSecret(Activity span)
    {
        var text = span.DisplayName + string.Join(";", span.TagObjects.Select(t => t.Key + "=" + t.Value))
            + span.StatusDescription + string.Join(";", span.Events.SelectMany(e => e.Tags).Select(t => t.Key + "=" + t.Value));
        Assert.DoesNotContain(QueryKey, text);
        Assert.DoesNotContain(Uri.EscapeDataString(QueryKey), text);
    }

    private static ApiTransport QueryKeyTransport(LoopbackServer server, VirtualRetryClock? clock = null, Action<ApiClientOptions>? configure = null)
        => TestApi.Transport(
            server,
            options =>
            {
                options.ApiKey = QueryKey;
                options.RetryClock = clock ?? new VirtualRetryClock();
                configure?.Invoke(options);
            },
            TestApi.Description(location: ApiKeyLocation.Query));
}
