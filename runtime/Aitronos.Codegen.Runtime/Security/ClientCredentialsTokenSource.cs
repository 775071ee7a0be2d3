using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Access tokens from an OAuth 2.0 token endpoint by the client credentials grant (RFC 6749, section 4.4), one cached
/// per set of scopes. A token is fetched again a little before it expires (a tenth of its lifetime, at most 60 seconds),
/// or after the API rejected it; callers who need a token while one is being fetched wait for that fetch instead of
/// starting their own. Thread-safe.
/// </summary>
internal sealed class ClientCredentialsTokenSource
{
    /// <summary>
    /// The sources of each options instance, by everything that makes their tokens differ. Clients made from one options
    /// instance share their tokens: <c>IHttpClientFactory</c>'s typed clients are transient, made from one named options
    /// instance per service provider, and must not fetch a token each. Weak: the sources go with their options.
    /// </summary>
    private static readonly ConditionalWeakTable<ApiClientOptions, ConcurrentDictionary<SharingKey, ClientCredentialsTokenSource>> s_shared = new();


    private static readonly TimeSpan s_maxRefreshMargin = TimeSpan.FromSeconds(60);

    private readonly string _apiName;
    private readonly Uri _tokenUrl;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly OAuthClientAuthentication _clientAuthentication;
    private readonly string? _configuredScopes;
    private readonly TimeSpan _timeout;
    private readonly RetryClock _clock;
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public ClientCredentialsTokenSource(
        string apiName,
        Uri tokenUrl,
        string clientId,
        string clientSecret,
        OAuthClientAuthentication clientAuthentication,
        string? configuredScopes,
        TimeSpan timeout,
        RetryClock clock)
    {
        _apiName = apiName;
        _tokenUrl = tokenUrl;
        _clientId = clientId;
        _clientSecret = clientSecret;
        _clientAuthentication = clientAuthentication;
        _configuredScopes = configuredScopes;
        _timeout = timeout;
        _clock = clock;
    }

    /// <summary>The source the clients made from <paramref name="options"/> share for these credentials.</summary>
    public static ClientCredentialsTokenSource Shared(
        ApiClientOptions options,
        string apiName,
        Uri tokenUrl,
        string clientId,
        string clientSecret,
        string? configuredScopes,
        RetryClock clock)
    {
        var key = new SharingKey(apiName, tokenUrl.AbsoluteUri, clientId, clientSecret, options.ClientAuthentication, configuredScopes, options.Timeout, clock.Timers);
        var sources = s_shared.GetValue(options, static _ => new ConcurrentDictionary<SharingKey, ClientCredentialsTokenSource>());
        if (sources.TryGetValue(key, out var source))
        {
            return source;
        }

        return sources.GetOrAdd(key, new ClientCredentialsTokenSource(apiName, tokenUrl, clientId, clientSecret, options.ClientAuthentication, configuredScopes, options.Timeout, clock));
    }

    /// <summary>A valid token for <paramref name="operationScopes"/> (or the configured scopes, which win).</summary>
    /// <param name="sender">Sends the token request, when one is needed: the asking client's HTTP client and <c>User-Agent</c>.</param>
    /// <param name="operationScopes">The operation's scopes, space-separated; empty for none.</param>
    /// <param name="cancellationToken">Stops this caller's wait; the fetch itself goes on for the others, bounded by the timeout.</param>
    /// <exception cref="OAuthTokenException">The token endpoint refused, did not answer, or answered no token.</exception>
    public async ValueTask<string> GetTokenAsync((HttpClient Client, string UserAgent) sender, string operationScopes, CancellationToken cancellationToken)
    {
        var scopes = _configuredScopes ?? operationScopes;
        TaskCompletionSource<string> pending;
        Entry entry;
        var start = false;
        lock (_gate)
        {
            if (!_entries.TryGetValue(scopes, out entry!))
            {
                _entries[scopes] = entry = new Entry();
            }

            if (entry.Token is { } token && _clock.GetTimestamp() < entry.RefreshAt)
            {
                return token;
            }

            if (entry.Pending is null)
            {
                entry.Pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                start = true;
            }

            pending = entry.Pending;
        }

        if (start)
        {
            _ = FetchAsync(sender, scopes, entry, pending);
        }

        return await WaitAsync(pending.Task, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets <paramref name="token"/>, which the API rejected, so that the next call fetches a new one.</summary>
    public void Invalidate(string token)
    {
        lock (_gate)
        {
            foreach (var entry in _entries.Values)
            {
                if (entry.Token == token)
                {
                    entry.Token = null;
                }
            }
        }
    }

    private static async Task<string> WaitAsync(Task<string> task, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || task.IsCompleted)
        {
            return await task.ConfigureAwait(false);
        }

        var canceled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), canceled))
        {
            if (await Task.WhenAny(task, canceled.Task).ConfigureAwait(false) != task)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return await task.ConfigureAwait(false);
    }

    private async Task FetchAsync((HttpClient Client, string UserAgent) sender, string scopes, Entry entry, TaskCompletionSource<string> pending)
    {
        try
        {
            var requested = _clock.GetTimestamp();
            var (token, lifetime) = await RequestAsync(sender, scopes).ConfigureAwait(false);
            lock (_gate)
            {
                entry.Token = token;
                entry.RefreshAt = lifetime is { } life
                    ? requested + (life - TimeSpan.FromTicks(Math.Min(s_maxRefreshMargin.Ticks, life.Ticks / 10))).Ticks
                    : long.MaxValue;
                entry.Pending = null;
            }

            pending.TrySetResult(token);
        }
        catch (Exception exception)
        {
            lock (_gate)
            {
                entry.Pending = null;
            }

            pending.TrySetException(exception);
        }
    }

    private async Task<(string Token, TimeSpan? Lifetime)> RequestAsync((HttpClient Client, string UserAgent) sender, string scopes)
    {
        using var timeout = _timeout == Timeout.InfiniteTimeSpan ? new CancellationTokenSource() : _clock.CreateTimeoutSource(_timeout);

        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        if (scopes.Length > 0)
        {
            form.Add(new("scope", scopes));
        }

        if (_clientAuthentication == OAuthClientAuthentication.RequestBody)
        {
            form.Add(new("client_id", _clientId));
            form.Add(new("client_secret", _clientSecret));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("User-Agent", sender.UserAgent);
        if (_clientAuthentication == OAuthClientAuthentication.BasicHeader)
        {
            // RFC 6749, section 2.3.1: both parts form-encoded before they are joined.
            var pair = FormEncode(_clientId) + ":" + FormEncode(_clientSecret);
            request.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }

        HttpResponseMessage response;
        string body;
        try
        {
            response = await sender.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            throw Failure(ApiErrorData.NoResponse, "did not answer within " + Seconds(_timeout) + " (ApiClientOptions.Timeout)", exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw Failure(ApiErrorData.NoResponse, "could not be reached: " + exception.Message, exception);
        }

        using (response)
        {
            var headers = ResponseHeaders.From(response);
            try
            {
                body = await ResponseBody.ReadBoundedTextAsync(response.Content, ResponseBody.ExceptionBodyLimit, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
            {
                throw Failure(new ApiErrorData((int)response.StatusCode, headers, null, ErrorBody.Empty), "broke off while sending its answer", exception);
            }

            var status = (int)response.StatusCode;
            var data = new ApiErrorData(status, headers, Redactor().Redact(body), ErrorBody.Empty);
            if (!response.IsSuccessStatusCode)
            {
                var error = OAuthErrorBody.Parse(body);
                var what = new StringBuilder("answered ").Append(status.ToString(CultureInfo.InvariantCulture));
                if (ReasonPhrases.Get(status, response.ReasonPhrase) is { } reason)
                {
                    what.Append(' ').Append(reason);
                }

                if (error.Error is not null)
                {
                    what.Append(": ").Append(error.Error);
                    if (!string.IsNullOrWhiteSpace(error.Description))
                    {
                        what.Append(" (").Append(error.Description).Append(')');
                    }
                }

                throw Failure(data, what.ToString(), null);
            }

            return ReadToken(body) ?? throw Failure(data, "answered " + status.ToString(CultureInfo.InvariantCulture) + " without an access_token", null);
        }
    }

    /// <summary>RFC 6749, section 5.1: <c>access_token</c> and, optionally, <c>expires_in</c> (seconds).</summary>
    private static (string Token, TimeSpan? Lifetime)? ReadToken(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var tokenElement)
                || tokenElement.ValueKind != JsonValueKind.String
                || tokenElement.GetString() is not { Length: > 0 } token)
            {
                return null;
            }

            TimeSpan? lifetime = null;
            if (root.TryGetProperty("expires_in", out var expires))
            {
                // Some servers send the number as a string.
                if ((expires.ValueKind == JsonValueKind.Number && expires.TryGetDouble(out var seconds))
                    || (expires.ValueKind == JsonValueKind.String && double.TryParse(expires.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds)))
                {
                    lifetime = seconds > 0 ? TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.FromDays(3650).TotalSeconds)) : TimeSpan.Zero;
                }
            }

            return (token, lifetime);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private OAuthTokenException Failure(ApiErrorData data, string what, Exception? inner)
    {
        var shown = new Uri(_tokenUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
        var message = _apiName + ": could not get an OAuth 2.0 access token: the token endpoint " + shown.AbsoluteUri + " " + what + ". The API request was not sent.";
        return new OAuthTokenException(Redactor().Redact(message)!, data, shown, inner);
    }

    private SecretRedactor Redactor() => SecretRedactor.For(_clientSecret, FormEncode(_clientSecret));

    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+");

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private sealed class Entry
    {
        public string? Token { get; set; }

        /// <summary>When, on the clock, the token is fetched again.</summary>
        public long RefreshAt { get; set; }

        /// <summary>The fetch in flight, which every caller waits for.</summary>
        public TaskCompletionSource<string>? Pending { get; set; }
    }

    /// <summary>What must be equal for two clients to share their tokens. It holds the secret, so it is never formatted.</summary>
    private readonly struct SharingKey : IEquatable<SharingKey>
    {
        private readonly string _apiName;
        private readonly string _tokenUrl;
        private readonly string _clientId;
        private readonly string _clientSecret;
        private readonly OAuthClientAuthentication _authentication;
        private readonly string? _scopes;
        private readonly TimeSpan _timeout;
        private readonly TimeProvider? _timers;

        public SharingKey(string apiName, string tokenUrl, string clientId, string clientSecret, OAuthClientAuthentication authentication, string? scopes, TimeSpan timeout, TimeProvider? timers)
            => (_apiName, _tokenUrl, _clientId, _clientSecret, _authentication, _scopes, _timeout, _timers) = (apiName, tokenUrl, clientId, clientSecret, authentication, scopes, timeout, timers);

        public bool Equals(SharingKey other)
            => _apiName == other._apiName && _tokenUrl == other._tokenUrl && _clientId == other._clientId && _clientSecret == other._clientSecret
                && _authentication == other._authentication && _scopes == other._scopes && _timeout == other._timeout && ReferenceEquals(_timers, other._timers);

        public override bool Equals(object? obj) => obj is SharingKey other && Equals(other);

        public override int GetHashCode()
            => StringComparer.Ordinal.GetHashCode(_tokenUrl) ^ (StringComparer.Ordinal.GetHashCode(_clientId) * 31) ^ (_scopes is null ? 0 : StringComparer.Ordinal.GetHashCode(_scopes) * 17);

        public override string ToString() => nameof(SharingKey);
    }
}
