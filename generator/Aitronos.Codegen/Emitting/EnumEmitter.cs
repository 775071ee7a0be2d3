using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// Emits a string enum as an open enum: a struct with the known values as static properties that also
/// holds any value a newer server sends, so a new enum member never breaks a shipped client.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(EmitContext context, TypeModel type)
    {
        SourceWriter writer = context.StartFile();
        string name = type.Name;
        string fullName = context.Types.Named(name);

        writer.Doc("summary", type.Description ?? "The '" + name + "' values.");
        writer.Line("/// <remarks>An open enum: values the API description does not list are kept as they come.</remarks>");
        if (type.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({context.Json.ConverterName(name)}))]");
        writer.OpenBlock($"{context.Accessibility} readonly partial struct {name} : global::System.IEquatable<{fullName}>");
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Doc("summary", "Creates a value, known or not.");
        writer.Doc("param", "The value as it appears in JSON.", "name=\"value\"");
        writer.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Line();
        foreach (EnumMemberModel member in type.EnumMembers)
        {
            writer.Doc("summary", "The value '" + member.Value + "'.");
            writer.Line($"public static {fullName} {member.CSharpName} {{ get; }} = new({CSharpLiterals.String(member.Value)});");
            writer.Line();
        }

        writer.Doc("summary", "The value as it appears in JSON.");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public bool Equals({fullName} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override bool Equals(object? obj) => obj is {fullName} other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override string ToString() => Value;");
        writer.Line();
        writer.Doc("summary", "Compares two values.");
        writer.Line($"public static bool operator ==({fullName} left, {fullName} right) => left.Equals(right);");
        writer.Line();
        writer.Doc("summary", "Compares two values.");
        writer.Line($"public static bool operator !=({fullName} left, {fullName} right) => !left.Equals(right);");
        writer.Line();
        writer.Doc("summary", "Converts a JSON value to the enum.");
        writer.Line($"public static implicit operator {fullName}(string value) => new(value);");
        writer.CloseBlock();
        writer.Line();

        writer.OpenBlock($"partial class {context.Context}");
        writer.OpenBlock($"internal sealed class {name}Converter : global::System.Text.Json.Serialization.JsonConverter<{fullName}>");
        writer.Line($"public override {fullName} Read(ref {JsonCode.ReaderType} reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader);");
        writer.Line();
        writer.Line($"public override void Write({JsonCode.WriterType} writer, {fullName} value, global::System.Text.Json.JsonSerializerOptions options) => WriteValue(writer, value);");
        writer.Line();
        writer.Line($"internal static {fullName} ReadValue(ref {JsonCode.ReaderType} reader) => new({JsonCode.Codec}.ReadString(ref reader));");
        writer.Line();
        writer.Line($"internal static void WriteValue({JsonCode.WriterType} writer, {fullName} value) => writer.WriteStringValue(value.Value);");
        writer.CloseBlock();
        writer.CloseBlock();
        return EmitContext.FinishFile(writer);
    }
}
