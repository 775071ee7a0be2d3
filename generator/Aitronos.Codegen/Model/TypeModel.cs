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

    /// <summary>A generated union (<c>oneOf</c>/<c>anyOf</c>): a reference type, read and written like an object.</summary>
    Union,
}

/// <summary>
/// A C# type as the emitter will spell it: a primitive, a generated type (by name), or a list or map of
/// another reference. Value-equal, so it can sit in models.
/// </summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null, bool IsNullable = false)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Any = new(TypeKind.Any);

    /// <summary>A scalar written as its text wherever a parameter goes (<c>format: byte</c> as its base64).</summary>
    public bool IsTextScalar => Kind is TypeKind.String or TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64
        or TypeKind.Single or TypeKind.Double or TypeKind.Decimal or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Guid
        or TypeKind.Enum or TypeKind.Bytes;

    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single
        or TypeKind.Double or TypeKind.Decimal or TypeKind.DateTimeOffset or TypeKind.Date
        or TypeKind.Guid or TypeKind.Any or TypeKind.Enum;
}

/// <summary>
/// A generated type: an object record, an open string enum, or a union (<see cref="Union"/> set).
/// <see cref="SendsNulls"/>: an object a request body uses (itself or inside it) with optional properties that may be
/// <c>null</c>; assigning such a property <see langword="null"/> sends <c>null</c> rather than leaving it out.
/// </summary>
internal sealed record TypeModel(
    string Name,
    bool IsEnum,
    string? Description,
    bool Deprecated,
    EquatableArray<PropertyModel> Properties,
    TypeRef? AdditionalPropertiesType,
    string AdditionalPropertiesName,
    EquatableArray<EnumMemberModel> EnumMembers,
    UnionModel? Union = null,
    bool SendsNulls = false);

/// <summary>
/// A union's variants, in the order the spec lists them, and how a read chooses one: by a discriminating property
/// (<see cref="Discriminator"/>: OpenAPI's <c>discriminator</c>, or a property each object variant fixes to one string),
/// else by the JSON token's kind and then by property names (see the runtime's <c>JsonUnionShapes</c>).
/// </summary>
internal sealed record UnionModel(
    EquatableArray<UnionVariantModel> Variants,
    string? Discriminator,
    bool DiscriminatorIsImplicit);

/// <summary>
/// One variant of a union. <see cref="MemberName"/> names its members (<c>IsCat</c>, <c>AsCat</c>);
/// <see cref="DiscriminatorValues"/> are the values that select it; <see cref="RequiredNames"/> and
/// <see cref="KnownNames"/> are an object variant's property names; <see cref="KnownValues"/> an enum variant's values.
/// </summary>
internal sealed record UnionVariantModel(
    string MemberName,
    TypeRef Type,
    EquatableArray<string> DiscriminatorValues,
    EquatableArray<string> RequiredNames,
    EquatableArray<string> KnownNames,
    EquatableArray<string> KnownValues);

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
