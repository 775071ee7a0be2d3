using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Aitronos.Codegen.Model;
using Microsoft.OpenApi;

namespace Aitronos.Codegen.Reading;

/// <summary>
/// Which generated types only the spec's webhooks use. Webhooks (<c>webhooks</c> in OpenAPI 3.1,
/// <c>x-webhooks</c> before it) are requests the API sends to you, not calls a client makes: their payload schemas
/// are generated only when the spec's item asks for them (<c>Webhooks="true"</c>). Everything the operations reach,
/// and every component schema no webhook refers to, is generated whatever the option says.
/// </summary>
internal static class WebhookScope
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>The webhooks' pointer and the component schemas they refer to; null when the spec has no webhooks.</summary>
    public static (string Pointer, HashSet<string> Components)? Find(OpenApiDocument document)
    {
        var components = new HashSet<string>(StringComparer.Ordinal);
        if (document.Webhooks is { Count: > 0 } webhooks)
        {
            foreach (IOpenApiPathItem? item in webhooks.Values)
            {
                AddPathItem(item, components);
            }

            return ("#/webhooks", components);
        }

        if (document.Extensions is { } extensions
            && extensions.TryGetValue("x-webhooks", out IOpenApiExtension? extension)
            && extension is JsonNodeExtension { Node: JsonObject node })
        {
            AddReferences(node, components);
            return ("#/x-webhooks", components);
        }

        return null;
    }

    /// <summary>
    /// The names of the types to generate: those reachable from <paramref name="roots"/> (what the operations use)
    /// and from every component no webhook reaches.
    /// </summary>
    public static HashSet<string> Kept(
        IReadOnlyList<TypeModel> types,
        IEnumerable<TypeRef> roots,
        IReadOnlyDictionary<string, TypeRef> components,
        ISet<string> webhookComponents)
    {
        var byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var webhookStarts = new List<string>();
        foreach (string id in webhookComponents)
        {
            if (components.TryGetValue(id, out TypeRef? type))
            {
                AddNames(type, webhookStarts);
            }
        }

        HashSet<string> webhookReach = Reach(byName, webhookStarts);
        var starts = new List<string>();
        foreach (TypeRef root in roots)
        {
            AddNames(root, starts);
        }

        var componentNames = new List<string>();
        foreach (TypeRef type in components.Values)
        {
            AddNames(type, componentNames);
        }

        starts.AddRange(componentNames.Where(name => !webhookReach.Contains(name)));

        return Reach(byName, starts);
    }

    /// <summary>The names of the types reachable from <paramref name="starts"/> through properties, map values and union variants.</summary>
    internal static HashSet<string> Reach(Dictionary<string, TypeModel> byName, IEnumerable<string> starts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(starts);
        var names = new List<string>();
        while (stack.Count > 0)
        {
            string name = stack.Pop();
            if (!seen.Add(name) || !byName.TryGetValue(name, out TypeModel? type))
            {
                continue;
            }

            names.Clear();
            foreach (PropertyModel property in type.Properties)
            {
                AddNames(property.Type, names);
            }

            if (type.AdditionalPropertiesType is { } additional)
            {
                AddNames(additional, names);
            }

            foreach (UnionVariantModel variant in type.Union?.Variants ?? EquatableArray<UnionVariantModel>.Empty)
            {
                AddNames(variant.Type, names);
            }

            foreach (string next in names)
            {
                stack.Push(next);
            }
        }

        return seen;
    }

    /// <summary>The generated types a reference names, itself or as the element of a list or map.</summary>
    internal static void AddNames(TypeRef? type, List<string> names)
    {
        for (; type is not null; type = type.Element)
        {
            if (type.Name is { } name)
            {
                names.Add(name);
            }
        }
    }

    private static void AddPathItem(IOpenApiPathItem? item, HashSet<string> components)
    {
        foreach (IOpenApiParameter? parameter in item?.Parameters ?? Enumerable.Empty<IOpenApiParameter>())
        {
            AddSchema(parameter?.Schema, components);
        }

        foreach (OpenApiOperation? operation in item?.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
        {
            foreach (IOpenApiParameter? parameter in operation?.Parameters ?? Enumerable.Empty<IOpenApiParameter>())
            {
                AddSchema(parameter?.Schema, components);
            }

            foreach (IOpenApiMediaType? media in operation?.RequestBody?.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>())
            {
                AddSchema(media?.Schema, components);
            }

            foreach (IOpenApiResponse? response in operation?.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            {
                foreach (IOpenApiMediaType? media in response?.Content?.Values ?? Enumerable.Empty<IOpenApiMediaType>())
                {
                    AddSchema(media?.Schema, components);
                }
            }
        }
    }

    /// <summary>The components an inline schema refers to; a reference is not followed (the type graph does that).</summary>
    private static void AddSchema(IOpenApiSchema? root, HashSet<string> components)
    {
        var stack = new Stack<IOpenApiSchema>();
        if (root is not null)
        {
            stack.Push(root);
        }

        while (stack.Count > 0)
        {
            IOpenApiSchema schema = stack.Pop();
            if (schema is OpenApiSchemaReference reference)
            {
                if (reference.Reference is { IsExternal: false, Id: { } id })
                {
                    components.Add(id);
                }

                continue;
            }

            IEnumerable<IOpenApiSchema?> children = (schema.Properties?.Values ?? Enumerable.Empty<IOpenApiSchema>())
                .Concat(schema.AllOf ?? Enumerable.Empty<IOpenApiSchema>())
                .Concat(schema.AnyOf ?? Enumerable.Empty<IOpenApiSchema>())
                .Concat(schema.OneOf ?? Enumerable.Empty<IOpenApiSchema>())
                .Append(schema.Items)
                .Append(schema.AdditionalProperties);
            foreach (IOpenApiSchema? child in children)
            {
                if (child is not null)
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>Every <c>$ref</c> to a component schema anywhere under <paramref name="root"/> (x-webhooks is plain JSON to the reader).</summary>
    private static void AddReferences(JsonNode root, HashSet<string> components)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    foreach (KeyValuePair<string, JsonNode?> member in obj)
                    {
                        if (member.Key == "$ref" && member.Value is JsonValue value && value.TryGetValue(out string? target)
                            && target.StartsWith(ComponentPrefix, StringComparison.Ordinal))
                        {
                            components.Add(target.Substring(ComponentPrefix.Length).Replace("~1", "/").Replace("~0", "~"));
                        }
                        else if (member.Value is not null)
                        {
                            stack.Push(member.Value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (JsonNode? element in array)
                    {
                        if (element is not null)
                        {
                            stack.Push(element);
                        }
                    }

                    break;
            }
        }
    }
}
