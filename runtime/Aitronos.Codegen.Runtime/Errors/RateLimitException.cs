using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>Too many requests (HTTP 429): wait before trying again.</summary>
public sealed class RateLimitException : ApiException
{
    internal RateLimitException(string message, ApiErrorData data, TimeSpan? retryAfter)
        : base(message, data, null)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>
    /// How long the server asks to wait: from the <c>retry-after-ms</c> header (milliseconds) when present, else from
    /// <c>Retry-After</c> (seconds, or an HTTP-date taken as UTC and measured from the response's <c>Date</c>);
    /// <see langword="null"/> when neither is present and readable.
    /// </summary>
    /// <remarks>
    /// A client that was asked to wait longer than <see cref="ApiClientOptions.MaxRetryAfter"/> does not retry: it throws
    /// at once, and this property shows what the server asked for.
    /// </remarks>
    public TimeSpan? RetryAfter { get; }
}
