using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// No response arrived: the server could not be reached, or the connection failed before the response headers.
/// <see cref="Exception.InnerException"/> holds the network error.
/// </summary>
public sealed class ApiConnectionException : ApiException
{
    internal ApiConnectionException(string message, Exception innerException)
        : base(message, ApiErrorData.NoResponse, innerException)
    {
    }
}
