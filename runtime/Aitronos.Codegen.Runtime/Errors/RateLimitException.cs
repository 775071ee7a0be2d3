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
    /// How long the server asks to wait, from the <c>Retry-After</c> header (seconds or an HTTP date);
    /// <see langword="null"/> when the header is absent or unreadable.
    /// </summary>
    public TimeSpan? RetryAfter { get; }
}
