namespace Aitronos.Codegen.Runtime;

/// <summary>The credentials are valid but may not do this (HTTP 403).</summary>
public sealed class PermissionDeniedException : ApiException
{
    internal PermissionDeniedException(string message, ApiErrorData data)
        : base(message, data, null)
    {
    }
}
