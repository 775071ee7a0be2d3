using System;
using System.Globalization;
using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// The C# that reads or writes values of a <see cref="TypeRef"/> in generated models: calls of the runtime's
/// reader and writer extensions (<c>Aitronos.Codegen.Runtime.Serialization</c>, imported by every model file)
/// and of each generated type's own <c>ReadJson</c>/<c>WriteJson</c>.
/// </summary>
internal sealed class JsonCode
{
    internal const string Codec = "AcgRuntime.JsonCodec";
    internal const string Values = "AcgRuntime.Serialization.JsonValues";
    internal const string Files = "AcgRuntime.Serialization.JsonFileExtensions";
    internal const string ReaderType = "AcgJson.Utf8JsonReader";
    internal const string WriterType = "AcgJson.Utf8JsonWriter";

    private readonly TypeSpelling _types;

    public JsonCode(TypeSpelling types) => _types = types;

    /// <summary>
    /// An expression reading the value at <paramref name="reader"/>: JSON <c>null</c> is an error when
    /// <paramref name="orNull"/> is false, and reads as <see langword="null"/> when it is true.
    /// </summary>
    public string Read(TypeRef type, string reader, bool orNull, int depth = 0)
    {
        if (Primitive(type) is { } primitive)
        {
            return $"{reader}.Read{primitive}{(orNull ? "OrNull" : string.Empty)}()";
        }

        string value = type.Kind switch
        {
            TypeKind.Object or TypeKind.Enum or TypeKind.Union => $"{_types.Named(type.Name!)}.ReadJson(ref {reader})",
            TypeKind.Array => $"{reader}.ReadList({ItemReader(type.Element!, depth + 1)})",
            TypeKind.Map => $"{reader}.ReadMap({ItemReader(type.Element!, depth + 1)})",
            _ => throw new InvalidOperationException("Cannot read " + type.Kind),
        };
        return orNull ? $"{reader}.IsNull() ? {NullOf(type)} : {value}" : value;
    }

    /// <summary>A <c>JsonValueReader&lt;T&gt;</c> for list items and map values, honouring the reference's nullability.</summary>
    public string ItemReader(TypeRef type, int depth)
    {
        if (!type.IsNullable && type.Kind == TypeKind.File)
        {
            return Files + ".ReadFileItem";
        }

        if (!type.IsNullable && Primitive(type) is { } primitive)
        {
            return Values + ".Read" + primitive;
        }

        if (!type.IsNullable && type.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union)
        {
            return _types.Named(type.Name!) + ".ReadJson";
        }

        string r = "r" + depth.ToString(CultureInfo.InvariantCulture);
        return $"static (ref {ReaderType} {r}) => {Read(type, r, type.IsNullable, depth)}";
    }

    /// <summary>A <c>JsonValueWriter&lt;T&gt;</c> for list items, map values and model-typed properties.</summary>
    public string ItemWriter(TypeRef type, int depth)
    {
        if (!type.IsNullable && type.Kind == TypeKind.File)
        {
            return Files + ".WriteFileItem";
        }

        if (!type.IsNullable && Primitive(type) is { } primitive)
        {
            return Values + ".Write" + primitive;
        }

        if (!type.IsNullable && type.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union)
        {
            return _types.Named(type.Name!) + ".WriteJson";
        }

        string w = "w" + depth.ToString(CultureInfo.InvariantCulture);
        string v = "x" + depth.ToString(CultureInfo.InvariantCulture);
        string nonNull = type.IsNullable && type.IsValueType ? v + ".Value" : v;
        string write = WriteValue(type, w, nonNull, depth);
        return type.IsNullable
            ? $"static ({w}, {v}) => {{ if ({v} is null) {w}.WriteNullValue(); else {write} }}"
            : $"static ({w}, {v}) => {{ {write} }}";
    }

    /// <summary>
    /// The statement writing one property of a model. <paramref name="optional"/>: a <see langword="null"/> value is
    /// left out; otherwise a nullable value is written as <c>null</c>.
    /// </summary>
    public string WriteProperty(TypeRef type, string writer, string name, string value, bool optional)
    {
        bool maybeNull = optional || type.IsNullable;
        string mode = !maybeNull ? "Required" : optional ? "Optional" : "Nullable";

        // Every call names one runtime method for its type (WriteRequiredInt64, WriteOptionalString...): a big spec
        // has thousands of them, and one candidate binds much faster than an overload set such as Utf8JsonWriter's.
        return type.Kind switch
        {
            TypeKind.Any when !maybeNull => $"{writer}.WriteElement({name}, {value});",
            TypeKind.Date => $"{writer}.Write{mode}Date({name}, {value});",
            _ when Primitive(type) is { } primitive => $"{writer}.Write{mode}{primitive}({name}, {value});",

            // A generated type writes itself as a property; an optional one that is null is left out by the ?.
            TypeKind.Object or TypeKind.Enum or TypeKind.Union when !maybeNull => $"{value}.WriteJsonProperty({writer}, {name});",
            TypeKind.Object or TypeKind.Enum or TypeKind.Union when optional => $"{value}?.WriteJsonProperty({writer}, {name});",

            // Lists and maps name their item writer; the item type comes from the value, so no lambda is bound.
            TypeKind.Array => $"{writer}.Write{mode}List({name}, {value}, {ItemWriter(type.Element!, 1)});",
            TypeKind.Map => $"{writer}.Write{mode}Map({name}, {value}, {ItemWriter(type.Element!, 1)});",

            // What is left is a generated type that is required and may be null: written as null when it is.
            TypeKind.Enum => $"{writer}.WriteNullableValue({name}, {value}, {ItemWriter(type with { IsNullable = false }, 1)});",
            _ => $"{writer}.WriteNullable({name}, {value}, {ItemWriter(type with { IsNullable = false }, 1)});",
        };
    }

    /// <summary>A statement writing a value that is not null, as a JSON value (no property name).</summary>
    public string WriteValue(TypeRef type, string writer, string value, int depth) => type.Kind switch
    {
        TypeKind.String or TypeKind.Guid => $"{writer}.WriteStringValue({value});",
        TypeKind.DateTimeOffset => $"{Codec}.WriteDateTimeOffset({writer}, {value});",
        TypeKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => $"{writer}.WriteNumberValue({value});",
        TypeKind.Date => _types.HasDateOnly ? $"{Codec}.WriteDateOnly({writer}, {value});" : $"{Codec}.WriteDate({writer}, {value});",
        TypeKind.Bytes => $"{writer}.WriteBase64StringValue({value});",
        TypeKind.File => $"{writer}.WriteFileValue({value});",
        TypeKind.Any => $"{Codec}.WriteElement({writer}, {value});",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => $"{_types.Named(type.Name!)}.WriteJson({writer}, {value});",
        TypeKind.Array => $"{Codec}.WriteList({writer}, {value}, {ItemWriter(type.Element!, depth + 1)});",
        TypeKind.Map => $"{Codec}.WriteMap({writer}, {value}, {ItemWriter(type.Element!, depth + 1)});",
        _ => throw new InvalidOperationException("Cannot write " + type.Kind),
    };

    /// <summary>The suffix of the runtime's <c>Read…</c>/<c>Write…</c> members for a primitive, else null.</summary>
    private string? Primitive(TypeRef type) => type.Kind switch
    {
        TypeKind.String => "String",
        TypeKind.Boolean => "Boolean",
        TypeKind.Int32 => "Int32",
        TypeKind.Int64 => "Int64",
        TypeKind.Single => "Single",
        TypeKind.Double => "Double",
        TypeKind.Decimal => "Decimal",
        TypeKind.DateTimeOffset => "DateTimeOffset",
        TypeKind.Date => _types.HasDateOnly ? "DateOnly" : "Date",
        TypeKind.Guid => "Guid",
        TypeKind.Bytes => "Bytes",
        TypeKind.File => "File",
        TypeKind.Any => "Element",
        _ => null,
    };

    private string NullOf(TypeRef type) => type.IsValueType ? $"default({_types.NonNull(type)}?)" : "null";
}
