using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// Two real hosts: 127.0.0.1, the API's origin, and 127.0.0.2, another origin. Both answer alike:
/// <list type="bullet">
/// <item><c>…/redirect/{id}?status=S&amp;to=URL</c>: status S with <c>Location: URL</c> (no <c>Location</c> without
/// <c>to</c>); with <c>&amp;copyQuery=1</c> the request's own query is appended, as a server that moved keeps path and query.</item>
/// <item><c>…/hops/{id}/{n}</c>: 302 to <c>…/hops/{id}/{n-1}</c> on the same host, until <c>n</c> is 0.</item>
/// <item>anything else: 200 <c>landed</c>.</item>
/// </list>
/// </summary>
public sealed class RedirectHosts : IAsyncLifetime
{
    /// <summary>The API's host, 127.0.0.1; clients use <c>{Origin}/v1</c> as their base URL.</summary>
    public LoopbackServer Origin { get; private set; } = null!;

    /// <summary>Another origin, 127.0.0.2.</summary>
    public LoopbackServer Other { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Origin = await LoopbackServer.StartAsync(AnswerAsync);
        Other = await LoopbackServer.StartAsync(AnswerAsync, LoopbackServer.SecondLoopbackAddress);
    }

    public async Task DisposeAsync()
    {
        await Origin.DisposeAsync();
        await Other.DisposeAsync();
    }

    /// <summary>An absolute URL on <paramref name="server"/>.</summary>
    public static string Url(LoopbackServer server, string pathAndQuery) => server.BaseUrl.AbsoluteUri.TrimEnd('/') + pathAndQuery;

    /// <summary>A path (relative to the base URL, or to a host's root) that redirects with <paramref name="status"/> to <paramref name="to"/>.</summary>
    public static string Redirect(string id, int status, string to, string extraQuery = "")
        => $"/redirect/{id}?status={status}&to={Uri.EscapeDataString(to)}{extraQuery}";

    /// <summary>The requests <paramref name="server"/> received whose path starts with <paramref name="path"/>.</summary>
    public static RecordedRequest[] Received(LoopbackServer server, string path)
        => server.Requests.Where(request => request.Target.StartsWith(path, StringComparison.Ordinal)).ToArray();

    /// <summary>The one request <paramref name="server"/> received on <paramref name="path"/>, failing with a count otherwise.</summary>
    public static RecordedRequest Single(LoopbackServer server, string path)
    {
        var received = Received(server, path);
        Assert.True(received.Length == 1, $"{server.BaseUrl} received {received.Length} requests on {path}, expected 1.");
        return received[0];
    }

    public static Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var query = context.Request.Query;
        if (path.Contains("/redirect/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = int.Parse(query["status"].ToString(), CultureInfo.InvariantCulture);
            if (query.ContainsKey("to"))
            {
                var location = query["to"].ToString();
                context.Response.Headers.Location = query["copyQuery"] == "1" ? location + context.Request.QueryString.Value : location;
            }

            return Task.CompletedTask;
        }

        var hops = path.IndexOf("/hops/", StringComparison.Ordinal);
        if (hops >= 0)
        {
            var remaining = int.Parse(path.Substring(path.LastIndexOf('/') + 1), CultureInfo.InvariantCulture);
            if (remaining > 0)
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = path.Substring(0, path.LastIndexOf('/') + 1) + (remaining - 1).ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            }
        }

        return LoopbackServer.RespondAsync(context, 200, "landed", "text/plain");
    }
}

/// <summary>Each kind of credential a client can send.</summary>
public enum Credential
{
    ApiKeyHeader,
    ApiKeyQuery,
    ApiKeyCookie,
    Bearer,
}

/// <summary>What sends the client's requests.</summary>
public enum Sender
{
    /// <summary><c>new XClient(options)</c>: the transport's own HttpClient.</summary>
    OwnClient,

    /// <summary><c>ApiClientOptions.HttpMessageHandler = new HttpClientHandler()</c> (which follows redirects until the transport turns that off).</summary>
    SuppliedHandler,

    /// <summary><c>new XClient(options, new HttpClient())</c>: a handler that follows redirects by itself.</summary>
    SuppliedHttpClient,

    /// <summary><c>new XClient(options, new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))</c>.</summary>
    SuppliedHttpClientWithoutAutoRedirect,
}

/// <summary>A transport with one kind of credential over one kind of sender, and what it disposes with it.</summary>
internal sealed class RedirectClient : IDisposable
{
    public const string Key = "ak_redirect_secret_0123456789";
    public const string Token = "tok_redirect_secret_0123456789";

    private readonly IDisposable? _sender;

    private RedirectClient(ApiTransport transport, Credential credential, IDisposable? sender)
    {
        Transport = transport;
        Credential = credential;
        _sender = sender;
    }

    public ApiTransport Transport { get; }

    public Credential Credential { get; }

    /// <summary>The credential's value: the API key or the token.</summary>
    public string Secret => Credential == Credential.Bearer ? Token : Key;

    public ApiAuth Auth => Credential == Credential.Bearer ? ApiAuth.Bearer : ApiAuth.ApiKey;

    /// <summary>A client of <paramref name="origin"/><c>/v1</c> sending <paramref name="credential"/> through <paramref name="sender"/>.</summary>
    public static RedirectClient Create(LoopbackServer origin, Credential credential, Sender sender = Sender.OwnClient, Action<ApiClientOptions>? configure = null)
    {
        var location = credential switch
        {
            Credential.ApiKeyQuery => ApiKeyLocation.Query,
            Credential.ApiKeyCookie => ApiKeyLocation.Cookie,
            _ => ApiKeyLocation.Header,
        };
        var options = new ApiClientOptions
        {
            BaseUrl = new Uri(origin.BaseUrl, "v1"),
            ApiKey = credential == Credential.Bearer ? null : Key,
            AccessToken = credential == Credential.Bearer ? Token : null,
        };
        configure?.Invoke(options);
        IDisposable? owned = null;
        HttpClient? httpClient = null;
        switch (sender)
        {
            case Sender.SuppliedHandler:
                var handler = new HttpClientHandler();
                options.HttpMessageHandler = handler;
                owned = handler;
                break;
            case Sender.SuppliedHttpClient:
                owned = httpClient = new HttpClient();
                break;
            case Sender.SuppliedHttpClientWithoutAutoRedirect:
                owned = httpClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
                break;
        }

        return new RedirectClient(new ApiTransport(TestApi.Description(location: location), options, httpClient), credential, owned);
    }

    public Task<string> GetAsync(string pathAndQuery) => TestApi.GetAsync(Transport, pathAndQuery, Auth);

    public Task<ApiRedirectException> FailAsync(string pathAndQuery) => Assert.ThrowsAsync<ApiRedirectException>(() => GetAsync(pathAndQuery));

    /// <summary>Fails unless <paramref name="request"/> carries this client's credential, once, where it belongs.</summary>
    public void AssertCarriesCredential(RecordedRequest request)
    {
        var (where, actual, expected) = Credential switch
        {
            Credential.ApiKeyHeader => ("X-API-Key", request.Header("X-API-Key"), Key),
            Credential.ApiKeyCookie => ("Cookie", request.Header("Cookie"), "api_key=" + Key),
            Credential.Bearer => ("Authorization", request.Header("Authorization"), "Bearer " + Token),
            _ => ("the query", Occurrences(request.Target, "api_key=") == 1 && request.Target.Contains("api_key=" + Key, StringComparison.Ordinal) ? "api_key=" + Key : request.Target, "api_key=" + Key),
        };
        Assert.True(actual == expected, $"{request.Method} {request.Target}: expected {where} to carry {expected}, found {actual ?? "nothing"}.");
    }

    /// <summary>Fails when <paramref name="request"/> carries any credential: a credential header, the key or the token anywhere.</summary>
    public static void AssertNoCredential(RecordedRequest request)
    {
        foreach (var header in new[] { "Authorization", "Proxy-Authorization", "X-API-Key", "Cookie" })
        {
            Assert.True(request.Header(header) is null, $"{request.Method} {request.Target} carried {header}: {request.Header(header)}");
        }

        foreach (var secret in new[] { Key, Token })
        {
            var found = request.Target.Contains(secret, StringComparison.Ordinal) ? "its target"
                : request.Headers.FirstOrDefault(header => header.Value.Contains(secret, StringComparison.Ordinal)).Key is { } header ? "header " + header
                : request.BodyText.Contains(secret, StringComparison.Ordinal) ? "its body"
                : null;
            Assert.True(found is null, $"{request.Method} {request.Target} carried a credential in {found}.");
        }

        Assert.DoesNotContain("api_key", request.Target, StringComparison.Ordinal);
    }

    /// <summary>Fails when any of <paramref name="texts"/> contains a credential or one of <paramref name="forbidden"/>.</summary>
    public static void AssertShowsNone(IEnumerable<string?> texts, params string[] forbidden)
    {
        foreach (var text in texts)
        {
            foreach (var secret in forbidden.Concat(new[] { Key, Token }))
            {
                Assert.True(text is null || !text.Contains(secret, StringComparison.Ordinal), $"'{secret}' shows in: {text}");
            }
        }
    }

    public void Dispose()
    {
        Transport.Dispose();
        _sender?.Dispose();
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
