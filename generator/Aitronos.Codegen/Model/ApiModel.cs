namespace Aitronos.Codegen.Model;

// Every model in this folder must be immutable and structurally equal: the incremental pipeline
// compares them to decide whether to emit again. They hold strings, numbers, enums and
// EquatableArray<T> only, never a Roslyn or Microsoft.OpenApi object.

/// <summary>One OpenAPI document, reduced to what the emitter needs.</summary>
internal sealed record ApiModel(
    string SpecName,
    string Namespace,
    string ClientName,
    string JsonContextName,
    bool IsPublic,
    string Title,
    string? Description,
    string? DefaultBaseUrl,
    EquatableArray<SecuritySchemeModel> SecuritySchemes,
    EquatableArray<SecurityRequirementModel> SecurityRequirements,
    EquatableArray<OperationGroupModel> Groups,
    EquatableArray<TypeModel> Types,
    EquatableArray<TypeRef> SerializedTypes);

/// <summary>
/// Operations that share a tag become one sub-client; operations without a tag live on the root client
/// (<see cref="PropertyName"/> is then null).
/// </summary>
internal sealed record OperationGroupModel(
    string? PropertyName,
    string? ClassName,
    string? Description,
    EquatableArray<OperationModel> Operations);
