using System.Globalization;
using System.Linq;
using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>Emits one object schema as a sealed record and its reflection-free JSON converter.</summary>
internal static class ModelEmitter
{
    private const string JsonElement = "global::System.Text.Json.JsonElement";

    public static string Emit(EmitContext context, TypeModel type)
    {
        SourceWriter writer = context.StartFile();
        string fullName = context.Types.Named(type.Name);

        writer.Doc("summary", type.Description ?? "The '" + type.Name + "' schema.");
        if (type.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({context.Json.ConverterName(type.Name)}))]");
        writer.OpenBlock($"{context.Accessibility} sealed partial record {type.Name}");
        bool first = true;
        foreach (PropertyModel property in type.Properties)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.Doc("summary", property.Description ?? "The '" + property.JsonName + "' property.");
            if (property.Deprecated && !property.Required)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
            }
            else if (property.Deprecated)
            {
                // C# forbids [Obsolete] on a required member (CS9042); say it in the docs instead.
                writer.Line("/// <remarks>Deprecated in the API description.</remarks>");
            }

            writer.Line($"public {(property.Required ? "required " : string.Empty)}{PropertyType(context, property)} {property.CSharpName} {{ get; init; }}");
        }

        if (!first)
        {
            writer.Line();
        }

        writer.Doc("summary", "Properties the API description does not name: kept from responses and written back as they came, so nothing the server sends is lost.");
        writer.Line($"public global::System.Collections.Generic.IReadOnlyDictionary<string, {AdditionalType(context, type)}>? {type.AdditionalPropertiesName} {{ get; init; }}");
        writer.CloseBlock();
        writer.Line();

        EmitConverter(context, writer, type, fullName);
        return EmitContext.FinishFile(writer);
    }

    private static string PropertyType(EmitContext context, PropertyModel property) =>
        property.Required ? context.Types.Of(property.Type) : context.Types.Nullable(property.Type);

    private static string AdditionalType(EmitContext context, TypeModel type) =>
        type.AdditionalPropertiesType is { } additional ? context.Types.Of(additional) : JsonElement;

    private static void EmitConverter(EmitContext context, SourceWriter writer, TypeModel type, string fullName)
    {
        JsonCode json = context.Json;
        writer.OpenBlock($"partial class {context.Context}");
        writer.OpenBlock($"internal sealed class {type.Name}Converter : global::System.Text.Json.Serialization.JsonConverter<{fullName}>");
        writer.Line($"private static readonly string[] s_knownNames = {{ {string.Join(", ", type.Properties.Select(p => CSharpLiterals.String(p.JsonName)))} }};");
        writer.Line();
        writer.Line("// A JSON null is this converter's to judge: where the type is expected, null is an error, not a null object.");
        writer.Line("public override bool HandleNull => true;");
        writer.Line();
        writer.Line($"public override {fullName} Read(ref {JsonCode.ReaderType} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader);");
        writer.Line();
        writer.OpenBlock($"public override void Write({JsonCode.WriterType} writer, {fullName}? value, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("if (value is null) writer.WriteNullValue();");
        writer.Line("else WriteValue(writer, value);");
        writer.CloseBlock();
        writer.Line();

        // Read
        writer.OpenBlock($"internal static {fullName} ReadValue(ref {JsonCode.ReaderType} reader)");
        writer.Line($"{JsonCode.Codec}.ExpectStartObject(ref reader, {CSharpLiterals.String(type.Name)});");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            string local = Local(context, property);
            writer.Line($"{local} p{I(i)} = default;");
            if (property.Required)
            {
                writer.Line($"bool has{I(i)} = false;");
            }
        }

        string additionalType = AdditionalType(context, type);
        writer.Line($"global::System.Collections.Generic.Dictionary<string, {additionalType}>? additional = null;");
        writer.OpenBlock($"while ({JsonCode.Codec}.NextProperty(ref reader))");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            writer.OpenBlock($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({CSharpLiterals.Utf8(property.JsonName)}))");
            writer.Line($"{JsonCode.Codec}.MoveToValue(ref reader);");
            if (property.Required)
            {
                writer.Line($"p{I(i)} = {json.Read(property.Type, "reader")};");
                writer.Line($"has{I(i)} = true;");
            }
            else
            {
                // An optional property sent as null reads as absent, whatever the schema says of null.
                writer.Line($"p{I(i)} = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? default({context.Types.Nullable(property.Type)}) : {json.ReadNonNull(property.Type, "reader")};");
            }

            writer.CloseBlock();
        }

        writer.OpenBlock(type.Properties.Count == 0 ? "// Every property is additional." : "else");
        writer.Line("string name = reader.GetString()!;");
        writer.Line($"{JsonCode.Codec}.MoveToValue(ref reader);");
        writer.Line($"(additional ??= new global::System.Collections.Generic.Dictionary<string, {additionalType}>(global::System.StringComparer.Ordinal))[name] = {(type.AdditionalPropertiesType is { } extra ? json.Read(extra, "reader") : JsonCode.Codec + ".ReadElement(ref reader)")};");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            if (property.Required)
            {
                writer.Line($"if (!has{I(i)}) throw {JsonCode.Codec}.MissingProperty({CSharpLiterals.String(type.Name)}, {CSharpLiterals.String(property.JsonName)});");
            }
        }

        writer.OpenBlock($"return new {fullName}");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            bool bang = property.Required && !property.Type.IsNullable && !property.Type.IsValueType;
            writer.Line($"{property.CSharpName} = p{I(i)}{(bang ? "!" : string.Empty)},");
        }

        writer.Line($"{type.AdditionalPropertiesName} = additional,");
        writer.CloseBlock(";");
        writer.CloseBlock();
        writer.Line();

        // Write
        writer.OpenBlock($"internal static void WriteValue({JsonCode.WriterType} writer, {fullName} value)");
        writer.Line("writer.WriteStartObject();");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            string name = $"writer.WritePropertyName({CSharpLiterals.Utf8(property.JsonName)});";
            if (property.Required)
            {
                writer.Line(name);
                writer.Line(json.Write(property.Type, "writer", "value." + property.CSharpName));
            }
            else
            {
                writer.Line($"if (value.{property.CSharpName} is {{ }} v{I(i)}) {{ {name} {json.WriteNonNull(property.Type, "writer", "v" + I(i))} }}");
            }
        }

        if (type.AdditionalPropertiesType is { } typed)
        {
            writer.OpenBlock($"if (value.{type.AdditionalPropertiesName} is {{ }} additional)");
            writer.OpenBlock("foreach (var pair in additional)");
            writer.Line("if (global::System.Array.IndexOf(s_knownNames, pair.Key) >= 0) continue;");
            writer.Line("writer.WritePropertyName(pair.Key);");
            writer.Line(json.Write(typed, "writer", "pair.Value"));
            writer.CloseBlock();
            writer.CloseBlock();
        }
        else
        {
            writer.Line($"if (value.{type.AdditionalPropertiesName} is {{ }} additional) {JsonCode.Codec}.WriteAdditionalProperties(writer, additional, s_knownNames);");
        }

        writer.Line("writer.WriteEndObject();");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static string Local(EmitContext context, PropertyModel property) =>
        property.Required && (property.Type.IsValueType || property.Type.IsNullable)
            ? context.Types.Of(property.Type)
            : context.Types.Nullable(property.Type);

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);
}
