using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// Emits the client's security: the schemes in its <c>ApiDescription</c>, one static requirement per distinct operation
/// <c>security</c>, and the argument each operation passes to the transport.
/// </summary>
/// <remarks>
/// An API with at most one API key and one bearer scheme, whose operations accept each alone (the key first) or none,
/// keeps the compact <c>ApiAuth</c> flags: its generated code is what it was before alternatives existed.
/// </remarks>
internal static class SecurityEmitter
{
    private const string Runtime = EmitContext.RuntimeAlias;   // the client file declares it

    /// <summary>The constructor arguments of the client's <c>ApiDescription</c> after its name and base URL, each ending its line.</summary>
    public static IEnumerable<string> DescriptionArguments(ApiModel api)
    {
        if (UsesFlags(api))
        {
            SecuritySchemeModel? key = api.SecuritySchemes.FirstOrDefault(s => s.Kind == SecuritySchemeKind.ApiKey);
            SecuritySchemeModel? bearer = api.SecuritySchemes.FirstOrDefault(s => s.Kind == SecuritySchemeKind.Bearer);
            yield return key is null ? "null" : ApiKey(key, withName: false);
            yield return bearer is null ? "null" : $"new {Runtime}.BearerSecurity({Literal(bearer.EnvironmentVariable)})";
            yield break;
        }

        foreach (SecuritySchemeModel scheme in api.SecuritySchemes)
        {
            string name = CSharpLiterals.String(scheme.SchemeName);
            yield return scheme.Kind switch
            {
                SecuritySchemeKind.ApiKey => ApiKey(scheme, withName: true),
                SecuritySchemeKind.Basic => $"new {Runtime}.BasicSecurity({Literal(scheme.EnvironmentVariable)}, {Literal(scheme.SecondEnvironmentVariable)}, {name})",
                SecuritySchemeKind.OAuth2ClientCredentials =>
                    $"new {Runtime}.OAuth2ClientCredentialsSecurity({CSharpLiterals.String(scheme.TokenUrl!)}, {Literal(scheme.EnvironmentVariable)}, {Literal(scheme.SecondEnvironmentVariable)}, {name})",
                _ => $"new {Runtime}.BearerSecurity({Literal(scheme.EnvironmentVariable)}, {name})",
            };
        }
    }

    // ApiClientOptions' public members (and object's), which a generated property must not hide.
    private static readonly string[] s_optionMembers =
    {
        "BaseUrl", "ApiKey", "ApiKeys", "UserName", "Password", "ClientId", "ClientSecret", "TokenUrl", "Scopes", "ClientAuthentication",
        "AccessToken", "AccessTokenProvider", "Timeout", "CallTimeout", "MaxRetries", "InitialRetryDelay", "MaxRetryDelay", "MaxRetryAfter",
        "DefaultHeaders", "UserAgent", "CrossOriginRedirects", "MaxRedirects", "HttpMessageHandler", "ToString", "Equals", "GetHashCode", "GetType",
    };

    /// <summary>
    /// With several API key schemes, a property per scheme on the options class (<c>AppIdKey</c> for <c>appId</c>), the
    /// same entry as <c>ApiKeys["appId"]</c>; a single key is <c>ApiKey</c>.
    /// </summary>
    public static void EmitOptionProperties(SourceWriter writer, ApiModel api, string optionsName)
    {
        var keys = api.SecuritySchemes.Where(s => s.Kind == SecuritySchemeKind.ApiKey).ToList();
        if (keys.Count < 2)
        {
            return;
        }

        var taken = new HashSet<string>(s_optionMembers, System.StringComparer.Ordinal) { optionsName };
        bool first = true;
        foreach (SecuritySchemeModel key in keys)
        {
            string pascal = IdentifierNaming.ToPascalCase(key.SchemeName, "Scheme");
            string property = IdentifierNaming.MakeUnique(pascal.EndsWith("Key", System.StringComparison.Ordinal) ? pascal : pascal + "Key", taken);
            string name = CSharpLiterals.String(key.SchemeName);
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Doc("summary", "The key of the API key scheme '" + key.SchemeName + "' (" + key.Location.ToString().ToLowerInvariant() + " " + key.ParameterName + "): the entry " + key.SchemeName + " of ApiKeys.");
            writer.OpenBlock("public string? " + property);
            writer.Line($"get => ApiKeys.TryGetValue({name}, out string? value) ? value : null;");
            writer.Line($"set {{ if (value is null) ApiKeys.Remove({name}); else ApiKeys[{name}] = value; }}");
            writer.CloseBlock();
        }
    }

    /// <summary>The static requirement fields, one per distinct requirement but the empty one.</summary>
    public static void EmitRequirements(SourceWriter writer, ApiModel api)
    {
        if (UsesFlags(api))
        {
            return;
        }

        for (int i = 0; i < api.SecurityRequirements.Count; i++)
        {
            if (i == 0)
            {
                writer.Line();
            }

            SecurityRequirementModel requirement = api.SecurityRequirements[i];
            string alternatives = string.Join(", ", requirement.Alternatives.Select(Mask));
            string value = requirement.Scopes.IsEmpty ? "new(" + alternatives + ")" : "new " + Runtime + ".ApiSecurityRequirement(" + alternatives + ")";
            foreach (SchemeScopesModel scopes in requirement.Scopes)
            {
                value += ".WithScopes(" + scopes.Scheme.ToString(CultureInfo.InvariantCulture)
                    + string.Concat(scopes.Scopes.Select(s => ", " + CSharpLiterals.String(s))) + ")";
            }

            writer.Line($"private static readonly {Runtime}.ApiSecurityRequirement {FieldName(i)} = {value}; // {Describe(api, requirement)}");
        }
    }

    /// <summary>What an operation passes to the transport for its credentials.</summary>
    public static string Argument(ApiModel api, SecurityRequirementModel requirement)
    {
        if (UsesFlags(api))
        {
            var flags = new List<string>();
            foreach (long alternative in requirement.Alternatives.Where(a => a != 0))
            {
                flags.Add(Runtime + ".ApiAuth." + (api.SecuritySchemes[Index(alternative)].Kind == SecuritySchemeKind.ApiKey ? "ApiKey" : "Bearer"));
            }

            return flags.Count == 0 ? Runtime + ".ApiAuth.None" : string.Join(" | ", flags);
        }

        for (int i = 0; i < api.SecurityRequirements.Count; i++)
        {
            if (api.SecurityRequirements[i] == requirement)
            {
                return FieldName(i);
            }
        }

        return Runtime + ".ApiSecurityRequirement.None";
    }

    /// <summary>
    /// Whether the flags say it all: at most one API key and one bearer scheme, and every operation accepts the key, the
    /// bearer token, the key then the token, or nothing, as the flags' fixed order sends them.
    /// </summary>
    private static bool UsesFlags(ApiModel api)
    {
        int keys = api.SecuritySchemes.Count(s => s.Kind == SecuritySchemeKind.ApiKey);
        int bearers = api.SecuritySchemes.Count(s => s.Kind == SecuritySchemeKind.Bearer);
        if (keys > 1 || bearers > 1 || keys + bearers != api.SecuritySchemes.Count)
        {
            return false;
        }

        foreach (SecurityRequirementModel requirement in api.SecurityRequirements)
        {
            if (requirement == SecurityRequirementModel.None)
            {
                continue;
            }

            if (!requirement.Scopes.IsEmpty || requirement.Alternatives.Any(a => a == 0 || (a & (a - 1)) != 0))
            {
                return false;
            }

            if (requirement.Alternatives.Count == 2 && api.SecuritySchemes[Index(requirement.Alternatives[0])].Kind != SecuritySchemeKind.ApiKey)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The alternatives by scheme name, for a reader of the masks: <c>appId + appKey, or accountAuth</c>.</summary>
    private static string Describe(ApiModel api, SecurityRequirementModel requirement)
        => string.Join(", or ", requirement.Alternatives.Select(mask => mask == 0
            ? "anonymous"
            : string.Join(" + ", api.SecuritySchemes.Where((_, index) => (mask & (1L << index)) != 0).Select(s => CommentSafe(s.SchemeName)))));

    /// <summary>A scheme name as a line comment may hold it: the characters the specification allows in component keys.</summary>
    private static string CommentSafe(string name)
        => new string(name.Select(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_' ? c : '_').ToArray());

    private static string ApiKey(SecuritySchemeModel scheme, bool withName)
        => $"new {Runtime}.ApiKeySecurity({CSharpLiterals.String(scheme.ParameterName!)}, {Runtime}.ApiKeyLocation.{scheme.Location}, {Literal(scheme.EnvironmentVariable)}"
            + (withName ? ", " + CSharpLiterals.String(scheme.SchemeName) : string.Empty) + ")";

    private static string FieldName(int index) => "s_security" + index.ToString(CultureInfo.InvariantCulture);

    private static string Mask(long mask) => mask.ToString(CultureInfo.InvariantCulture) + (mask > int.MaxValue ? "L" : string.Empty);

    private static int Index(long singleBit)
    {
        int index = 0;
        while ((singleBit >>= 1) != 0)
        {
            index++;
        }

        return index;
    }

    private static string Literal(string? value) => value is null ? "null" : CSharpLiterals.String(value);
}
