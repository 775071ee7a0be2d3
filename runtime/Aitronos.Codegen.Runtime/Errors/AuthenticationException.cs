namespace Aitronos.Codegen.Runtime;

/// <summary>The request carried no valid credentials (HTTP 401): the API key or token is missing, wrong or expired.</summary>
public sealed class AuthenticationException : ApiException
{
    internal AuthenticationException(string message, ApiErrorData data)
        : base(message, data, null)
    {
    }
}
