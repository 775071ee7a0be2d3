namespace Aitronos.Codegen.Model;

internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,
    DateTimeOffset,
    Date,
    Guid,
    Bytes,
    File,
    Any,
    Object,
    Enum,
    Array,
    Map,
}

/// <summary>
/// A C# type as the emitter will spell it: a primitive, a generated type (by name), or a list or map of
/// another reference. Value-equal, so it can sit in models.
/// </summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null, bool IsNullable = false)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Any = new(TypeKind.Any);

    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single
        or TypeKind.Double or TypeKind.Decimal or TypeKind.DateTimeOffset or TypeKind.Date
        or TypeKind.Guid or TypeKind.Any or TypeKind.Enum;
}

/// <summary>A generated type: an object record or an open string enum.</summary>
internal sealed record TypeModel(
    string Name,
    bool IsEnum,
    string? Description,
    bool Deprecated,
    EquatableArray<PropertyModel> Properties,
    TypeRef? AdditionalPropertiesType,
    string AdditionalPropertiesName,
    EquatableArray<EnumMemberModel> EnumMembers);

/// <summary>A property of an object record.</summary>
internal sealed record PropertyModel(
    string JsonName,
    string CSharpName,
    TypeRef Type,
    bool Required,
    bool Nullable,
    string? Description,
    bool Deprecated);

/// <summary>A known value of an open enum.</summary>
internal sealed record EnumMemberModel(string Value, string CSharpName);
