using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>Which credential each operation sends, and where credentials come from.</summary>
public sealed class AuthenticationTests
{
    private const string Key = "ak_test_0123456789";
    private const string Token = "jwt.test.token";

    private static Task<LoopbackServer> StartOkServer() => LoopbackServer.StartAsync(ctx => LoopbackServer.RespondAsync(ctx, 200, "ok", "text/plain"));

    [Theory]
    [InlineData(ApiAuth.ApiKey | ApiAuth.Bearer, Key, Token, Key, null)]
    [InlineData(ApiAuth.ApiKey, Key, Token, Key, null)]
    [InlineData(ApiAuth.Bearer, Key, Token, null, "Bearer " + Token)]
    [InlineData(ApiAuth.ApiKey | ApiAuth.Bearer, null, Token, null, "Bearer " + Token)]
    [InlineData(ApiAuth.ApiKey, null, Token, null, null)]
    [InlineData(ApiAuth.None, Key, Token, null, null)]
    public async Task Api_key_is_preferred_then_bearer_and_only_what_the_operation_accepts_is_sent(
        ApiAuth auth, string? apiKey, string? accessToken, string? expectedKeyHeader, string? expectedAuthorization)
    {
        await using var server = await StartOkServer();
        using var transport = TestApi.Transport(server, options =>
        {
            options.ApiKey = apiKey;
            options.AccessToken = accessToken;
        });

        await TestApi.GetAsync(transport, "/items", auth);

        var seen = server.Requests.Single();
        Assert.Equal(expectedKeyHeader, seen.Header("X-API-Key"));
        Assert.Equal(expectedAuthorization, seen.Header("Authorization"));
    }

    [Fact]
    public async Task Token_provider_is_called_for_each_request_and_wins_over_the_access_token()
    {
        await using var server = await StartOkServer();
        var calls = 0;
        using var transport = TestApi.Transport(server, options =>
        {
            options.AccessToken = "static-token-unused";
            options.AccessTokenProvider = _ => new ValueTask<string?>("fresh-" + Interlocked.Increment(ref calls));
        });

        await TestApi.GetAsync(transport, "/a", ApiAuth.Bearer);
        await TestApi.GetAsync(transport, "/b", ApiAuth.Bearer);

        Assert.Equal(new[] { "Bearer fresh-1", "Bearer fresh-2" }, server.Requests.Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task Token_provider_is_not_called_when_the_api_key_is_sent()
    {
        await using var server = await StartOkServer();
        var calls = 0;
        using var transport = TestApi.Transport(server, options =>
        {
            options.ApiKey = Key;
            options.AccessTokenProvider = _ => new ValueTask<string?>("token-" + Interlocked.Increment(ref calls));
        });

        await TestApi.GetAsync(transport, "/a", ApiAuth.ApiKey | ApiAuth.Bearer);

        Assert.Equal(0, calls);
        Assert.Null(server.Requests.Single().Header("Authorization"));
    }

    [Fact]
    public async Task Credentials_fall_back_to_the_environment_variables_and_options_win_over_them()
    {
        var keyVariable = "AITRONOS_CODEGEN_TEST_KEY_" + Guid.NewGuid().ToString("N");
        var tokenVariable = "AITRONOS_CODEGEN_TEST_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(keyVariable, "ak_from_environment");
        Environment.SetEnvironmentVariable(tokenVariable, "token_from_environment");
        try
        {
            await using var server = await StartOkServer();
            var api = TestApi.Description(keyVariable, tokenVariable);
            using var fromEnvironment = TestApi.Transport(server, api: api);
            using var fromOptions = TestApi.Transport(server, options => options.ApiKey = "ak_from_options", api);

            await TestApi.GetAsync(fromEnvironment, "/key", ApiAuth.ApiKey);
            await TestApi.GetAsync(fromEnvironment, "/token", ApiAuth.Bearer);
            await TestApi.GetAsync(fromOptions, "/key", ApiAuth.ApiKey);

            var seen = server.Requests;
            Assert.Equal("ak_from_environment", seen[0].Header("X-API-Key"));
            Assert.Equal("Bearer token_from_environment", seen[1].Header("Authorization"));
            Assert.Equal("ak_from_options", seen[2].Header("X-API-Key"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(keyVariable, null);
            Environment.SetEnvironmentVariable(tokenVariable, null);
        }
    }

    [Fact]
    public async Task Api_key_in_query_is_appended_escaped_after_the_operation_query()
    {
        await using var server = await StartOkServer();
        var api = TestApi.Description(location: ApiKeyLocation.Query);
        using var transport = TestApi.Transport(server, options => options.ApiKey = "ak/with+chars", api);

        await TestApi.GetAsync(transport, "/items?limit=5", ApiAuth.ApiKey);
        await TestApi.GetAsync(transport, "/items", ApiAuth.ApiKey);

        Assert.Equal("/v1/items?limit=5&api_key=ak%2Fwith%2Bchars", server.Requests[0].Target);
        Assert.Equal("/v1/items?api_key=ak%2Fwith%2Bchars", server.Requests[1].Target);
    }

    [Fact]
    public async Task Api_key_in_cookie_joins_existing_cookies()
    {
        await using var server = await StartOkServer();
        var api = TestApi.Description(location: ApiKeyLocation.Cookie);
        using var transport = TestApi.Transport(server, options => options.ApiKey = Key, api);
        using var request = transport.CreateRequest(HttpMethod.Get, "/items");
        request.Headers.Add("Cookie", "session=abc");

        using (await transport.SendAsync(request, ApiAuth.ApiKey, default))
        {
        }

        Assert.Equal("session=abc; api_key=" + Key, server.Requests.Single().Header("Cookie"));
    }

    [Fact]
    public async Task Operation_without_auth_answered_401_is_an_authentication_exception()
    {
        await using var server = await LoopbackServer.StartAsync(ctx => ctx.Request.Headers.ContainsKey("X-API-Key")
            ? LoopbackServer.RespondAsync(ctx, 200, "ok")
            : LoopbackServer.RespondAsync(ctx, 401, """{"success":false,"error":{"code":"AUTHENTICATION_REQUIRED","message":"Authentication required.","type":"authentication_error","status":401}}"""));
        using var transport = TestApi.Transport(server);

        var exception = await TestApi.FailAsync<AuthenticationException>(transport);

        Assert.Equal("AUTHENTICATION_REQUIRED", exception.Code);
        Assert.Equal("401 AUTHENTICATION_REQUIRED: Authentication required. (the credentials this operation needs are not all configured: set ApiKey, or AccessToken)", exception.Message);
    }
}
