using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>The request did not complete within <see cref="ApiClientOptions.Timeout"/>.</summary>
public sealed class ApiTimeoutException : ApiException
{
    internal ApiTimeoutException(string message, TimeSpan timeout, Exception? innerException)
        : base(message, ApiErrorData.NoResponse, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
