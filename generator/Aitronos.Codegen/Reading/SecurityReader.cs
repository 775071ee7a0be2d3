using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Model;
using Microsoft.OpenApi;
using ApiParameterLocation = Aitronos.Codegen.Model.ParameterLocation;

namespace Aitronos.Codegen.Reading;

/// <summary>
/// Picks the credentials the client supports from the document's security schemes: one API key (header,
/// query or cookie) and one bearer token (HTTP bearer, OAuth 2.0, OpenID Connect), and maps each
/// operation's requirements onto them.
/// </summary>
internal sealed class SecurityReader
{
    private const string EnvironmentVariableExtension = "x-environment-variable";

    private readonly ReadContext _context;
    private readonly Dictionary<string, AuthRequirement> _schemes = new(StringComparer.Ordinal);

    public SecurityReader(ReadContext context, OpenApiDocument document)
    {
        _context = context;
        if (document.Components?.SecuritySchemes is not { } schemes)
        {
            return;
        }

        foreach (var pair in schemes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string pointer = ReadContext.Pointer("#/components/securitySchemes", pair.Key);
            IOpenApiSecurityScheme scheme = pair.Value;
            string? environmentVariable = ReadEnvironmentVariable(scheme);
            switch (scheme.Type)
            {
                case SecuritySchemeType.ApiKey when ApiKey is null && scheme.Name is { Length: > 0 } && ToLocation(scheme.In) is { } location:
                    ApiKey = new ApiKeySchemeModel(pair.Key, scheme.Name, location, environmentVariable);
                    _schemes[pair.Key] = AuthRequirement.ApiKey;
                    break;
                case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase):
                case SecuritySchemeType.OAuth2:
                case SecuritySchemeType.OpenIdConnect:
                    Bearer ??= new BearerSchemeModel(pair.Key, environmentVariable);
                    _schemes[pair.Key] = AuthRequirement.Bearer;
                    break;
                default:
                    string kind = scheme.Type switch
                    {
                        SecuritySchemeType.Http => "http " + scheme.Scheme,
                        SecuritySchemeType.ApiKey => "a second API key; only '" + ApiKey?.SchemeName + "' is sent",
                        _ => scheme.Type?.ToString() ?? "no type",
                    };
                    _context.Report(DiagnosticDescriptors.UnsupportedSecurity, pointer, pair.Key, kind);
                    break;
            }
        }
    }

    public ApiKeySchemeModel? ApiKey { get; }

    public BearerSchemeModel? Bearer { get; }

    /// <summary>The credentials an operation accepts: any scheme named by any of its alternative requirements.</summary>
    public AuthRequirement For(IList<OpenApiSecurityRequirement>? operationSecurity, IList<OpenApiSecurityRequirement>? documentSecurity)
    {
        IList<OpenApiSecurityRequirement>? requirements = operationSecurity ?? documentSecurity;
        if (requirements is null)
        {
            return AuthRequirement.None;
        }

        AuthRequirement result = AuthRequirement.None;
        foreach (OpenApiSecurityRequirement requirement in requirements)
        {
            foreach (OpenApiSecuritySchemeReference scheme in requirement.Keys)
            {
                if (scheme.Reference?.Id is { } id && _schemes.TryGetValue(id, out AuthRequirement auth))
                {
                    result |= auth;
                }
            }
        }

        return result;
    }

    private static ApiParameterLocation? ToLocation(Microsoft.OpenApi.ParameterLocation? location) => location switch
    {
        Microsoft.OpenApi.ParameterLocation.Header => ApiParameterLocation.Header,
        Microsoft.OpenApi.ParameterLocation.Query => ApiParameterLocation.Query,
        Microsoft.OpenApi.ParameterLocation.Cookie => ApiParameterLocation.Cookie,
        _ => null,
    };

    private static string? ReadEnvironmentVariable(IOpenApiSecurityScheme scheme)
    {
        if (scheme is IOpenApiReadOnlyExtensible { Extensions: { } extensions }
            && extensions.TryGetValue(EnvironmentVariableExtension, out IOpenApiExtension? extension)
            && extension is JsonNodeExtension { Node: JsonValue value }
            && value.TryGetValue(out string? name)
            && !string.IsNullOrWhiteSpace(name))
        {
            return name!.Trim();
        }

        return null;
    }
}
