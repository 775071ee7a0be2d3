using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// Credentials reach only the base URL's origin: what a second real host (127.0.0.2) receives when the API
/// (127.0.0.1) redirects to it, for every redirect status, every kind of credential and every kind of sender.
/// </summary>
public sealed class RedirectTests : IClassFixture<RedirectHosts>
{
    private static readonly int[] RedirectStatuses = { 300, 301, 302, 303, 307, 308 };

    private readonly RedirectHosts _hosts;

    public RedirectTests(RedirectHosts hosts)
    {
        _hosts = hosts;
    }

    public static TheoryData<int, Credential, Sender> EveryStatusCredentialAndSender()
        => Combine(Enum.GetValues<Sender>());

    public static TheoryData<int, Credential, Sender> EveryStatusCredentialAndSteeredSender()
        => Combine(Enum.GetValues<Sender>().Where(sender => sender != Sender.SuppliedHttpClient));

    [Theory]
    [MemberData(nameof(EveryStatusCredentialAndSender))]
    public async Task Redirect_to_another_origin_reaches_it_without_any_credential_or_is_refused_loudly(int status, Credential credential, Sender sender)
    {
        var id = NewId();
        var landing = RedirectHosts.Url(_hosts.Other, $"/landing/{id}");
        using var client = RedirectClient.Create(_hosts.Origin, credential, sender);

        if (sender == Sender.SuppliedHttpClient)
        {
            // Its handler followed the redirect before the transport saw it: the response must not be used silently.
            var exception = await client.FailAsync(RedirectHosts.Redirect(id, status, landing));

            Assert.Equal(ApiRedirectFailure.FollowedOutsideClient, exception.Reason);
            Assert.Contains("the supplied HttpClient followed a redirect to another origin, " + landing, exception.Message);
            Assert.Contains("ApiClientOptions.HttpMessageHandler", exception.Message);
            Assert.Contains("AllowAutoRedirect = false", exception.Message);
            Assert.Equal(new Uri(landing), exception.Target);
            Assert.Equal(200, exception.StatusCode);
            Assert.Single(RedirectHosts.Received(_hosts.Other, $"/landing/{id}"));
            RedirectClient.AssertShowsNone(new[] { exception.Message, exception.ToString() });
            return;
        }

        Assert.Equal("landed", await client.GetAsync(RedirectHosts.Redirect(id, status, landing)));

        client.AssertCarriesCredential(RedirectHosts.Single(_hosts.Origin, $"/v1/redirect/{id}"));
        RedirectClient.AssertNoCredential(RedirectHosts.Single(_hosts.Other, $"/landing/{id}"));
    }

    [Theory]
    [MemberData(nameof(EveryStatusCredentialAndSteeredSender))]
    public async Task Redirect_within_the_origin_keeps_the_credential(int status, Credential credential, Sender sender)
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, credential, sender);

        Assert.Equal("landed", await client.GetAsync(RedirectHosts.Redirect(id, status, $"/v1/landing/{id}")));

        client.AssertCarriesCredential(RedirectHosts.Single(_hosts.Origin, $"/v1/redirect/{id}"));
        client.AssertCarriesCredential(RedirectHosts.Single(_hosts.Origin, $"/v1/landing/{id}"));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Redirect_to_another_origin_is_refused_with_the_refuse_policy(int status)
    {
        var id = NewId();
        var landing = RedirectHosts.Url(_hosts.Other, $"/landing/{id}");
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyHeader,
            configure: options => options.CrossOriginRedirects = CrossOriginRedirectPolicy.Refuse);

        var exception = await client.FailAsync(RedirectHosts.Redirect(id, status, landing));

        Assert.Equal(ApiRedirectFailure.CrossOrigin, exception.Reason);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(new Uri(landing), exception.Target);
        Assert.StartsWith($"{TestApi.Name}: GET {_hosts.Origin.BaseUrl}v1/redirect/{id} was redirected ({status} ", exception.Message);
        Assert.Contains($"to another origin, {landing}, and ApiClientOptions.CrossOriginRedirects is Refuse", exception.Message);
        Assert.Empty(RedirectHosts.Received(_hosts.Other, $"/landing/{id}"));
    }

    [Theory]
    [InlineData(Credential.ApiKeyHeader)]
    [InlineData(Credential.ApiKeyQuery)]
    [InlineData(Credential.ApiKeyCookie)]
    [InlineData(Credential.Bearer)]
    public async Task Redirect_back_to_the_origin_after_leaving_it_carries_no_credential(Credential credential)
    {
        // Another host must not be able to steer authenticated requests to paths of its choosing on the API.
        var id = NewId();
        var back = RedirectHosts.Url(_hosts.Origin, $"/v1/landing/{id}");
        var away = RedirectHosts.Url(_hosts.Other, RedirectHosts.Redirect(id, 307, back));
        using var client = RedirectClient.Create(_hosts.Origin, credential);

        Assert.Equal("landed", await client.GetAsync(RedirectHosts.Redirect(id, 302, away)));

        client.AssertCarriesCredential(RedirectHosts.Single(_hosts.Origin, $"/v1/redirect/{id}"));
        RedirectClient.AssertNoCredential(RedirectHosts.Single(_hosts.Other, $"/redirect/{id}"));
        RedirectClient.AssertNoCredential(RedirectHosts.Single(_hosts.Origin, $"/v1/landing/{id}"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Location_that_copies_the_query_keeps_the_api_key_off_other_origins_and_sends_it_once_on_the_origin(bool crossOrigin)
    {
        // A server that moved often redirects with path and query kept, and so with the key a client put in the query.
        var id = NewId();
        var (host, landingPath) = crossOrigin ? (_hosts.Other, $"/landing/{id}") : (_hosts.Origin, $"/v1/landing/{id}");
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyQuery);

        await client.GetAsync(RedirectHosts.Redirect(id, 301, RedirectHosts.Url(host, landingPath), "&copyQuery=1&limit=5"));

        var landed = RedirectHosts.Single(host, landingPath);
        Assert.Contains("limit=5", landed.Target);
        if (crossOrigin)
        {
            RedirectClient.AssertNoCredential(landed);
        }
        else
        {
            client.AssertCarriesCredential(landed);
        }
    }

    [Fact]
    public async Task Default_headers_and_user_agent_follow_within_the_origin_but_only_the_user_agent_and_operation_headers_leave_it()
    {
        var id = NewId();
        var landing = RedirectHosts.Url(_hosts.Other, $"/landing/{id}");
        var sameOrigin = RedirectHosts.Url(_hosts.Origin, "/v1" + RedirectHosts.Redirect(id + "-2", 302, landing));
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyHeader, configure: options =>
        {
            options.UserAgent = "RedirectTests/1.0";
            options.DefaultHeaders["X-Tenant-Secret"] = "tenant-secret-value";
        });
        using var request = client.Transport.CreateRequest(HttpMethod.Get, RedirectHosts.Redirect(id, 302, sameOrigin));
        request.Headers.Add("X-Operation-Header", "from-the-operation");

        using (await client.Transport.SendAsync(request, ApiAuth.ApiKey, default))
        {
        }

        var followedOnOrigin = RedirectHosts.Single(_hosts.Origin, $"/v1/redirect/{id}-2");
        Assert.Equal("tenant-secret-value", followedOnOrigin.Header("X-Tenant-Secret"));
        Assert.Equal("RedirectTests/1.0", followedOnOrigin.Header("User-Agent"));
        Assert.Equal("from-the-operation", followedOnOrigin.Header("X-Operation-Header"));
        client.AssertCarriesCredential(followedOnOrigin);

        var elsewhere = RedirectHosts.Single(_hosts.Other, $"/landing/{id}");
        Assert.Null(elsewhere.Header("X-Tenant-Secret"));
        Assert.Equal("RedirectTests/1.0", elsewhere.Header("User-Agent"));
        Assert.Equal("from-the-operation", elsewhere.Header("X-Operation-Header"));
        RedirectClient.AssertNoCredential(elsewhere);
    }

    [Fact]
    public async Task Caller_cookies_do_not_leave_the_origin_either()
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyHeader);
        using var request = client.Transport.CreateRequest(HttpMethod.Get, RedirectHosts.Redirect(id, 302, RedirectHosts.Url(_hosts.Other, $"/landing/{id}")));
        request.Headers.Add("Cookie", "session=origin-session");

        using (await client.Transport.SendAsync(request, ApiAuth.ApiKey, default))
        {
        }

        Assert.Equal("session=origin-session", RedirectHosts.Single(_hosts.Origin, $"/v1/redirect/{id}").Header("Cookie"));
        Assert.Null(RedirectHosts.Single(_hosts.Other, $"/landing/{id}").Header("Cookie"));
    }

    [Theory]
    [InlineData(Credential.ApiKeyHeader)]
    [InlineData(Credential.ApiKeyQuery)]
    [InlineData(Credential.ApiKeyCookie)]
    [InlineData(Credential.Bearer)]
    public async Task Request_for_another_origin_gets_no_credential(Credential credential)
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, credential);
        using var request = client.Transport.CreateRequest(HttpMethod.Get, "/unused");
        request.RequestUri = new Uri(RedirectHosts.Url(_hosts.Other, $"/landing/{id}"));

        using (await client.Transport.SendAsync(request, client.Auth, default))
        {
        }

        RedirectClient.AssertNoCredential(RedirectHosts.Single(_hosts.Other, $"/landing/{id}"));
    }

    [Fact]
    public async Task Supplied_HttpClient_with_a_credential_in_its_default_request_headers_is_not_sent_to_another_origin()
    {
        var id = NewId();
        using var httpClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        httpClient.DefaultRequestHeaders.Add("X-API-Key", RedirectClient.Key);
        using var transport = new ApiTransport(TestApi.Description(), new ApiClientOptions { BaseUrl = new Uri(_hosts.Origin.BaseUrl, "v1") }, httpClient);

        var exception = await Assert.ThrowsAsync<ApiRedirectException>(() => TestApi.GetAsync(
            transport, RedirectHosts.Redirect(id, 302, RedirectHosts.Url(_hosts.Other, $"/landing/{id}"))));

        Assert.Equal(ApiRedirectFailure.CrossOrigin, exception.Reason);
        Assert.Contains("DefaultRequestHeaders hold X-API-Key", exception.Message);
        Assert.Empty(RedirectHosts.Received(_hosts.Other, $"/landing/{id}"));
    }

    [Theory]
    [InlineData(Credential.ApiKeyHeader, "refused")]
    [InlineData(Credential.ApiKeyQuery, "refused")]
    [InlineData(Credential.ApiKeyCookie, "refused")]
    [InlineData(Credential.Bearer, "refused")]
    [InlineData(Credential.ApiKeyQuery, "limit")]
    [InlineData(Credential.ApiKeyHeader, "followed by HttpClient")]
    [InlineData(Credential.ApiKeyQuery, "followed by HttpClient")]
    public async Task Redirect_exceptions_show_no_credential_and_no_user_info_or_query_of_the_location(Credential credential, string failure)
    {
        var id = NewId();
        var (host, landingPath) = failure == "limit" ? (_hosts.Origin, $"/v1/landing/{id}") : (_hosts.Other, $"/landing/{id}");
        var secret = credential == Credential.Bearer ? RedirectClient.Token : RedirectClient.Key;
        // A signed URL with user info, the request's own credential in its path and query, and a fragment.
        var location = RedirectHosts.Url(host, $"{landingPath}/{secret}?X-Amz-Signature=sig_0123456789abcdef&api_key={secret}#frag_secret")
            .Replace("http://", "http://user:pa55word_secret@", StringComparison.Ordinal);
        using var client = RedirectClient.Create(_hosts.Origin, credential, failure == "followed by HttpClient" ? Sender.SuppliedHttpClient : Sender.OwnClient, options =>
        {
            options.CrossOriginRedirects = CrossOriginRedirectPolicy.Refuse;
            options.MaxRedirects = failure == "limit" ? 0 : 10;
        });

        var exception = await client.FailAsync(RedirectHosts.Redirect(id, 302, location));

        var shown = RedirectHosts.Url(host, $"{landingPath}/***");
        Assert.Equal(new Uri(shown), exception.Target);
        Assert.Contains(shown, exception.Message);
        var headerLocation = exception.Headers.TryGetValue("Location", out var values) ? string.Join(" ", values) : null;
        RedirectClient.AssertShowsNone(
            new[] { exception.Message, exception.ToString(), exception.Target?.OriginalString, headerLocation, exception.RawBody },
            "sig_0123456789abcdef", "X-Amz-Signature", "pa55word_secret", "user:", "frag_secret");
    }

    [Fact]
    public async Task Location_that_is_not_http_is_not_followed_and_not_shown_beyond_its_scheme()
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyHeader);

        var exception = await client.FailAsync(RedirectHosts.Redirect(id, 302, "ftp://user:pa55word_secret@127.0.0.2/file?sig=sig_0123456789abcdef"));

        Assert.Equal(ApiRedirectFailure.InvalidLocation, exception.Reason);
        Assert.Null(exception.Target);
        Assert.Contains("(ftp:...)", exception.Message);
        RedirectClient.AssertShowsNone(new[] { exception.Message, string.Join(" ", exception.Headers["Location"]) }, "pa55word_secret", "sig_0123456789abcdef");
    }

    [Theory]
    [InlineData(302)]
    [InlineData(304)]
    public async Task Redirect_status_without_a_location_fails_as_its_status(int status)
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyHeader);

        var exception = await Assert.ThrowsAsync<ApiException>(() => client.GetAsync($"/redirect/{id}?status={status}"));

        Assert.IsNotType<ApiRedirectException>(exception);
        Assert.Equal(status, exception.StatusCode);
    }

    private static TheoryData<int, Credential, Sender> Combine(Sender[] senders)
    {
        var data = new TheoryData<int, Credential, Sender>();
        foreach (var status in RedirectStatuses)
        {
            foreach (var credential in Enum.GetValues<Credential>())
            {
                foreach (var sender in senders)
                {
                    data.Add(status, credential, sender);
                }
            }
        }

        return data;
    }

    private static TheoryData<int, Credential, Sender> Combine(System.Collections.Generic.IEnumerable<Sender> senders) => Combine(senders.ToArray());

    private static string NewId() => Guid.NewGuid().ToString("N");
}
