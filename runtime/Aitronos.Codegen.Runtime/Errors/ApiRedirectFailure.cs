namespace Aitronos.Codegen.Runtime;

/// <summary>Why a redirect was not followed, or why a response reached through one was not used.</summary>
public enum ApiRedirectFailure
{
    /// <summary>
    /// The redirect leads to another origin and <see cref="ApiClientOptions.CrossOriginRedirects"/> is
    /// <see cref="CrossOriginRedirectPolicy.Refuse"/>, or the supplied <see cref="System.Net.Http.HttpClient"/>'s
    /// <c>DefaultRequestHeaders</c> carry a credential header it would send there.
    /// </summary>
    CrossOrigin,

    /// <summary>The redirect leads from <c>https</c> to <c>http</c>. Such redirects are never followed.</summary>
    InsecureRedirect,

    /// <summary>The request was redirected more often than <see cref="ApiClientOptions.MaxRedirects"/> allows.</summary>
    TooManyRedirects,

    /// <summary>
    /// The redirect (307 or 308, or 301/302 on a method other than POST) needs the request body sent again, and
    /// the body cannot be replayed: a <see cref="System.Net.Http.StreamContent"/> over a stream that cannot seek,
    /// or a content type the client does not know to be replayable.
    /// </summary>
    BodyNotReplayable,

    /// <summary>The redirect's <c>Location</c> is not an <c>http</c> or <c>https</c> URL.</summary>
    InvalidLocation,

    /// <summary>
    /// The supplied <see cref="System.Net.Http.HttpClient"/> or <see cref="ApiClientOptions.HttpMessageHandler"/>
    /// followed a redirect to another origin by itself, beyond the client's control, and may have sent the request's
    /// credentials there. Its response is not used.
    /// </summary>
    FollowedOutsideClient,
}
