using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.Extensions.Logging;
using Xunit;
using static Aitronos.Codegen.Runtime.Tests.RetryTests;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// The log lines of calls against a real Kestrel server, through <see cref="ApiClientOptions.LoggerFactory"/>: what they
/// carry, and that no credential reaches them, neither in the message nor in a structured value.
/// </summary>
public sealed class LoggingTests
{
    private const string HeaderKey = "ak_header_secret_0123456789abcdef";
    private const string QueryKey = "ak_query_secret_0123456789abcdef";
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.bearer_secret_token.signature";
    private const string Password = "basic_pa55w0rd_secret";

    [Fact]
    public async Task A_call_logs_sending_and_received_lines_with_method_url_status_duration_attempt_and_request_id_but_never_the_header_key()
    {
        // The server echoes the key in its error body, as real APIs do for a rejected key.
        await using var server = await Scripted(Answer(401, $$"""{"detail":"invalid key {{HeaderKey}}"}""", ("x-request-id", "req_abc123")));
        var logs = new CapturingLoggerFactory();
        using var transport = TestApi.Transport(server, options =>
        {
            options.ApiKey = HeaderKey;
            options.LoggerFactory = logs;
        });

        await Assert.ThrowsAsync<AuthenticationException>(() => TestApi.GetAsync(transport, "/items?limit=5"));

        Assert.Equal(HeaderKey, server.Requests.Single().Header("X-API-Key"));
        var url = $"http://127.0.0.1:{server.BaseUrl.Port}/v1/items?limit=5";
        var sending = Assert.Single(logs.Lines, line => line.EventId.Id == 1);
        Assert.Equal(LogLevel.Debug, sending.Level);
        Assert.Equal("Aitronos.Codegen.Runtime.ApiTransport", sending.Category);
        Assert.Equal($"TestClient sending GET {url}, attempt 1", sending.Message);
        var received = Assert.Single(logs.Lines, line => line.EventId.Id == 2);
        Assert.Equal(LogLevel.Information, received.Level);
        Assert.Equal(401, received.Values["StatusCode"]);
        Assert.Equal("GET", received.Values["Method"]);
        Assert.Equal(url, received.Values["Url"]);
        Assert.Equal(1, received.Values["Attempt"]);
        Assert.Equal("req_abc123", received.Values["RequestId"]);
        Assert.IsType<double>(received.Values["ElapsedMilliseconds"]);
        Assert.StartsWith($"TestClient received 401 for GET {url} in ", received.Message);
        Assert.EndsWith(" ms, attempt 1, request id req_abc123", received.Message);
        var failed = Assert.Single(logs.Lines, line => line.EventId.Id == 5);
        Assert.Equal(LogLevel.Warning, failed.Level);
        Assert.Equal("401", failed.Values["ErrorType"]);
        Assert.DoesNotContain(HeaderKey, logs.AllText);
    }

    [Fact]
    public async Task An_api_key_in_the_query_is_logged_as_redacted()
    {
        await using var server = await Scripted(Answer(200, "ok"));
        var logs = new CapturingLoggerFactory();
        using var transport = TestApi.Transport(
            server,
            options =>
            {
                options.ApiKey = QueryKey;
                options.LoggerFactory = logs;
            },
            TestApi.Description(location: ApiKeyLocation.Query));

        await TestApi.GetAsync(transport, "/items?limit=5");

        Assert.Contains("api_key=" + QueryKey, server.Requests.Single().Target);
        var received = Assert.Single(logs.Lines, line => line.EventId.Id == 2);
        Assert.Equal($"http://127.0.0.1:{server.BaseUrl.Port}/v1/items?limit=5&api_key=REDACTED", received.Values["Url"]);
        Assert.DoesNotContain(QueryKey, logs.AllText);
        Assert.DoesNotContain(Uri.EscapeDataString(QueryKey), logs.AllText);
    }

    [Fact]
    public async Task A_retried_call_with_a_bearer_token_logs_each_attempt_and_the_retry_but_never_the_token()
    {
        await using var server = await Scripted(Answer(503, $$"""{"detail":"busy, token {{Token}}"}"""), Answer(200, "ok", ("x-request-id", "req_ok")));
        var logs = new CapturingLoggerFactory();
        var clock = new VirtualRetryClock();
        using var transport = TestApi.Transport(server, options =>
        {
            options.AccessTokenProvider = _ => new ValueTask<string?>(Token);
            options.RetryClock = clock;
            options.LoggerFactory = logs;
        });

        Assert.Equal("ok", await TestApi.GetAsync(transport, "/items", ApiAuth.Bearer));

        Assert.Equal("Bearer " + Token, server.Requests[0].Header("Authorization"));
        Assert.Equal(new object?[] { 503, 200 }, logs.Lines.Where(line => line.EventId.Id == 2).Select(line => line.Values["StatusCode"]));
        Assert.Equal(new object?[] { 1, 2 }, logs.Lines.Where(line => line.EventId.Id == 1).Select(line => line.Values["Attempt"]));
        var retrying = Assert.Single(logs.Lines, line => line.EventId.Id == 4);
        Assert.Equal(LogLevel.Information, retrying.Level);
        Assert.Equal("503", retrying.Values["ErrorType"]);
        Assert.Equal(1, retrying.Values["Attempt"]);
        Assert.Equal(clock.Delays.Single().TotalMilliseconds, retrying.Values["DelayMilliseconds"]);
        Assert.DoesNotContain(logs.Lines, line => line.EventId.Id == 5);
        Assert.DoesNotContain(Token, logs.AllText);
        Assert.DoesNotContain("bearer_secret_token", logs.AllText);
    }

    [Fact]
    public async Task Basic_auth_user_info_and_credential_query_parameters_are_logged_as_redacted()
    {
        await using var server = await Scripted(Answer(200, "ok"));
        var logs = new CapturingLoggerFactory();
        using var transport = new ApiTransport(TestApi.Description(), new ApiClientOptions
        {
            BaseUrl = new Uri($"http://user:{Password}@127.0.0.1:{server.BaseUrl.Port}/v1"),
            LoggerFactory = logs,
        });

        await TestApi.GetAsync(transport, "/items?access_token=tok_in_query_0123456789&page=2");

        var received = Assert.Single(logs.Lines, line => line.EventId.Id == 2);
        Assert.Equal($"http://REDACTED:REDACTED@127.0.0.1:{server.BaseUrl.Port}/v1/items?access_token=REDACTED&page=2", received.Values["Url"]);
        Assert.DoesNotContain(Password, logs.AllText);
        Assert.DoesNotContain("tok_in_query_0123456789", logs.AllText);
    }

    [Fact]
    public async Task An_attempt_without_a_response_is_a_warning_naming_the_exception_type_with_its_redacted_message()
    {
        var logs = new CapturingLoggerFactory();
        using var transport = new ApiTransport(
            TestApi.Description(location: ApiKeyLocation.Query),
            new ApiClientOptions
            {
                BaseUrl = new Uri($"http://127.0.0.1:{LoopbackServer.GetClosedPort()}/v1"),
                ApiKey = QueryKey,
                MaxRetries = 0,
                LoggerFactory = logs,
            });

        await Assert.ThrowsAsync<ApiConnectionException>(() => TestApi.GetAsync(transport, "/items"));

        var noResponse = Assert.Single(logs.Lines, line => line.EventId.Id == 3);
        Assert.Equal(LogLevel.Warning, noResponse.Level);
        Assert.Equal(typeof(ApiConnectionException).FullName, noResponse.Values["ErrorType"]);
        Assert.Contains("got no response", (string)noResponse.Values["Error"]!);
        Assert.Null(noResponse.Exception);
        Assert.Equal(typeof(ApiConnectionException).FullName, Assert.Single(logs.Lines, line => line.EventId.Id == 5).Values["ErrorType"]);
        Assert.DoesNotContain(QueryKey, logs.AllText);
    }

    [Fact]
    public async Task Lines_below_the_loggers_level_are_not_written()
    {
        await using var server = await Scripted(Answer(200, "ok"));
        var warnings = new CapturingLoggerFactory(LogLevel.Warning);
        var information = new CapturingLoggerFactory(LogLevel.Information);
        using var quiet = TestApi.Transport(server, options => options.LoggerFactory = warnings);
        using var normal = TestApi.Transport(server, options => options.LoggerFactory = information);

        await TestApi.GetAsync(quiet, "/items");
        await TestApi.GetAsync(normal, "/items");

        Assert.Empty(warnings.Lines);
        Assert.Equal(new[] { 2 }, information.Lines.Select(line => line.EventId.Id));
    }

    [Fact]
    public void The_options_show_whether_a_logger_factory_is_set_and_nothing_more()
    {
        Assert.Contains("LoggerFactory = (not set)", new ApiClientOptions().ToString());
        Assert.Contains("LoggerFactory = CapturingLoggerFactory", new ApiClientOptions { LoggerFactory = new CapturingLoggerFactory() }.ToString());
    }
}
