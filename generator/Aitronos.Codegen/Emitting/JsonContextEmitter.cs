using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// Emits the spec's type-info resolver: JSON metadata for every generated type and for the lists, maps and
/// primitives that operations send or receive, from the types' own converters, never from reflection.
/// (System.Text.Json's own source generator cannot see generated types, so this stands in for it.)
/// </summary>
internal static class JsonContextEmitter
{
    private const string Metadata = "AcgJson.Serialization.Metadata";

    public static string Emit(SpecSettings settings, ApiModel api, TargetFacts facts)
    {
        // Inside the class, a generated type's simple name could bind to one of its members in expressions. The
        // spelling asks only when emitting, after the context has named those members.
        EmitContext context = null!;
        context = new EmitContext(settings, name => context.TypeInfoMemberNames.Contains(name), api, facts);
        SourceWriter writer = context.StartFile(importSerialization: true);
        string self = context.Context;

        writer.Doc("summary", "JSON metadata for the types of " + api.Title + ", without reflection: safe for trimming and Native AOT. Use it with System.Text.Json to (de)serialize these types yourself: Options resolves every generated type.");
        writer.OpenBlock($"{context.Accessibility} sealed partial class {self} : {Metadata}.IJsonTypeInfoResolver");
        writer.Line($"private static readonly AcgJson.JsonSerializerOptions s_options = new() {{ TypeInfoResolver = new {self}() }};");
        writer.Line();
        writer.DocXml("<summary>The shared instance, bound to <see cref=\"Options\"/>.</summary>");
        writer.Line($"public static {self} Default {{ get; }} = ({self})s_options.TypeInfoResolver!;");
        writer.Line();
        writer.Doc("summary", "Serializer options that resolve every type of this API through this context.");
        writer.Line("public static AcgJson.JsonSerializerOptions Options => s_options;");

        foreach (var pair in context.TypeInfoMembers)
        {
            // No cached field per member: the options cache the metadata, and a lookup there is nothing beside a request.
            string typeName = context.Types.Of(pair.Key);
            writer.Line();
            if (pair.Key.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union)
            {
                writer.DocXml($"<summary>JSON metadata for <see cref=\"{typeName.Replace("global::", string.Empty)}\"/>.</summary>");
            }

            string visibility = pair.Key.Kind is TypeKind.Object or TypeKind.Enum or TypeKind.Union ? "public" : "internal";
            writer.Line($"{visibility} {Metadata}.JsonTypeInfo<{typeName}> {pair.Value} => Get<{typeName}>();");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.OpenBlock($"public {Metadata}.JsonTypeInfo? GetTypeInfo(global::System.Type type, AcgJson.JsonSerializerOptions options)");
        foreach (TypeModel type in api.Types)
        {
            string typeName = context.Types.Named(type.Name);
            writer.Line($"if (type == typeof({typeName})) return Create(options, new {typeName}.JsonConverter());");
        }

        foreach (TypeRef serialized in api.SerializedTypes)
        {
            if (serialized.Kind is not (TypeKind.Object or TypeKind.Enum or TypeKind.Union))
            {
                string typeName = context.Types.Of(serialized);
                writer.Line($"if (type == typeof({typeName})) return Create(options, AcgRuntime.JsonCodec.CreateConverter<{typeName}>({context.Json.ItemReader(serialized, 0)}, {context.Json.ItemWriter(serialized, 0)}));");
            }
        }

        writer.Line("return null;");
        writer.CloseBlock();
        writer.Line();
        // Looked up in the options once per type, then a static field: every call of the client reads one of these.
        writer.Line($"private static {Metadata}.JsonTypeInfo<T> Get<T>() => TypeInfoOf<T>.Value ??= ({Metadata}.JsonTypeInfo<T>)s_options.GetTypeInfo(typeof(T));");
        writer.Line();
        writer.Line($"private static class TypeInfoOf<T> {{ public static {Metadata}.JsonTypeInfo<T>? Value; }}");
        writer.Line();
        writer.Line($"private static {Metadata}.JsonTypeInfo<T> Create<T>(AcgJson.JsonSerializerOptions options, AcgJson.Serialization.JsonConverter<T> converter) =>");
        writer.Line($"\t{Metadata}.JsonMetadataServices.CreateValueInfo<T>(options, converter);");
        writer.CloseBlock();
        return EmitContext.FinishFile(writer);
    }
}
