namespace Aitronos.Codegen.Runtime;

/// <summary>How the client proves its identity to an OAuth 2.0 token endpoint (RFC 6749, section 2.3.1).</summary>
public enum OAuthClientAuthentication
{
    /// <summary>
    /// <c>Authorization: Basic</c> with the form-encoded client id and secret (<c>client_secret_basic</c>), which every
    /// authorization server must accept. The default.
    /// </summary>
    BasicHeader,

    /// <summary><c>client_id</c> and <c>client_secret</c> in the form body (<c>client_secret_post</c>).</summary>
    RequestBody,
}
