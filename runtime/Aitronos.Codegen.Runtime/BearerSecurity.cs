namespace Aitronos.Codegen.Runtime;

/// <summary>An API's HTTP bearer security scheme (<c>Authorization: Bearer ...</c>): also an OAuth 2.0 or OpenID Connect
/// scheme whose token the caller obtains (<see cref="ApiClientOptions.AccessToken"/>, <see cref="ApiClientOptions.AccessTokenProvider"/>).</summary>
public sealed class BearerSecurity : ApiSecurityScheme
{
    /// <summary>Describes a bearer scheme.</summary>
    /// <param name="environmentVariable">The environment variable read when no token is configured.</param>
    /// <param name="schemeName">The scheme's name in the document.</param>
    public BearerSecurity(string? environmentVariable = null, string? schemeName = null)
        : base(schemeName)
    {
        EnvironmentVariable = string.IsNullOrEmpty(environmentVariable) ? null : environmentVariable;
    }

    /// <summary>The environment variable read when no token is configured, if any.</summary>
    public string? EnvironmentVariable { get; }
}
