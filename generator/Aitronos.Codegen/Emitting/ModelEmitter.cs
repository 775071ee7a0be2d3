using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// Emits one object schema as a sealed record that reads and writes itself: a reading constructor that switches on the
/// index the runtime's name table finds for each property and sets it, a <c>WriteJson</c> with pre-encoded names, and
/// a nested converter for System.Text.Json. Reflection-free; the loop and the lookups live in the runtime, once.
/// </summary>
internal static class ModelEmitter
{
    private const string Dictionary = "global::System.Collections.Generic.Dictionary<string, ";
    private const string ReadOnlyDictionary = "global::System.Collections.Generic.IReadOnlyDictionary<string, ";
    private const string JsonElement = "AcgJson.JsonElement";

    /// <summary>The base model's property holding the JSON properties the schema does not name, untyped.</summary>
    private const string BaseAdditional = "AdditionalProperties";

    public static string Emit(SpecSettings settings, TypeModel type)
    {
        var context = new EmitContext(settings, MemberNames(type).Contains);
        SourceWriter writer = context.StartFile(importSerialization: true, readingConstructor: true);
        string name = type.Name;

        writer.Doc("summary", type.Description);
        if (type.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        writer.Line($"[AcgJson.Serialization.JsonConverter(typeof({name}.JsonConverter))]");
        // A model with optional properties keeps which came as null inline; one without has nothing to keep (8 bytes less).
        string baseType = type.Properties.Any(p => !p.Required) ? "JsonModelWithOptionals" : "JsonModel";
        writer.OpenBlock($"{context.Accessibility} sealed partial record {name} : AcgRuntime.{baseType}");
        writer.Line($"public {name}() {{ }}");
        writer.Line();
        bool previousDocumented = false;
        bool first = true;
        int index = -1;
        foreach (PropertyModel property in type.Properties)
        {
            index++;
            // A blank line sets a documented property apart; undocumented one-liners stand together.
            bool documented = !string.IsNullOrWhiteSpace(property.Description) || property.Deprecated;
            if (!first && (documented || previousDocumented))
            {
                writer.Line();
            }

            first = false;
            previousDocumented = documented;
            writer.Doc("summary", property.Description);
            if (property.Deprecated && !property.Required)
            {
                writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
            }
            else if (property.Deprecated)
            {
                // C# forbids [Obsolete] on a required member (CS9042); say it in the docs instead.
                writer.Line("/// <remarks>Deprecated in the API description.</remarks>");
            }

            if (SendsNull(type, property))
            {
                // Assigned records that null was assigned, not left out: it is then sent as null (PATCH semantics). The
                // field is named by the property's index, which is short and cannot clash (GitHub has ~100 of these).
                string field = "_" + I(index);
                writer.Line($"public {Hides(property.CSharpName)}{PropertyType(context, property)} {property.CSharpName} {{ get => {field}; init => {field} = Assigned({I(index)}, value); }}");
                writer.Line($"private {PropertyType(context, property)} {field};");
            }
            else
            {
                writer.Line($"public {Hides(property.CSharpName)}{(property.Required ? "required " : string.Empty)}{PropertyType(context, property)} {property.CSharpName} {{ get; init; }}");
            }
        }

        if (!first)
        {
            writer.Line();
        }

        // The untyped dictionary is the base model's (held beside its read report, so a model without any pays no field);
        // a typed one, or one renamed because a property took the name, is the model's own.
        string additionalType = AdditionalType(context, type);
        if (OwnsAdditional(type))
        {
            writer.Doc("summary", "JSON properties the schema does not name, kept and written back as they came.");
            writer.Line($"public {Hides(type.AdditionalPropertiesName)}{ReadOnlyDictionary}{additionalType}>? {type.AdditionalPropertiesName} {{ get; init; }}");
            writer.Line();
        }

        var arguments = new List<string> { CSharpLiterals.String(name) };
        if (type.Properties.Any(p => p.Required))
        {
            arguments.Add("required: new[] { " + string.Join(", ", type.Properties.Select((p, i) => (p, i)).Where(x => x.p.Required).Select(x => I(x.i))) + " }");
        }

        arguments.AddRange(type.Properties.Select(p => CSharpLiterals.String(p.JsonName)));
        writer.Line($"private static readonly AcgRuntime.Serialization.JsonPropertyNames s_names = new({string.Join(", ", arguments)});");
        writer.Line();
        EmitRead(context, writer, type, additionalType);
        writer.Line();
        EmitWrite(context, writer, type);
        writer.Line();
        writer.Line($"internal sealed class JsonConverter : AcgRuntime.Serialization.JsonModelConverter<{name}> {{ public JsonConverter() : base(ReadJson, WriteJson) {{ }} }}");
        writer.CloseBlock();
        return EmitContext.FinishFile(writer);
    }

    /// <summary>The names that a simple name could bind to inside the record, before a generated type of that name.</summary>
    private static HashSet<string> MemberNames(TypeModel type)
    {
        var names = new HashSet<string>(ReservedMemberNames.Record, System.StringComparer.Ordinal) { "GetType", "MemberwiseClone", BaseAdditional, type.AdditionalPropertiesName };
        foreach (PropertyModel property in type.Properties)
        {
            names.Add(property.CSharpName);
        }

        return names;
    }

    private static void EmitRead(EmitContext context, SourceWriter writer, TypeModel type, string additionalType)
    {
        JsonCode json = context.Json;

        // The reader is a constructor, so each value goes straight into its property; the names table records which
        // properties came. A value the schema does not describe is recorded by the catch block and the object
        // reads on; Finish names the missing required ones and keeps the object's JSON when anything was wrong.
        writer.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
        writer.OpenBlock($"private {type.Name}(ref {JsonCode.ReaderType} r)");
        writer.Line("var start = r;");
        writer.Line($"{Dictionary}{additionalType}>? extra = null;");
        writer.Line("int i = s_names.First(ref r, out var seen);");
        writer.OpenStatement("for (; i != -1; i = s_names.Next(ref r, i, ref seen))");
        writer.OpenBlock("try");
        writer.OpenBlock("switch (i)");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];

            // Required and not nullable: JSON null is an error. Otherwise null reads as null (for an optional
            // property: as absent, whatever the schema says of null).
            bool orNull = !property.Required || property.Type.IsNullable;
            writer.Line($"case {I(i)}: {property.CSharpName} = {json.Read(property.Type, "r", orNull)}; break;");
        }

        string readExtra = type.AdditionalPropertiesType is { } extraType
            ? $"r.ReadAdditional(ref extra, {json.ItemReader(extraType, 1)});"
            : "r.ReadAdditional(ref extra);";
        writer.Line($"default: {readExtra} break;");
        writer.CloseBlock();
        writer.CloseBlock();
        // A catch that rethrows what it does not record, not an exception filter: the compiler pays about 10% more for
        // compiling a big client with a filter in every model (benchmarks/CompileDirs on GitHub's output). Nothing in
        // the try has a finally, so the two differ only in when Mistyped runs; `throw;` keeps the original stack.
        writer.Line("catch (global::System.Exception e) { if (!s_names.Mistyped(ref r, i, e, ref seen)) throw; }");
        writer.CloseStatement();
        writer.Line();
        writer.Line($"{type.AdditionalPropertiesName} = extra;");
        writer.Line("s_names.Finish(this, in seen, ref start);");
        writer.CloseBlock();
        writer.Line();
        writer.Line($"internal static {type.Name} ReadJson(ref {JsonCode.ReaderType} r) => new(ref r);");
    }

    private static void EmitWrite(EmitContext context, SourceWriter writer, TypeModel type)
    {
        JsonCode json = context.Json;
        writer.OpenBlock($"internal static void WriteJson({JsonCode.WriterType} w, {type.Name} v)");

        // A model read with problems holds defaults where the JSON had nothing readable: it writes what it was read from.
        writer.Line("if (!w.StartObject(v)) return;");
        for (int i = 0; i < type.Properties.Count; i++)
        {
            PropertyModel property = type.Properties[i];
            writer.Line(json.WriteProperty(property.Type, "w", $"s_names[{I(i)}]", "v." + property.CSharpName, optional: !property.Required));
        }

        writer.Line(type.AdditionalPropertiesType is { } extraType
            ? $"w.WriteAdditional(v.{type.AdditionalPropertiesName}, s_names, {json.ItemWriter(extraType, 1)});"
            : $"w.WriteAdditional(v.{type.AdditionalPropertiesName}, s_names);");
        writer.Line("w.EndObject(v, s_names);");
        writer.CloseBlock();
        writer.Line();
        writer.Line($"protected override void WriteJsonValue({JsonCode.WriterType} w) => WriteJson(w, this);");

        // ToString prints the JSON members; C# would otherwise synthesize a PrintMembers with code per property.
        writer.Line("protected override bool PrintMembers(global::System.Text.StringBuilder builder) => PrintJson(builder);");
    }

    /// <summary>Whether the model declares its own additional-properties member rather than using the base model's.</summary>
    private static bool OwnsAdditional(TypeModel type) =>
        type.AdditionalPropertiesType is not null || type.AdditionalPropertiesName != BaseAdditional;

    /// <summary><c>new </c> for a member that hides the base model's <c>AdditionalProperties</c>.</summary>
    private static string Hides(string memberName) => memberName == BaseAdditional ? "new " : string.Empty;

    /// <summary>An optional property that may be null, in a model a request body uses: null assigned is sent as null.</summary>
    private static bool SendsNull(TypeModel type, PropertyModel property) => type.SendsNulls && !property.Required && property.Type.IsNullable;

    private static string PropertyType(EmitContext context, PropertyModel property) =>
        property.Required ? context.Types.Of(property.Type) : context.Types.Nullable(property.Type);

    private static string AdditionalType(EmitContext context, TypeModel type) =>
        type.AdditionalPropertiesType is { } additional ? context.Types.Of(additional) : JsonElement;

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);
}
