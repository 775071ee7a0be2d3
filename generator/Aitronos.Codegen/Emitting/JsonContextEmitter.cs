using System.Collections.Generic;
using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// Emits the spec's type-info resolver: JSON metadata for every generated type and for the lists, maps and
/// primitives that operations send or receive, built from generated converters, never from reflection.
/// (System.Text.Json's own source generator cannot see generated types, so this stands in for it.)
/// </summary>
internal static class JsonContextEmitter
{
    private const string Metadata = "global::System.Text.Json.Serialization.Metadata";

    public static string Emit(EmitContext context)
    {
        ApiModel api = context.Api;
        SourceWriter writer = context.StartFile();
        string self = context.Types.Named(context.Context);

        writer.Doc("summary", "JSON metadata for the types of " + api.Title + ", without reflection: safe for trimming and Native AOT. Use it with System.Text.Json to (de)serialize these types yourself.");
        writer.OpenBlock($"{context.Accessibility} sealed partial class {context.Context} : {Metadata}.IJsonTypeInfoResolver");
        writer.Line($"private static readonly global::System.Text.Json.JsonSerializerOptions s_options = new() {{ TypeInfoResolver = new {self}() }};");
        writer.Line();
        writer.DocXml("<summary>The shared instance, bound to <see cref=\"Options\"/>.</summary>");
        writer.Line($"public static {self} Default {{ get; }} = ({self})s_options.TypeInfoResolver!;");
        writer.Line();
        writer.Doc("summary", "Serializer options that resolve every type of this API through this context.");
        writer.Line("public static global::System.Text.Json.JsonSerializerOptions Options => s_options;");

        var entries = new List<(string Member, string TypeName, string Factory, bool IsPublic)>();
        foreach (var pair in context.TypeInfoMembers)
        {
            TypeRef type = pair.Key;
            if (type.Kind is TypeKind.Object or TypeKind.Enum)
            {
                entries.Add((pair.Value, context.Types.Named(type.Name!), $"new {type.Name}Converter()", true));
            }
            else
            {
                string spelled = context.Types.Of(type);
                string factory = $"global::Aitronos.Codegen.Runtime.JsonCodec.CreateConverter<{spelled}>({context.Json.ItemReader(type, 0)}, {context.Json.ItemWriter(type, 0)})";
                entries.Add((pair.Value, spelled, factory, false));
            }
        }

        foreach (var (member, typeName, _, isPublic) in entries)
        {
            writer.Line();
            writer.Line($"private {Metadata}.JsonTypeInfo<{typeName}>? _{member};");
            writer.Line();
            if (isPublic)
            {
                writer.DocXml($"<summary>JSON metadata for <see cref=\"{typeName.Replace("global::", string.Empty)}\"/>.</summary>");
            }

            writer.Line($"{(isPublic ? "public" : "internal")} {Metadata}.JsonTypeInfo<{typeName}> {member} => _{member} ??= ({Metadata}.JsonTypeInfo<{typeName}>)s_options.GetTypeInfo(typeof({typeName}));");
        }

        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.OpenBlock($"public {Metadata}.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        foreach (var (_, typeName, factory, _) in entries)
        {
            writer.Line($"if (type == typeof({typeName})) return {Metadata}.JsonMetadataServices.CreateValueInfo<{typeName}>(options, {factory});");
        }

        writer.Line("return null;");
        writer.CloseBlock();
        writer.CloseBlock();
        return EmitContext.FinishFile(writer);
    }
}
