using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Turns a body's JSON into <c>application/x-www-form-urlencoded</c> pairs by the OpenAPI <c>encoding</c> rules
/// (README, "Form bodies", has the table with examples):
/// <list type="bullet">
/// <item>scalars: <c>name=value</c> (numbers as JSON writes them, <c>true</c>/<c>false</c>); JSON <c>null</c> is
/// <c>name=</c>, which form APIs such as Stripe read as "clear this field"; absent properties send nothing.</item>
/// <item><c>form</c> (the default), exploded: an array repeats the name (<c>tag=a&amp;tag=b</c>), an object's
/// properties become pairs of their own (<c>r=1&amp;g=2</c>); not exploded: <c>tag=a,b</c>, <c>color=r,1,g,2</c>.</item>
/// <item><c>spaceDelimited</c>/<c>pipeDelimited</c>: as <c>form</c>, joined by a space or <c>|</c> when not exploded.</item>
/// <item><c>deepObject</c>: brackets, recursively: <c>metadata[key]=v</c>, <c>items[0][price]=p</c>, and arrays by index
/// (<c>expand[0]=x</c>), as Stripe's own libraries send them: an index keeps the items of an array of objects
/// together, where <c>[]</c> cannot.</item>
/// <item>anything a style cannot express (an object inside a <c>form</c> array, values nested two deep) is written in
/// the same bracket notation, which is what servers that accept nested forms (Rails, PHP, qs, Stripe) parse.</item>
/// <item>a property whose <c>contentType</c> is JSON is sent as its JSON text.</item>
/// </list>
/// </summary>
internal static class FormEncoder
{
    public static List<KeyValuePair<string, string>> Encode(JsonElement body, BodyField[]? fields)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A form body must be an object, not a JSON {body.ValueKind}.", nameof(body));
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var property in body.EnumerateObject())
        {
            EncodeProperty(pairs, property.Name, property.Value, BodyField.For(property.Name, fields));
        }

        return pairs;
    }

    /// <summary>One top-level property by its field's style.</summary>
    public static void EncodeProperty(List<KeyValuePair<string, string>> pairs, string name, JsonElement value, BodyField field)
    {
        if (BodyMediaTypes.IsJson(field.ContentType))
        {
            pairs.Add(Pair(name, value.GetRawText()));
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Array when field.Style == FormStyle.DeepObject:
            case JsonValueKind.Object when field.Style == FormStyle.DeepObject:
                Nested(pairs, name, value);
                break;

            case JsonValueKind.Array when field.Explode:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (BodyJson.Scalar(item) is { } text)
                    {
                        pairs.Add(Pair(name, text));
                    }
                    else
                    {
                        Nested(pairs, name + StyleEncoder.Index(index), item);
                    }

                    index++;
                }

                break;

            case JsonValueKind.Object when field.Explode:
                foreach (var member in value.EnumerateObject())
                {
                    Nested(pairs, member.Name, member.Value);
                }

                break;

            case JsonValueKind.Array:
            case JsonValueKind.Object:
                if (Joined(value, Delimiter(field.Style)) is { } joined)
                {
                    pairs.Add(Pair(name, joined));
                }
                else
                {
                    Nested(pairs, name, value);
                }

                break;

            default:
                Nested(pairs, name, value);
                break;
        }
    }

    /// <summary>Bracket notation, all the way down.</summary>
    private static void Nested(List<KeyValuePair<string, string>> pairs, string key, JsonElement value) =>
        StyleEncoder.BracketLeaves(pairs, key, value, escapeNames: false, static (list, name, text) => list.Add(Pair(name, text)));

    /// <summary>An array's items or an object's names and values joined by the delimiter; null if any is not a scalar.</summary>
    private static string? Joined(JsonElement value, char delimiter)
    {
        var parts = new List<string>();
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (BodyJson.Scalar(item) is not { } text)
                {
                    return null;
                }

                parts.Add(text);
            }
        }
        else
        {
            foreach (var member in value.EnumerateObject())
            {
                if (BodyJson.Scalar(member.Value) is not { } text)
                {
                    return null;
                }

                parts.Add(member.Name);
                parts.Add(text);
            }
        }

        return string.Join(delimiter.ToString(), parts);
    }

    private static char Delimiter(FormStyle style) => style switch
    {
        FormStyle.SpaceDelimited => ' ',
        FormStyle.PipeDelimited => '|',
        _ => ',',
    };

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);
}
