using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Sends a generated client's requests: composes URIs, adds headers and credentials, enforces the timeout and
/// turns failures into <see cref="ApiException"/>s. Thread-safe; one instance serves the whole application.
/// </summary>
/// <remarks>
/// <para>
/// The transport reads its <see cref="ApiClientOptions"/> once, when it is created. Every request goes through one
/// loop of attempts: it retries what <see cref="ApiClientOptions.MaxRetries"/> describes, with the waits and budgets the
/// options set, and never re-sends a request the server may have carried out unless it carries an idempotency key.
/// Settings for one call come from <see cref="ApiRequestOptions"/>.
/// </para>
/// <para>
/// The transport follows redirects itself, so that credentials reach only the base URL's origin (scheme, host and
/// port): see <see cref="ApiClientOptions.CrossOriginRedirects"/> and <see cref="ApiClientOptions.MaxRedirects"/>.
/// </para>
/// </remarks>
public sealed partial class ApiTransport : IDisposable
{
    private readonly ApiDescription _api;
    private readonly HttpClient _httpClient;

    /// <summary>
    /// The handler of <see cref="_httpClient"/> when the transport made that client: requests go to it straight. What
    /// <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/> adds (its own
    /// timeout, a token linked to its pending requests, an async method of its own) the transport does not use for a client
    /// it made, and it cost every call a few hundred bytes. <see langword="null"/> for a supplied client, whose
    /// <c>Timeout</c>, <c>BaseAddress</c> and default headers must apply.
    /// </summary>
    private readonly HttpMessageInvoker? _handlerInvoker;
    private readonly bool _ownsHttpClient;
    private readonly string _baseUrl;
    private readonly TimeSpan _timeout;
    private readonly KeyValuePair<string, string>[] _defaultHeaders;
    private readonly string _userAgent;
    private readonly string _basePath;
    private readonly ILogger? _logger;
    private int _disposed;

    /// <summary>Creates a transport for one API.</summary>
    /// <param name="api">The API's static description, from the generated client.</param>
    /// <param name="options">The caller's options; defaults when <see langword="null"/>.</param>
    /// <param name="httpClient">
    /// <para>
    /// An HTTP client to send with, for example one from <c>IHttpClientFactory</c>; it is never disposed by the
    /// transport. When <see langword="null"/>, the transport creates one (over
    /// <see cref="ApiClientOptions.HttpMessageHandler"/>, if set) and disposes it in <see cref="Dispose"/>.
    /// </para>
    /// <para>
    /// A supplied client's handler follows redirects by itself unless its <c>AllowAutoRedirect</c> is
    /// <see langword="false"/> (<see cref="HttpClientHandler"/> defaults to <see langword="true"/>), and may then carry
    /// the request's headers, the API key among them, to another host before the transport sees the response. The
    /// transport cannot prevent that; it refuses the response instead, with an <see cref="ApiRedirectException"/>
    /// (<see cref="ApiRedirectFailure.FollowedOutsideClient"/>). Prefer <see cref="ApiClientOptions.HttpMessageHandler"/>,
    /// or turn <c>AllowAutoRedirect</c> off on the client's handler: the transport then follows redirects itself.
    /// </para>
    /// </param>
    /// <exception cref="InvalidOperationException">
    /// No usable base URL: see <see cref="ApiClientOptions.BaseUrl"/>. Or <see cref="ApiClientOptions.HttpMessageHandler"/>
    /// follows redirects and has already sent requests, so that can no longer be turned off.
    /// </exception>
    /// <exception cref="ArgumentException">Both <paramref name="httpClient"/> and <see cref="ApiClientOptions.HttpMessageHandler"/> are given.</exception>
    public ApiTransport(ApiDescription api, ApiClientOptions? options, HttpClient? httpClient = null)
    {
        _api = api ?? throw new ArgumentNullException(nameof(api));
        options ??= new ApiClientOptions();
        if (httpClient is not null && options.HttpMessageHandler is not null)
        {
            throw new ArgumentException(
                $"{api.Name}: pass either an HttpClient or ApiClientOptions.HttpMessageHandler, not both.", nameof(httpClient));
        }

        _baseUrl = ResolveBaseUrl(api, options, httpClient);
        _baseOrigin = Origin.Of(new Uri(_baseUrl, UriKind.Absolute));
        _basePath = new Uri(_baseUrl, UriKind.Absolute).AbsolutePath.TrimEnd('/');
        _logger = options.LoggerFactory?.CreateLogger(TransportLog.Category);
        _crossOriginRedirects = options.CrossOriginRedirects;
        _maxRedirects = options.MaxRedirects;
        _timeout = options.Timeout;
        _callTimeout = options.CallTimeout;
        _maxRetries = options.MaxRetries;
        _initialRetryDelay = options.InitialRetryDelay;
        _maxRetryDelay = options.MaxRetryDelay;
        _maxRetryAfter = options.MaxRetryAfter;
        _retryClock = options.RetryClock;
        _defaultHeaders = new List<KeyValuePair<string, string>>(options.DefaultHeaders).ToArray();
        _userAgent = string.IsNullOrWhiteSpace(options.UserAgent) ? DefaultUserAgent(api) : options.UserAgent!;
        _ownsHttpClient = httpClient is null;
        if (httpClient is not null)
        {
            (_httpClient, _sender) = (httpClient, Sender.SuppliedHttpClient);
        }
        else if (options.HttpMessageHandler is { } handler)
        {
            // A handler the transport cannot steer is still wrapped: EnsureNotRedirectedOutside catches what it follows.
            AutomaticRedirects.TryDisable(handler, api.Name);
            (_httpClient, _sender, _handlerName) = (CreateHttpClient(handler, disposeHandler: false), Sender.SuppliedHandler, handler.GetType().Name);
            _handlerInvoker = new HttpMessageInvoker(handler, disposeHandler: false);
        }
        else
        {
            var own = CreateHandler();
            (_httpClient, _sender) = (CreateHttpClient(own, disposeHandler: true), Sender.OwnHandler);
            _handlerInvoker = new HttpMessageInvoker(own, disposeHandler: false);
        }

        _credentials = ResolveCredentials(api, options);
    }

    /// <summary>Creates a request for an operation.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">
    /// The operation's path and query, escaped, starting with <c>/</c> (built with <see cref="RequestPath"/>).
    /// It is appended to the base URL, so <c>https://api.aitronos.com/v1</c> keeps its <c>/v1</c>.
    /// </param>
    /// <returns>The request, to be sent with <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</returns>
    public HttpRequestMessage CreateRequest(HttpMethod method, string pathAndQuery)
        => new(method, RequestUri(method, pathAndQuery));

    private Uri RequestUri(HttpMethod method, string pathAndQuery)
    {
        if (method is null)
        {
            throw new ArgumentNullException(nameof(method));
        }

        if (pathAndQuery is null)
        {
            throw new ArgumentNullException(nameof(pathAndQuery));
        }

        if (pathAndQuery.Length == 0 || pathAndQuery[0] != '/')
        {
            throw new ArgumentException("The path must start with '/'.", nameof(pathAndQuery));
        }

        return new Uri(_baseUrl + pathAndQuery, UriKind.Absolute);
    }

    /// <summary>Creates a request for an operation, naming its path template for traces and metrics.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The operation's path and query, escaped, starting with <c>/</c>; see <see cref="CreateRequest(HttpMethod, string)"/>.</param>
    /// <param name="pathTemplate">
    /// The operation's path template from the OpenAPI document, such as <c>/items/{item_id}</c>, relative to the base URL
    /// like <paramref name="pathAndQuery"/>. The call's span is then named <c>{method} {template}</c> and carries
    /// <c>url.template</c> (the base URL's path and this template, <c>/v1/items/{item_id}</c>), which keeps metrics of
    /// calls to one operation together whatever its parameters (see <see cref="ApiTelemetry"/>).
    /// </param>
    /// <returns>The request, to be sent with <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</returns>
    public HttpRequestMessage CreateRequest(HttpMethod method, string pathAndQuery, string pathTemplate)
    {
        if (pathTemplate is null)
        {
            throw new ArgumentNullException(nameof(pathTemplate));
        }

        if (pathTemplate.Length == 0 || pathTemplate[0] != '/')
        {
            throw new ArgumentException("The path template must start with '/'.", nameof(pathTemplate));
        }

        return new OperationRequest(method, RequestUri(method, pathAndQuery), _basePath, pathTemplate);
    }

    /// <summary>
    /// Sends a request with the default headers, the <c>User-Agent</c> and the credentials the operation accepts,
    /// follows redirects, retries what is worth retrying, and returns the successful (2xx) response, which the caller
    /// disposes.
    /// </summary>
    /// <param name="request">
    /// The request, from <see cref="CreateRequest(HttpMethod, string)"/>. Redirects and retries are sent as new requests that share its
    /// content; the caller disposes it as usual.
    /// </param>
    /// <param name="auth">
    /// The credentials the operation accepts (an <see cref="ApiAuth"/> converts): the first alternative whose credentials
    /// are all configured is sent (see <see cref="ApiSecurityRequirement"/>). Credentials are sent only to the base URL's
    /// origin: not with a request for another origin, and not along a redirect that leaves the origin.
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The response, read up to its headers. Its body is still to be read, by the caller, under the caller's own token:
    /// <see cref="ApiClientOptions.Timeout"/> no longer applies, and a failure while reading it is not retried. The
    /// <c>Call…Async</c> methods read the body within the attempt instead.
    /// </returns>
    /// <exception cref="ApiException">
    /// The server answered with a non-success status (the subclass tells which), after the retries
    /// <see cref="ApiClientOptions.MaxRetries"/> allows; <see cref="ApiException.Attempts"/> says how many were made.
    /// </exception>
    /// <exception cref="ApiRedirectException">
    /// A redirect that is not followed (to another origin when the policy refuses those, from https to http, beyond
    /// the limit, or needing a body that cannot be replayed), or one that a supplied <see cref="HttpClient"/> followed
    /// to another origin by itself.
    /// </exception>
    /// <exception cref="ApiTimeoutException">
    /// The last attempt did not complete within <see cref="ApiClientOptions.Timeout"/>, or the call not within
    /// <see cref="ApiClientOptions.CallTimeout"/>.
    /// </exception>
    /// <exception cref="ApiConnectionException">No response: the connection failed.</exception>
    /// <exception cref="OAuthTokenException">No access token could be fetched with the client credentials; the request was not sent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; the exception carries it.</exception>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, ApiSecurityRequirement auth, CancellationToken cancellationToken)
        => SendAsync(request, auth, null, cancellationToken);

    /// <summary>
    /// Sends a request as <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/> does, with settings for
    /// this call that override the client's.
    /// </summary>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; the caller disposes it.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="requestOptions">
    /// Retries, timeouts and idempotency key for this call; they win over a scope's (<see cref="ApiRequestOptions.BeginScope"/>),
    /// which win over the client's options. <see langword="null"/> keeps those.
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response, read up to its headers; see <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</returns>
    /// <exception cref="ApiException">See <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</exception>
    /// <exception cref="InvalidOperationException">The options' idempotency key was already used by another call.</exception>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, ApiSecurityRequirement auth, ApiRequestOptions? requestOptions, CancellationToken cancellationToken)
        => SendCoreAsync<object?, HttpResponseMessage>(request, auth, requestOptions, null, null, disposeRequest: false, cancellationToken);

    /// <summary>
    /// The one path every request takes: prepare it once, then send it, follow its redirects and, on success, read its
    /// body with <paramref name="read"/>, all within one attempt's timeout; retry while <see cref="ShouldRetry"/> says so.
    /// </summary>
    /// <param name="request">The caller's request; the caller disposes it.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="requestOptions">Settings for this call, if any.</param>
    /// <param name="state">Passed to <paramref name="read"/>, so that it needs no closure.</param>
    /// <param name="read">
    /// Reads the successful response within the attempt, which then disposes it; <see langword="null"/> returns the
    /// response itself (<typeparamref name="TResult"/> is then <see cref="HttpResponseMessage"/>) with its body unread.
    /// </param>
    /// <param name="disposeRequest">
    /// Whether the call owns <paramref name="request"/> and disposes it when done (the <c>Call…Async</c> methods), so that
    /// they need no async method of their own around this one.
    /// </param>
    /// <param name="cancellationToken">The caller's token.</param>
    private async Task<TResult> SendCoreAsync<TState, TResult>(
        HttpRequestMessage request,
        ApiSecurityRequirement auth,
        ApiRequestOptions? requestOptions,
        TState state,
        Func<HttpResponseMessage, TState, CancellationToken, ValueTask<TResult>>? read,
        bool disposeRequest,
        CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        CallSettings call;
        try
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                throw new ObjectDisposedException(nameof(ApiTransport));
            }

            call = ResolveCall(requestOptions);
            if (requestOptions?.PageUri is { } pageUri)
            {
                // A pager's next link: credentials then follow the usual rule (only to the base URL's origin) in PrepareAsync.
                request.RequestUri = pageUri;
            }
        }
        catch when (disposeRequest)
        {
            request.Dispose();
            throw;
        }

        using var callTimeoutSource = call.CallTimeout == Timeout.InfiniteTimeSpan ? default : AttemptCancellation.Start(cancellationToken, call.CallTimeout, _retryClock);
        var callToken = callTimeoutSource.IsActive ? callTimeoutSource.Token : cancellationToken;
        var started = call.CallTimeout == Timeout.InfiniteTimeSpan ? 0 : _retryClock.GetTimestamp();

        var redactor = _credentials.Redactor(null);
        var credentials = SentCredentials.None;
        var original = default(RequestTemplate);
        var prepared = false;
        List<ApiException>? failures = null;
        var telemetry = CallTelemetry.Start(_api.Name, _logger, _retryClock, request, _httpClient.BaseAddress, _credentials.QueryKeyNames, redactor);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                using var attemptTimeoutSource = AttemptCancellation.Start(callToken, call.Timeout, _retryClock);

                var sent = prepared ? original.CreateRetry(request) : request;
                HttpResponseMessage? response = null;
                var readingBody = false;
                ApiException failure;
                var failedBeforeSending = false;
                var sentAt = 0L;
                try
                {
                    if (!prepared)
                    {
                        credentials = await PrepareAsync(request, auth, call.IdempotencyKey, attemptTimeoutSource.Token).ConfigureAwait(false);
                        redactor = _credentials.Redactor(credentials.BearerToken);
                        original = new RequestTemplate(request);
                        prepared = true;
                    }

                    var chain = default(RedirectChain);
                    while (true)
                    {
                        // A supplied HttpClient that follows redirects rewrites the request's method and URI as it goes.
                        var (method, sentUri) = (sent.Method, sent.RequestUri!);
                        sentAt = telemetry?.Sending(sent, attempt, redactor) ?? 0;
                        response = await (_handlerInvoker is { } invoker
                            ? invoker.SendAsync(sent, attemptTimeoutSource.Token)
                            : _httpClient.SendAsync(sent, HttpCompletionOption.ResponseHeadersRead, attemptTimeoutSource.Token)).ConfigureAwait(false);
                        telemetry?.Received(sent, response, attempt, sentAt, redactor);
                        EnsureNotRedirectedOutside(method, sentUri, response, redactor);
                        if (response.IsSuccessStatusCode)
                        {
                            break;
                        }

                        // Redirect requests are not disposed: that would dispose the content they share with the caller's request.
                        var next = FollowRedirect(sent, method, sentUri, response, credentials, ref chain, redactor);
                        if (next is null)
                        {
                            break;
                        }

                        response.Dispose();
                        response = null;
                        sent = next;
                    }

                    if (response.IsSuccessStatusCode)
                    {
                        requestOptions?.OnPageResponse?.Invoke(response);
                        readingBody = read is not null;
                        var captured = call.OnResponse is null ? null : await ApiResponse.ReadAsync(response, readingBody, attemptTimeoutSource.Token).ConfigureAwait(false);
                        if (read is null)
                        {
                            call.OnResponse?.Invoke(captured!);
                            var unread = (TResult)(object)response;
                            response = null;
                            telemetry?.Succeeded();
                            return unread;
                        }

                        TResult result;
                        try
                        {
                            result = await read(response, state, attemptTimeoutSource.Token).ConfigureAwait(false);
                        }
                        catch (ApiResponseFormatException formatError)
                        {
                            // A body that arrived whole but is not what the operation promises comes again the same way: not retried.
                            var redacted = formatError.Redacted(redactor);
                            redacted.RecordAttempts(attempt, failures, null);
                            throw redacted;
                        }

                        response.Dispose();
                        call.OnResponse?.Invoke(captured!);
                        telemetry?.Succeeded();
                        return result;
                    }

                    // The error body is read under the attempt's timeout, whatever the outcome, so that every attempt's is kept.
                    var rawBody = await ReadErrorBodyAsync(response, attemptTimeoutSource.Token).ConfigureAwait(false);
                    failure = ApiException.FromResponse((int)response.StatusCode, response.ReasonPhrase, ResponseHeaders.From(response), rawBody, redactor);
                    credentials.OnFailure(failure);
                    response.Dispose();
                }
                catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
                {
                    response?.Dispose();
                    throw CallerCanceled(exception, cancellationToken);
                }
                catch (OperationCanceledException exception) when (callTimeoutSource.IsCancellationRequested)
                {
                    response?.Dispose();
                    var timedOut = TimedOut(sent, call.CallTimeout, call.CallTimeoutSetting, redactor, exception);
                    timedOut.RecordAttempts(attempt, failures, null);
                    throw timedOut;
                }
                catch (OperationCanceledException exception)
                    when (attemptTimeoutSource.IsCancellationRequested || _httpClient.Timeout != Timeout.InfiniteTimeSpan)
                {
                    response?.Dispose();
                    // Not the caller's token: either the attempt's timeout, or the HttpClient's own Timeout when the caller supplied it.
                    failure = attemptTimeoutSource.IsCancellationRequested
                        ? TimedOut(sent, call.Timeout, call.TimeoutSetting, redactor, exception)
                        : TimedOut(sent, _httpClient.Timeout, "HttpClient.Timeout", redactor, exception);
                    telemetry?.NoResponse(sent, failure, attempt, sentAt, redactor);
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException)
                {
                    response?.Dispose();
                    failedBeforeSending = !readingBody && ConnectionFailure.BeforeSending(exception);
                    var what = readingBody ? "lost its connection while the response body was read" : "got no response";
                    failure = new ApiConnectionException(redactor.Redact($"{_api.Name}: {Describe(sent)} {what}: {exception.Message}")!, exception);
                    telemetry?.NoResponse(sent, failure, attempt, sentAt, redactor);
                }
                catch
                {
                    response?.Dispose();
                    throw;
                }

                if (!ShouldRetry(failure, attempt, call, original, prepared, failedBeforeSending, started, out var delay, out var notRetried))
                {
                    failure.RecordAttempts(attempt, failures, notRetried);
                    throw failure;
                }

                (failures ??= new List<ApiException>()).Add(failure);
                telemetry?.Retrying(failure, attempt, delay);
                try
                {
                    await _retryClock.DelayAsync(delay, callToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
                {
                    throw CallerCanceled(exception, cancellationToken);
                }
                catch (OperationCanceledException exception) when (callTimeoutSource.IsCancellationRequested)
                {
                    var timedOut = TimedOut(sent, call.CallTimeout, call.CallTimeoutSetting, redactor, exception);
                    timedOut.RecordAttempts(attempt, failures, null);
                    throw timedOut;
                }
            }
        }
        catch (Exception exception) when (telemetry is not null)
        {
            telemetry.Failed(exception, redactor);
            throw;
        }
        finally
        {
            if (disposeRequest)
            {
                request.Dispose();
            }
        }
    }

    /// <summary>The API key's query parameter, when the key goes in the query: traces and logs show its value redacted.</summary>

    /// <summary>Disposes the HTTP client if the transport created it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    /// <summary>The start of an error body, never more than <see cref="ResponseBody.ExceptionBodyLimit"/> bytes, whatever the server sends.</summary>
    private static async Task<BoundedText?> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await ResponseBody.ReadBoundedAsync(response.Content, ResponseBody.ExceptionBodyLimit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // The status already tells what happened; a body cut off mid-way only loses detail.
            return null;
        }
    }

    private void AddDefaultHeaders(HttpRequestMessage request)
    {
        foreach (var header in _defaultHeaders)
        {
            if (request.Headers.Contains(header.Key) || (request.Content?.Headers.Contains(header.Key) ?? false))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                // Content-Language and the like belong to the content, when there is one.
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (!request.Headers.Contains("User-Agent"))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        }
    }

    private static string ResolveBaseUrl(ApiDescription api, ApiClientOptions options, HttpClient? httpClient)
    {
        // The caller's explicit choices come before the document's server URL.
        Uri? baseUrl;
        string source;
        if (options.BaseUrl is not null)
        {
            (baseUrl, source) = (options.BaseUrl, "ApiClientOptions.BaseUrl");
        }
        else if (httpClient?.BaseAddress is not null)
        {
            (baseUrl, source) = (httpClient.BaseAddress, "HttpClient.BaseAddress");
        }
        else if (api.DefaultBaseUrl is not null)
        {
            source = $"the server URL of the {api.Name} OpenAPI document";
            if (!Uri.TryCreate(api.DefaultBaseUrl, UriKind.Absolute, out baseUrl))
            {
                throw new InvalidOperationException(
                    $"{api.Name}: {source} (\"{api.DefaultBaseUrl}\") is not an absolute URL. Set ApiClientOptions.BaseUrl.");
            }
        }
        else
        {
            throw new InvalidOperationException(
                $"{api.Name} has no base URL: its OpenAPI document names no server. Set ApiClientOptions.BaseUrl (for example https://api.example.com/v1).");
        }

        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{api.Name}: {source} (\"{baseUrl.OriginalString}\") must be an absolute http or https URL.");
        }

        return baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    private static HttpMessageHandler CreateHandler()
    {
        // The transport follows redirects itself, deciding hop by hop where credentials may go.
#if NET5_0_OR_GREATER
        return SocketsHttpHandler.IsSupported
            ? new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                // A long-lived client must still notice DNS changes.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            }
            : new HttpClientHandler { AllowAutoRedirect = false };
#else
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        if (handler.SupportsAutomaticDecompression)
        {
            handler.AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate;
        }

        return handler;
#endif
    }

    private static HttpClient CreateHttpClient(HttpMessageHandler handler, bool disposeHandler)
        // The transport enforces ApiClientOptions.Timeout itself, so that it can tell a timeout from a cancellation.
        => new(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };

    private static string DefaultUserAgent(ApiDescription api)
    {
        var version = typeof(ApiTransport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(ApiTransport).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+');
        return $"{api.Name} Aitronos.Codegen/{(plus >= 0 ? version.Substring(0, plus) : version)}";
    }

    /// <summary>Method and URI without the query, which may hold an API key.</summary>
    private static string Describe(HttpRequestMessage request) => Describe(request.Method, request.RequestUri);

    private static string Describe(HttpMethod method, Uri? uri)
    {
        var target = uri is null ? "(no URI)"
            // SchemeAndServer leaves out user info ("user:password@"), which is a secret too.
            : uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : uri.OriginalString.Split('?')[0];
        return method.Method + " " + target;
    }

    private static string FormatDuration(TimeSpan duration)
    {
        if (duration == Timeout.InfiniteTimeSpan)
        {
            return "an infinite timeout";
        }

        return duration.TotalSeconds < 1
            ? ((long)duration.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + " ms"
            : duration.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";
    }

    private static string? ReadEnvironment(string? variable)
        => variable is null ? null : System.Environment.GetEnvironmentVariable(variable);

    private static string? FirstNonEmpty(string? first, string? second)
        => !string.IsNullOrEmpty(first) ? first : !string.IsNullOrEmpty(second) ? second : null;
}
