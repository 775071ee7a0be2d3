using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// An API's OAuth 2.0 scheme with a client credentials flow: the client fetches its own access token from the token
/// endpoint with <see cref="ApiClientOptions.ClientId"/> and <see cref="ApiClientOptions.ClientSecret"/>, caches it and
/// fetches a new one before it expires. A token given as <see cref="ApiClientOptions.AccessToken"/> or
/// <see cref="ApiClientOptions.AccessTokenProvider"/> wins: nothing is fetched then.
/// </summary>
public sealed class OAuth2ClientCredentialsSecurity : ApiSecurityScheme
{
    /// <summary>Describes a client credentials scheme.</summary>
    /// <param name="tokenUrl">The document's <c>flows.clientCredentials.tokenUrl</c>; a relative URL is resolved against the base URL. <see cref="ApiClientOptions.TokenUrl"/> replaces it.</param>
    /// <param name="clientIdVariable">The environment variable read when <see cref="ApiClientOptions.ClientId"/> is not set.</param>
    /// <param name="clientSecretVariable">The environment variable read when <see cref="ApiClientOptions.ClientSecret"/> is not set.</param>
    /// <param name="schemeName">The scheme's name in the document.</param>
    /// <exception cref="ArgumentException"><paramref name="tokenUrl"/> is empty.</exception>
    public OAuth2ClientCredentialsSecurity(string tokenUrl, string? clientIdVariable = null, string? clientSecretVariable = null, string? schemeName = null)
        : base(schemeName)
    {
        if (string.IsNullOrEmpty(tokenUrl))
        {
            throw new ArgumentException("The token URL is required.", nameof(tokenUrl));
        }

        TokenUrl = tokenUrl;
        ClientIdVariable = string.IsNullOrEmpty(clientIdVariable) ? null : clientIdVariable;
        ClientSecretVariable = string.IsNullOrEmpty(clientSecretVariable) ? null : clientSecretVariable;
    }

    /// <summary>The token endpoint named by the document.</summary>
    public string TokenUrl { get; }

    /// <summary>The environment variable holding the client id, if any.</summary>
    public string? ClientIdVariable { get; }

    /// <summary>The environment variable holding the client secret, if any.</summary>
    public string? ClientSecretVariable { get; }
}
