namespace Aitronos.Codegen.Runtime;

/// <summary>The server rejected the request as malformed or invalid (HTTP 400).</summary>
public sealed class BadRequestException : ApiException
{
    internal BadRequestException(string message, ApiErrorData data)
        : base(message, data, null)
    {
    }
}
