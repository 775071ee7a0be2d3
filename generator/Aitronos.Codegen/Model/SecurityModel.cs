namespace Aitronos.Codegen.Model;

internal enum SecuritySchemeKind
{
    ApiKey,
    Bearer,
    Basic,
    OAuth2ClientCredentials,
}

/// <summary>
/// A security scheme the client sends. Its index in <see cref="ApiModel.SecuritySchemes"/> is its bit in a
/// <see cref="SecurityRequirementModel"/>'s alternatives.
/// </summary>
/// <param name="SchemeName">The key under <c>components.securitySchemes</c>.</param>
/// <param name="ParameterName">An API key's header, query parameter or cookie name.</param>
/// <param name="Location">Where an API key travels.</param>
/// <param name="EnvironmentVariable">The API key's or token's variable; basic's user name; client credentials' client id.</param>
/// <param name="SecondEnvironmentVariable">Basic's password; client credentials' client secret.</param>
/// <param name="TokenUrl">The client credentials flow's token endpoint.</param>
internal sealed record SecuritySchemeModel(
    string SchemeName,
    SecuritySchemeKind Kind,
    string? ParameterName,
    ParameterLocation Location,
    string? EnvironmentVariable,
    string? SecondEnvironmentVariable,
    string? TokenUrl);

/// <summary>
/// An operation's <c>security</c>: alternatives (any one will do), each a bit mask over <see cref="ApiModel.SecuritySchemes"/>
/// of schemes sent together; 0 is the empty requirement, an anonymous call.
/// </summary>
internal sealed record SecurityRequirementModel(EquatableArray<long> Alternatives, EquatableArray<SchemeScopesModel> Scopes)
{
    /// <summary>No credentials at all.</summary>
    public static readonly SecurityRequirementModel None = new(new EquatableArray<long>(new long[] { 0 }), EquatableArray<SchemeScopesModel>.Empty);
}

/// <summary>The scopes an operation asks of a client credentials scheme (by its index).</summary>
internal sealed record SchemeScopesModel(int Scheme, EquatableArray<string> Scopes);
