using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>OAuth 2.0 client credentials against a token endpoint on the same Kestrel server.</summary>
public sealed class ClientCredentialsTests
{
    private const string ClientId = "client-0123";
    private const string ClientSecret = "s3cret/with+chars 0123456789";
    private static readonly ApiSecurityRequirement OAuth = new(AuthSchemes.OAuth);

    private static void Credentials(ApiClientOptions options) => (options.ClientId, options.ClientSecret) = (ClientId, ClientSecret);

    [Fact]
    public async Task Token_is_fetched_once_with_the_client_credentials_grant_and_sent_as_bearer_on_every_call()
    {
        var tokens = new TokenServer();
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        using var transport = AuthSchemes.Transport(server, Credentials);

        for (var i = 0; i < 3; i++)
        {
            await AuthSchemes.GetAsync(transport, "/items", OAuth);
        }

        var fetch = Assert.Single(TokenServer.TokenRequests(server));
        Assert.Equal("POST", fetch.Method);
        Assert.Equal("grant_type=client_credentials", fetch.BodyText);
        Assert.StartsWith("application/x-www-form-urlencoded", fetch.Header("Content-Type"));
        var basic = Encoding.UTF8.GetString(Convert.FromBase64String(fetch.Header("Authorization")!["Basic ".Length..]));
        Assert.Equal(ClientId + ":" + Uri.EscapeDataString(ClientSecret).Replace("%20", "+"), basic);
        Assert.All(TokenServer.ApiRequests(server), r => Assert.Equal("Bearer tok-1", r.Header("Authorization")));
        Assert.Equal(3, TokenServer.ApiRequests(server).Length);
    }

    [Fact]
    public async Task Token_is_fetched_again_shortly_before_it_expires_and_not_earlier()
    {
        var tokens = new TokenServer { ExpiresIn = 3600 };
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        var clock = new ManualClock();
        using var transport = AuthSchemes.Transport(server, o =>
        {
            Credentials(o);
            o.RetryClock = clock;
        });

        await AuthSchemes.GetAsync(transport, "/a", OAuth);
        clock.Advance(TimeSpan.FromSeconds(3530));
        await AuthSchemes.GetAsync(transport, "/b", OAuth);
        clock.Advance(TimeSpan.FromSeconds(20)); // 3550 s: within the last 60 s of the token's life
        await AuthSchemes.GetAsync(transport, "/c", OAuth);
        await AuthSchemes.GetAsync(transport, "/d", OAuth);

        Assert.Equal(2, TokenServer.TokenRequests(server).Length);
        Assert.Equal(new[] { "Bearer tok-1", "Bearer tok-1", "Bearer tok-2", "Bearer tok-2" }, TokenServer.ApiRequests(server).Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task Concurrent_calls_share_one_token_fetch()
    {
        var tokens = new TokenServer { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        using var transport = AuthSchemes.Transport(server, Credentials);

        // Each call reaches the token source before its first real await, so all eight wait on the one fetch.
        var calls = Enumerable.Range(0, 8).Select(i => AuthSchemes.GetAsync(transport, "/items/" + i, OAuth)).ToArray();
        tokens.Gate.SetResult();
        await Task.WhenAll(calls);

        Assert.Single(TokenServer.TokenRequests(server));
        Assert.Equal(1, tokens.Issued);
        Assert.All(TokenServer.ApiRequests(server), r => Assert.Equal("Bearer tok-1", r.Header("Authorization")));
    }

    [Fact]
    public async Task Token_endpoint_error_is_an_OAuthTokenException_with_status_and_body_that_never_shows_the_secret()
    {
        var tokens = new TokenServer
        {
            Refusal = (401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed for " + ClientSecret + "\"}"),
        };
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        using var transport = AuthSchemes.Transport(server, Credentials);

        var exception = await Assert.ThrowsAsync<OAuthTokenException>(() => AuthSchemes.GetAsync(transport, "/items", OAuth));

        Assert.Equal(401, exception.StatusCode);
        Assert.Equal("invalid_client", exception.Error);
        Assert.StartsWith("Client authentication failed for", exception.ErrorDescription);
        Assert.Contains("\"error\":\"invalid_client\"", exception.RawBody);
        Assert.Equal(new Uri(server.BaseUrl, "/oauth/token"), exception.TokenUrl);
        Assert.Contains("401 Unauthorized: invalid_client", exception.Message);
        Assert.Contains("The API request was not sent", exception.Message);
        foreach (var text in new[] { exception.Message, exception.ToString(), exception.RawBody!, exception.ErrorDescription! })
        {
            Assert.DoesNotContain(ClientSecret, text);
        }

        Assert.Empty(TokenServer.ApiRequests(server));

        // A failure is not cached: the next call asks again.
        tokens.Refusal = null;
        Assert.Equal("ok", await AuthSchemes.GetAsync(transport, "/items", OAuth));
        Assert.Equal(2, TokenServer.TokenRequests(server).Length);
    }

    [Fact]
    public async Task Token_endpoint_answer_without_a_token_is_an_OAuthTokenException()
    {
        var tokens = new TokenServer { Refusal = (200, "{\"token\":\"nope\"}") };
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        using var transport = AuthSchemes.Transport(server, Credentials);

        var exception = await Assert.ThrowsAsync<OAuthTokenException>(() => AuthSchemes.GetAsync(transport, "/items", OAuth));

        Assert.Equal(200, exception.StatusCode);
        Assert.Contains("without an access_token", exception.Message);
    }

    [Fact]
    public async Task Access_token_and_token_provider_win_over_client_credentials()
    {
        var tokens = new TokenServer();
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        using var withToken = AuthSchemes.Transport(server, o => { Credentials(o); o.AccessToken = "given-token-0123456789"; });
        using var withProvider = AuthSchemes.Transport(server, o => { Credentials(o); o.AccessTokenProvider = _ => new ValueTask<string?>("provided-0123456789"); });

        await AuthSchemes.GetAsync(withToken, "/a", OAuth);
        await AuthSchemes.GetAsync(withProvider, "/b", OAuth);

        Assert.Empty(TokenServer.TokenRequests(server));
        Assert.Equal(new[] { "Bearer given-token-0123456789", "Bearer provided-0123456789" }, TokenServer.ApiRequests(server).Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task Operation_scopes_are_asked_for_and_cached_per_scope_set_unless_scopes_are_configured()
    {
        var tokens = new TokenServer();
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        using var perOperation = AuthSchemes.Transport(server, Credentials);
        using var configured = AuthSchemes.Transport(server, o => { Credentials(o); o.Scopes.Add("admin"); o.ClientAuthentication = OAuthClientAuthentication.RequestBody; });
        var read = OAuth.WithScopes(3, "items:read");
        var write = OAuth.WithScopes(3, "items:read", "items:write");

        await AuthSchemes.GetAsync(perOperation, "/a", read);
        await AuthSchemes.GetAsync(perOperation, "/b", write);
        await AuthSchemes.GetAsync(perOperation, "/c", read);
        await AuthSchemes.GetAsync(configured, "/d", write);

        var fetches = TokenServer.TokenRequests(server);
        Assert.Equal(
            new[]
            {
                "grant_type=client_credentials&scope=items%3Aread",
                "grant_type=client_credentials&scope=items%3Aread+items%3Awrite",
                "grant_type=client_credentials&scope=admin&client_id=client-0123&client_secret=" + Uri.EscapeDataString(ClientSecret).Replace("%20", "+"),
            },
            fetches.Select(f => f.BodyText));
        Assert.Null(fetches[2].Header("Authorization"));
        Assert.Equal(new[] { "Bearer tok-1", "Bearer tok-2", "Bearer tok-1", "Bearer tok-3" }, TokenServer.ApiRequests(server).Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task Token_the_api_rejects_with_401_is_not_used_again()
    {
        var tokens = new TokenServer();
        tokens.ApiStatus.Enqueue(401);
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        using var transport = AuthSchemes.Transport(server, Credentials);

        await Assert.ThrowsAsync<AuthenticationException>(() => AuthSchemes.GetAsync(transport, "/a", OAuth));
        await AuthSchemes.GetAsync(transport, "/b", OAuth);

        Assert.Equal(new[] { "Bearer tok-1", "Bearer tok-2" }, TokenServer.ApiRequests(server).Select(r => r.Header("Authorization")));
    }

    [Fact]
    public async Task Configured_token_url_replaces_the_documents()
    {
        var tokens = new TokenServer();
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        using var transport = AuthSchemes.Transport(server, o => { Credentials(o); o.TokenUrl = new Uri(server.BaseUrl, "/oauth/token"); }, AuthSchemes.Description("https://login.example.invalid/token"));

        await AuthSchemes.GetAsync(transport, "/a", OAuth);

        Assert.Single(TokenServer.TokenRequests(server));
    }
}
