namespace Aitronos.Codegen.Runtime;

/// <summary>The request was well-formed but failed validation (HTTP 422); <see cref="ApiException.Details"/> usually lists the failing fields.</summary>
public sealed class UnprocessableEntityException : ApiException
{
    internal UnprocessableEntityException(string message, ApiErrorData data)
        : base(message, data, null)
    {
    }
}
