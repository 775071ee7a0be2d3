using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Settings for one call that override the client's <see cref="ApiClientOptions"/>: retries, timeouts, an
/// idempotency key, and a callback that sees the raw response. Properties left <see langword="null"/> keep the client's setting.
/// </summary>
/// <remarks>
/// <para>
/// Every generated method takes these as its last argument, <c>requestOptions</c> (after the <see cref="CancellationToken"/>).
/// A scope around calls applies settings to every call inside it:
/// </para>
/// <code>
/// using (ApiRequestOptions.BeginScope(new ApiRequestOptions { MaxRetries = 0, Timeout = TimeSpan.FromSeconds(5) }))
/// {
///     await client.KnowledgeConnectors.TestConnectionAsync(organizationId, request, cancellationToken);
/// }
/// </code>
/// <para>
/// Options passed to a call (or to the <see cref="ApiTransport"/> overloads that take them) win over a scope's, which win over the client's. The values are read when the scope begins (or the call starts): changing
/// the object afterwards changes nothing.
/// </para>
/// </remarks>
public sealed class ApiRequestOptions
{
    private static readonly AsyncLocal<ApiRequestOptions?> s_current = new();

    private int? _maxRetries;
    private TimeSpan? _timeout;
    private TimeSpan? _callTimeout;
    private string? _idempotencyKey;
    private Action<ApiResponse>? _onResponse;
    private TimeSpan? _streamIdleTimeout;

    /// <summary>Who has used <see cref="IdempotencyKey"/>: one call only, since a key names one operation.</summary>
    private KeyClaim? _keyClaim;

    /// <summary>A pager's next page: sent to this URI instead of the one the operation built (see <see cref="ApiPageable{TPage, TItem}"/>).</summary>
    internal Uri? PageUri { get; private set; }

    /// <summary>A pager's look at the successful response's headers, before its body is read (no copy of the body).</summary>
    internal Action<System.Net.Http.HttpResponseMessage>? OnPageResponse { get; private set; }

    /// <summary>
    /// How many times a failed call may be retried; 0 sends it once. Overrides <see cref="ApiClientOptions.MaxRetries"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxRetries
    {
        get => _maxRetries;
        set => _maxRetries = value is < 0
            ? throw new ArgumentOutOfRangeException(nameof(value), value, "The retry count must be zero or positive.")
            : value;
    }

    /// <summary>
    /// How long one attempt may take. Overrides <see cref="ApiClientOptions.Timeout"/>, which tells what it covers.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not infinite.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set => _timeout = value is { } timeout ? ApiClientOptions.CheckTimeout(timeout) : null;
    }

    /// <summary>
    /// How long the whole call may take, every attempt and every wait included. Overrides
    /// <see cref="ApiClientOptions.CallTimeout"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not infinite.</exception>
    public TimeSpan? CallTimeout
    {
        get => _callTimeout;
        set => _callTimeout = value is { } timeout ? ApiClientOptions.CheckTimeout(timeout) : null;
    }

    /// <summary>
    /// Sent as the <c>Idempotency-Key</c> header, the same on every attempt, so that a POST or PATCH can be retried: an API
    /// that honours the header carries the operation out once however often it arrives. Set it only for such an API, and
    /// a new key for each operation (a <see cref="Guid"/>, say); the same key again is how one tells the API "this is the
    /// operation I sent before".
    /// </summary>
    /// <remarks>
    /// A key belongs to one call: the second call that tries to use the same options (or scope) with a key throws
    /// <see cref="InvalidOperationException"/> rather than have the API answer it with the first call's result.
    /// </remarks>
    /// <exception cref="ArgumentException">The value is empty or holds a line break.</exception>
    public string? IdempotencyKey
    {
        get => _idempotencyKey;
        set
        {
            if (value is not null && (value.Length == 0 || value.IndexOfAny(new[] { '\r', '\n' }) >= 0))
            {
                throw new ArgumentException("The idempotency key must be a non-empty, single-line value.", nameof(value));
            }

            _idempotencyKey = value;
            _keyClaim = value is null ? null : new KeyClaim();
        }
    }

    /// <summary>
    /// Called with the response of each successful call made with these options (status, headers, request id and the raw
    /// body the client buffered), after its result is read and before the call returns it. An exception it throws fails
    /// the call. <see cref="ApiResponse.CaptureAsync{T}(Func{ApiRequestOptions, Task{T}}, ApiRequestOptions?)"/> uses it to
    /// return the typed result with its response.
    /// </summary>
    /// <remarks>Set, the client buffers the whole body it reads in memory once more, for <see cref="ApiResponse.Content"/>.</remarks>
    public Action<ApiResponse>? OnResponse
    {
        get => _onResponse;
        set => _onResponse = value;
    }

    /// <summary>
    /// For streamed responses (server-sent events, JSON Lines): how long to wait for each next line of the body before
    /// failing with an <see cref="ApiTimeoutException"/>. <see langword="null"/> (the default) waits as long as the server
    /// keeps the stream open. <see cref="Timeout"/> and <see cref="CallTimeout"/> bound a streamed call only up to its
    /// response's headers, so that they never cut a long stream short; this bounds the silences within it (a server that
    /// sends keep-alive comments resets it with each).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not infinite.</exception>
    public TimeSpan? StreamIdleTimeout
    {
        get => _streamIdleTimeout;
        set => _streamIdleTimeout = value is { } timeout ? ApiClientOptions.CheckTimeout(timeout) : null;
    }

    /// <summary>
    /// Makes <paramref name="options"/> apply to every call made in the current asynchronous flow until the returned
    /// scope is disposed. Scopes nest: a setting the inner scope leaves <see langword="null"/> keeps the outer one's.
    /// </summary>
    /// <param name="options">The settings; read now, so later changes to the object do not apply.</param>
    /// <returns>The scope; disposing it restores what applied before.</returns>
    /// <remarks>
    /// The scope flows like <see cref="AsyncLocal{T}"/> does: into the awaited calls and into tasks started inside it (also
    /// ones that outlive it), not back to the caller of an async method that began it. Begin and dispose it in the same
    /// method, with <c>using</c>.
    /// </remarks>
    public static IDisposable BeginScope(ApiRequestOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var previous = s_current.Value;
        s_current.Value = Merge(previous, options);
        return new Scope(previous);
    }

    /// <summary>Shows the settings that are set; the idempotency key only as set or not.</summary>
    /// <returns>A text such as <c>ApiRequestOptions { MaxRetries = 0, Timeout = 00:00:05 }</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("ApiRequestOptions {");
        var empty = true;
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                text.Append(empty ? " " : ", ").Append(name).Append(" = ").Append(value);
                empty = false;
            }
        }

        Add(nameof(MaxRetries), MaxRetries?.ToString(CultureInfo.InvariantCulture));
        Add(nameof(Timeout), Describe(Timeout));
        Add(nameof(CallTimeout), Describe(CallTimeout));
        Add(nameof(IdempotencyKey), IdempotencyKey is null ? null : "(set)");
        Add(nameof(OnResponse), OnResponse is null ? null : "(set)");
        Add(nameof(StreamIdleTimeout), Describe(StreamIdleTimeout));
        return text.Append(empty ? "}" : " }").ToString();
    }

    /// <summary>The options of the scope the current flow is in, if any.</summary>
    internal static ApiRequestOptions? Current => s_current.Value;

    /// <summary>
    /// Claims <see cref="IdempotencyKey"/> for one call; throws when another call has claimed it already.
    /// </summary>
    internal void ClaimIdempotencyKey(string clientName)
    {
        if (_keyClaim is { } claim && Interlocked.Exchange(ref claim.Claimed, 1) != 0)
        {
            throw new InvalidOperationException(
                $"{clientName}: ApiRequestOptions.IdempotencyKey names one operation, and these options (or this scope) already gave it to another "
                + "call. Use new options, or a new scope, with a new key for each call.");
        }
    }

    /// <summary>
    /// The caller's options for one page of a pager: its own URI (<see langword="null"/> keeps the operation's) and its
    /// response watcher. An idempotency key names one call, so it goes with the first page only.
    /// </summary>
    internal static ApiRequestOptions ForPage(ApiRequestOptions? caller, bool first, Uri? uri, Action<System.Net.Http.HttpResponseMessage> onResponse)
    {
        var page = Merge(caller, new ApiRequestOptions())!;
        if (!first)
        {
            (page._idempotencyKey, page._keyClaim) = (null, null);
        }

        (page.PageUri, page.OnPageResponse) = (uri, onResponse);
        return page;
    }

    /// <summary>The outer settings overridden by the inner ones that are set; the key's claim goes with the key.</summary>
    internal static ApiRequestOptions? Merge(ApiRequestOptions? outer, ApiRequestOptions? inner)
    {
        if (outer is null && inner is null)
        {
            return null;
        }

        var merged = new ApiRequestOptions
        {
            _maxRetries = inner?._maxRetries ?? outer?._maxRetries,
            _timeout = inner?._timeout ?? outer?._timeout,
            _callTimeout = inner?._callTimeout ?? outer?._callTimeout,
            _onResponse = inner?._onResponse ?? outer?._onResponse,
            _streamIdleTimeout = inner?._streamIdleTimeout ?? outer?._streamIdleTimeout,
        };
        var keyOwner = inner?._idempotencyKey is not null ? inner : outer;
        (merged._idempotencyKey, merged._keyClaim) = (keyOwner?._idempotencyKey, keyOwner?._keyClaim);
        return merged;
    }

    private static string? Describe(TimeSpan? timeout)
        => timeout is not { } value ? null
            : value == System.Threading.Timeout.InfiniteTimeSpan ? "infinite"
            : value.ToString("c", CultureInfo.InvariantCulture);

    private sealed class KeyClaim
    {
        public int Claimed;
    }

    private sealed class Scope : IDisposable
    {
        private readonly ApiRequestOptions? _previous;
        private int _disposed;

        public Scope(ApiRequestOptions? previous) => _previous = previous;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                s_current.Value = _previous;
            }
        }
    }
}
