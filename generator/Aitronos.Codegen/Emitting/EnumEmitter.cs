using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// Emits a string enum as an open enum: a struct with the known values as static properties that also
/// holds any value a newer server sends, so a new enum member never breaks a shipped client.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(SpecSettings settings, TypeModel type)
    {
        // Inside the struct only its own name is used, and its members never shadow it.
        var context = new EmitContext(settings, static _ => false);
        SourceWriter writer = context.StartFile();
        string name = type.Name;

        writer.Doc("summary", type.Description);
        writer.Line("/// <remarks>An open enum: values the API description does not list are kept as they come.</remarks>");
        if (type.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        writer.Line($"[AcgJson.Serialization.JsonConverter(typeof({name}.JsonConverter))]");
        writer.OpenBlock($"{context.Accessibility} readonly partial struct {name} : global::System.IEquatable<{name}>");
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Doc("summary", "Creates a value, known or not, as it appears in JSON.");
        writer.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Line();
        foreach (EnumMemberModel member in type.EnumMembers)
        {
            writer.Line($"public static {name} {member.CSharpName} {{ get; }} = new({CSharpLiterals.String(member.Value)});");
        }

        writer.Line();
        writer.Doc("summary", "The value as it appears in JSON.");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line("public override string ToString() => Value;");
        writer.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        writer.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        writer.Line($"public static implicit operator {name}(string value) => new(value);");
        writer.Line();
        writer.Line($"internal static {name} ReadJson(ref {JsonCode.ReaderType} r) => new({JsonCode.Codec}.ReadString(ref r));");
        writer.Line($"internal static void WriteJson({JsonCode.WriterType} w, {name} v) => w.WriteStringValue(v.Value);");
        writer.Line($"internal void WriteJsonProperty({JsonCode.WriterType} w, AcgJson.JsonEncodedText name) => w.WriteString(name, Value);");
        writer.Line($"internal sealed class JsonConverter : AcgRuntime.Serialization.JsonModelConverter<{name}> {{ public JsonConverter() : base(ReadJson, WriteJson) {{ }} }}");
        writer.CloseBlock();
        return EmitContext.FinishFile(writer);
    }
}
