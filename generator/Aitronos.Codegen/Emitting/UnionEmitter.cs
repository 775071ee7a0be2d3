using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;

namespace Aitronos.Codegen.Emitting;

/// <summary>
/// Emits a union (<c>oneOf</c>/<c>anyOf</c>) as a sealed record over the runtime's <c>JsonUnion</c>: a constructor and
/// an implicit conversion per variant, <c>IsX</c>/<c>AsX</c>/<c>TryGetX</c>, exhaustive <c>Match</c>/<c>Switch</c>, and a
/// reader that chooses the variant before reading it (by the discriminator, else by the JSON token's kind, then by
/// property names), keeping JSON that matches none as the unknown variant. Reflection-free.
/// </summary>
internal static class UnionEmitter
{
    private const string Reading = "AcgRuntime.Serialization.JsonUnionReading";
    private const string JsonElement = "AcgJson.JsonElement";
    private const string Token = "AcgJson.JsonTokenType";

    public static string Emit(SpecSettings settings, TypeModel type, UnionModel union)
    {
        var members = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "Match", "Switch", "IsUnknown", "UnknownJson", "VariantIndex", "VariantValue", "ReadJson", "WriteJson", "Pick", "JsonConverter",
            "Finish", "WriteUnknown", "JsonReadProblems", "AdditionalProperties", "WriteJsonProperty", "WriteJsonValue", "PrintMembers", "PrintJson",
            "Equals", "GetHashCode", "ToString", "EqualityContract", "GetType", "MemberwiseClone", "s_discriminator", "s_shapes",
        };
        foreach (UnionVariantModel variant in union.Variants)
        {
            members.UnionWith(new[] { "Is" + variant.MemberName, "As" + variant.MemberName, "TryGet" + variant.MemberName });
        }

        var context = new EmitContext(settings, members.Contains);
        SourceWriter writer = context.StartFile(importSerialization: true);
        TypeSpelling types = context.Types;
        string name = type.Name;
        IReadOnlyList<UnionVariantModel> variants = union.Variants.ToList();

        writer.Doc("summary", type.Description);
        writer.DocXml("<remarks>" + Remarks(types, union) + "</remarks>");
        if (type.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        writer.Line($"[AcgJson.Serialization.JsonConverter(typeof({name}.JsonConverter))]");
        writer.OpenBlock($"{context.Accessibility} sealed partial record {name} : AcgRuntime.JsonUnion");
        for (int i = 0; i < variants.Count; i++)
        {
            writer.Line($"public {name}({types.NonNull(variants[i].Type)} value) : base({I(i + 1)}, value) {{ }}");
        }

        writer.Line($"private {name}(AcgRuntime.JsonUnionUnknown unknown) : base(unknown) {{ }}");
        foreach (UnionVariantModel variant in variants)
        {
            // C# has no user-defined conversion from an interface (lists, maps): those take the constructor.
            if (variant.Type.Kind is not (TypeKind.Array or TypeKind.Map))
            {
                writer.Line($"public static implicit operator {name}({types.NonNull(variant.Type)} value) => new(value);");
            }
        }

        for (int i = 0; i < variants.Count; i++)
        {
            UnionVariantModel variant = variants[i];
            string spelled = types.NonNull(variant.Type);
            string index = I(i + 1);
            writer.Line();
            writer.Line($"public bool Is{variant.MemberName} => VariantIndex == {index};");
            // A value type is unboxed straight to its nullable form: with (T) the null of the other branch would convert
            // to T itself where T converts from a string (an open enum), and AsX would hold T(null) instead of null.
            writer.Line(variant.Type.IsValueType
                ? $"public {spelled}? As{variant.MemberName} => VariantIndex == {index} ? ({spelled}?)VariantValue : null;"
                : $"public {spelled}? As{variant.MemberName} => VariantIndex == {index} ? ({spelled})VariantValue : null;");
            writer.Line($"public bool TryGet{variant.MemberName}(out {spelled} value) {{ bool held = VariantIndex == {index}; value = held ? ({spelled})VariantValue : default!; return held; }}");
        }

        writer.Line();
        var parameters = new HashSet<string>(System.StringComparer.Ordinal) { "unknown", "TResult" };
        var parameterNames = variants.Select(v => Parameter(v.MemberName, parameters)).ToList();
        writer.Doc("summary", "Calls the function for the variant held (unknown: JSON that matched no variant) and returns what it returns.");
        string funcs = string.Join(", ", variants.Select((v, i) => $"global::System.Func<{types.NonNull(v.Type)}, TResult> {parameterNames[i]}"));
        writer.OpenBlock($"public TResult Match<TResult>({funcs}, global::System.Func<{JsonElement}, TResult> unknown) => VariantIndex switch");
        for (int i = 0; i < variants.Count; i++)
        {
            writer.Line($"{I(i + 1)} => {parameterNames[i]}(({types.NonNull(variants[i].Type)})VariantValue),");
        }

        writer.Line($"_ => unknown(({JsonElement})VariantValue),");
        writer.CloseBlock(";");
        writer.Line();
        writer.Doc("summary", "Calls the action for the variant held (unknown: JSON that matched no variant).");
        string actions = string.Join(", ", variants.Select((v, i) => $"global::System.Action<{types.NonNull(v.Type)}> {parameterNames[i]}"));
        writer.OpenBlock($"public void Switch({actions}, global::System.Action<{JsonElement}> unknown)");
        writer.OpenBlock("switch (VariantIndex)");
        for (int i = 0; i < variants.Count; i++)
        {
            writer.Line($"case {I(i + 1)}: {parameterNames[i]}(({types.NonNull(variants[i].Type)})VariantValue); break;");
        }

        writer.Line($"default: unknown(({JsonElement})VariantValue); break;");
        writer.CloseBlock();
        writer.CloseBlock();
        EmitRead(context, writer, name, union, variants);
        writer.Line();
        EmitWrite(context, writer, name, variants);
        writer.Line($"internal sealed class JsonConverter : AcgRuntime.Serialization.JsonModelConverter<{name}> {{ public JsonConverter() : base(ReadJson, WriteJson) {{ }} }}");
        writer.CloseBlock();
        return EmitContext.FinishFile(writer);
    }

    private static string Remarks(TypeSpelling types, UnionModel union)
    {
        string list = string.Join(", ", union.Variants.Select(v => v.Type.Kind == TypeKind.Bytes
            ? "<c>byte[]</c>"
            : $"<see cref=\"{Cref(types.NonNull(v.Type))}\"/>"));
        string how = union.Discriminator is { } property
            ? $"chosen by the JSON property <c>{Escape(property)}</c>{(union.DiscriminatorIsImplicit ? " (each variant fixes its value)" : string.Empty)}, or by property names when it is absent"
            : union.Variants.Count(v => v.Type.Kind == TypeKind.Object) > 1
            ? "chosen by the JSON value's kind, and an object by its property names (the variant whose required properties all came that knows the most of those that came, the first listed on a tie; when none has all its required ones, the one that knows the most)"
            : "chosen by the JSON value's kind";
        return $"One of {list}; {how}. JSON that matches none is kept as it came (<c>UnknownJson</c>) and written back unchanged.";
    }

    private static string Cref(string spelled) => spelled
        .Replace("global::", string.Empty)
        .Replace('<', '{')
        .Replace('>', '}');

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Parameter(string memberName, HashSet<string> taken)
    {
        string camel = IdentifierNaming.ToCamelCase(memberName, "value");
        string bare = camel.TrimStart('@');
        string unique = IdentifierNaming.MakeUnique(bare, taken);
        return unique == bare ? camel : unique;
    }

    private static void EmitRead(EmitContext context, SourceWriter writer, string name, UnionModel union, IReadOnlyList<UnionVariantModel> variants)
    {
        JsonCode json = context.Json;
        bool discriminated = union.Discriminator is not null;
        writer.Line();
        var objects = variants.Select((v, i) => (v, i: i + 1)).Where(x => x.v.Type.Kind == TypeKind.Object).ToList();
        int map = Index(variants, v => v.Type.Kind == TypeKind.Map);

        // Without a discriminator, several object variants are told apart by their property names; with one, the names
        // choose only for an object that does not carry the discriminator.
        bool shapes = objects.Count > 1 || (discriminated && objects.Count > 0);
        if (shapes)
        {
            string required = string.Join(", ", objects.Select(o => Strings(o.v.RequiredNames)));
            string known = string.Join(", ", objects.Select(o => Strings(o.v.KnownNames)));
            writer.Line($"private static readonly AcgRuntime.Serialization.JsonUnionShapes s_shapes = new({I(map)}, new int[] {{ {string.Join(", ", objects.Select(o => I(o.i)))} }}, new string[][] {{ {required} }}, new string[][] {{ {known} }});");
        }

        if (discriminated)
        {
            var pairs = variants.SelectMany((v, i) => v.DiscriminatorValues.Select(value => (Value: value, Index: i + 1))).ToList();
            writer.Line($"private static readonly AcgRuntime.Serialization.JsonUnionDiscriminator s_discriminator = new({CSharpLiterals.String(name)}, {CSharpLiterals.String(union.Discriminator!)}, new string[] {{ {string.Join(", ", pairs.Select(p => CSharpLiterals.String(p.Value)))} }}, new int[] {{ {string.Join(", ", pairs.Select(p => I(p.Index)))} }}{(shapes ? ", s_shapes" : string.Empty)});");
        }

        for (int i = 0; i < variants.Count; i++)
        {
            if (variants[i].Type.Kind == TypeKind.Enum && StringRivals(variants) > 1 && variants[i].KnownValues.Count > 0)
            {
                writer.Line($"private static readonly string[] s_values{I(i + 1)} = new string[] {{ {string.Join(", ", variants[i].KnownValues.Select(CSharpLiterals.String))} }};");
            }
        }

        if (discriminated || shapes || variants.Any(v => v.Type.Kind == TypeKind.Enum && StringRivals(variants) > 1 && v.KnownValues.Count > 0))
        {
            writer.Line();
        }

        writer.Line("/// <summary>The variant the JSON value at the reader is, by the order documented on the type; 0 for none.</summary>");
        writer.OpenBlock($"private static int Pick(ref {JsonCode.ReaderType} r) => r.TokenType switch");
        int any = Index(variants, v => v.Type.Kind == TypeKind.Any);
        foreach (string arm in Arms(variants, union, objects.Select(o => o.i).ToList(), map, discriminated, shapes && !discriminated))
        {
            writer.Line(arm);
        }

        writer.Line($"_ => {I(any)},");
        writer.CloseBlock(";");
        writer.Line();
        writer.OpenBlock($"internal static {name} ReadJson(ref {JsonCode.ReaderType} r)");
        writer.Line($"int mark = {Reading}.Start();");
        writer.OpenBlock("return Finish(Pick(ref r) switch");
        for (int i = 0; i < variants.Count; i++)
        {
            writer.Line($"{I(i + 1)} => new {name}({json.Read(variants[i].Type, "r", orNull: false)}),");
        }

        writer.Line(discriminated
            ? $"_ => new {name}(s_discriminator.Unmatched(ref r)),"
            : $"_ => new {name}({Reading}.Unmatched(ref r, {CSharpLiterals.String(name)})),");
        writer.CloseBlock(", mark);");
        writer.CloseBlock();
    }

    private static IEnumerable<string> Arms(IReadOnlyList<UnionVariantModel> variants, UnionModel union, List<int> objects, int map, bool discriminated, bool shapes)
    {
        // Strings: an enum by its known values, then the formats that can be checked, then plain text (or an open enum).
        var strings = variants.Select((v, i) => (v, i: i + 1)).Where(x => x.v.Type.Kind is TypeKind.String or TypeKind.Enum or TypeKind.Guid or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Bytes).ToList();
        if (strings.Count > 0)
        {
            var chain = new List<(string Condition, int Index)>();
            bool rivals = strings.Count > 1;
            foreach (var (v, i) in strings.Where(s => s.v.Type.Kind == TypeKind.Enum && s.v.KnownValues.Count > 0 && rivals))
            {
                chain.Add(($"r.IsStringOf(s_values{I(i)})", i));
            }

            foreach (TypeKind kind in new[] { TypeKind.Guid, TypeKind.Date, TypeKind.DateTimeOffset, TypeKind.Bytes })
            {
                foreach (var (_, i) in strings.Where(s => s.v.Type.Kind == kind))
                {
                    chain.Add((kind switch
                    {
                        TypeKind.Guid => "r.IsGuidString()",
                        TypeKind.Date => "r.IsDateString()",
                        TypeKind.DateTimeOffset => "r.IsDateTimeString()",
                        _ => "r.IsBase64String()",
                    }, i));
                }
            }

            int last = strings.FirstOrDefault(s => s.v.Type.Kind == TypeKind.String).i;
            if (last == 0)
            {
                last = strings.FirstOrDefault(s => s.v.Type.Kind == TypeKind.Enum).i;
            }

            yield return $"{Token}.String => {Chain(chain, last)},";
        }

        var numbers = new List<(string Condition, int Index)>();
        foreach (var (v, i) in variants.Select((v, i) => (v, i: i + 1)).Where(x => x.v.Type.Kind is TypeKind.Int32 or TypeKind.Int64).OrderBy(x => x.v.Type.Kind == TypeKind.Int32 ? 0 : 1))
        {
            numbers.Add((v.Type.Kind == TypeKind.Int32 ? "r.IsInt32Number()" : "r.IsInt64Number()", i));
        }

        int floating = Index(variants, v => v.Type.Kind is TypeKind.Single or TypeKind.Double or TypeKind.Decimal);
        if (numbers.Count > 0 || floating > 0)
        {
            yield return $"{Token}.Number => {Chain(numbers, floating)},";
        }

        int boolean = Index(variants, v => v.Type.Kind == TypeKind.Boolean);
        if (boolean > 0)
        {
            yield return $"{Token}.True or {Token}.False => {I(boolean)},";
        }

        var arrays = variants.Select((v, i) => (v, i: i + 1)).Where(x => x.v.Type.Kind == TypeKind.Array).ToList();
        if (arrays.Count == 1)
        {
            yield return $"{Token}.StartArray => {I(arrays[0].i)},";
        }
        else if (arrays.Count > 1)
        {
            // Arrays of different item kinds: by the first item; an empty array is the first array variant.
            var byItem = arrays.Select(a => ($"r.FirstItemToken() is {ItemTokens(a.v.Type.Element!)}", a.i)).ToList();
            yield return $"{Token}.StartArray => {Chain(byItem, arrays[0].i)},";
        }

        if (discriminated)
        {
            yield return $"{Token}.StartObject => s_discriminator.Find(ref r),";
        }
        else if (shapes)
        {
            yield return $"{Token}.StartObject => s_shapes.Pick(ref r),";
        }
        else if (objects.Count == 1 || map > 0)
        {
            yield return $"{Token}.StartObject => {I(objects.Count == 1 ? objects[0] : map)},";
        }
    }

    private static string ItemTokens(TypeRef item) => item.Kind switch
    {
        TypeKind.String or TypeKind.Enum or TypeKind.Guid or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Bytes => $"{Token}.String",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Single or TypeKind.Double or TypeKind.Decimal => $"{Token}.Number",
        TypeKind.Boolean => $"{Token}.True or {Token}.False",
        TypeKind.Array => $"{Token}.StartArray",
        _ => $"{Token}.StartObject",
    };

    private static string Chain(List<(string Condition, int Index)> chain, int otherwise) =>
        string.Concat(chain.Select(c => $"{c.Condition} ? {I(c.Index)} : ")) + I(otherwise);

    private static int StringRivals(IReadOnlyList<UnionVariantModel> variants) =>
        variants.Count(v => v.Type.Kind is TypeKind.String or TypeKind.Enum or TypeKind.Guid or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Bytes);

    private static void EmitWrite(EmitContext context, SourceWriter writer, string name, IReadOnlyList<UnionVariantModel> variants)
    {
        JsonCode json = context.Json;
        writer.OpenBlock($"internal static void WriteJson({JsonCode.WriterType} w, {name} v)");
        writer.OpenBlock("switch (v.VariantIndex)");
        for (int i = 0; i < variants.Count; i++)
        {
            writer.Line($"case {I(i + 1)}: {json.WriteValue(variants[i].Type, "w", $"({context.Types.NonNull(variants[i].Type)})v.VariantValue", 1)} break;");
        }

        writer.Line("default: v.WriteUnknown(w); break;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line($"protected override void WriteJsonValue({JsonCode.WriterType} w) => WriteJson(w, this);");
        writer.Line("protected override bool PrintMembers(global::System.Text.StringBuilder builder) => false;");
    }

    private static string Strings(EquatableArray<string> names) =>
        names.Count == 0 ? "new string[0]" : "new string[] { " + string.Join(", ", names.Select(CSharpLiterals.String)) + " }";

    private static int Index(IReadOnlyList<UnionVariantModel> variants, System.Func<UnionVariantModel, bool> predicate)
    {
        for (int i = 0; i < variants.Count; i++)
        {
            if (predicate(variants[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);
}
