using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Settings shared by every generated client: where the API lives, how to authenticate and how long to wait.
/// Generated clients derive their own options type from this one.
/// </summary>
/// <remarks>
/// A client reads its options once, when it is created; changing them afterwards does not affect that client.
/// </remarks>
public class ApiClientOptions
{
    private TimeSpan _timeout = TimeSpan.FromSeconds(100);
    private CrossOriginRedirectPolicy _crossOriginRedirects = CrossOriginRedirectPolicy.FollowWithoutCredentials;
    private int _maxRedirects = 10;

    /// <summary>
    /// The base URL of the API, replacing the server URL of the OpenAPI document.
    /// Operation paths are appended to it, so a path such as <c>/v1</c> is kept.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The API key. When not set, the environment variable named by the API's description is used.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// A bearer access token sent as <c>Authorization: Bearer ...</c>. When not set, the environment variable
    /// named by the API's description is used. <see cref="AccessTokenProvider"/> wins over this value.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// Called before each request that uses a bearer token, to obtain a fresh token (for example one that is
    /// refreshed when it expires). Returning <see langword="null"/> sends no token.
    /// </summary>
    public Func<CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>
    /// How long one request may take until the response headers arrive (and, for a failed request, until its
    /// error body is read). Defaults to 100 seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// disables the limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not infinite.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        set
        {
            if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The timeout must be positive or Timeout.InfiniteTimeSpan.");
            }

            _timeout = value;
        }
    }

    /// <summary>
    /// Headers added to every request, unless the request already carries a header of that name.
    /// Names are case-insensitive.
    /// </summary>
    public IDictionary<string, string> DefaultHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The <c>User-Agent</c> header. Defaults to the client's name followed by <c>Aitronos.Codegen/{version}</c>.
    /// </summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// What to do when the API redirects a request to another origin (scheme, host or port) than the base URL's.
    /// Defaults to <see cref="CrossOriginRedirectPolicy.FollowWithoutCredentials"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Credentials belong to the base URL's origin: the API key (header, query or cookie), the bearer token, the
    /// <c>Cookie</c> header and the <see cref="DefaultHeaders"/> (which may hold a credential of their own) never go
    /// anywhere else, whichever policy is set. Once a redirect has left the origin, they are not sent again, even if a
    /// later redirect leads back: another host must not be able to direct authenticated requests.
    /// </para>
    /// <para>
    /// Following without credentials is the default because that is how browsers, curl, Python requests and
    /// <see cref="HttpClient"/> treat <c>Authorization</c>, and because APIs redirect to other hosts routinely (a
    /// download answered with a signed URL on a storage host, a regional endpoint, a CDN); such targets expect no API
    /// credentials. The other origin does receive the request's path and query as the redirect names them, its
    /// operation headers, the <c>User-Agent</c> and, for 307 and 308, its body. Choose
    /// <see cref="CrossOriginRedirectPolicy.Refuse"/> to fail with an <see cref="ApiRedirectException"/> instead.
    /// </para>
    /// <para>An <c>https</c> to <c>http</c> redirect is never followed, whatever the policy.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined policy.</exception>
    public CrossOriginRedirectPolicy CrossOriginRedirects
    {
        get => _crossOriginRedirects;
        set
        {
            if (value is not (CrossOriginRedirectPolicy.FollowWithoutCredentials or CrossOriginRedirectPolicy.Refuse))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown cross-origin redirect policy.");
            }

            _crossOriginRedirects = value;
        }
    }

    /// <summary>
    /// How many redirects one request may follow before it fails with an <see cref="ApiRedirectException"/>.
    /// Defaults to 10; 0 follows none (a redirect then fails at once, naming its target).
    /// </summary>
    /// <remarks>
    /// The client follows redirects itself: 301 and 302 turn a POST into a GET without a body; 303 turns every
    /// method but GET and HEAD into a GET without a body; 307 and 308 keep the method and the body (a body that
    /// cannot be replayed, such as a <see cref="StreamContent"/> over a stream that cannot seek, is not sent again).
    /// <see cref="Timeout"/> covers the whole chain.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxRedirects
    {
        get => _maxRedirects;
        set
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The redirect limit must be zero or positive.");
            }

            _maxRedirects = value;
        }
    }

    /// <summary>
    /// The handler the client sends with, when it creates its own <see cref="HttpClient"/>: for a proxy, client
    /// certificates, custom certificate validation or a test double. The client does not dispose it.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Prefer this to passing an <see cref="HttpClient"/>: the client turns off the handler's own redirect following
    /// (<c>AllowAutoRedirect = false</c> on an <see cref="HttpClientHandler"/> or <c>SocketsHttpHandler</c>, also at
    /// the end of a chain of <see cref="DelegatingHandler"/>s) and follows redirects itself, keeping credentials on
    /// the base URL's origin. That changes the handler for anyone else who uses it.
    /// </para>
    /// <para>
    /// A handler of another kind cannot be changed; if it follows a redirect to another origin by itself, the request
    /// fails with an <see cref="ApiRedirectException"/> (<see cref="ApiRedirectFailure.FollowedOutsideClient"/>).
    /// Creating the client throws <see cref="InvalidOperationException"/> when the handler follows redirects and has
    /// already sent requests (its settings are then frozen), and <see cref="ArgumentException"/> when an
    /// <see cref="HttpClient"/> is passed too.
    /// </para>
    /// </remarks>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>
    /// Describes the options without revealing secrets: credentials show only whether they are set, and
    /// default headers show only their names.
    /// </summary>
    /// <returns>A text such as <c>AitronosClientOptions { BaseUrl = ..., ApiKey = (set), ... }</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(GetType().Name).Append(" { ");
        text.Append("BaseUrl = ").Append(BaseUrl?.OriginalString ?? "(default)");
        text.Append(", ApiKey = ").Append(Presence(ApiKey));
        text.Append(", AccessToken = ").Append(Presence(AccessToken));
        text.Append(", AccessTokenProvider = ").Append(AccessTokenProvider is null ? "(not set)" : "(set)");
        text.Append(", Timeout = ").Append(Timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? "infinite"
            : Timeout.ToString("c", CultureInfo.InvariantCulture));
        text.Append(", DefaultHeaders = [");
        // Header values can be credentials of their own (a custom auth header), so only names are shown.
        var first = true;
        foreach (var name in DefaultHeaders.Keys)
        {
            text.Append(first ? string.Empty : ", ").Append(name);
            first = false;
        }

        text.Append("], UserAgent = ").Append(UserAgent ?? "(default)");
        text.Append(", CrossOriginRedirects = ").Append(CrossOriginRedirects.ToString());
        text.Append(", MaxRedirects = ").Append(MaxRedirects.ToString(CultureInfo.InvariantCulture));
        text.Append(", HttpMessageHandler = ").Append(HttpMessageHandler?.GetType().Name ?? "(not set)");
        text.Append(" }");
        return text.ToString();
    }

    private static string Presence(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set, redacted)";
}
