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
/// Reads the document's security schemes the client can send (API keys in headers, queries and cookies, HTTP bearer and
/// basic, OAuth 2.0 and OpenID Connect tokens, and the OAuth 2.0 client credentials flow, which the client runs itself),
/// and maps each operation's <c>security</c> onto them as alternatives of schemes sent together.
/// </summary>
internal sealed class SecurityReader
{
    private const string EnvironmentVariableExtension = "x-environment-variable";

    // A requirement is a 64-bit mask over the schemes.
    private const int MaxSchemes = 64;

    private readonly ReadContext _context;
    private readonly List<SecuritySchemeModel> _schemes = new();
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<SecurityRequirementModel> _requirements = new();
    private readonly HashSet<SecurityRequirementModel> _seen = new();

    public SecurityReader(ReadContext context, OpenApiDocument document)
    {
        _context = context;
        if (document.Components?.SecuritySchemes is not { } schemes)
        {
            return;
        }

        // Schemes no operation names are left out: nothing would send them.
        HashSet<string> used = UsedSchemes(document);
        foreach (var pair in schemes.Where(p => used.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            string pointer = ReadContext.Pointer("#/components/securitySchemes", pair.Key);
            if (pair.Value is null)
            {
                // Not an object where a scheme belongs: the reader's own diagnostic says what it found.
                _context.Report(DiagnosticDescriptors.UnsupportedSecurity, pointer, pair.Key, "the scheme could not be read; requests do not carry it");
                continue;
            }

            if (Read(pair.Key, pair.Value, pointer) is not { } scheme)
            {
                continue;
            }

            if (_schemes.Count == MaxSchemes)
            {
                _context.Report(DiagnosticDescriptors.UnsupportedSecurity, pointer, pair.Key, $"the client sends at most {MaxSchemes} schemes; requests do not carry this one");
                continue;
            }

            _indexes[pair.Key] = _schemes.Count;
            _schemes.Add(scheme);
        }
    }

    /// <summary>The schemes the client sends, in the order of their names.</summary>
    public IReadOnlyList<SecuritySchemeModel> Schemes => _schemes;

    /// <summary>Every distinct requirement <see cref="For"/> returned but <see cref="SecurityRequirementModel.None"/>, in the order of first use.</summary>
    public IReadOnlyList<SecurityRequirementModel> Requirements => _requirements;

    /// <summary>
    /// An operation's alternatives: its own <c>security</c>, else the document's. A scheme the client cannot send is left
    /// out of its alternative (a client certificate, say, comes from the handler), and an alternative left empty so
    /// allows the call without credentials, as the client can send none for it.
    /// </summary>
    public SecurityRequirementModel For(IList<OpenApiSecurityRequirement>? operationSecurity, IList<OpenApiSecurityRequirement>? documentSecurity)
    {
        IList<OpenApiSecurityRequirement>? requirements = operationSecurity ?? documentSecurity;
        var alternatives = new List<long>();
        var scopes = new SortedDictionary<int, List<string>>();
        foreach (OpenApiSecurityRequirement requirement in requirements ?? Array.Empty<OpenApiSecurityRequirement>())
        {
            long mask = 0;
            foreach (var pair in requirement)
            {
                if (pair.Key.Reference?.Id is not { } id || !_indexes.TryGetValue(id, out int index))
                {
                    continue;
                }

                mask |= 1L << index;
                if (_schemes[index].Kind == SecuritySchemeKind.OAuth2ClientCredentials && pair.Value is { Count: > 0 } named)
                {
                    if (!scopes.TryGetValue(index, out List<string>? list))
                    {
                        scopes[index] = list = new List<string>();
                    }

                    list.AddRange(named.Where(s => !list.Contains(s)));
                }
            }

            if (!alternatives.Contains(mask))
            {
                alternatives.Add(mask);
            }
        }

        var model = alternatives.Count == 0 || (alternatives.Count == 1 && alternatives[0] == 0)
            ? SecurityRequirementModel.None
            : new SecurityRequirementModel(
                alternatives.ToEquatableArray(),
                scopes.Select(s => new SchemeScopesModel(s.Key, s.Value.ToEquatableArray())).ToEquatableArray());
        if (model != SecurityRequirementModel.None && _seen.Add(model))
        {
            _requirements.Add(model);
        }

        return model;
    }

    private static HashSet<string> UsedSchemes(OpenApiDocument document)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<IList<OpenApiSecurityRequirement>?> lists = new[] { document.Security };
        if (document.Paths is { } paths)
        {
            lists = lists.Concat(paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).Select(o => o.Security));
        }

        foreach (IList<OpenApiSecurityRequirement>? list in lists)
        {
            foreach (OpenApiSecurityRequirement requirement in list ?? Array.Empty<OpenApiSecurityRequirement>())
            {
                foreach (var scheme in requirement.Keys)
                {
                    if (scheme.Reference?.Id is { } id)
                    {
                        used.Add(id);
                    }
                }
            }
        }

        return used;
    }

    private SecuritySchemeModel? Read(string name, IOpenApiSecurityScheme scheme, string pointer)
    {
        (string? first, string? second) = ReadEnvironmentVariables(scheme);
        switch (scheme.Type)
        {
            case SecuritySchemeType.ApiKey when scheme.Name is { Length: > 0 } && ToLocation(scheme.In) is { } location:
                return new SecuritySchemeModel(name, SecuritySchemeKind.ApiKey, scheme.Name, location, first, null, null);

            case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase):
                return new SecuritySchemeModel(name, SecuritySchemeKind.Bearer, null, default, first, null, null);

            case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase):
                return new SecuritySchemeModel(name, SecuritySchemeKind.Basic, null, default, first, second, null);

            case SecuritySchemeType.OAuth2 when scheme.Flows?.ClientCredentials?.TokenUrl is { } tokenUrl:
                return new SecuritySchemeModel(name, SecuritySchemeKind.OAuth2ClientCredentials, null, default, first, second, tokenUrl.OriginalString);

            case SecuritySchemeType.OAuth2:
                _context.Report(DiagnosticDescriptors.UnsupportedSecurity, pointer, name,
                    "OAuth 2.0 " + Flows(scheme.Flows) + ": the client does not run this flow; set AccessToken or AccessTokenProvider and it is sent as a bearer token");
                return new SecuritySchemeModel(name, SecuritySchemeKind.Bearer, null, default, first, null, null);

            case SecuritySchemeType.OpenIdConnect:
                _context.Report(DiagnosticDescriptors.UnsupportedSecurity, pointer, name,
                    "OpenID Connect: the client does not run its flows; set AccessToken or AccessTokenProvider and it is sent as a bearer token");
                return new SecuritySchemeModel(name, SecuritySchemeKind.Bearer, null, default, first, null, null);

            default:
                string what = scheme.Type switch
                {
                    SecuritySchemeType.Http => "HTTP " + scheme.Scheme + ": not supported; requests do not carry it (add the header through DefaultHeaders or a DelegatingHandler)",
                    SecuritySchemeType.MutualTLS => "mutual TLS: requests do not carry it; give the client certificate through ApiClientOptions.HttpMessageHandler",
                    SecuritySchemeType.ApiKey => "an API key without a name or a header, query or cookie location: requests do not carry it",
                    _ => (scheme.Type?.ToString() ?? "no type") + ": not supported; requests do not carry it",
                };
                _context.Report(DiagnosticDescriptors.UnsupportedSecurity, pointer, name, what);
                return null;
        }
    }

    private static string Flows(OpenApiOAuthFlows? flows)
    {
        var names = new List<string>();
        if (flows?.AuthorizationCode is not null)
        {
            names.Add("authorizationCode");
        }

        if (flows?.Implicit is not null)
        {
            names.Add("implicit");
        }

        if (flows?.Password is not null)
        {
            names.Add("password");
        }

        if (flows?.DeviceAuthorization is not null)
        {
            names.Add("deviceAuthorization");
        }

        return names.Count == 0 ? "without a client credentials flow" : string.Join(", ", names);
    }

    private static ApiParameterLocation? ToLocation(Microsoft.OpenApi.ParameterLocation? location) => location switch
    {
        Microsoft.OpenApi.ParameterLocation.Header => ApiParameterLocation.Header,
        Microsoft.OpenApi.ParameterLocation.Query => ApiParameterLocation.Query,
        Microsoft.OpenApi.ParameterLocation.Cookie => ApiParameterLocation.Cookie,
        _ => null,
    };

    /// <summary>
    /// <c>x-environment-variable</c>: a name (an API key or token), or an object naming the two halves of a pair:
    /// <c>{username, password}</c> for basic, <c>{clientId, clientSecret}</c> for client credentials.
    /// </summary>
    private static (string? First, string? Second) ReadEnvironmentVariables(IOpenApiSecurityScheme scheme)
    {
        if (scheme is not IOpenApiReadOnlyExtensible { Extensions: { } extensions }
            || !extensions.TryGetValue(EnvironmentVariableExtension, out IOpenApiExtension? extension)
            || extension is not JsonNodeExtension { Node: { } node })
        {
            return (null, null);
        }

        return node switch
        {
            JsonValue value => (Name(value), null),
            JsonObject pair => (Name(pair["username"] ?? pair["clientId"]), Name(pair["password"] ?? pair["clientSecret"])),
            _ => (null, null),
        };
    }

    private static string? Name(JsonNode? node)
        => node is JsonValue value && value.TryGetValue(out string? name) && !string.IsNullOrWhiteSpace(name) ? name!.Trim() : null;
}
