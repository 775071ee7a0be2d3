namespace Aitronos.Codegen.Runtime;

/// <summary>
/// What a client does when the API redirects a request to another origin (another scheme, host or port than the
/// base URL's). Credentials never go there either way: see <see cref="ApiClientOptions.CrossOriginRedirects"/>.
/// </summary>
public enum CrossOriginRedirectPolicy
{
    /// <summary>
    /// Follow the redirect without any credential: no API key (header, query or cookie), no <c>Authorization</c>,
    /// no <c>Cookie</c>, and none of the <see cref="ApiClientOptions.DefaultHeaders"/>. The default.
    /// </summary>
    FollowWithoutCredentials,

    /// <summary>Do not follow the redirect: the request fails with an <see cref="ApiRedirectException"/> naming the target.</summary>
    Refuse,
}
