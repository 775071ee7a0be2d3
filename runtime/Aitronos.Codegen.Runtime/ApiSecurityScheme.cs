namespace Aitronos.Codegen.Runtime;

/// <summary>
/// One of an API's security schemes (OpenAPI <c>components.securitySchemes</c>): <see cref="ApiKeySecurity"/>,
/// <see cref="BearerSecurity"/>, <see cref="BasicSecurity"/> or <see cref="OAuth2ClientCredentialsSecurity"/>.
/// </summary>
public abstract class ApiSecurityScheme
{
    private protected ApiSecurityScheme(string? schemeName)
    {
        SchemeName = string.IsNullOrEmpty(schemeName) ? null : schemeName;
    }

    /// <summary>
    /// The scheme's name in the OpenAPI document (its key under <c>components.securitySchemes</c>), if known: the key
    /// of its value in <see cref="ApiClientOptions.ApiKeys"/>, and the name messages use.
    /// </summary>
    public string? SchemeName { get; }
}
