using System;
using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>Failures without a usable response: no connection, too slow, canceled, or a body that is not what was promised.</summary>
public sealed class TransportFailureTests
{
    private static Task<LoopbackServer> StartSlowServer() => LoopbackServer.StartAsync(async ctx =>
    {
        await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
        await LoopbackServer.RespondAsync(ctx, 200, "late", "text/plain");
    });

    [Fact]
    public async Task Refused_connection_is_an_api_connection_exception()
    {
        var port = LoopbackServer.GetClosedPort();
        var options = new ApiClientOptions { BaseUrl = new Uri($"http://127.0.0.1:{port}/v1") };
        using var transport = new ApiTransport(TestApi.Description(), options);

        var exception = await TestApi.FailAsync<ApiConnectionException>(transport, "/items?limit=1");

        Assert.Null(exception.StatusCode);
        Assert.Null(exception.RawBody);
        Assert.Empty(exception.Headers);
        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Contains($"GET http://127.0.0.1:{port}/v1/items", exception.Message);
        Assert.StartsWith(TestApi.Name + ":", exception.Message);
    }

    [Fact]
    public async Task Server_slower_than_the_timeout_gives_an_api_timeout_exception()
    {
        await using var server = await StartSlowServer();
        using var transport = TestApi.Transport(server, options => options.Timeout = TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var exception = await TestApi.FailAsync<ApiTimeoutException>(transport);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromMilliseconds(200), exception.Timeout);
        Assert.Contains("200 ms", exception.Message);
        Assert.Contains("ApiClientOptions.Timeout", exception.Message);
        Assert.Null(exception.StatusCode);
        Assert.IsAssignableFrom<OperationCanceledException>(exception.InnerException);
    }

    [Fact]
    public async Task Timeout_of_a_caller_supplied_HttpClient_is_an_api_timeout_exception_too()
    {
        await using var server = await StartSlowServer();
        using var httpClient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var options = new ApiClientOptions { BaseUrl = server.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        using var transport = new ApiTransport(TestApi.Description(), options, httpClient);

        var exception = await TestApi.FailAsync<ApiTimeoutException>(transport);

        Assert.Equal(TimeSpan.FromMilliseconds(300), exception.Timeout);
        Assert.Contains("HttpClient.Timeout", exception.Message);
    }

    [Fact]
    public async Task Caller_cancellation_is_an_operation_canceled_exception_carrying_the_callers_token()
    {
        await using var server = await StartSlowServer();
        using var transport = TestApi.Transport(server, options => options.Timeout = TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestApi.GetAsync(transport, "/items", cancellationToken: cancellation.Token));

        Assert.Equal(cancellation.Token, exception.CancellationToken);
    }

    [Fact]
    public async Task Token_already_canceled_sends_nothing()
    {
        await using var server = await LoopbackServer.StartAsync(ctx => LoopbackServer.RespondAsync(ctx, 200, "ok"));
        using var transport = TestApi.Transport(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestApi.GetAsync(transport, "/items", cancellationToken: new CancellationToken(canceled: true)));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Invalid_json_on_200_is_an_api_response_format_exception()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            ctx.Response.Headers["x-request-id"] = "req_format";
            return LoopbackServer.RespondAsync(ctx, 200, "{\"status\": oops}");
        });
        using var transport = TestApi.Transport(server);
        using var request = transport.CreateRequest(HttpMethod.Get, "/result");
        using var response = await transport.SendAsync(request, ApiAuth.None, default);

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(() =>
            ApiTransport.ReadJsonAsync(response, TestJsonContext.Default.TestConnectionResult, default));

        Assert.Equal(200, exception.StatusCode);
        Assert.Equal("{\"status\": oops}", exception.RawBody);
        Assert.Equal("req_format", exception.RequestId);
        Assert.IsType<JsonException>(exception.InnerException, exactMatch: false);
        Assert.StartsWith("200 OK: the response body is not valid TestConnectionResult JSON", exception.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    public async Task Empty_body_where_a_value_is_required_is_an_api_response_format_exception(string body)
    {
        await using var server = await LoopbackServer.StartAsync(ctx => LoopbackServer.RespondAsync(ctx, 200, body));
        using var transport = TestApi.Transport(server);
        using var request = transport.CreateRequest(HttpMethod.Get, "/result");
        using var response = await transport.SendAsync(request, ApiAuth.None, default);

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(() =>
            ApiTransport.ReadJsonAsync(response, TestJsonContext.Default.TestConnectionResult, default));

        Assert.Equal("200 OK: the response has no body, but TestConnectionResult was expected.", exception.Message);
        Assert.Null(exception.InnerException);
    }

    [Fact]
    public async Task Json_of_another_shape_is_an_api_response_format_exception()
    {
        await using var server = await LoopbackServer.StartAsync(ctx => LoopbackServer.RespondAsync(ctx, 200, "[1,2]"));
        using var transport = TestApi.Transport(server);
        using var request = transport.CreateRequest(HttpMethod.Get, "/result");
        using var response = await transport.SendAsync(request, ApiAuth.None, default);

        var exception = await Assert.ThrowsAsync<ApiResponseFormatException>(() =>
            ApiTransport.ReadJsonAsync(response, TestJsonContext.Default.TestConnectionResult, default));

        Assert.Equal("[1,2]", exception.RawBody);
    }
}
