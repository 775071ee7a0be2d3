using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// The client generated from <c>auth-schemes.openapi.yaml</c> (two API keys, HTTP basic, OAuth 2.0 client credentials,
/// alternatives) against a Kestrel server that is both the API and its token endpoint.
/// </summary>
public sealed class AuthSchemeTests
{
    private const string AppId = "app-integration-0123456789";
    private const string AppKey = "key-integration-0123456789";

    [Fact]
    public async Task Both_api_keys_of_the_first_alternative_are_sent_when_set_through_their_generated_options()
    {
        await using var server = await StartServer();
        using var client = Client(server, options =>
        {
            // The generated properties for the two keys, the same entries as ApiKeys["appId"] and ApiKeys["appKey"].
            options.AppIdKey = AppId;
            options.AppKey = AppKey;
            (options.UserName, options.Password) = ("AC0123456789", "token-0123456789");
        });

        await client.ListAccountsAsync();

        var request = TestApi.SingleRequest(server);
        Expect.Equal(AppId, request.Header("X-App-Id"), "X-App-Id");
        Expect.Equal("/v1/accounts?key=" + AppKey, request.Target, "request target");
        Expect.Equal(null, request.Header("Authorization"), "Authorization (the second alternative)");
    }

    [Fact]
    public async Task Basic_auth_is_the_alternative_sent_when_the_keys_are_not_both_configured()
    {
        await using var server = await StartServer();
        using var client = Client(server, options =>
        {
            options.ApiKeys["appId"] = AppId;
            (options.UserName, options.Password) = ("AC0123456789", "tøken-0123456789");
        });

        await client.ListAccountsAsync();

        var request = TestApi.SingleRequest(server);
        Expect.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC0123456789:tøken-0123456789")), request.Header("Authorization"), "Authorization");
        Expect.Equal(null, request.Header("X-App-Id"), "X-App-Id");
    }

    [Fact]
    public async Task Client_credentials_token_is_fetched_once_with_the_operations_scope()
    {
        await using var server = await StartServer();
        using var client = Client(server, options =>
        {
            (options.ClientId, options.ClientSecret) = ("client", "secret-0123456789");
            options.TokenUrl = new Uri(server.BaseUrl, "/oauth/token");
        });

        await client.ListReportsAsync();
        await client.ListReportsAsync();

        var token = Assert.Single(server.Requests, r => r.Target == "/oauth/token");
        Expect.Equal("grant_type=client_credentials&scope=reports%3Aread", token.BodyText, "token request body");
        Assert.All(server.Requests.Where(r => r.Target.StartsWith("/v1/", StringComparison.Ordinal)), r => Expect.Equal("Bearer tok-1", r.Header("Authorization"), "Authorization"));
    }

    [Fact]
    public async Task Operation_that_allows_anonymous_calls_sends_nothing_without_credentials()
    {
        await using var server = await StartServer();
        using var client = Client(server, _ => { });

        await client.GetStatusAsync();

        var request = TestApi.SingleRequest(server);
        Expect.Equal(null, request.Header("Authorization"), "Authorization");
        Expect.Equal(null, request.Header("X-App-Id"), "X-App-Id");
        Expect.Equal("/v1/status", request.Target, "request target");
    }

    private static AuthSchemesClient Client(LoopbackServer server, Action<AuthSchemesClientOptions> configure)
    {
        var options = new AuthSchemesClientOptions { BaseUrl = new Uri(server.BaseUrl, "v1") };
        configure(options);
        return new AuthSchemesClient(options);
    }

    private static Task<LoopbackServer> StartServer()
    {
        var issued = 0;
        return LoopbackServer.StartAsync(context => context.Request.Path == "/oauth/token"
            ? LoopbackServer.RespondAsync(context, 200, "{\"access_token\":\"tok-" + Interlocked.Increment(ref issued) + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}", "application/json")
            : LoopbackServer.RespondAsync(context, 200, "ok", "text/plain"));
    }
}
