using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Which failures are retried, after how long, and how a request is sent again. The rules are documented on
/// <see cref="ApiClientOptions.MaxRetries"/>; this file is where they live.
/// </summary>
public sealed partial class ApiTransport
{
    /// <summary>The header that makes a POST or PATCH safe to send again (draft-ietf-httpapi-idempotency-key-header).</summary>
    private const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly TimeSpan _callTimeout;
    private readonly int _maxRetries;
    private readonly TimeSpan _initialRetryDelay;
    private readonly TimeSpan _maxRetryDelay;
    private readonly TimeSpan _maxRetryAfter;
    private readonly RetryClock _retryClock;
    private CallSettings? _defaultCall;

    /// <summary>
    /// The settings of one call: the options passed to it win over the current scope's, which win over the client's.
    /// Claims the idempotency key for this call.
    /// </summary>
    private CallSettings ResolveCall(ApiRequestOptions? passed)
    {
        var scoped = ApiRequestOptions.Current;
        if (passed is null && scoped is null)
        {
            // One instance for every call without options: the call's state machine holds a reference, not a copy.
            return _defaultCall ??= new CallSettings(_maxRetries, _timeout, "ApiClientOptions.Timeout", _callTimeout, "ApiClientOptions.CallTimeout", null, null);
        }

        var keyOwner = passed?.IdempotencyKey is not null ? passed : scoped?.IdempotencyKey is not null ? scoped : null;
        keyOwner?.ClaimIdempotencyKey(_api.Name);
        var (timeout, timeoutSetting) = (passed?.Timeout ?? scoped?.Timeout) is { } callTimeout
            ? (callTimeout, "ApiRequestOptions.Timeout")
            : (_timeout, "ApiClientOptions.Timeout");
        var (total, totalSetting) = (passed?.CallTimeout ?? scoped?.CallTimeout) is { } callTotal
            ? (callTotal, "ApiRequestOptions.CallTimeout")
            : (_callTimeout, "ApiClientOptions.CallTimeout");
        return new CallSettings(
            passed?.MaxRetries ?? scoped?.MaxRetries ?? _maxRetries,
            timeout,
            timeoutSetting,
            total,
            totalSetting,
            keyOwner?.IdempotencyKey,
            passed?.OnResponse ?? scoped?.OnResponse);
    }

    /// <summary>
    /// Readies the caller's request once, before its first attempt: absolute URI, idempotency key, default headers and
    /// credentials. Retries copy it as it is then.
    /// </summary>
    private async ValueTask<SentCredentials> PrepareAsync(HttpRequestMessage request, ApiSecurityRequirement auth, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: false } relative && _httpClient.BaseAddress is { } baseAddress)
        {
            // What HttpClient would do; the origin check below needs the absolute URI.
            request.RequestUri = new Uri(baseAddress, relative);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Remove(IdempotencyKeyHeader);
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
        }

        AddDefaultHeaders(request);
        return request.RequestUri is { IsAbsoluteUri: true } uri && Origin.Of(uri) == _baseOrigin
            ? await AddCredentialsAsync(request, auth, cancellationToken).ConfigureAwait(false)
            : SentCredentials.None;
    }

    /// <summary>
    /// Whether the failure of attempt number <paramref name="attempt"/> is retried, and after how long; when a rule holds
    /// a retryable failure back, <paramref name="notRetried"/> says which, for the exception's message.
    /// </summary>
    /// <param name="failure">What the attempt failed with.</param>
    /// <param name="attempt">1 for the first attempt.</param>
    /// <param name="call">The call's settings.</param>
    /// <param name="original">The request as prepared for its first attempt.</param>
    /// <param name="prepared">Whether the request got that far; one that failed while being prepared is not sent again.</param>
    /// <param name="failedBeforeSending">The connection was never made, so the server cannot have seen the request.</param>
    /// <param name="started">When the call started, on <see cref="_retryClock"/>, if it has a time budget.</param>
    /// <param name="delay">The wait before the next attempt.</param>
    /// <param name="notRetried">Why not, when a rule (rather than the failure's kind or the retry count) says no.</param>
    private bool ShouldRetry(
        ApiException failure,
        int attempt,
        CallSettings call,
        in RequestTemplate original,
        bool prepared,
        bool failedBeforeSending,
        long started,
        out TimeSpan delay,
        out string? notRetried)
    {
        (delay, notRetried) = (TimeSpan.Zero, null);
        if (attempt > call.MaxRetries || !prepared)
        {
            return false;
        }

        TimeSpan? asked = null;
        bool serverDidNotAct;
        switch (failure)
        {
            case ApiTimeoutException:
                serverDidNotAct = false;
                break;

            case ApiConnectionException connection:
                if (ConnectionFailure.IsTlsHandshake(connection.InnerException!))
                {
                    // A certificate the client rejects now, it rejects on the next attempt too.
                    return false;
                }

                serverDidNotAct = failedBeforeSending;
                break;

            case { StatusCode: 408 or 429 or 500 or 502 or 503 or 504 }:
                asked = RetryAfter.From(failure.Headers, _retryClock.UtcNow);
                // Rate limiting turns a request away before it is processed; a 503 that names a time to come back is
                // a server not taking requests now.
                serverDidNotAct = failure.StatusCode == 429 || (failure.StatusCode == 503 && asked is not null);
                break;

            default:
                return false;
        }

        if (original.Content is { } content && !ContentReplay.IsReplayable(content))
        {
            notRetried = $"the request body ({content.GetType().Name}) cannot be sent again; send a buffered body or a seekable stream to allow retries";
            return false;
        }

        if (!serverDidNotAct && !IsIdempotent(original.Method) && !original.HasIdempotencyKey)
        {
            notRetried = $"the server may have carried out the {original.Method.Method} already; give it an {IdempotencyKeyHeader} "
                + "(ApiRequestOptions.IdempotencyKey) if the API honours one";
            return false;
        }

        if (asked is { } wait)
        {
            if (_maxRetryAfter != Timeout.InfiniteTimeSpan && wait > _maxRetryAfter)
            {
                notRetried = $"the server asked to wait {FormatDuration(wait)}, longer than ApiClientOptions.MaxRetryAfter ({FormatDuration(_maxRetryAfter)})";
                return false;
            }

            delay = wait;
        }
        else
        {
            delay = RetryBackoff.Delay(attempt, _initialRetryDelay, _maxRetryDelay, _retryClock.NextJitter());
        }

        if (call.CallTimeout != Timeout.InfiniteTimeSpan && _retryClock.GetElapsedTime(started) + delay >= call.CallTimeout)
        {
            notRetried = $"waiting {FormatDuration(delay)} for the next attempt would pass {call.CallTimeoutSetting} ({FormatDuration(call.CallTimeout)})";
            return false;
        }

        return true;
    }

    /// <summary>Methods whose effect is the same however often they are sent (RFC 9110 §9.2.2).</summary>
    private static bool IsIdempotent(HttpMethod method)
    {
        var name = method.Method;
        return string.Equals(name, "GET", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "HEAD", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "OPTIONS", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "TRACE", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "PUT", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "DELETE", StringComparison.OrdinalIgnoreCase);
    }

    private ApiTimeoutException TimedOut(HttpRequestMessage sent, TimeSpan timeout, string setting, SecretRedactor redactor, Exception innerException)
        => new(redactor.Redact($"{_api.Name}: {Describe(sent)} did not complete within {FormatDuration(timeout)} ({setting}).")!, timeout, innerException);

    /// <summary>The caller's cancellation, carrying the caller's token (the handler saw a linked one).</summary>
    private static OperationCanceledException CallerCanceled(OperationCanceledException exception, CancellationToken cancellationToken)
        => exception.CancellationToken == cancellationToken
            ? exception
            : new OperationCanceledException(exception.Message, exception, cancellationToken);

    /// <summary>Copies what a request carries besides method, URI, headers and content.</summary>
    private static void CopyOptions(HttpRequestMessage from, HttpRequestMessage to)
    {
        to.Version = from.Version;
#if NET5_0_OR_GREATER
        to.VersionPolicy = from.VersionPolicy;
        var options = (IDictionary<string, object?>)to.Options;
        foreach (var option in from.Options)
        {
            options[option.Key] = option.Value;
        }
#else
        foreach (var property in from.Properties)
        {
            to.Properties[property.Key] = property.Value;
        }
#endif
    }

    /// <summary>The settings one call runs with.</summary>
    private sealed class CallSettings
    {
        public CallSettings(int maxRetries, TimeSpan timeout, string timeoutSetting, TimeSpan callTimeout, string callTimeoutSetting, string? idempotencyKey, Action<ApiResponse>? onResponse)
        {
            OnResponse = onResponse;
            MaxRetries = maxRetries;
            Timeout = timeout;
            TimeoutSetting = timeoutSetting;
            CallTimeout = callTimeout;
            CallTimeoutSetting = callTimeoutSetting;
            IdempotencyKey = idempotencyKey;
        }

        public int MaxRetries { get; }

        /// <summary>Sees the successful response, when the caller asked for it.</summary>
        public Action<ApiResponse>? OnResponse { get; }

        /// <summary>The limit of one attempt.</summary>
        public TimeSpan Timeout { get; }

        /// <summary>Where <see cref="Timeout"/> came from, for messages.</summary>
        public string TimeoutSetting { get; }

        /// <summary>The limit of the whole call.</summary>
        public TimeSpan CallTimeout { get; }

        /// <summary>Where <see cref="CallTimeout"/> came from, for messages.</summary>
        public string CallTimeoutSetting { get; }

        public string? IdempotencyKey { get; }
    }

    /// <summary>
    /// The caller's request as it stood, prepared, before its first attempt: a supplied <see cref="HttpClient"/> that
    /// follows redirects rewrites its method, URI and content, and handlers may add headers such as <c>Cookie</c>.
    /// Retries start again from here.
    /// </summary>
    private readonly struct RequestTemplate
    {
        public RequestTemplate(HttpRequestMessage request)
        {
            Method = request.Method;
            Uri = request.RequestUri!;
            Content = request.Content;
            Cookie = request.Headers.TryGetValues("Cookie", out var cookie) ? cookie : null;
            HasIdempotencyKey = request.Headers.Contains(IdempotencyKeyHeader);
        }

        public HttpMethod Method { get; }

        public Uri Uri { get; }

        public HttpContent? Content { get; }

        /// <summary>The <c>Cookie</c> header before sending: a handler's cookie container adds its own to it on the way out.</summary>
        public IEnumerable<string>? Cookie { get; }

        public bool HasIdempotencyKey { get; }

        /// <summary>
        /// A new request for the next attempt: same method, URI, headers, options and (shared, never disposed) content.
        /// </summary>
        public HttpRequestMessage CreateRetry(HttpRequestMessage sent)
        {
            var retry = new HttpRequestMessage(Method, Uri) { Content = Content };
            CopyOptions(sent, retry);
            foreach (var header in sent.Headers)
            {
                if (!string.Equals(header.Key, "Cookie", StringComparison.OrdinalIgnoreCase))
                {
                    retry.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            if (Cookie is not null)
            {
                retry.Headers.TryAddWithoutValidation("Cookie", Cookie);
            }

            return retry;
        }
    }
}
