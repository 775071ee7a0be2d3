using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// A successful response's body is not what the operation promises: invalid JSON, JSON of another shape, or
/// no body where a value is required. <see cref="Exception.InnerException"/> holds the JSON error, if any.
/// </summary>
public sealed class ApiResponseFormatException : ApiException
{
    internal ApiResponseFormatException(string message, ApiErrorData data, Exception? innerException)
        : base(message, data, innerException)
    {
    }
}
