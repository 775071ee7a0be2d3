namespace Aitronos.Codegen.Runtime;

/// <summary>The request conflicts with the resource's current state (HTTP 409).</summary>
public sealed class ConflictException : ApiException
{
    internal ConflictException(string message, ApiErrorData data)
        : base(message, data, null)
    {
    }
}
