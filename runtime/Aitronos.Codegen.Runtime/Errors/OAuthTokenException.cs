using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The client could not get an access token from the OAuth 2.0 token endpoint (client credentials flow): the endpoint
/// refused (<see cref="ApiException.StatusCode"/>, <see cref="Error"/>, <see cref="ErrorDescription"/> and the body in
/// <see cref="ApiException.RawBody"/>), answered something that is not a token, or did not answer
/// (<see cref="Exception.InnerException"/>). The API request was not sent. The message never holds the client secret or a token.
/// </summary>
public sealed class OAuthTokenException : ApiException
{
    internal OAuthTokenException(string message, ApiErrorData data, Uri tokenUrl, Exception? innerException)
        : base(message, data, innerException)
    {
        TokenUrl = tokenUrl;
        var body = OAuthErrorBody.Parse(data.RawBody);
        Error = body.Error;
        ErrorDescription = body.Description;
        ErrorUri = body.Uri;
    }

    /// <summary>The token endpoint, without query or user info.</summary>
    public Uri TokenUrl { get; }

    /// <summary>The RFC 6749 <c>error</c> code, such as <c>invalid_client</c> or <c>invalid_scope</c>, if the endpoint sent one.</summary>
    public string? Error { get; }

    /// <summary>The RFC 6749 <c>error_description</c>, if any.</summary>
    public string? ErrorDescription { get; }

    /// <summary>The RFC 6749 <c>error_uri</c>, if any.</summary>
    public string? ErrorUri { get; }
}
