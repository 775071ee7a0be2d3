using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;
using Microsoft.OpenApi;

namespace Aitronos.Codegen.Reading;

/// <summary>
/// Turns JSON schemas into <see cref="TypeRef"/>s and the <see cref="TypeModel"/>s they name.
/// Component schemas keep their names; inline objects and enums are named after where they stand.
/// The reference graph is walked with explicit cycle and depth guards: the readers cap nesting, not references.
/// How types are added and shared is in SchemaReader.Types.cs; how references resolve, in SchemaReader.References.cs.
/// </summary>
internal sealed partial class SchemaReader
{
    private const int MaxDepth = 48;

    // A component object met this deep in a walk is named at once and built later, from the top (see BuildDeferred):
    // chains of objects are as long as the spec makes them. Shallower ones are built where they are met, as before.
    private const int DeferDepth = MaxDepth / 2;

    private readonly ReadContext _context;
    private readonly IDictionary<string, IOpenApiSchema> _components;
    private readonly HashSet<string> _typeNames;
    private readonly Dictionary<string, string> _componentTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _resolvedComponents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);
    private readonly List<TypeModel> _types = new();
    private readonly Dictionary<string, int> _typeIndexes = new(StringComparer.Ordinal);   // name -> index into _types
    private readonly Queue<(string Key, IOpenApiSchema Schema, string Pointer, string Name)> _deferred = new();

    // Every generated shape (a type with its name blanked) and the name it was generated under: an inline schema
    // whose shape was seen before reuses that type instead of becoming a copy of it.
    private readonly Dictionary<TypeModel, string> _shapes = new();

    // The schema of the property being resolved: an inline type made of it is documented by the property, so the
    // type itself carries no copy of the description (which would keep otherwise identical shapes apart).
    private IOpenApiSchema? _propertySchema;
    private string? _propertyJsonName;

    // Inline enums by the JSON name of the property that declares them, as indexes into _types: the enums of
    // one property name whose known values contain one another are one open enum (see BuildEnum).
    private readonly Dictionary<string, List<int>> _enumsByProperty = new(StringComparer.Ordinal);
    private readonly Dictionary<int, HashSet<string>> _enumValues = new();
    private int _depth;

    public SchemaReader(ReadContext context, OpenApiDocument document, HashSet<string> reservedTypeNames)
    {
        _context = context;
        _components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        _typeNames = reservedTypeNames;

        // Component names are claimed first, so inline types never take them.
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string key in _components.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            string candidate = IdentifierNaming.ToPascalCase(key, "Schema");
            string name = IdentifierNaming.MakeUnique(candidate, _typeNames);
            _componentTypeNames[key] = name;
            if (name != candidate)
            {
                // Schemas whose names differ only in what C# names cannot hold (pet, Pet, pet-): the first in ordinal order
                // keeps the name, and the diagnostic names both.
                _context.Report(DiagnosticDescriptors.NameCollision, ReadContext.Pointer("#/components/schemas", key),
                    owners.TryGetValue(candidate, out string? owner) ? "schema '" + owner + "'" : "a name the generator reserves (the client, its options, its JSON context, JsonConverter, AcgRuntime, AcgJson)",
                    "schema '" + key + "'", candidate, name);
            }
            else
            {
                owners[candidate] = key;
            }
        }
    }

    public IReadOnlyList<TypeModel> Types => _types;

    /// <summary>The type of that name as it stands now (an inline enum may have been widened since it was named).</summary>
    public TypeModel? FindType(string? name) =>
        name is not null && _typeIndexes.TryGetValue(name, out int index) ? _types[index] : null;

    /// <summary>Each component schema read so far, by its key, and what it became.</summary>
    public IReadOnlyDictionary<string, TypeRef> Components => _resolvedComponents;

    /// <summary>Generates every component schema, used or not: they are the API's vocabulary.</summary>
    public void ReadAllComponents(CancellationToken cancellationToken)
    {
        foreach (string key in _components.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ResolveComponent(key);
            BuildDeferred(cancellationToken);
        }
    }

    /// <remarks>Only component objects are ever deferred: after <see cref="ReadAllComponents"/> nothing is left to build later.</remarks>
    public TypeRef Resolve(IOpenApiSchema? schema, string pointer, string nameHint) => Resolve(schema, pointer, nameHint, claimedName: null);

    /// <summary>
    /// Builds the component objects named deep in a walk (see <see cref="DeferDepth"/>), each from the top: a chain of
    /// objects that hold the next (Node0.next is Node1, ...) is built one object after another, not nested.
    /// </summary>
    private void BuildDeferred(CancellationToken cancellationToken)
    {
        while (_deferred.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (key, schema, pointer, name) = _deferred.Dequeue();
            _resolving.Add(key);
            try
            {
                BuildObject(schema, pointer, name, isComponent: true);
            }
            finally
            {
                _resolving.Remove(key);
            }
        }
    }

    /// <param name="claimedName">The type name already claimed for a component, used if the schema becomes a type.</param>
    private TypeRef Resolve(IOpenApiSchema? schema, string pointer, string nameHint, string? claimedName)
    {
        if (schema is null)
        {
            return TypeRef.Any;
        }

        if (_depth >= MaxDepth)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, "The schema at " + pointer, "it nests deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
            return TypeRef.Any;
        }

        _depth++;
        try
        {
            return ResolveCore(schema, pointer, nameHint, claimedName);
        }
        finally
        {
            _depth--;
        }
    }

    private TypeRef ResolveCore(IOpenApiSchema schema, string pointer, string nameHint, string? claimedName) =>
        schema is OpenApiSchemaReference reference
            ? ResolveReference(reference, pointer, nameHint)
            : WithNullable(ResolveInline(schema, pointer, nameHint, claimedName), AllowsNull(schema));

    private static bool AllowsNull(IOpenApiSchema schema) => schema.Type is { } type && (type & JsonSchemaType.Null) != 0;

    private TypeRef ResolveReference(OpenApiSchemaReference reference, string pointer, string nameHint)
    {
        string? id = reference.Reference?.Id;

        // A component of this document is known by its id; asking the reference whether it resolves would resolve it.
        if (reference.Reference is { IsExternal: false } && id is not null && _components.ContainsKey(id))
        {
            return ResolveComponent(id);
        }

        if (reference.Reference is { IsExternal: true } || reference.UnresolvedReference || id is null)
        {
            _context.Report(DiagnosticDescriptors.UnresolvedReference, pointer, reference.Reference?.ReferenceV3 ?? id ?? "(unknown)");
            return TypeRef.Any;
        }

        if (_components.ContainsKey(id))
        {
            return ResolveComponent(id);
        }

        // A reference into some other part of the document: generate its target where it is used.
        IOpenApiSchema? target = Target(reference);
        if (target is null || _resolving.Contains("#" + id))
        {
            _context.Report(DiagnosticDescriptors.UnresolvedReference, pointer, id);
            return TypeRef.Any;
        }

        _resolving.Add("#" + id);
        try
        {
            return Resolve(target, pointer, nameHint);
        }
        finally
        {
            _resolving.Remove("#" + id);
        }
    }

    private TypeRef ResolveComponent(string key)
    {
        if (_resolvedComponents.TryGetValue(key, out TypeRef? known))
        {
            if (known.Kind == TypeKind.Union && _resolving.Contains(key))
            {
                // A union reached from inside its own variants: its name is now in use, so it stays a union.
                _unionPlaceholdersUsed.Add(known.Name!);
            }

            return known;
        }

        string pointer = ReadContext.Pointer("#/components/schemas", key);
        IOpenApiSchema schema = _components[key];
        string name = _componentTypeNames[key];
        if (schema is OpenApiSchemaReference { Reference: { IsExternal: false, Id: { } aliased } } && _components.ContainsKey(aliased))
        {
            return ResolveAlias(key);
        }

        if (!_resolving.Add(key))
        {
            // A component whose definition reaches itself without passing through an object (A = B[], B = A).
            _context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, "Schema '" + key + "'", "it is defined in terms of itself");
            return TypeRef.Any;
        }

        try
        {
            // Objects and enums are named now, before their members are read, so that cycles resolve by name.
            // A bare reference that leads nowhere (dangling, or a cycle of bare references: A = B, B = A) has no
            // target: it is resolved as a reference below, which reports it where it stands. Its own members are
            // never read: reading them resolves the reference again, and the library throws on the cycle.
            IOpenApiSchema? effective = schema is OpenApiSchemaReference r ? Target(r) : schema;
            List<string>? subtypes = schema is OpenApiSchemaReference || effective is null ? null : Subtypes(key, effective);
            if (subtypes is null && effective is not null && IsObjectLike(effective))
            {
                // Nullable where the component says so, at every reference: the first and the ones its members make.
                var objectRef = WithNullable(new TypeRef(TypeKind.Object, name), AllowsNull(effective));
                _resolvedComponents[key] = objectRef;
                if (_depth >= DeferDepth)
                {
                    _deferred.Enqueue((key, effective, pointer, name));
                }
                else
                {
                    BuildObject(effective, pointer, name, isComponent: true);
                }

                return objectRef;
            }

            // Unions are named before their variants are read too: a variant may hold the union (a tree of nodes).
            if (schema is not OpenApiSchemaReference && effective is not null && (subtypes is not null || IsUnionLike(effective)))
            {
                _resolvedComponents[key] = new TypeRef(TypeKind.Union, name, IsNullable: AllowsNull(effective) || HasNullBranch(effective));
                TypeRef union = subtypes is not null
                    ? ResolveHierarchy(key, effective, pointer, name, subtypes)
                    : Resolve(schema, pointer, name, claimedName: name);
                _resolvedComponents[key] = union;
                return union;
            }

            TypeRef resolved = Resolve(schema, pointer, name, claimedName: name);
            _resolvedComponents[key] = resolved;
            return resolved;
        }
        finally
        {
            _resolving.Remove(key);
        }
    }

    private static bool IsObjectLike(IOpenApiSchema schema)
    {
        if (schema.Properties is { Count: > 0 })
        {
            return schema.Type is null || (schema.Type.Value & JsonSchemaType.Object) != 0;
        }

        return schema.AllOf is { Count: > 1 } && (schema.OneOf is null || schema.OneOf.Count == 0) && (schema.AnyOf is null || schema.AnyOf.Count == 0);
    }

    private TypeRef ResolveInline(IOpenApiSchema schema, string pointer, string nameHint, string? claimedName = null)
    {
        // allOf with one member and nothing else: a reference dressed up with a description.
        if (schema.AllOf is { Count: 1 } && schema.Properties is not { Count: > 0 })
        {
            return Resolve(schema.AllOf[0], pointer + "/allOf/0", nameHint);
        }

        if (IsObjectLike(schema))
        {
            string name = claimedName ?? IdentifierNaming.MakeUnique(nameHint, _typeNames);
            return new TypeRef(TypeKind.Object, BuildObject(schema, pointer, name, isComponent: claimedName is not null));
        }

        if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
        {
            return ResolveUnion(schema, pointer, nameHint, claimedName);
        }

        if (schema.Enum is { Count: > 0 } && IsStringEnum(schema))
        {
            return BuildEnum(schema, claimedName ?? IdentifierNaming.MakeUnique(nameHint, _typeNames), isComponent: claimedName is not null);
        }

        JsonSchemaType type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        switch (type)
        {
            case JsonSchemaType.String:
                return _binaryAsFile && IsBinary(schema) ? new TypeRef(TypeKind.File) : StringType(schema.Format);
            case JsonSchemaType.Integer:
                return IntegerType(schema);
            case JsonSchemaType.Number:
                return schema.Format switch
                {
                    "float" => new TypeRef(TypeKind.Single),
                    "decimal" => new TypeRef(TypeKind.Decimal),
                    _ => new TypeRef(TypeKind.Double),
                };
            case JsonSchemaType.Boolean:
                return new TypeRef(TypeKind.Boolean);
            case JsonSchemaType.Array:
                return new TypeRef(TypeKind.Array, Element: Resolve(schema.Items, pointer + "/items", nameHint + "Item"));
            case JsonSchemaType.Object:
            case 0 when schema.AdditionalProperties is not null:
                return new TypeRef(TypeKind.Map, Element: schema.AdditionalProperties is null
                    ? TypeRef.Any
                    : Resolve(schema.AdditionalProperties, pointer + "/additionalProperties", nameHint + "Value"));
            case 0:
                if (schema.Items is not null)
                {
                    return new TypeRef(TypeKind.Array, Element: Resolve(schema.Items, pointer + "/items", nameHint + "Item"));
                }

                return TypeRef.Any;
            default:
                return ResolveTypeList(schema, type, pointer, nameHint, claimedName);
        }
    }

    private static bool IsStringEnum(IOpenApiSchema schema)
    {
        JsonSchemaType type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (type != 0 && type != JsonSchemaType.String)
        {
            return false;
        }

        return schema.Enum.All(v => v is null || (v is JsonValue value && value.TryGetValue(out string? _)));
    }

    /// <returns>The name of the type: <paramref name="name"/>, or that of an identical type generated before.</returns>
    private string BuildObject(IOpenApiSchema schema, string pointer, string name, bool isComponent)
    {
        string? description = OwnDescription(schema, isComponent);
        var properties = new List<(string JsonName, IOpenApiSchema Schema, string Pointer)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        IOpenApiSchema? additional = null;
        bool additionalAllowed = true;
        CollectMembers(schema, pointer, properties, required, ref additional, ref additionalAllowed);

        var memberNames = new HashSet<string>(ReservedMemberNames.Record, StringComparer.Ordinal) { name };
        var models = new List<PropertyModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (jsonName, propertySchema, propertyPointer) in properties)
        {
            if (!seen.Add(jsonName))
            {
                continue;
            }

            string pascal = IdentifierNaming.ToPascalCase(jsonName, "Property");
            string csharpName = IdentifierNaming.MakeUnique(pascal, memberNames);
            _propertySchema = propertySchema;
            _propertyJsonName = jsonName;
            TypeRef type = Resolve(propertySchema, propertyPointer, name + pascal);
            _propertySchema = null;
            _propertyJsonName = null;
            models.Add(new PropertyModel(
                jsonName,
                csharpName,
                type,
                required.Contains(jsonName),
                type.IsNullable,
                // A property whose schema the reader could not read (a string where an object belongs) is any JSON,
                // the reader's own diagnostic says why.
                propertySchema is null ? null : DescriptionOf(propertySchema, type),
                propertySchema is not null && DeprecatedOf(propertySchema)));
        }

        TypeRef? additionalType = additional is null
            ? null
            : Resolve(additional, pointer + "/additionalProperties", name + "Value");
        string additionalName = IdentifierNaming.MakeUnique("AdditionalProperties", memberNames);
        return AddType(new TypeModel(name, false, description, schema.Deprecated, models.ToEquatableArray(), additionalType, additionalName, EquatableArray<EnumMemberModel>.Empty), isComponent);
    }

    /// <summary>
    /// Own properties plus those of every allOf member (members first, in order), references followed once each. Walked
    /// with an explicit stack: an allOf chain is as long as the spec makes it.
    /// </summary>
    private void CollectMembers(
        IOpenApiSchema schema,
        string pointer,
        List<(string, IOpenApiSchema, string)> properties,
        HashSet<string> required,
        ref IOpenApiSchema? additional,
        ref bool additionalAllowed)
    {
        var visited = new HashSet<IOpenApiSchema>();
        var stack = new Stack<(IOpenApiSchema Schema, string Pointer, int NextPart)>();
        if (Enter(schema, pointer) is { } root)
        {
            stack.Push((root, pointer, 0));
        }

        while (stack.Count > 0)
        {
            var (effective, at, nextPart) = stack.Pop();
            if (effective.AllOf is { } parts && nextPart < parts.Count)
            {
                stack.Push((effective, at, nextPart + 1));
                IOpenApiSchema part = parts[nextPart];
                string partPointer = part is OpenApiSchemaReference r && r.Reference?.Id is { } id && _components.ContainsKey(id)
                    ? ReadContext.Pointer("#/components/schemas", id)
                    : at + "/allOf/" + nextPart.ToString(CultureInfo.InvariantCulture);
                if (Enter(part, partPointer) is { } member)
                {
                    stack.Push((member, partPointer, 0));
                }

                continue;
            }

            if (effective.Properties is { } own)
            {
                foreach (var pair in own)
                {
                    properties.Add((pair.Key, pair.Value, ReadContext.Pointer(at + "/properties", pair.Key)));
                }
            }

            if (effective.Required is { } names)
            {
                required.UnionWith(names);
            }

            if (effective.AdditionalProperties is { } extra)
            {
                additional = extra;
            }
        }

        // The schema a member stands for, unless it was collected already (a cycle of allOf) or leads nowhere.
        IOpenApiSchema? Enter(IOpenApiSchema member, string memberPointer)
        {
            IOpenApiSchema? effective = member is OpenApiSchemaReference reference ? Target(reference) : member;
            if (effective is null)
            {
                // A member that leads nowhere (dangling, or a cycle of bare references): it adds nothing, and says so.
                if (member is OpenApiSchemaReference unresolved)
                {
                    _context.Report(DiagnosticDescriptors.UnresolvedReference, memberPointer, unresolved.Reference?.ReferenceV3 ?? unresolved.Reference?.Id ?? "(unknown)");
                }

                return null;
            }

            return visited.Add(effective) ? effective : null;
        }
    }

    private static TypeRef StringType(string? format) => format switch
    {
        "date-time" => new TypeRef(TypeKind.DateTimeOffset),
        "date" => new TypeRef(TypeKind.Date),
        "uuid" => new TypeRef(TypeKind.Guid),
        "byte" => new TypeRef(TypeKind.Bytes),
        _ => TypeRef.String,
    };

    /// <summary>
    /// <c>int32</c> only when the format says so; otherwise <c>int64</c>: an <c>integer</c> without a format is
    /// unbounded, real ids outgrow 32 bits (GitHub's do), and a server may send more than its declared bounds.
    /// </summary>
    private static TypeRef IntegerType(IOpenApiSchema schema) =>
        new(schema.Format == "int32" ? TypeKind.Int32 : TypeKind.Int64);

    private static TypeRef WithNullable(TypeRef type, bool nullable) =>
        nullable && !type.IsNullable ? type with { IsNullable = true } : type;
}
