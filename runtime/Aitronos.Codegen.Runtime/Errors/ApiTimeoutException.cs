using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The request did not complete in time: an attempt not within <see cref="ApiClientOptions.Timeout"/> (after the retries
/// <see cref="ApiClientOptions.MaxRetries"/> allows), the whole call not within <see cref="ApiClientOptions.CallTimeout"/>,
/// or, when the client sends with a supplied <see cref="System.Net.Http.HttpClient"/>, not within its own <c>Timeout</c>. The
/// message names the setting. A canceled <see cref="System.Threading.CancellationToken"/> is never reported this way: that
/// is an <see cref="OperationCanceledException"/> carrying the token.
/// </summary>
public sealed class ApiTimeoutException : ApiException
{
    internal ApiTimeoutException(string message, TimeSpan timeout, Exception? innerException)
        : base(message, ApiErrorData.NoResponse, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The limit that elapsed: the attempt's or the call's, as the message says.</summary>
    public TimeSpan Timeout { get; }
}
