using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>What reaches the server: the request target, the headers and the body.</summary>
public sealed class RequestCompositionTests
{
    private static Task<LoopbackServer> StartOkServer() => LoopbackServer.StartAsync(ctx => LoopbackServer.RespondAsync(ctx, 200, "ok", "text/plain"));

    [Theory]
    [InlineData("v1")]
    [InlineData("v1/")]
    public async Task Path_is_appended_to_a_base_url_that_has_a_path_with_segments_escaped(string basePath)
    {
        await using var server = await StartOkServer();
        using var transport = TestApi.Transport(server, options => options.BaseUrl = new Uri(server.BaseUrl, basePath));
        var path = new RequestPath("/organizations/").Segment("org/1 x")
            .Literal("/knowledge/connectors/connections/test").Query("limit", "5").Query("q", "a&b").ToString();

        await TestApi.GetAsync(transport, path);

        Assert.Equal("/v1/organizations/org%2F1%20x/knowledge/connectors/connections/test?limit=5&q=a%26b", server.Requests.Single().Target);
    }

    [Fact]
    public async Task Base_url_without_path_is_the_server_root()
    {
        await using var server = await StartOkServer();
        using var transport = TestApi.Transport(server, options => options.BaseUrl = server.BaseUrl);

        await TestApi.GetAsync(transport, "/items");

        Assert.Equal("/items", server.Requests.Single().Target);
    }

    [Fact]
    public async Task HttpClient_base_address_is_used_when_the_options_set_none_and_wins_over_the_document_server()
    {
        await using var server = await StartOkServer();
        using var httpClient = new HttpClient { BaseAddress = new Uri(server.BaseUrl, "from-client/") };
        using var transport = new ApiTransport(TestApi.Description(defaultBaseUrl: "http://127.0.0.1:1/unused"), new ApiClientOptions(), httpClient);

        await TestApi.GetAsync(transport, "/items");

        Assert.Equal("/from-client/items", server.Requests.Single().Target);
    }

    [Fact]
    public async Task Options_base_url_wins_over_the_HttpClient_base_address()
    {
        await using var server = await StartOkServer();
        using var httpClient = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:1/unused/") };
        using var transport = new ApiTransport(TestApi.Description(), new ApiClientOptions { BaseUrl = new Uri(server.BaseUrl, "v2") }, httpClient);

        await TestApi.GetAsync(transport, "/items");

        Assert.Equal("/v2/items", server.Requests.Single().Target);
    }

    [Fact]
    public async Task Document_server_url_is_the_default()
    {
        await using var server = await StartOkServer();
        var api = TestApi.Description(defaultBaseUrl: new Uri(server.BaseUrl, "v1").AbsoluteUri);
        using var transport = new ApiTransport(api, options: null);

        await TestApi.GetAsync(transport, "/items");

        Assert.Equal("/v1/items", server.Requests.Single().Target);
    }

    [Fact]
    public void Missing_base_url_names_the_option_to_set()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new ApiTransport(TestApi.Description(), new ApiClientOptions()));

        Assert.Contains("ApiClientOptions.BaseUrl", exception.Message);
        Assert.Contains(TestApi.Name, exception.Message);
    }

    [Fact]
    public void Relative_base_url_is_rejected_with_the_option_named()
    {
        var options = new ApiClientOptions { BaseUrl = new Uri("/v1", UriKind.Relative) };

        var exception = Assert.Throws<InvalidOperationException>(() => new ApiTransport(TestApi.Description(), options));

        Assert.Contains("ApiClientOptions.BaseUrl", exception.Message);
    }

    [Fact]
    public void Path_must_start_with_a_slash()
    {
        using var transport = new ApiTransport(TestApi.Description(defaultBaseUrl: "https://api.example.com/v1"), null);

        Assert.Throws<ArgumentException>(() => transport.CreateRequest(HttpMethod.Get, "items"));
        Assert.Equal("https://api.example.com/v1/items?x=1", transport.CreateRequest(HttpMethod.Get, "/items?x=1").RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task Default_user_agent_names_the_client_and_the_runtime_version()
    {
        await using var server = await StartOkServer();
        using var transport = TestApi.Transport(server);

        await TestApi.GetAsync(transport, "/items");

        Assert.Matches(@"^TestClient Aitronos\.Codegen/\d+\.\d+\.\d+", server.Requests.Single().Header("User-Agent"));
    }

    [Fact]
    public async Task Default_headers_and_user_agent_from_options_are_sent_but_a_request_header_wins()
    {
        await using var server = await StartOkServer();
        using var transport = TestApi.Transport(server, options =>
        {
            options.UserAgent = "my-app/2.0";
            options.DefaultHeaders["X-Tenant"] = "t1";
            options.DefaultHeaders["X-Trace"] = "default";
        });
        using var request = transport.CreateRequest(HttpMethod.Get, "/items");
        request.Headers.Add("X-Trace", "per-request");

        using (await transport.SendAsync(request, ApiAuth.None, default))
        {
        }

        var seen = server.Requests.Single();
        Assert.Equal("my-app/2.0", seen.Header("User-Agent"));
        Assert.Equal("t1", seen.Header("x-tenant"));
        Assert.Equal("per-request", seen.Header("X-Trace"));
    }

    [Fact]
    public async Task Json_body_is_sent_as_utf8_json_and_a_json_response_is_read()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
            LoopbackServer.RespondAsync(ctx, 200, """{"status":"succeeded","message":"Connection test passed"}"""));
        using var transport = TestApi.Transport(server);
        using var request = transport.CreateRequest(HttpMethod.Post, "/organizations/org_1/knowledge/connectors/connections/test");
        request.Content = ApiTransport.CreateJsonContent(new TestConnectionRequest("src_abc123", null), TestJsonContext.Default.TestConnectionRequest);

        using var response = await transport.SendAsync(request, ApiAuth.ApiKey, default);
        var result = await ApiTransport.ReadJsonAsync(response, TestJsonContext.Default.TestConnectionResult, default);

        Assert.Equal(new TestConnectionResult("succeeded", "Connection test passed"), result);
        var seen = server.Requests.Single();
        Assert.Equal("POST", seen.Method);
        Assert.Equal("application/json; charset=utf-8", seen.Header("Content-Type"));
        Assert.Equal("""{"source_id":"src_abc123"}""", seen.BodyText);
    }

    [Fact]
    public async Task Bytes_and_text_are_read_whole_and_text_follows_the_declared_charset()
    {
        await using var server = await LoopbackServer.StartAsync(async ctx =>
        {
            ctx.Response.ContentType = "text/plain; charset=iso-8859-1";
            await ctx.Response.Body.WriteAsync(new byte[] { (byte)'c', 0xE9 });
        });
        using var transport = TestApi.Transport(server);

        using var request = transport.CreateRequest(HttpMethod.Get, "/file");
        using var response = await transport.SendAsync(request, ApiAuth.None, default);
        var bytes = await ApiTransport.ReadBytesAsync(response, default);

        Assert.Equal(new byte[] { (byte)'c', 0xE9 }, bytes);
        Assert.Equal("cé", await TestApi.GetAsync(transport, "/file"));
    }

    [Fact]
    public async Task Transport_does_not_dispose_a_caller_supplied_HttpClient()
    {
        await using var server = await StartOkServer();
        using var httpClient = new HttpClient();
        var transport = new ApiTransport(TestApi.Description(), new ApiClientOptions { BaseUrl = server.BaseUrl }, httpClient);
        await TestApi.GetAsync(transport, "/items");

        transport.Dispose();

        Assert.Equal("ok", await httpClient.GetStringAsync(new Uri(server.BaseUrl, "after-dispose")));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => TestApi.GetAsync(transport, "/items"));
    }

    [Fact]
    public async Task One_transport_serves_concurrent_requests()
    {
        await using var server = await StartOkServer();
        using var transport = TestApi.Transport(server, options => options.ApiKey = "ak_concurrent_key");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => TestApi.GetAsync(transport, "/items/" + i)));

        Assert.Equal(20, server.Requests.Count);
        Assert.All(server.Requests, seen => Assert.Equal("ak_concurrent_key", seen.Header("X-API-Key")));
        Assert.Equal(
            Enumerable.Range(0, 20).Select(i => "/v1/items/" + i).OrderBy(t => t, StringComparer.Ordinal),
            server.Requests.Select(seen => seen.Target).OrderBy(t => t, StringComparer.Ordinal));
    }
}
