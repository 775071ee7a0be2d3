namespace Aitronos.Codegen.Runtime;

/// <summary>The server failed (HTTP 500 or above: internal error, bad gateway, unavailable, gateway timeout).</summary>
public sealed class InternalServerException : ApiException
{
    internal InternalServerException(string message, ApiErrorData data)
        : base(message, data, null)
    {
    }
}
