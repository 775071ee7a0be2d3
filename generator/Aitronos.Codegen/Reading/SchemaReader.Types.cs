using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;
using Microsoft.OpenApi;

namespace Aitronos.Codegen.Reading;

/// <summary>Adding types: one type per shape, and one open enum per property name whose values contain each other.</summary>
internal sealed partial class SchemaReader
{
    /// <remarks>
    /// An inline enum of a property whose JSON name already has an inline enum, with known values that contain or are
    /// contained in that one's, is that enum, with the union of the values. The enums are open, so no value is lost
    /// or refused either way, and one property name gets one type: GitHub's user objects, copied into hundreds of
    /// webhook payloads with <c>type</c> listing three or four values, would otherwise keep every payload apart.
    /// </remarks>
    private TypeRef BuildEnum(IOpenApiSchema schema, string name, bool isComponent)
    {
        var values = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonNode? node in schema.Enum!)
        {
            if (node is JsonValue value && value.TryGetValue(out string? text) && text is not null && seen.Add(text))
            {
                values.Add(text);
            }
        }

        string? property = !isComponent && ReferenceEquals(schema, _propertySchema) ? _propertyJsonName : null;
        if (property is not null && _enumsByProperty.TryGetValue(property, out List<int>? candidates))
        {
            foreach (int index in candidates)
            {
                HashSet<string> known = _enumValues[index];
                bool superset = known.IsSupersetOf(values);
                if (superset || known.IsSubsetOf(values))
                {
                    _typeNames.Remove(name);
                    if (!superset)
                    {
                        Widen(index, values);
                        known.UnionWith(values);
                    }

                    return new TypeRef(TypeKind.Enum, _types[index].Name);
                }
            }
        }

        var memberNames = EnumMemberNames(name);
        var members = values.Select(v => new EnumMemberModel(v, IdentifierNaming.MakeUnique(IdentifierNaming.ToPascalCase(v, "Empty"), memberNames))).ToList();
        int count = _types.Count;
        string added = AddType(new TypeModel(name, true, OwnDescription(schema, isComponent), schema.Deprecated, EquatableArray<PropertyModel>.Empty, null, string.Empty, members.ToEquatableArray()), isComponent);
        if (property is not null && _types.Count > count)
        {
            if (!_enumsByProperty.TryGetValue(property, out candidates))
            {
                _enumsByProperty[property] = candidates = new List<int>();
            }

            candidates.Add(count);
            _enumValues[count] = new HashSet<string>(values, StringComparer.Ordinal);
        }

        return new TypeRef(TypeKind.Enum, added);
    }

    private static HashSet<string> EnumMemberNames(string typeName) =>
        new(ReservedMemberNames.Enum, StringComparer.Ordinal) { typeName };

    /// <summary>Adds the values an inline enum does not know yet, keeping its name and its members' names.</summary>
    private void Widen(int index, List<string> values)
    {
        TypeModel existing = _types[index];
        var memberNames = EnumMemberNames(existing.Name);
        memberNames.UnionWith(existing.EnumMembers.Select(m => m.CSharpName));
        var known = new HashSet<string>(existing.EnumMembers.Select(m => m.Value), StringComparer.Ordinal);
        var members = existing.EnumMembers.ToList();
        foreach (string value in values.Where(v => !known.Contains(v)))
        {
            members.Add(new EnumMemberModel(value, IdentifierNaming.MakeUnique(IdentifierNaming.ToPascalCase(value, "Empty"), memberNames)));
        }

        TypeModel widened = existing with { EnumMembers = members.ToEquatableArray() };
        TypeModel oldShape = existing with { Name = string.Empty };
        if (_shapes.TryGetValue(oldShape, out string? owner) && owner == existing.Name)
        {
            _shapes.Remove(oldShape);
        }

        TypeModel newShape = widened with { Name = string.Empty };
        if (!_shapes.ContainsKey(newShape))
        {
            _shapes.Add(newShape, existing.Name);
        }

        _types[index] = widened;
    }

    private string? OwnDescription(IOpenApiSchema schema, bool isComponent) =>
        !isComponent && ReferenceEquals(schema, _propertySchema) ? null : schema.Description;

    /// <summary>
    /// Adds a type, unless it is an inline schema of a shape generated before: then the earlier type serves both
    /// and the name this one had claimed is given back. Component schemas always keep their own names, and claim
    /// their shape first (they are read before operations), so inline copies of a component become the component.
    /// </summary>
    private string AddType(TypeModel type, bool isComponent)
    {
        TypeModel shape = type with { Name = string.Empty };
        if (_shapes.TryGetValue(shape, out string? existing))
        {
            if (!isComponent)
            {
                _typeNames.Remove(type.Name);
                return existing;
            }
        }
        else
        {
            _shapes.Add(shape, type.Name);
        }

        _typeIndexes[type.Name] = _types.Count;
        _types.Add(type);
        return type.Name;
    }
}
