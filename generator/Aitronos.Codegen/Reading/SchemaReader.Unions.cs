using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Emitting;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;
using Microsoft.OpenApi;

namespace Aitronos.Codegen.Reading;

/// <summary>
/// Unions: <c>oneOf</c>/<c>anyOf</c>, and a base schema with a <c>discriminator</c> that other schemas extend with
/// <c>allOf</c>. A union becomes a generated type holding one variant (see <see cref="UnionModel"/>); a <c>null</c>
/// variant makes it nullable; variants of one C# type are one; a union whose variants cannot be told apart from the
/// JSON stays <c>JsonElement</c> with ACG010 saying why.
/// </summary>
internal sealed partial class SchemaReader
{
    // The JSON class a variant's values have: variants of different classes are told apart by the token alone.
    private enum JsonClass
    {
        String,
        Integer,
        Number,
        Boolean,
        Array,
        Object,
        Map,
        Any,
        None,
    }

    private readonly struct Variant
    {
        public Variant(TypeRef type, IOpenApiSchema? schema, string? componentKey)
        {
            Type = type;
            Schema = schema;
            ComponentKey = componentKey;
        }

        public TypeRef Type { get; }

        public IOpenApiSchema? Schema { get; }

        public string? ComponentKey { get; }
    }

    // The variants of each union generated, by its type name: a union that is a variant of another is flattened into it.
    private readonly Dictionary<string, List<Variant>> _unionVariants = new(StringComparer.Ordinal);

    // Components named as a union before their variants are read (a union that reaches itself through its variants),
    // and those of them whose name was handed out while reading: these become a union whatever their variants are.
    private readonly HashSet<string> _unionPlaceholdersUsed = new(StringComparer.Ordinal);

    /// <summary>Whether the union named <paramref name="name"/> holds only strings, numbers and booleans (a parameter can be one).</summary>
    public bool IsScalarUnion(string name) =>
        _unionVariants.TryGetValue(name, out List<Variant>? variants)
        && variants.All(v => ClassOf(v.Type) is JsonClass.String or JsonClass.Integer or JsonClass.Number or JsonClass.Boolean);

    /// <summary>A schema that reads as a union of at least two variants that are not <c>null</c>.</summary>
    private static bool IsUnionLike(IOpenApiSchema schema)
    {
        if (IsObjectLike(schema) || (schema.AllOf is { Count: 1 } && schema.Properties is not { Count: > 0 }))
        {
            return false;
        }

        IList<IOpenApiSchema>? branches = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf;
        return branches is not null && branches.Count(b => b is OpenApiSchemaReference || b.Type != JsonSchemaType.Null) > 1;
    }

    private static bool HasNullBranch(IOpenApiSchema schema) =>
        (schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf)?.Any(b => b is not OpenApiSchemaReference && b.Type == JsonSchemaType.Null) ?? false;

    private TypeRef ResolveUnion(IOpenApiSchema schema, string pointer, string nameHint, string? claimedName)
    {
        string keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        IList<IOpenApiSchema> branches = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf!;
        bool nullable = false;
        var variants = new List<Variant>();
        for (int i = 0; i < branches.Count; i++)
        {
            IOpenApiSchema branch = branches[i];
            if (branch is not OpenApiSchemaReference && branch.Type == JsonSchemaType.Null)
            {
                nullable = true;
                continue;
            }

            // An inline variant is named after the union and, when one of its properties is fixed to one string (OpenAI's
            // type: message), that value: InputItemMessage; otherwise by its place: InputItemOption2.
            string variantHint = branch is not OpenApiSchemaReference && FixedValue(branch) is { } fixedValue
                ? nameHint + IdentifierNaming.ToPascalCase(fixedValue, "Option" + I(i + 1))
                : nameHint + "Option" + I(i + 1);
            TypeRef type = Resolve(branch, pointer + "/" + keyword + "/" + I(i), variantHint);
            if (claimedName is not null && type.Kind == TypeKind.Union && type.Name == claimedName)
            {
                // The union itself as one of its own variants (A = A | string): it allows nothing the others do not.
                continue;
            }

            nullable |= type.IsNullable;
            string? key = branch is OpenApiSchemaReference r && r.Reference is { IsExternal: false, Id: { } id } && _components.ContainsKey(id) ? id : null;
            AddVariant(variants, new Variant(type with { IsNullable = false }, branch, key));
        }

        return MakeUnion(schema, pointer, keyword, variants, nullable, nameHint, claimedName);
    }

    /// <summary>OpenAPI 3.1 <c>type: [string, integer]</c>: a union of the types listed.</summary>
    private TypeRef ResolveTypeList(IOpenApiSchema schema, JsonSchemaType types, string pointer, string nameHint, string? claimedName)
    {
        var variants = new List<Variant>();
        foreach (JsonSchemaType single in new[] { JsonSchemaType.Boolean, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.String, JsonSchemaType.Array, JsonSchemaType.Object })
        {
            if ((types & single) == 0)
            {
                continue;
            }

            TypeRef type = single switch
            {
                JsonSchemaType.Boolean => new TypeRef(TypeKind.Boolean),
                JsonSchemaType.Integer => IntegerType(schema),
                JsonSchemaType.Number => new TypeRef(TypeKind.Double),
                JsonSchemaType.String => StringType(schema.Format),
                JsonSchemaType.Array => new TypeRef(TypeKind.Array, Element: Resolve(schema.Items, pointer + "/items", nameHint + "Item")),
                _ => new TypeRef(TypeKind.Map, Element: schema.AdditionalProperties is null
                    ? TypeRef.Any
                    : Resolve(schema.AdditionalProperties, pointer + "/additionalProperties", nameHint + "Value")),
            };
            AddVariant(variants, new Variant(type, null, null));
        }

        return MakeUnion(schema, pointer, "type list", variants, AllowsNull(schema), nameHint, claimedName);
    }

    private void AddVariant(List<Variant> variants, Variant variant)
    {
        // A union inside a union: its variants are this union's (one level of choice, one set of accessors).
        if (variant.Type.Kind == TypeKind.Union && _unionVariants.TryGetValue(variant.Type.Name!, out List<Variant>? inner))
        {
            foreach (Variant nested in inner)
            {
                AddVariant(variants, nested);
            }

            return;
        }

        if (!variants.Any(v => v.Type == variant.Type))
        {
            variants.Add(variant);
        }
    }

    private TypeRef MakeUnion(IOpenApiSchema schema, string pointer, string keyword, List<Variant> variants, bool nullable, string nameHint, string? claimedName)
    {
        bool forced = claimedName is not null && _unionPlaceholdersUsed.Contains(claimedName);
        if (variants.Count == 0 && !forced)
        {
            return TypeRef.Any;
        }

        if (variants.Count == 1 && !forced)
        {
            return WithNullable(variants[0].Type, nullable);
        }

        string? why = Indistinguishable(variants);
        if (why is not null && !forced)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, "The " + keyword + " at " + pointer, why);
            return WithNullable(TypeRef.Any, nullable);
        }

        bool isComponent = claimedName is not null;
        string name = claimedName ?? IdentifierNaming.MakeUnique(nameHint, _typeNames);
        UnionModel union = BuildUnionModel(schema, name, variants);
        string added = AddType(new TypeModel(name, false, OwnDescription(schema, isComponent), schema.Deprecated, EquatableArray<PropertyModel>.Empty, null, string.Empty, EquatableArray<EnumMemberModel>.Empty, union), isComponent);
        _unionVariants[added] = variants;
        return new TypeRef(TypeKind.Union, added, IsNullable: nullable);
    }

    /// <summary>Why the variants cannot be told apart from the JSON, or null when they can.</summary>
    private string? Indistinguishable(List<Variant> variants)
    {
        var byClass = variants.GroupBy(v => ClassOf(v.Type)).ToDictionary(g => g.Key, g => g.ToList());
        if (byClass.ContainsKey(JsonClass.None))
        {
            return "a variant (" + TypeSpelling.Mangle(byClass[JsonClass.None][0].Type) + ") has no JSON shape a union can choose by";
        }

        if (byClass.TryGetValue(JsonClass.Map, out List<Variant>? maps) && maps.Count > 1)
        {
            return "its variants " + string.Join(" and ", maps.Select(m => TypeSpelling.Mangle(m.Type))) + " are maps that nothing in the JSON tells apart";
        }

        if (byClass.TryGetValue(JsonClass.Array, out List<Variant>? arrays) && arrays.Count > 1)
        {
            var itemClasses = arrays.Select(a => ClassOf(a.Type.Element!)).ToList();
            if (itemClasses.Distinct().Count() != itemClasses.Count || itemClasses.Contains(JsonClass.Any) || itemClasses.Contains(JsonClass.None))
            {
                return "its variants " + string.Join(" and ", arrays.Select(a => TypeSpelling.Mangle(a.Type))) + " are arrays whose items' JSON kinds do not tell them apart";
            }
        }

        return null;
    }

    private static JsonClass ClassOf(TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.Enum or TypeKind.Guid or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Bytes => JsonClass.String,
        TypeKind.Int32 or TypeKind.Int64 => JsonClass.Integer,
        TypeKind.Single or TypeKind.Double or TypeKind.Decimal => JsonClass.Number,
        TypeKind.Boolean => JsonClass.Boolean,
        TypeKind.Array => JsonClass.Array,
        TypeKind.Object => JsonClass.Object,
        TypeKind.Map => JsonClass.Map,
        TypeKind.Any => JsonClass.Any,
        _ => JsonClass.None,
    };

    private UnionModel BuildUnionModel(IOpenApiSchema schema, string name, List<Variant> variants)
    {
        var objects = variants.Where(v => v.Type.Kind == TypeKind.Object).ToList();
        var members = new List<(string JsonName, IOpenApiSchema Schema, string Pointer)>[variants.Count];
        var required = new HashSet<string>[variants.Count];
        for (int i = 0; i < variants.Count; i++)
        {
            members[i] = new List<(string, IOpenApiSchema, string)>();
            required[i] = new HashSet<string>(StringComparer.Ordinal);
            if (variants[i].Type.Kind == TypeKind.Object && variants[i].Schema is { } variantSchema)
            {
                IOpenApiSchema? additional = null;
                bool additionalAllowed = true;
                CollectMembers(variantSchema, string.Empty, members[i], required[i], ref additional, ref additionalAllowed);
            }
        }

        // Discriminator values: the spec's mapping, then each component variant's own name (OpenAPI's default).
        string? discriminator = schema.Discriminator?.PropertyName;
        bool isImplicit = false;
        var values = new List<string>[variants.Count];
        for (int i = 0; i < variants.Count; i++)
        {
            values[i] = new List<string>();
        }

        if (discriminator is { Length: > 0 })
        {
            if (schema.Discriminator!.Mapping is { } mapping)
            {
                foreach (var pair in mapping)
                {
                    string? target = pair.Value?.Reference?.Id;
                    int index = variants.FindIndex(v => v.ComponentKey is not null && v.ComponentKey == target);
                    if (index < 0 && target is not null && _components.ContainsKey(target))
                    {
                        TypeRef resolved = ResolveComponent(target) with { IsNullable = false };
                        index = variants.FindIndex(v => v.Type == resolved);
                    }

                    if (index >= 0)
                    {
                        values[index].Add(pair.Key);
                    }
                }
            }

            for (int i = 0; i < variants.Count; i++)
            {
                if (variants[i].ComponentKey is { } key && values[i].Count == 0)
                {
                    values[i].Add(key);
                }
            }
        }
        else if (objects.Count > 1 && ImplicitDiscriminator(variants, members) is { } found)
        {
            discriminator = found.Name;
            isImplicit = true;
            for (int i = 0; i < variants.Count; i++)
            {
                if (found.Values[i] is { } value)
                {
                    values[i].Add(value);
                }
            }
        }
        else
        {
            discriminator = null;
        }

        var memberNames = new HashSet<string>(StringComparer.Ordinal) { "Unknown", "UnknownJson", "Variant", "VariantIndex", "VariantValue", "Match", "Switch", "Equals", "GetHashCode", "ToString", "ReadJson", "WriteJson", "JsonConverter", "JsonReadProblems", "EqualityContract" };
        var models = new List<UnionVariantModel>();
        for (int i = 0; i < variants.Count; i++)
        {
            TypeRef type = variants[i].Type;
            // Members read as the variant, not the union again: InputItem's InputItemMessage is IsMessage/AsMessage.
            string baseName = TypeSpelling.Mangle(type);
            if (baseName.Length > name.Length && baseName.StartsWith(name, StringComparison.Ordinal) && char.IsUpper(baseName[name.Length]))
            {
                baseName = baseName.Substring(name.Length);
            }

            string memberName = baseName;
            for (int n = 2; memberNames.Contains(memberName) || "Is" + memberName == name || "As" + memberName == name || "TryGet" + memberName == name; n++)
            {
                memberName = baseName + I(n);
            }

            memberNames.Add(memberName);
            var known = members[i].Select(m => m.JsonName).Distinct(StringComparer.Ordinal).ToList();
            var enumValues = type.Kind == TypeKind.Enum
                ? (FindType(type.Name) is { IsEnum: true } enumType ? enumType.EnumMembers.Select(m => m.Value).ToList() : new List<string>())
                : new List<string>();
            models.Add(new UnionVariantModel(
                memberName,
                type,
                values[i].ToEquatableArray(),
                required[i].Where(known.Contains).OrderBy(n => known.IndexOf(n)).ToEquatableArray(),
                known.ToEquatableArray(),
                enumValues.ToEquatableArray()));
        }

        return new UnionModel(models.ToEquatableArray(), discriminator, isImplicit);
    }

    /// <summary>
    /// A property that every object variant declares with one string value each (<c>enum: [x]</c> or <c>const</c>), all
    /// different: OpenAI's <c>type: message</c> style. The first such property of the first object variant.
    /// </summary>
    private (string Name, string?[] Values)? ImplicitDiscriminator(List<Variant> variants, List<(string JsonName, IOpenApiSchema Schema, string Pointer)>[] members)
    {
        int first = variants.FindIndex(v => v.Type.Kind == TypeKind.Object);
        foreach (var (candidate, _, _) in members[first])
        {
            var values = new string?[variants.Count];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            bool ok = true;
            for (int i = 0; i < variants.Count && ok; i++)
            {
                if (variants[i].Type.Kind != TypeKind.Object)
                {
                    continue;
                }

                var property = members[i].FirstOrDefault(m => m.JsonName == candidate);
                string? value = property.Schema is null ? null : SingleString(property.Schema);
                ok = value is not null && seen.Add(value);
                values[i] = value;
            }

            if (ok)
            {
                return (candidate, values);
            }
        }

        return null;
    }

    /// <summary>The value of the first property of an inline object schema that allows one string only.</summary>
    private string? FixedValue(IOpenApiSchema schema)
    {
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return null;
        }

        foreach (var pair in properties)
        {
            if (SingleString(pair.Value) is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    private string? SingleString(IOpenApiSchema schema)
    {
        if (Effective(schema) is not { } effective)
        {
            return null;
        }

        if (effective.Const is { } constant)
        {
            return constant;
        }

        return effective.Enum is { Count: 1 } && effective.Enum[0] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
    }

    /// <summary>
    /// A component with a <c>discriminator</c> and no <c>oneOf</c>/<c>anyOf</c> that other components extend through
    /// <c>allOf</c> (or that its mapping names): the components that extend it, in the order of their names.
    /// </summary>
    private List<string>? Subtypes(string key, IOpenApiSchema schema)
    {
        if (schema.Discriminator?.PropertyName is not { Length: > 0 } || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
        {
            return null;
        }

        var subtypes = new List<string>();
        if (schema.Discriminator.Mapping is { } mapping)
        {
            foreach (var pair in mapping)
            {
                if (pair.Value?.Reference?.Id is { } id && id != key && _components.ContainsKey(id) && !subtypes.Contains(id))
                {
                    subtypes.Add(id);
                }
            }
        }

        foreach (string other in _components.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            // A component that is a bare reference declares no allOf of its own (and reading through it could meet a cycle).
            if (other != key && !subtypes.Contains(other) && _components[other] is not OpenApiSchemaReference and { AllOf: { Count: > 0 } parts }
                && parts.Any(p => p is OpenApiSchemaReference r && r.Reference?.Id == key))
            {
                subtypes.Add(other);
            }
        }

        return subtypes.Count > 1 ? subtypes : null;
    }

    /// <summary>The base of an <c>allOf</c> hierarchy with a discriminator: a union of its subtypes, chosen by the discriminator.</summary>
    private TypeRef ResolveHierarchy(string key, IOpenApiSchema schema, string pointer, string name, List<string> subtypes)
    {
        var variants = new List<Variant>();
        foreach (string subtype in subtypes)
        {
            TypeRef type = ResolveComponent(subtype) with { IsNullable = false };
            if (type.Name != name)
            {
                AddVariant(variants, new Variant(type, _components[subtype], subtype));
            }
        }

        return MakeUnion(schema, pointer, "discriminator", variants, AllowsNull(schema), name, claimedName: name);
    }

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);
}
