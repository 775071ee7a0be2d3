using System;
using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// How a <see cref="TypeRef"/> is written in C#. Types from other namespaces are always <c>global::</c>-qualified;
/// a generated type is written by its simple name (every file is in the spec's namespace, where generated types
/// come first in name lookup) unless the file says that name is taken by a member in scope there.
/// </summary>
internal sealed class TypeSpelling
{
    private readonly string _namespace;
    private readonly bool _hasDateOnly;
    private readonly System.Func<string, bool> _mustQualify;

    /// <param name="mustQualify">Whether a generated type's simple name could bind to something else where it is written.</param>
    public TypeSpelling(string @namespace, bool hasDateOnly, System.Func<string, bool> mustQualify)
    {
        _namespace = @namespace;
        _hasDateOnly = hasDateOnly;
        _mustQualify = mustQualify;
    }

    public bool HasDateOnly => _hasDateOnly;

    /// <summary>The type, with <c>?</c> when the reference itself is nullable.</summary>
    public string Of(TypeRef type) => type.IsNullable ? NonNull(type) + "?" : NonNull(type);

    /// <summary>The type with a <c>?</c> whatever the reference says (for optional members).</summary>
    public string Nullable(TypeRef type) => NonNull(type) + "?";

    public string NonNull(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Single => "float",
        TypeKind.Double => "double",
        TypeKind.Decimal => "decimal",
        TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeKind.Date => _hasDateOnly ? "global::System.DateOnly" : "global::System.DateTime",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.Bytes => "byte[]",
        TypeKind.File => "AcgRuntime.ApiFile",
        TypeKind.Any => "AcgJson.JsonElement",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => Named(type.Name!),
        TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + Of(type.Element!) + ">",
        TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Of(type.Element!) + ">",
        _ => throw new InvalidOperationException("Unknown type kind " + type.Kind),
    };

    public string Named(string name) => _mustQualify(name) ? "global::" + _namespace + "." + name : name;

    /// <summary>A readable identifier for a composite type (<c>ConnectionList</c>, <c>StringMap</c>).</summary>
    public static string Mangle(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => Mangle(type.Element!) + "List",
        TypeKind.Map => Mangle(type.Element!) + "Map",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => type.Name!,
        TypeKind.Any => "JsonElement",
        TypeKind.Bytes => "Bytes",
        TypeKind.File => "File",
        TypeKind.Date => "Date",
        _ => type.Kind.ToString(),
    } + (type.IsNullable ? "OrNull" : string.Empty);
}
