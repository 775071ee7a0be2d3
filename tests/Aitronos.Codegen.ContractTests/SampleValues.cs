using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Aitronos.Codegen.ContractTests;

/// <summary>
/// A JSON value that satisfies a schema, built from the spec alone (not from our generated types): required properties
/// and optional ones near the top, enum/const/example/default before anything made up, formats, bounds and lengths
/// honoured, the first branch of a <c>oneOf</c>/<c>anyOf</c> with its discriminator value set, <c>readOnly</c>
/// properties left out of requests.
/// </summary>
public static class SampleValues
{
    private const int OptionalDepth = 2;
    private const int MaxDepth = 8;

    public static JsonNode? For(IOpenApiSchema? schema) => For(schema, out _);

    /// <param name="ambiguous">
    /// Set when some <c>oneOf</c> on the way has overlapping branches (objects open to each other's properties) so
    /// that every value of one also satisfies another: JSON Schema rejects any such value, whatever the discriminator says.
    /// </param>
    public static JsonNode? For(IOpenApiSchema? schema, out bool ambiguous)
    {
        var path = new SchemaPath();
        JsonNode? value = Build(schema, 0, path);
        ambiguous = path.Ambiguous;
        return value;
    }

    /// <summary>The schemas being built, outermost last, and whether a oneOf on the way had no unambiguous value.</summary>
    private sealed class SchemaPath : Stack<IOpenApiSchema>
    {
        public bool Ambiguous { get; set; }
    }

    /// <summary>
    /// A schema's <c>const</c> as the JSON value it is: Microsoft.OpenApi keeps it as text (<c>const: true</c> reads as
    /// "True"), so the schema's type says whether it is a boolean or a number.
    /// </summary>
    public static JsonNode? ConstValue(IOpenApiSchema schema, string constant)
    {
        JsonSchemaType type = schema.Type ?? 0;
        if ((type & JsonSchemaType.Boolean) != 0 && bool.TryParse(constant, out bool flag))
        {
            return JsonValue.Create(flag);
        }

        if ((type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0
            && decimal.TryParse(constant, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(constant);
    }

    private static JsonNode? Build(IOpenApiSchema? schema, int depth, SchemaPath path, bool everyProperty = false)
    {
        if (schema is null || depth > MaxDepth)
        {
            return JsonValue.Create("x");
        }

        if (schema.Const is { } constant)
        {
            return ConstValue(schema, constant);
        }

        if (schema.Enum is { Count: > 0 } values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }

        if (schema.AllOf is { Count: > 0 })
        {
            return Merge(schema, depth, path);
        }

        IList<IOpenApiSchema>? branches = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf is { Count: > 0 } ? schema.AnyOf : null;
        if (branches is not null)
        {
            JsonNode? branch = Branch(schema, branches, depth, path);
            if (schema.Properties is not { Count: > 0 } || branch is not JsonObject chosen)
            {
                return branch;
            }

            // Properties beside the oneOf (a discriminator declared next to the branches): both in one object.
            JsonObject own = BuildObject(schema, depth, path, everyProperty);
            foreach (var property in chosen.ToList())
            {
                chosen.Remove(property.Key);
                own[property.Key] = property.Value;
            }

            SetDiscriminator(schema, branches.FirstOrDefault(b => SchemaMatch.Matches(own, b)) ?? branches[0], own);
            return own;
        }

        JsonSchemaType type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        if (type == 0)
        {
            type = schema.Properties is { Count: > 0 } ? JsonSchemaType.Object : schema.Items is not null ? JsonSchemaType.Array : JsonSchemaType.String;
        }

        if ((type & JsonSchemaType.Object) != 0)
        {
            return BuildObject(schema, depth, path, everyProperty);
        }

        if ((type & JsonSchemaType.Array) != 0)
        {
            var array = new JsonArray();
            // Two items where allowed: one form or multipart field is indistinguishable from a one-item array.
            int count = Math.Max(schema.MaxItems is 1 ? 1 : 2, schema.MinItems ?? 0);
            for (int i = 0; i < count; i++)
            {
                JsonNode? item = Build(schema.Items, depth + 1, path);
                if (schema.UniqueItems == true && item is JsonValue v && v.TryGetValue(out string? s))
                {
                    item = JsonValue.Create(s + i.ToString(CultureInfo.InvariantCulture));
                }

                array.Add(item);
            }

            return array;
        }

#pragma warning disable CS0618 // 3.0's single example, which the library keeps beside 3.1's list
        JsonNode? example = schema.Example ?? schema.Examples?.FirstOrDefault() ?? schema.Default;
#pragma warning restore CS0618
        if (example is not null && example.GetValueKind() is not System.Text.Json.JsonValueKind.Object and not System.Text.Json.JsonValueKind.Array)
        {
            return example.DeepClone();
        }

        if ((type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
        {
            return JsonValue.Create(Number(schema, (type & JsonSchemaType.Integer) != 0));
        }

        if ((type & JsonSchemaType.Boolean) != 0)
        {
            return JsonValue.Create(true);
        }

        return JsonValue.Create(Text(schema));
    }

    /// <summary>
    /// A value of one branch that no other branch of a <c>oneOf</c> also accepts (a validator would reject it as
    /// ambiguous): each branch tried, first with what it requires, then with every property it has.
    /// </summary>
    private static JsonNode? Branch(IOpenApiSchema owner, IList<IOpenApiSchema> branches, int depth, SchemaPath path)
    {
        JsonNode? fallback = null;
        foreach (IOpenApiSchema branch in branches.Where(b => (b.Type ?? 0) != JsonSchemaType.Null))
        {
            foreach (bool everyProperty in new[] { false, true })
            {
                JsonNode? value = Build(branch, depth + 1, path, everyProperty);
                SetDiscriminator(owner, branch, value);
                fallback ??= value;
                if (owner.OneOf is not { Count: > 0 } || branches.Count(b => SchemaMatch.Matches(value, b)) == 1)
                {
                    return value;
                }
            }
        }

        path.Ambiguous |= owner.OneOf is { Count: > 0 };

        return fallback ?? JsonValue.Create("x");
    }

    private static JsonObject BuildObject(IOpenApiSchema schema, int depth, SchemaPath path, bool everyProperty)
    {
        var result = new JsonObject();
        path.Push(schema);
        try
        {
            foreach (var property in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                bool required = schema.Required?.Contains(property.Key) == true;
                if (property.Value.ReadOnly || (!required && !everyProperty && (depth >= OptionalDepth || path.Count(s => ReferenceEquals(s, property.Value)) > 0)))
                {
                    continue;
                }

                result[property.Key] = Build(property.Value, depth + 1, path);
            }

            if (schema.Discriminator is { PropertyName: { } name } && !result.ContainsKey(name))
            {
                result[name] = JsonValue.Create("x");
            }
        }
        finally
        {
            path.Pop();
        }

        return result;
    }

    /// <summary><c>allOf</c>: the properties and requirements of every part in one object.</summary>
    private static JsonNode? Merge(IOpenApiSchema schema, int depth, SchemaPath path)
    {
        var merged = new JsonObject();
        IEnumerable<IOpenApiSchema> parts = schema.AllOf!.Append(schema.Properties is { Count: > 0 } ? new OpenApiSchema
        {
            Properties = schema.Properties,
            Required = schema.Required,
            Type = JsonSchemaType.Object,
        } : null!).Where(p => p is not null);
        foreach (IOpenApiSchema part in parts)
        {
            JsonNode? value = Build(part, depth, path);
            if (value is not JsonObject obj)
            {
                return value;
            }

            foreach (var property in obj.ToList())
            {
                obj.Remove(property.Key);
                merged[property.Key] = property.Value;
            }
        }

        return merged;
    }

    private static void SetDiscriminator(IOpenApiSchema owner, IOpenApiSchema branch, JsonNode? value)
    {
        if (owner.Discriminator is not { PropertyName: { } name } discriminator || value is not JsonObject obj)
        {
            return;
        }

        string? id = (branch as OpenApiSchemaReference)?.Reference.Id;
        string? key = discriminator.Mapping?.FirstOrDefault(m => m.Value.Reference.Id == id).Key ?? id;
        if (key is not null)
        {
            obj[name] = JsonValue.Create(key);
        }
    }

    private static decimal Number(IOpenApiSchema schema, bool integer)
    {
        decimal? min = Parse(schema.Minimum) ?? Parse(schema.ExclusiveMinimum);
        decimal? max = Parse(schema.Maximum) ?? Parse(schema.ExclusiveMaximum);
        decimal value = min is { } low ? low + (Parse(schema.ExclusiveMinimum) is not null ? 1 : 0) : max is { } high && high < 1 ? high - 1 : 1;
        if (Parse(schema.MultipleOf) is { } step && step > 0)
        {
            value = Math.Ceiling(value / step) * step;
        }

        return integer ? Math.Ceiling(value) : value;
    }

    private static decimal? Parse(object? value) =>
        value?.ToString() is { Length: > 0 } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal d) ? d : null;

    private static string Text(IOpenApiSchema schema)
    {
        string text = schema.Format switch
        {
            "date-time" => "2024-05-01T12:30:00Z",
            "date" => "2024-05-01",
            "time" => "12:30:00",
            "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "email" => "user@example.com",
            "uri" or "url" => "https://example.com/x",
            "hostname" => "example.com",
            "ipv4" => "192.0.2.1",
            "ipv6" => "2001:db8::1",
            "byte" => "aGVsbG8=",
            "binary" => "file contents",
            "password" => "secret-1",
            _ => "string",
        };
        if (schema.MinLength is { } minLength && text.Length < minLength)
        {
            text = text.PadRight(minLength, 'x');
        }

        if (schema.MaxLength is { } maxLength && text.Length > maxLength)
        {
            text = text.Substring(0, maxLength);
        }

        return text;
    }
}
