using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The API redirected a request and the client did not follow, or did not trust, the redirect:
/// <see cref="Reason"/> tells why. Nothing was sent to <see cref="Target"/> except where <see cref="Reason"/> is
/// <see cref="ApiRedirectFailure.FollowedOutsideClient"/>.
/// </summary>
/// <remarks>
/// The message and <see cref="Target"/> name the redirect's target without its user info, query or fragment (a
/// <c>Location</c> may be a signed URL whose query is itself a credential), and without the request's credentials.
/// <see cref="ApiException.Headers"/> holds the redirect response's headers, its <c>Location</c> redacted the same way;
/// <see cref="ApiException.RawBody"/> is <see langword="null"/>: the body of a redirect is not read.
/// </remarks>
public sealed class ApiRedirectException : ApiException
{
    internal ApiRedirectException(string message, ApiErrorData data, ApiRedirectFailure reason, Uri? target)
        : base(message, data, null)
    {
        Reason = reason;
        Target = target;
    }

    /// <summary>Why the redirect was not followed or its response not used.</summary>
    public ApiRedirectFailure Reason { get; }

    /// <summary>
    /// Where the redirect led: scheme, host, port and path only, credentials masked. <see langword="null"/> when the
    /// <c>Location</c> is not an <c>http</c> or <c>https</c> URL.
    /// </summary>
    /// <remarks>
    /// <see cref="ApiException.StatusCode"/> is the redirect's status (301, 302, 303, 307, 308, ...), except for
    /// <see cref="ApiRedirectFailure.FollowedOutsideClient"/>, where it is the status the other origin answered with.
    /// </remarks>
    public Uri? Target { get; }
}
