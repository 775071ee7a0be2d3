using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Aitronos.Codegen.ContractTests;

/// <summary>
/// A small structural check of a JSON value against a schema (types, required and unknown properties, enum, const,
/// the combinators), enough to tell which branches of a <c>oneOf</c> a sample would satisfy. Not a full validator:
/// Prism is the judge; this only keeps the samples from being ambiguous.
/// </summary>
public static class SchemaMatch
{
    public static bool Matches(JsonNode? value, IOpenApiSchema? schema, int depth = 0)
    {
        if (schema is null || depth > 16)
        {
            return true;
        }

        if (schema.Const is { } constant && !JsonNode.DeepEquals(value, SampleValues.ConstValue(schema, constant)))
        {
            return false;
        }

        if (schema.Enum is { Count: > 0 } values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            return false;
        }

        if (schema.AllOf is { Count: > 0 } && !schema.AllOf.All(s => Matches(value, s, depth + 1)))
        {
            return false;
        }

        if (schema.OneOf is { Count: > 0 } && schema.OneOf.Count(s => Matches(value, s, depth + 1)) != 1)
        {
            return false;
        }

        if (schema.AnyOf is { Count: > 0 } && !schema.AnyOf.Any(s => Matches(value, s, depth + 1)))
        {
            return false;
        }

        JsonValueKind kind = value?.GetValueKind() ?? JsonValueKind.Null;
        if (schema.Type is { } type && !TypeMatches(type, value, kind))
        {
            return false;
        }

        if (kind == JsonValueKind.Object)
        {
            var obj = (JsonObject)value!;
            if (schema.Required?.Any(r => !obj.ContainsKey(r)) == true)
            {
                return false;
            }

            foreach (var property in obj)
            {
                if (schema.Properties?.TryGetValue(property.Key, out IOpenApiSchema? propertySchema) == true)
                {
                    if (!Matches(property.Value, propertySchema, depth + 1))
                    {
                        return false;
                    }
                }
                else if (!schema.AdditionalPropertiesAllowed || (schema.AdditionalProperties is { } extra && !Matches(property.Value, extra, depth + 1)))
                {
                    return false;
                }
            }
        }

        if (kind == JsonValueKind.Array && schema.Items is { } items && ((JsonArray)value!).Any(i => !Matches(i, items, depth + 1)))
        {
            return false;
        }

        return true;
    }

    private static bool TypeMatches(JsonSchemaType type, JsonNode? value, JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => (type & JsonSchemaType.Null) != 0,
        JsonValueKind.Object => (type & JsonSchemaType.Object) != 0,
        JsonValueKind.Array => (type & JsonSchemaType.Array) != 0,
        JsonValueKind.String => (type & JsonSchemaType.String) != 0,
        JsonValueKind.True or JsonValueKind.False => (type & JsonSchemaType.Boolean) != 0,
        JsonValueKind.Number => (type & JsonSchemaType.Number) != 0
            || ((type & JsonSchemaType.Integer) != 0 && value!.GetValue<decimal>() % 1 == 0),
        _ => true,
    };
}
