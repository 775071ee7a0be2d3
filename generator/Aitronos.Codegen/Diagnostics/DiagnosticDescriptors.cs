using Microsoft.CodeAnalysis;

namespace Aitronos.Codegen.Diagnostics;

/// <summary>Every diagnostic the generator reports. Ids are tracked in AnalyzerReleases.*.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Aitronos.Codegen";
    private const string HelpBase = "https://github.com/aitronos/aitronos-codegen/blob/main/README.md#diagnostics";

    public static readonly DiagnosticDescriptor SpecSyntaxError = Create(
        "ACG001", "OpenAPI document cannot be read",
        "The OpenAPI document '{0}' cannot be read: {1}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SpecValidationWarning = Create(
        "ACG002", "OpenAPI document breaks a rule of the specification",
        "{0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Create(
        "ACG003", "Internal generator error",
        "Aitronos.Codegen failed on '{0}' and generated nothing for it: {1}. Please report this with the spec attached.", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NoOperations = Create(
        "ACG004", "OpenAPI document has no operations",
        "The OpenAPI document '{0}' has no operations to generate (paths is empty or missing)", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RuntimeMissing = Create(
        "ACG005", "Aitronos.Codegen.Runtime is not referenced",
        "Generated clients need Aitronos.Codegen.Runtime; reference the Aitronos.Codegen package (it carries the runtime) or the runtime project", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "ACG006", "C# 11 or later is required",
        "Generated clients use C# 11 features (required members, UTF-8 literals); set <LangVersion>11</LangVersion> or later in the project", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedSchema = Create(
        "ACG010", "Schema construct generated as JsonElement",
        "{0} is generated as System.Text.Json.JsonElement: {1}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnsupportedBody = Create(
        "ACG011", "Request body taken as HttpContent",
        "Operation '{0}': request media type '{1}' is taken as an HttpContent the caller builds: {2}", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor UnsupportedSecurity = Create(
        "ACG012", "Security scheme not fully supported",
        "Security scheme '{0}': {1}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "ACG013", "Reference cannot be resolved",
        "The reference '{0}' cannot be resolved; the value is generated as JsonElement", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidOption = Create(
        "ACG014", "Invalid option",
        "The option '{0}' value '{1}' is not valid: {2}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedParameter = Create(
        "ACG015", "Parameter not fully supported",
        "Operation '{0}': parameter '{1}' {2}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateClientName = Create(
        "ACG016", "Two specs generate the same client",
        "The OpenAPI documents '{0}' and '{1}' both generate '{2}', so neither is generated; set AitronosClientName or AitronosNamespace on one of them", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor WebhookTypesSkipped = Create(
        "ACG017", "Webhook payload types not generated",
        "{0} schema(s) that only the webhooks use are not generated (webhooks are requests the API sends to you, not calls the client makes); set Webhooks=\"true\" on the OpenApiSpec item to generate them", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor PagedOperation = Create(
        "ACG018", "Paged list operation",
        "Operation '{0}' is paged by {1}: {2} enumerates every item, page after page", DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor NameCollision = Create(
        "ACG019", "Two names in the spec give one C# name",
        "{0} and {1} both give the C# name '{2}'; {1} is generated as '{3}'", DiagnosticSeverity.Warning);

    private static readonly System.Collections.Generic.Dictionary<string, DiagnosticDescriptor> s_byId = new()
    {
        [SpecSyntaxError.Id] = SpecSyntaxError,
        [SpecValidationWarning.Id] = SpecValidationWarning,
        [InternalError.Id] = InternalError,
        [NoOperations.Id] = NoOperations,
        [RuntimeMissing.Id] = RuntimeMissing,
        [LanguageVersionTooLow.Id] = LanguageVersionTooLow,
        [UnsupportedSchema.Id] = UnsupportedSchema,
        [UnsupportedBody.Id] = UnsupportedBody,
        [UnsupportedSecurity.Id] = UnsupportedSecurity,
        [UnresolvedReference.Id] = UnresolvedReference,
        [InvalidOption.Id] = InvalidOption,
        [UnsupportedParameter.Id] = UnsupportedParameter,
        [DuplicateClientName.Id] = DuplicateClientName,
        [WebhookTypesSkipped.Id] = WebhookTypesSkipped,
        [PagedOperation.Id] = PagedOperation,
        [NameCollision.Id] = NameCollision,
    };

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    private static DiagnosticDescriptor Create(string id, string title, string format, DiagnosticSeverity severity) =>
        new(id, title, format, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + "-" + id.ToLowerInvariant());
}
