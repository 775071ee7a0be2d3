using System;
using System.Globalization;
using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// The C# that reads or writes one value of a <see cref="TypeRef"/> with Utf8JsonReader/Utf8JsonWriter,
/// through the runtime's JsonCodec. Nested lists and maps become nested static lambdas.
/// </summary>
internal sealed class JsonCode
{
    internal const string Codec = "global::Aitronos.Codegen.Runtime.JsonCodec";
    internal const string ReaderType = "global::System.Text.Json.Utf8JsonReader";
    internal const string WriterType = "global::System.Text.Json.Utf8JsonWriter";

    private readonly TypeSpelling _types;
    private readonly string _contextName;

    public JsonCode(TypeSpelling types, string contextName)
    {
        _types = types;
        _contextName = contextName;
    }

    public string ConverterName(string typeName) => _types.Named(_contextName) + "." + typeName + "Converter";

    /// <summary>An expression reading the value at <paramref name="reader"/>, honouring the reference's nullability.</summary>
    public string Read(TypeRef type, string reader, int depth = 0)
    {
        string value = ReadNonNull(type, reader, depth);
        return type.IsNullable
            ? $"{reader}.TokenType == global::System.Text.Json.JsonTokenType.Null ? default({_types.Of(type)}) : {value}"
            : value;
    }

    public string ReadNonNull(TypeRef type, string reader, int depth = 0) => type.Kind switch
    {
        TypeKind.String => $"{Codec}.ReadString(ref {reader})",
        TypeKind.Boolean => $"{Codec}.ReadBoolean(ref {reader})",
        TypeKind.Int32 => $"{Codec}.ReadInt32(ref {reader})",
        TypeKind.Int64 => $"{Codec}.ReadInt64(ref {reader})",
        TypeKind.Single => $"{Codec}.ReadSingle(ref {reader})",
        TypeKind.Double => $"{Codec}.ReadDouble(ref {reader})",
        TypeKind.Decimal => $"{Codec}.ReadDecimal(ref {reader})",
        TypeKind.DateTimeOffset => $"{Codec}.ReadDateTimeOffset(ref {reader})",
        TypeKind.Date => _types.HasDateOnly ? $"{Codec}.ReadDateOnly(ref {reader})" : $"{Codec}.ReadDate(ref {reader})",
        TypeKind.Guid => $"{Codec}.ReadGuid(ref {reader})",
        TypeKind.Bytes => $"{Codec}.ReadBytes(ref {reader})",
        TypeKind.Any => $"{Codec}.ReadElement(ref {reader})",
        TypeKind.Object => $"{ConverterName(type.Name!)}.ReadValue(ref {reader})",
        TypeKind.Enum => $"new {_types.Named(type.Name!)}({Codec}.ReadString(ref {reader}))",
        TypeKind.Array => $"{Codec}.ReadList<{_types.Of(type.Element!)}>(ref {reader}, {ItemReader(type.Element!, depth + 1)})",
        TypeKind.Map => $"{Codec}.ReadMap<{_types.Of(type.Element!)}>(ref {reader}, {ItemReader(type.Element!, depth + 1)})",
        _ => throw new InvalidOperationException("Cannot read " + type.Kind),
    };

    /// <summary>A static lambda usable as <c>JsonValueReader&lt;T&gt;</c>.</summary>
    public string ItemReader(TypeRef type, int depth)
    {
        string r = "r" + depth.ToString(CultureInfo.InvariantCulture);
        return $"static (ref {ReaderType} {r}) => {Read(type, r, depth)}";
    }

    /// <summary>A static lambda usable as <c>JsonValueWriter&lt;T&gt;</c>.</summary>
    public string ItemWriter(TypeRef type, int depth)
    {
        string w = "w" + depth.ToString(CultureInfo.InvariantCulture);
        string v = "item" + depth.ToString(CultureInfo.InvariantCulture);
        return $"static ({w}, {v}) => {{ {Write(type, w, v, depth)} }}";
    }

    /// <summary>Statements writing <paramref name="value"/>, honouring the reference's nullability.</summary>
    public string Write(TypeRef type, string writer, string value, int depth = 0)
    {
        if (!type.IsNullable)
        {
            return WriteNonNull(type, writer, value, depth);
        }

        // No pattern variable here: several of these stand side by side in one method.
        string nonNull = type.IsValueType ? value + ".Value" : value;
        return $"if ({value} is null) {{ {writer}.WriteNullValue(); }} else {{ {WriteNonNull(type, writer, nonNull, depth)} }}";
    }

    public string WriteNonNull(TypeRef type, string writer, string value, int depth = 0) => type.Kind switch
    {
        TypeKind.String or TypeKind.DateTimeOffset or TypeKind.Guid => $"{writer}.WriteStringValue({value});",
        TypeKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => $"{writer}.WriteNumberValue({value});",
        TypeKind.Date => _types.HasDateOnly ? $"{Codec}.WriteDateOnly({writer}, {value});" : $"{Codec}.WriteDate({writer}, {value});",
        TypeKind.Bytes => $"{writer}.WriteBase64StringValue({value});",
        TypeKind.Any => $"{Codec}.WriteElement({writer}, {value});",
        TypeKind.Object => $"{ConverterName(type.Name!)}.WriteValue({writer}, {value});",
        TypeKind.Enum => $"{writer}.WriteStringValue({value}.Value);",
        TypeKind.Array => $"{Codec}.WriteList<{_types.Of(type.Element!)}>({writer}, {value}, {ItemWriter(type.Element!, depth + 1)});",
        TypeKind.Map => $"{Codec}.WriteMap<{_types.Of(type.Element!)}>({writer}, {value}, {ItemWriter(type.Element!, depth + 1)});",
        _ => throw new InvalidOperationException("Cannot write " + type.Kind),
    };
}
