namespace Aitronos.Codegen.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

internal enum BodyKind
{
    Json,
    Text,
    Content,
}

internal enum ResultKind
{
    None,
    Json,
    Text,
    Bytes,
}

/// <summary>One HTTP operation, emitted as one async method.</summary>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string PathTemplate,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<PathPart> Path,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResultModel Result,
    SecurityRequirementModel Auth);

/// <summary>A piece of a path template: literal text, or the name of the parameter whose value goes there.</summary>
internal sealed record PathPart(string Text, bool IsParameter);

/// <summary>A path, query, header or cookie parameter, in method-signature order.</summary>
internal sealed record ParameterModel(
    string Name,
    string CSharpName,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    string? Description,
    bool Deprecated);

/// <summary>The request body parameter.</summary>
internal sealed record BodyModel(string CSharpName, BodyKind Kind, string MediaType, TypeRef? Type, bool Required, string? Description);

/// <summary>What the method returns on success.</summary>
internal sealed record ResultModel(ResultKind Kind, TypeRef? Type, string? Description);
