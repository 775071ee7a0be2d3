using System;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// The new credentials (every API key scheme's header and query parameter, HTTP basic, a client credentials token) stay on
/// the base URL's origin (127.0.0.1) when the API redirects to another (127.0.0.2).
/// </summary>
public sealed class AuthSchemeRedirectTests : IClassFixture<RedirectHosts>, IAsyncLifetime
{
    private const string AppId = "app-redirect-0123456789";
    private const string AppKey = "key-redirect-0123456789";
    private const string Password = "password-redirect-0123456789";

    private readonly RedirectHosts _hosts;
    private LoopbackServer _tokenServer = null!;

    public AuthSchemeRedirectTests(RedirectHosts hosts)
    {
        _hosts = hosts;
    }

    public async Task InitializeAsync() => _tokenServer = await LoopbackServer.StartAsync(new TokenServer().AnswerAsync);

    public async Task DisposeAsync() => await _tokenServer.DisposeAsync();

    public enum Kind
    {
        HeaderAndQueryKeys,
        Basic,
        ClientCredentials,
    }

    [Theory]
    [InlineData(Kind.HeaderAndQueryKeys, 302)]
    [InlineData(Kind.HeaderAndQueryKeys, 307)]
    [InlineData(Kind.Basic, 302)]
    [InlineData(Kind.Basic, 308)]
    [InlineData(Kind.ClientCredentials, 302)]
    [InlineData(Kind.ClientCredentials, 307)]
    public async Task Cross_origin_redirect_reaches_the_other_origin_without_the_credential(Kind kind, int status)
    {
        var id = Guid.NewGuid().ToString("N");
        var landing = RedirectHosts.Url(_hosts.Other, $"/landing/{id}");
        var (transport, security) = Client(kind);
        using (transport)
        {
            // copyQuery: the Location repeats the request's query, the query key among it.
            Assert.Equal("landed", await AuthSchemes.GetAsync(transport, RedirectHosts.Redirect(id, status, landing, "&copyQuery=1"), security));
        }

        var sent = RedirectHosts.Single(_hosts.Origin, $"/v1/redirect/{id}");
        var received = RedirectHosts.Single(_hosts.Other, $"/landing/{id}");
        switch (kind)
        {
            case Kind.HeaderAndQueryKeys:
                Assert.Equal(AppId, sent.Header("X-App-Id"));
                Assert.Contains("key=" + AppKey, sent.Target, StringComparison.Ordinal);
                break;
            case Kind.Basic:
                Assert.StartsWith("Basic ", sent.Header("Authorization"));
                break;
            default:
                Assert.Equal("Bearer tok-1", sent.Header("Authorization"));
                break;
        }

        Assert.Null(received.Header("X-App-Id"));
        Assert.Null(received.Header("Authorization"));
        Assert.DoesNotContain(AppKey, received.Target, StringComparison.Ordinal);
        Assert.DoesNotContain("key=", received.Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_origin_redirect_keeps_both_api_keys_and_the_query_key_once()
    {
        var id = Guid.NewGuid().ToString("N");
        var (transport, security) = Client(Kind.HeaderAndQueryKeys);
        using (transport)
        {
            Assert.Equal("landed", await AuthSchemes.GetAsync(transport, RedirectHosts.Redirect(id, 302, $"/v1/landing/{id}", "&copyQuery=1"), security));
        }

        var landed = RedirectHosts.Single(_hosts.Origin, $"/v1/landing/{id}");
        Assert.Equal(AppId, landed.Header("X-App-Id"));
        Assert.Single(landed.Target.Split('&', '?'), part => part == "key=" + AppKey);
    }

    private (ApiTransport Transport, ApiSecurityRequirement Security) Client(Kind kind)
    {
        // The token endpoint is an origin of its own, as an authorization server usually is.
        var tokenUrl = RedirectHosts.Url(_tokenServer, "/oauth/token");
        var api = new ApiDescription(
            TestApi.Name,
            null,
            new ApiKeySecurity("X-App-Id", ApiKeyLocation.Header, schemeName: "AppId"),
            new ApiKeySecurity("key", ApiKeyLocation.Query, schemeName: "AppKey"),
            new BasicSecurity(schemeName: "Basic"),
            new OAuth2ClientCredentialsSecurity(tokenUrl, schemeName: "OAuth"));
        var options = new ApiClientOptions { BaseUrl = new Uri(_hosts.Origin.BaseUrl, "v1") };
        long mask;
        switch (kind)
        {
            case Kind.HeaderAndQueryKeys:
                options.ApiKeys["AppId"] = AppId;
                options.ApiKeys["AppKey"] = AppKey;
                mask = 1 | 2;
                break;
            case Kind.Basic:
                (options.UserName, options.Password) = ("user", Password);
                mask = 4;
                break;
            default:
                (options.ClientId, options.ClientSecret) = ("client", "secret-0123456789");
                mask = 8;
                break;
        }

        return (new ApiTransport(api, options), new ApiSecurityRequirement(mask));
    }
}
