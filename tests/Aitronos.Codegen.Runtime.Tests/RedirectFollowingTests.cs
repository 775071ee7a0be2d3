using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>How redirects are followed: method and body by status, bodies that cannot be replayed, the limit, https.</summary>
public sealed class RedirectFollowingTests : IClassFixture<RedirectHosts>
{
    private const string Body = """{"source_id":"src_abc123"}""";

    private readonly RedirectHosts _hosts;

    public RedirectFollowingTests(RedirectHosts hosts)
    {
        _hosts = hosts;
    }

    [Theory]
    [InlineData(301, "POST", "GET", false)]
    [InlineData(302, "POST", "GET", false)]
    [InlineData(303, "POST", "GET", false)]
    [InlineData(303, "PUT", "GET", false)]
    [InlineData(303, "DELETE", "GET", false)]
    [InlineData(307, "POST", "POST", true)]
    [InlineData(308, "POST", "POST", true)]
    [InlineData(307, "PUT", "PUT", true)]
    [InlineData(308, "PATCH", "PATCH", true)]
    [InlineData(301, "PUT", "PUT", true)]
    [InlineData(302, "DELETE", "DELETE", true)]
    public async Task Redirect_status_decides_the_method_and_whether_the_body_is_sent_again(int status, string method, string expectedMethod, bool bodySentAgain)
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyHeader);
        using var request = client.Transport.CreateRequest(new HttpMethod(method), RedirectHosts.Redirect(id, status, $"/v1/landing/{id}"));
        request.Content = new StringContent(Body, Encoding.UTF8, "application/json");

        using (await client.Transport.SendAsync(request, ApiAuth.ApiKey, default))
        {
        }

        Assert.Equal(Body, RedirectHosts.Single(_hosts.Origin, $"/v1/redirect/{id}").BodyText);
        var landed = RedirectHosts.Single(_hosts.Origin, $"/v1/landing/{id}");
        Assert.Equal(expectedMethod, landed.Method);
        Assert.Equal(bodySentAgain ? Body : string.Empty, landed.BodyText);
        Assert.Equal(bodySentAgain ? "application/json; charset=utf-8" : null, landed.Header("Content-Type"));
        client.AssertCarriesCredential(landed);
    }

    [Fact]
    public async Task Head_stays_head_on_303()
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyHeader);
        using var request = client.Transport.CreateRequest(HttpMethod.Head, RedirectHosts.Redirect(id, 303, $"/v1/landing/{id}"));

        using (await client.Transport.SendAsync(request, ApiAuth.ApiKey, default))
        {
        }

        Assert.Equal("HEAD", RedirectHosts.Single(_hosts.Origin, $"/v1/landing/{id}").Method);
    }

    [Fact]
    public async Task Body_follows_a_307_to_another_origin_but_the_credential_does_not()
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, Credential.Bearer);
        using var request = client.Transport.CreateRequest(HttpMethod.Post, RedirectHosts.Redirect(id, 307, RedirectHosts.Url(_hosts.Other, $"/landing/{id}")));
        request.Content = ApiTransport.CreateJsonContent(new TestConnectionRequest("src_abc123", null), TestJsonContext.Default.TestConnectionRequest);

        using (await client.Transport.SendAsync(request, ApiAuth.Bearer, default))
        {
        }

        var landed = RedirectHosts.Single(_hosts.Other, $"/landing/{id}");
        Assert.Equal("POST", landed.Method);
        Assert.Equal(Body, landed.BodyText);
        RedirectClient.AssertNoCredential(landed);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Body_that_cannot_be_replayed_is_not_sent_again(int status)
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyHeader);
        using var request = client.Transport.CreateRequest(HttpMethod.Post, RedirectHosts.Redirect(id, status, $"/v1/landing/{id}"));
        request.Content = new StreamContent(new ForwardOnlyStream(Encoding.UTF8.GetBytes(Body)));

        var exception = await Assert.ThrowsAsync<ApiRedirectException>(() => client.Transport.SendAsync(request, ApiAuth.ApiKey, default));

        Assert.Equal(ApiRedirectFailure.BodyNotReplayable, exception.Reason);
        Assert.Equal(status, exception.StatusCode);
        Assert.Contains("(StreamContent) cannot be replayed", exception.Message);
        Assert.Equal(Body, RedirectHosts.Single(_hosts.Origin, $"/v1/redirect/{id}").BodyText);
        Assert.Empty(RedirectHosts.Received(_hosts.Origin, $"/v1/landing/{id}"));
    }

    [Fact]
    public async Task Body_that_cannot_be_replayed_is_not_needed_after_a_303()
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyHeader);
        using var request = client.Transport.CreateRequest(HttpMethod.Post, RedirectHosts.Redirect(id, 303, $"/v1/landing/{id}"));
        request.Content = new StreamContent(new ForwardOnlyStream(Encoding.UTF8.GetBytes(Body)));

        using (await client.Transport.SendAsync(request, ApiAuth.ApiKey, default))
        {
        }

        var landed = RedirectHosts.Single(_hosts.Origin, $"/v1/landing/{id}");
        Assert.Equal("GET", landed.Method);
        Assert.Empty(landed.Body);
    }

    [Theory]
    [InlineData("seekable stream")]
    [InlineData("multipart")]
    public async Task Replayable_bodies_are_sent_again_whole(string kind)
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyHeader);
        using var request = client.Transport.CreateRequest(HttpMethod.Put, RedirectHosts.Redirect(id, 308, $"/v1/landing/{id}"));
        // A stream that does not start at 0: a replay must rewind to where the body starts, not to the stream's start.
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("skipped" + Body)) { Position = "skipped".Length };
        request.Content = kind == "multipart"
            ? new MultipartFormDataContent("boundary-1") { { new StreamContent(stream), "file", "body.json" }, { new StringContent("value"), "field" } }
            : new StreamContent(stream);

        using (await client.Transport.SendAsync(request, ApiAuth.ApiKey, default))
        {
        }

        var first = RedirectHosts.Single(_hosts.Origin, $"/v1/redirect/{id}").BodyText;
        Assert.Contains(Body, first);
        Assert.Equal(first, RedirectHosts.Single(_hosts.Origin, $"/v1/landing/{id}").BodyText);
    }

    [Fact]
    public async Task Endless_redirects_stop_after_the_default_limit_of_ten()
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyHeader);

        var exception = await client.FailAsync($"/hops/{id}/1000");

        Assert.Equal(ApiRedirectFailure.TooManyRedirects, exception.Reason);
        Assert.Equal(302, exception.StatusCode);
        Assert.Contains("was redirected more than 10 times (ApiClientOptions.MaxRedirects)", exception.Message);
        Assert.Equal(new Uri(RedirectHosts.Url(_hosts.Origin, $"/v1/hops/{id}/989")), exception.Target);
        Assert.Equal(11, RedirectHosts.Received(_hosts.Origin, $"/v1/hops/{id}/").Length);
    }

    [Theory]
    [InlineData(3, 3, true)]
    [InlineData(3, 4, false)]
    [InlineData(1, 1, true)]
    [InlineData(0, 0, true)]
    [InlineData(0, 1, false)]
    public async Task Redirects_are_followed_up_to_max_redirects(int maxRedirects, int redirects, bool succeeds)
    {
        var id = NewId();
        using var client = RedirectClient.Create(_hosts.Origin, Credential.ApiKeyHeader, configure: options => options.MaxRedirects = maxRedirects);

        if (succeeds)
        {
            Assert.Equal("landed", await client.GetAsync($"/hops/{id}/{redirects}"));
        }
        else
        {
            var exception = await client.FailAsync($"/hops/{id}/{redirects}");
            Assert.Equal(ApiRedirectFailure.TooManyRedirects, exception.Reason);
            Assert.Equal(new Uri(RedirectHosts.Url(_hosts.Origin, $"/v1/hops/{id}/{redirects - maxRedirects - 1}")), exception.Target);
            if (maxRedirects == 0)
            {
                Assert.Contains("ApiClientOptions.MaxRedirects is 0: redirects are not followed", exception.Message);
            }
        }

        Assert.Equal(Math.Min(redirects, maxRedirects) + 1, RedirectHosts.Received(_hosts.Origin, $"/v1/hops/{id}/").Length);
    }

    [Theory]
    [InlineData(Sender.SuppliedHandler, false)]
    [InlineData(Sender.SuppliedHandler, true)]
    [InlineData(Sender.SuppliedHttpClient, false)]
    [InlineData(Sender.SuppliedHttpClient, true)]
    public async Task Https_to_http_redirect_is_never_followed(Sender sender, bool sameHost)
    {
        var id = NewId();
        using var certificate = LoopbackServer.CreateCertificate();
        await using var secure = await LoopbackServer.StartAsync(RedirectHosts.AnswerAsync, IPAddress.Loopback, certificate);
        var plain = sameHost ? _hosts.Origin : _hosts.Other;
        var landing = RedirectHosts.Url(plain, $"/landing/{id}");
        using var handler = TrustingHandler(certificate);
        using var httpClient = sender == Sender.SuppliedHttpClient ? new HttpClient(handler, disposeHandler: false) : null;
        var options = new ApiClientOptions { BaseUrl = new Uri(secure.BaseUrl, "v1"), ApiKey = RedirectClient.Key };
        if (httpClient is null)
        {
            options.HttpMessageHandler = handler;
        }

        using var transport = new ApiTransport(TestApi.Description(), options, httpClient);

        var exception = await Assert.ThrowsAsync<ApiRedirectException>(() => TestApi.GetAsync(transport, RedirectHosts.Redirect(id, 302, landing)));

        Assert.Equal(ApiRedirectFailure.InsecureRedirect, exception.Reason);
        Assert.Contains("from https to http, " + landing, exception.Message);
        Assert.Equal(RedirectClient.Key, RedirectHosts.Single(secure, $"/v1/redirect/{id}").Header("X-API-Key"));
        Assert.Empty(RedirectHosts.Received(plain, $"/landing/{id}"));
    }

    [Fact]
    public async Task Https_redirect_within_the_origin_is_followed_with_the_credential()
    {
        var id = NewId();
        using var certificate = LoopbackServer.CreateCertificate();
        await using var secure = await LoopbackServer.StartAsync(RedirectHosts.AnswerAsync, IPAddress.Loopback, certificate);
        using var handler = TrustingHandler(certificate);
        var options = new ApiClientOptions { BaseUrl = new Uri(secure.BaseUrl, "v1"), ApiKey = RedirectClient.Key, HttpMessageHandler = handler };
        using var transport = new ApiTransport(TestApi.Description(), options);

        Assert.Equal("landed", await TestApi.GetAsync(transport, RedirectHosts.Redirect(id, 301, $"/v1/landing/{id}")));

        Assert.Equal(RedirectClient.Key, RedirectHosts.Single(secure, $"/v1/landing/{id}").Header("X-API-Key"));
    }

    [Fact]
    public async Task Handler_at_the_end_of_a_delegating_chain_stops_following_redirects_and_the_client_follows_them()
    {
        var id = NewId();
        using var inner = new SocketsHttpHandler();
        using var chain = new PassThroughHandler { InnerHandler = inner };
        var options = new ApiClientOptions { BaseUrl = new Uri(_hosts.Origin.BaseUrl, "v1"), ApiKey = RedirectClient.Key, HttpMessageHandler = chain };
        using var transport = new ApiTransport(TestApi.Description(), options);

        Assert.False(inner.AllowAutoRedirect, "The client did not turn off AllowAutoRedirect at the end of the handler chain.");
        await TestApi.GetAsync(transport, RedirectHosts.Redirect(id, 307, RedirectHosts.Url(_hosts.Other, $"/landing/{id}")));

        RedirectClient.AssertNoCredential(RedirectHosts.Single(_hosts.Other, $"/landing/{id}"));
    }

    [Fact]
    public async Task Handler_the_client_cannot_steer_is_caught_following_a_redirect_to_another_origin()
    {
        var id = NewId();
        using var handler = new OpaqueHandler();
        var options = new ApiClientOptions { BaseUrl = new Uri(_hosts.Origin.BaseUrl, "v1"), ApiKey = RedirectClient.Key, HttpMessageHandler = handler };
        using var transport = new ApiTransport(TestApi.Description(), options);

        var exception = await Assert.ThrowsAsync<ApiRedirectException>(() => TestApi.GetAsync(
            transport, RedirectHosts.Redirect(id, 302, RedirectHosts.Url(_hosts.Other, $"/landing/{id}"))));

        Assert.Equal(ApiRedirectFailure.FollowedOutsideClient, exception.Reason);
        Assert.Contains("the OpaqueHandler given as ApiClientOptions.HttpMessageHandler followed a redirect to another origin", exception.Message);
        Assert.Single(RedirectHosts.Received(_hosts.Other, $"/landing/{id}"));
    }

    [Fact]
    public async Task Handler_that_already_sent_requests_while_following_redirects_is_rejected()
    {
        using var used = new HttpClientHandler();
        using (var httpClient = new HttpClient(used, disposeHandler: false))
        {
            await httpClient.GetStringAsync(RedirectHosts.Url(_hosts.Origin, "/warm-up"));
        }

        var options = new ApiClientOptions { BaseUrl = new Uri(_hosts.Origin.BaseUrl, "v1"), HttpMessageHandler = used };

        var exception = Assert.Throws<InvalidOperationException>(() => new ApiTransport(TestApi.Description(), options));

        Assert.Contains("the HttpClientHandler given as ApiClientOptions.HttpMessageHandler follows redirects by itself and has already sent requests", exception.Message);
        Assert.Contains("AllowAutoRedirect = false", exception.Message);
    }

    [Fact]
    public async Task Used_handler_that_does_not_follow_redirects_is_accepted_and_not_disposed_with_the_client()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using (var httpClient = new HttpClient(handler, disposeHandler: false))
        {
            await httpClient.GetStringAsync(RedirectHosts.Url(_hosts.Origin, "/warm-up"));
        }

        var options = new ApiClientOptions { BaseUrl = new Uri(_hosts.Origin.BaseUrl, "v1"), HttpMessageHandler = handler };
        using (var transport = new ApiTransport(TestApi.Description(), options))
        {
            Assert.Equal("landed", await TestApi.GetAsync(transport, "/landing"));
        }

        using var afterwards = new HttpClient(handler, disposeHandler: false);
        Assert.Equal("landed", await afterwards.GetStringAsync(RedirectHosts.Url(_hosts.Origin, "/still-usable")));
    }

    [Fact]
    public void HttpClient_and_handler_together_are_rejected()
    {
        using var handler = new HttpClientHandler();
        using var httpClient = new HttpClient();
        var options = new ApiClientOptions { BaseUrl = new Uri("https://api.example.com/v1"), HttpMessageHandler = handler };

        var exception = Assert.Throws<ArgumentException>(() => new ApiTransport(TestApi.Description(), options, httpClient));

        Assert.Equal("httpClient", exception.ParamName);
    }

    [Fact]
    public void Redirect_options_are_validated_and_shown()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiClientOptions { MaxRedirects = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiClientOptions { CrossOriginRedirects = (CrossOriginRedirectPolicy)7 });

        var defaults = new ApiClientOptions();
        Assert.Equal(CrossOriginRedirectPolicy.FollowWithoutCredentials, defaults.CrossOriginRedirects);
        Assert.Equal(10, defaults.MaxRedirects);
        Assert.EndsWith(", CrossOriginRedirects = FollowWithoutCredentials, MaxRedirects = 10, HttpMessageHandler = (not set), LoggerFactory = (not set) }", defaults.ToString());

        using var handler = new SocketsHttpHandler();
        var configured = new ApiClientOptions { CrossOriginRedirects = CrossOriginRedirectPolicy.Refuse, MaxRedirects = 0, HttpMessageHandler = handler };
        Assert.EndsWith(", CrossOriginRedirects = Refuse, MaxRedirects = 0, HttpMessageHandler = SocketsHttpHandler, LoggerFactory = (not set) }", configured.ToString());
    }

    /// <summary>A handler that trusts exactly <paramref name="certificate"/>.</summary>
    private static HttpClientHandler TrustingHandler(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
        => new()
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) =>
                presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
        };

    private static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>A stream that can be read once, front to back, like a network or pipe stream.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        private readonly MemoryStream _inner;

        public ForwardOnlyStream(byte[] bytes)
        {
            _inner = new MemoryStream(bytes);
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class PassThroughHandler : DelegatingHandler
    {
    }

    /// <summary>A handler of its own kind that follows redirects inside, where the client cannot reach.</summary>
    private sealed class OpaqueHandler : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _inner = new(new SocketsHttpHandler());

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => _inner.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
