namespace Aitronos.Codegen.Runtime;

/// <summary>The resource, or the endpoint, does not exist (HTTP 404).</summary>
public sealed class NotFoundException : ApiException
{
    internal NotFoundException(string message, ApiErrorData data)
        : base(message, data, null)
    {
    }
}
