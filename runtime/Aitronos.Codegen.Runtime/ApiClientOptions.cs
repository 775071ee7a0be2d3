using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

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
    private int _maxRetries = 2;
    private TimeSpan _initialRetryDelay = TimeSpan.FromSeconds(0.5);
    private TimeSpan _maxRetryDelay = TimeSpan.FromSeconds(8);
    private TimeSpan _maxRetryAfter = TimeSpan.FromSeconds(60);
    private TimeSpan _callTimeout = System.Threading.Timeout.InfiniteTimeSpan;
    private TimeProvider _timeProvider = TimeProvider.System;
    private RetryClock? _retryClock;

    /// <summary>
    /// The base URL of the API, replacing the server URL of the OpenAPI document.
    /// Operation paths are appended to it, so a path such as <c>/v1</c> is kept.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The API key. When not set, the environment variable named by the API's description is used. When the API has
    /// several API key schemes, this is the key of the first one (in the order of their names); set the others in
    /// <see cref="ApiKeys"/>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// API keys by security scheme name (the key under <c>components.securitySchemes</c>, case-sensitive), for an API
    /// that takes several at once (an application id in a header and a key in the query). A key here wins over
    /// <see cref="ApiKey"/> and the environment.
    /// </summary>
    public IDictionary<string, string> ApiKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The user name for HTTP basic authentication (Twilio's account SID). When not set, the environment variable named by
    /// the API's description is used. Sent as <c>Authorization: Basic base64(user:password)</c> in UTF-8.
    /// </summary>
    public string? UserName { get; set; }

    /// <summary>The password for HTTP basic authentication (Twilio's auth token); see <see cref="UserName"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The client id for an OAuth 2.0 client credentials flow: with <see cref="ClientSecret"/>, the client fetches its own
    /// access tokens, caches them and fetches new ones before they expire. Clients made from one options instance (such as
    /// the transient clients of one service provider) share the cached tokens. <see cref="AccessToken"/> and
    /// <see cref="AccessTokenProvider"/> win over it. When not set, the environment variable named by the API's description is used.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret for the OAuth 2.0 client credentials flow; see <see cref="ClientId"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The OAuth 2.0 token endpoint, replacing the document's <c>tokenUrl</c>.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>
    /// The scopes to ask the token endpoint for. When empty, each operation's own scopes (from its <c>security</c>) are
    /// asked for, and a token is cached per set of scopes.
    /// </summary>
    public IList<string> Scopes { get; } = new List<string>();

    /// <summary>How the client id and secret reach the token endpoint. Defaults to <see cref="OAuthClientAuthentication.BasicHeader"/>.</summary>
    public OAuthClientAuthentication ClientAuthentication { get; set; }

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
    /// How long one attempt may take: sending the request, receiving the response headers, following redirects, and
    /// reading the body when the client reads it for you (every generated method does; <see cref="ApiTransport.SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>
    /// leaves it to its caller) or when the response is an error. Defaults to 100 seconds;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables the limit.
    /// </summary>
    /// <remarks>
    /// The limit holds per attempt: an attempt that runs out of time fails with an <see cref="ApiTimeoutException"/> and is
    /// retried like a connection failure (see <see cref="MaxRetries"/>), so a call may take up to about
    /// <c>(MaxRetries + 1) × Timeout</c> plus the waits between attempts. <see cref="CallTimeout"/> bounds the whole call.
    /// Canceling the call's <see cref="CancellationToken"/> is not a timeout: it throws <see cref="OperationCanceledException"/>
    /// carrying that token, and nothing is retried.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not infinite.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        set => _timeout = CheckTimeout(value);
    }

    /// <summary>
    /// How long a whole call may take: every attempt, the waits between them, and reading the body the client reads.
    /// Defaults to <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>: the call is then bounded by
    /// <see cref="MaxRetries"/> and <see cref="Timeout"/>.
    /// </summary>
    /// <remarks>
    /// When it runs out the call fails with an <see cref="ApiTimeoutException"/> naming this setting, and is not retried.
    /// A retry whose wait would end after it is not started: the call fails at once with the last attempt's failure.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not infinite.</exception>
    public TimeSpan CallTimeout
    {
        get => _callTimeout;
        set => _callTimeout = CheckTimeout(value);
    }

    /// <summary>
    /// How many times a call that failed in a way worth trying again may be retried. Defaults to 2 (three attempts in
    /// all); 0 turns retries off.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Retried: the statuses 408, 429, 500, 502, 503 and 504, a connection that could not be made or broke before the
    /// response was read (but not a failed TLS handshake, which the next attempt would repeat), and an attempt that ran
    /// out of <see cref="Timeout"/>. Every attempt's error body is read, and the exception finally thrown describes the
    /// last one, says how many were made (<see cref="ApiException.Attempts"/>) and keeps the earlier ones
    /// (<see cref="ApiException.PreviousAttempts"/>).
    /// </para>
    /// <para>
    /// GET, HEAD, OPTIONS, TRACE, PUT and DELETE are idempotent and retried on all of these. Any other method (POST,
    /// PATCH, ...) is retried only when the server cannot have acted on it, or when it carries an <c>Idempotency-Key</c>
    /// header (see <see cref="ApiRequestOptions.IdempotencyKey"/>), which is then the same on every attempt. The server
    /// cannot have acted on it when the connection was never made (refused, or the host name not found), when it answered
    /// 429 (rate limiting turns a request away before it is processed), and when it answered 503 with a
    /// <c>Retry-After</c> (it is not taking requests now). A POST that timed out, broke off after it was sent, or failed
    /// with 500, 502, 504 or 408 may have been carried out, and is not sent again.
    /// </para>
    /// <para>
    /// A body that cannot be sent twice (a <see cref="StreamContent"/> over a stream that cannot seek, or an
    /// <see cref="HttpContent"/> of an unknown kind) is never retried. A body buffered in memory (every generated JSON
    /// body), a seekable stream, and multipart content made of those, are.
    /// </para>
    /// <para>
    /// The wait before a retry is what the server asks for, when it does (see <see cref="MaxRetryAfter"/>); otherwise
    /// <see cref="InitialRetryDelay"/> doubled for every retry after the first, at most <see cref="MaxRetryDelay"/>, less a
    /// random 0 to 25 % (jitter, so that clients that failed together do not come back together). With the defaults:
    /// 0.375 to 0.5 s before the second attempt, 0.75 to 1 s before the third.
    /// </para>
    /// <para>
    /// If the <see cref="HttpClient"/> or handler the client sends with retries by itself (for example
    /// <c>AddStandardResilienceHandler()</c> from Microsoft.Extensions.Http.Resilience on an <c>IHttpClientFactory</c>
    /// client), set this to 0 so that requests are not retried twice over (a generated <c>services.Add{Client}(...)</c>
    /// registration does so by itself, see <see cref="ApiClientRegistration.LeaveRetriesToHandlers"/>), and <see cref="Timeout"/> to
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> if the handler enforces its own attempt timeout.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxRetries
    {
        get => _maxRetries;
        set => _maxRetries = value < 0
            ? throw new ArgumentOutOfRangeException(nameof(value), value, "The retry count must be zero or positive.")
            : value;
    }

    /// <summary>
    /// The wait before the first retry when the server names none, before jitter; each further retry waits twice as
    /// long, up to <see cref="MaxRetryDelay"/>. Defaults to 0.5 seconds. See <see cref="MaxRetries"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative: a retry never follows at once unless the server asks for that.</exception>
    public TimeSpan InitialRetryDelay
    {
        get => _initialRetryDelay;
        set => _initialRetryDelay = value <= TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
            ? throw new ArgumentOutOfRangeException(nameof(value), value, "The retry delay must be positive.")
            : value;
    }

    /// <summary>
    /// The longest wait between attempts that the client chooses itself, before jitter. Defaults to 8 seconds. A wait the
    /// server asks for is bounded by <see cref="MaxRetryAfter"/> instead.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public TimeSpan MaxRetryDelay
    {
        get => _maxRetryDelay;
        set => _maxRetryDelay = value <= TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
            ? throw new ArgumentOutOfRangeException(nameof(value), value, "The retry delay must be positive.")
            : value;
    }

    /// <summary>
    /// The longest wait the server may ask for before a retry. Defaults to 60 seconds.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A server asks with <c>retry-after-ms</c> (milliseconds) or <c>Retry-After</c>: seconds, or an HTTP-date, which is
    /// read as UTC and measured from the response's own <c>Date</c> header (from the local clock when it has none), so
    /// that a skewed local clock does not change the wait. The client then waits exactly that long, zero included: a
    /// server that says "now" is retried at once.
    /// </para>
    /// <para>
    /// A server that asks for longer is not retried at all: the call fails at once with the response's exception (a
    /// <see cref="RateLimitException"/> shows the requested wait in <see cref="RateLimitException.RetryAfter"/>, every
    /// exception in its <see cref="ApiException.Headers"/>), leaving the decision to wait hours to the caller.
    /// <see cref="System.TimeSpan.Zero"/> retries only when the server asks for no wait at all;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> always waits as asked (within <see cref="CallTimeout"/>).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, and not infinite.</exception>
    public TimeSpan MaxRetryAfter
    {
        get => _maxRetryAfter;
        set => _maxRetryAfter = value < TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan
            ? throw new ArgumentOutOfRangeException(nameof(value), value, "The longest Retry-After must be zero, positive or Timeout.InfiniteTimeSpan.")
            : value;
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
    /// Where the client writes its log lines, under the category <c>Aitronos.Codegen.Runtime.ApiTransport</c>; none when
    /// <see langword="null"/> (the default). In an application with dependency injection, pass the container's
    /// <see cref="ILoggerFactory"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Per request (and per redirect): <c>Debug</c> before sending, <c>Information</c> when the response headers arrive
    /// (status, duration, attempt, the <c>x-request-id</c> header); <c>Warning</c> for an attempt that got no response;
    /// <c>Information</c> before a retry (the wait, and what failed); <c>Warning</c> when a call fails for good (not when
    /// the caller canceled it). Every line names the client, the method and the URL.
    /// </para>
    /// <para>
    /// Credentials never reach a line: URLs are logged with user info and the values of credential query parameters
    /// (the API key's, <c>access_token</c>, <c>sig</c>, ...) replaced by <c>REDACTED</c>, the call's API key and tokens are
    /// masked wherever else they appear, and no header value or request body is logged. Nothing is formatted unless the
    /// logger is enabled for the level. Traces and metrics do not need this: see <see cref="ApiTelemetry"/>.
    /// </para>
    /// </remarks>
    public ILoggerFactory? LoggerFactory { get; set; }

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
        text.Append(", CallTimeout = ").Append(CallTimeout == System.Threading.Timeout.InfiniteTimeSpan
            ? "infinite"
            : CallTimeout.ToString("c", CultureInfo.InvariantCulture));
        text.Append(", MaxRetries = ").Append(MaxRetries.ToString(CultureInfo.InvariantCulture));
        text.Append(", DefaultHeaders = [");
        // Header values can be credentials of their own (a custom auth header), so only names are shown.
        var first = true;
        foreach (var name in DefaultHeaders.Keys)
        {
            text.Append(first ? string.Empty : ", ").Append(name);
            first = false;
        }

        text.Append("], UserAgent = ").Append(UserAgent ?? "(default)");
        if (ApiKeys.Count > 0)
        {
            // Scheme names only: the values are keys.
            text.Append(", ApiKeys = [").Append(string.Join(", ", ApiKeys.Keys)).Append(']');
        }

        text.Append(", UserName = ").Append(Presence(UserName));
        text.Append(", Password = ").Append(Presence(Password));
        text.Append(", ClientId = ").Append(Presence(ClientId));
        text.Append(", ClientSecret = ").Append(Presence(ClientSecret));
        text.Append(", CrossOriginRedirects = ").Append(CrossOriginRedirects.ToString());
        text.Append(", MaxRedirects = ").Append(MaxRedirects.ToString(CultureInfo.InvariantCulture));
        text.Append(", HttpMessageHandler = ").Append(HttpMessageHandler?.GetType().Name ?? "(not set)");
        text.Append(", LoggerFactory = ").Append(LoggerFactory?.GetType().Name ?? "(not set)");
        text.Append(" }");
        return text.ToString();
    }

    /// <summary>
    /// The clock the client runs on: the waits between retries and the call's time budget, <c>Retry-After</c> dates
    /// (when the response has no <c>Date</c>), the expiry of OAuth 2.0 tokens, and the timers of <see cref="Timeout"/> and
    /// <see cref="CallTimeout"/>. <see cref="System.TimeProvider.System"/> by default; a fake one
    /// (<c>Microsoft.Extensions.Time.Testing.FakeTimeProvider</c>) runs all of them in virtual time, in tests.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// The time, waits, timers and jitter the client uses: <see cref="TimeProvider"/>'s, unless a test set one with a
    /// chosen jitter.
    /// </summary>
    internal RetryClock RetryClock
    {
        get => _retryClock ?? (ReferenceEquals(_timeProvider, TimeProvider.System) ? RetryClock.System : new TimeProviderClock(_timeProvider));
        set => _retryClock = value;
    }

    /// <summary>Checks a timeout: positive, or infinite.</summary>
    internal static TimeSpan CheckTimeout(TimeSpan value)
        => value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan
            ? throw new ArgumentOutOfRangeException(nameof(value), value, "The timeout must be positive or Timeout.InfiniteTimeSpan.")
            : value;

    private static string Presence(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set, redacted)";
}
