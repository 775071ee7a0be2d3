using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime.Serialization;

/// <summary>
/// For generated unions: the checks that choose a variant from the JSON before it is read. Each looks at the current
/// token (or at a copy of the reader), never moves the reader, and allocates nothing for a token of another kind.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonUnionReading
{
    /// <summary>Marks the start of a union's read (see <see cref="JsonUnion"/>'s <c>Finish</c>).</summary>
    /// <returns>The mark.</returns>
    public static int Start() => JsonReadLog.Count;

    /// <summary>Whether the token is a number that fits a 32-bit integer.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>Whether it fits.</returns>
    public static bool IsInt32Number(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out _);

    /// <summary>Whether the token is a number that fits a 64-bit integer.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>Whether it fits.</returns>
    public static bool IsInt64Number(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out _);

    /// <summary>Whether the token is a string holding a UUID.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>Whether it does.</returns>
    public static bool IsGuidString(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out _);

    /// <summary>Whether the token is a string holding an ISO 8601 date and time.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>Whether it does.</returns>
    public static bool IsDateTimeString(this ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var copy = reader;
        try
        {
            JsonCodec.ReadDateTimeOffset(ref copy);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether the token is a string holding a full date (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>Whether it does.</returns>
    public static bool IsDateString(this ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
        && DateTime.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Whether the token is a string holding base64 text.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>Whether it does.</returns>
    public static bool IsBase64String(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out _);

    /// <summary>Whether the token is a string equal to one of <paramref name="values"/> (an enum's known values).</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="values">The values.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsStringOf(this ref Utf8JsonReader reader, string[] values)
    {
        if (reader.TokenType != JsonTokenType.String || values is null)
        {
            return false;
        }

        foreach (string value in values)
        {
            if (reader.ValueTextEquals(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The token that starts the first item of the array the reader is on; <see cref="JsonTokenType.EndArray"/> when it is empty.</summary>
    /// <param name="reader">The reader, on an array's start.</param>
    /// <returns>The token.</returns>
    public static JsonTokenType FirstItemToken(this ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return JsonTokenType.None;
        }

        var copy = reader;
        return copy.Read() ? copy.TokenType : JsonTokenType.None;
    }

    /// <summary>
    /// Reads the value a union could not match to a variant, records the problem (<see cref="JsonReadProblemKind.NoVariant"/>;
    /// in strict mode the read then throws) and returns it to be kept in the union.
    /// </summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The union's name.</param>
    /// <param name="reason">Why no variant matched, for people.</param>
    /// <returns>The value, for the union's unknown variant.</returns>
    public static JsonUnionUnknown Unmatched(ref Utf8JsonReader reader, string typeName, string reason)
    {
        JsonElement json = JsonCodec.ReadElement(ref reader);
        Record(typeName, string.Empty, reason, json);
        return new JsonUnionUnknown(json);
    }

    /// <summary>As <see cref="Unmatched(ref Utf8JsonReader, string, string)"/>, for a value whose JSON kind no variant takes.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="typeName">The union's name.</param>
    /// <returns>The value, for the union's unknown variant.</returns>
    public static JsonUnionUnknown Unmatched(ref Utf8JsonReader reader, string typeName) =>
        Unmatched(ref reader, typeName, $"{JsonCodec.DescribeToken(reader.TokenType)} matches none of its variants");

    internal static void Record(string typeName, string propertyName, string reason, JsonElement json)
    {
        var problem = new JsonReadProblem(JsonReadProblemKind.NoVariant, typeName, propertyName, $"{typeName}: {reason}; kept as it came.")
        {
            Value = json,
            ValuePending = false,
        };
        JsonReadLog.Add(problem);
    }

    /// <summary>Calls <paramref name="visit"/> with each name of the object the reader is on (a copy of it: the reader stays).</summary>
    internal static void ScanNames(ref Utf8JsonReader reader, Func<string, bool> visit)
    {
        var copy = reader;
        int depth = copy.CurrentDepth;
        while (copy.Read() && copy.CurrentDepth > depth)
        {
            if (copy.TokenType == JsonTokenType.PropertyName)
            {
                if (!visit(copy.GetString()!))
                {
                    return;
                }

                copy.Read();
                if (copy.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    copy.Skip();
                }
            }
        }
    }
}

/// <summary>
/// For generated unions: the discriminator of a union of objects (OpenAPI's <c>discriminator</c>, or a property whose
/// schema allows one string in each variant): its property's name and which value names which variant. Finding the
/// variant scans the object's top-level names (a copy of the reader) and looks the value up in a table.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonUnionDiscriminator
{
    private readonly string _typeName;
    private readonly string _propertyName;
    private readonly byte[] _utf8Name;
    private readonly Dictionary<string, int> _variants;
    private readonly JsonUnionShapes? _withoutValue;

    /// <summary>Creates the table.</summary>
    /// <param name="typeName">The union's name, for messages.</param>
    /// <param name="propertyName">The discriminating property's JSON name.</param>
    /// <param name="values">The values, each naming the variant at the same position of <paramref name="variants"/>.</param>
    /// <param name="variants">The variants' numbers, from 1.</param>
    /// <param name="withoutValue">
    /// How to choose when the object does not carry the property (servers and examples leave it out): by property
    /// names. A value that names no variant is never guessed at: it is the unknown variant.
    /// </param>
    public JsonUnionDiscriminator(string typeName, string propertyName, string[] values, int[] variants, JsonUnionShapes? withoutValue = null)
    {
        _withoutValue = withoutValue;
        _typeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        _propertyName = propertyName ?? throw new ArgumentNullException(nameof(propertyName));
        if (values is null || variants is null || values.Length != variants.Length)
        {
            throw new ArgumentException("Each value names one variant.", nameof(values));
        }

        _utf8Name = Encoding.UTF8.GetBytes(propertyName);
        _variants = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (int i = 0; i < values.Length; i++)
        {
            if (!_variants.ContainsKey(values[i]))
            {
                _variants.Add(values[i], variants[i]);
            }
        }
    }

    /// <summary>
    /// The variant the object the reader is on names; 0 when it is not an object or names none. Without the property (or
    /// with a value that is not a string), the variant its property names say, if the table was given a way to tell.
    /// </summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The variant's number, or 0.</returns>
    public int Find(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }

        if (Value(ref reader) is { } value)
        {
            return _variants.TryGetValue(value, out int variant) ? variant : 0;
        }

        return _withoutValue?.Pick(ref reader) ?? 0;
    }

    /// <summary>Reads the object that named no variant into the union's unknown variant, and records why.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value, for the union's unknown variant.</returns>
    public JsonUnionUnknown Unmatched(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return JsonUnionReading.Unmatched(ref reader, _typeName);
        }

        string? value = Value(ref reader);
        JsonElement json = JsonCodec.ReadElement(ref reader);
        string reason = value is null
            ? $"the discriminator '{_propertyName}' is missing or not a string, and no variant knows the properties that came"
            : $"the discriminator '{_propertyName}' is '{value}', which names none of its variants";
        JsonUnionReading.Record(_typeName, _propertyName, reason, json);
        return new JsonUnionUnknown(json);
    }

    private string? Value(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var copy = reader;
        int depth = copy.CurrentDepth;
        while (copy.Read() && copy.CurrentDepth > depth)
        {
            if (copy.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            bool match = copy.ValueTextEquals(_utf8Name);
            copy.Read();
            if (match)
            {
                return copy.TokenType == JsonTokenType.String ? copy.GetString() : null;
            }

            if (copy.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                copy.Skip();
            }
        }

        return null;
    }
}

/// <summary>
/// For generated unions without a discriminator: which object variant an object is, by its property names. The rule:
/// among the variants whose required properties all came, the one that knows the most of the names that came; on a
/// tie, the one listed first. When no variant has all its required properties: a map variant if there is one, else the
/// variant that knows the most of the names that came (its reader reports what is missing), else 0 (no variant).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonUnionShapes
{
    private readonly int[] _variants;
    private readonly HashSet<string>[] _required;
    private readonly HashSet<string>[] _known;
    private readonly int _fallback;

    /// <summary>Creates the table.</summary>
    /// <param name="fallback">The variant for an object no shape takes (a map), or 0.</param>
    /// <param name="variants">The object variants' numbers, in the order listed.</param>
    /// <param name="required">Each variant's required property names.</param>
    /// <param name="known">Each variant's property names.</param>
    public JsonUnionShapes(int fallback, int[] variants, string[][] required, string[][] known)
    {
        if (variants is null || required is null || known is null || variants.Length != required.Length || variants.Length != known.Length)
        {
            throw new ArgumentException("Each variant has its required and known names.", nameof(variants));
        }

        _fallback = fallback;
        _variants = variants;
        _required = Array.ConvertAll(required, r => new HashSet<string>(r, StringComparer.Ordinal));
        _known = Array.ConvertAll(known, k => new HashSet<string>(k, StringComparer.Ordinal));
    }

    /// <summary>The variant the object the reader is on is, by the rule above; 0 when none.</summary>
    /// <param name="reader">The reader, on the object's start.</param>
    /// <returns>The variant's number, or 0.</returns>
    public int Pick(ref Utf8JsonReader reader)
    {
        var names = new List<string>();
        JsonUnionReading.ScanNames(ref reader, name =>
        {
            names.Add(name);
            return true;
        });

        int best = -1;
        int bestScore = -1;
        int partial = -1;
        int partialScore = 0;
        for (int i = 0; i < _variants.Length; i++)
        {
            int required = 0;
            int score = 0;
            foreach (string name in names)
            {
                if (_required[i].Contains(name))
                {
                    required++;
                }

                if (_known[i].Contains(name))
                {
                    score++;
                }
            }

            if (required == _required[i].Count && score > bestScore)
            {
                best = i;
                bestScore = score;
            }
            else if (score > partialScore)
            {
                partial = i;
                partialScore = score;
            }
        }

        // Servers leave out required properties (GitHub's examples do): then the variant that knows the most of what
        // came, which reads it and reports what is missing; a map, or nothing, only when no variant knows any of it.
        return best >= 0 ? _variants[best] : _fallback != 0 ? _fallback : partial >= 0 ? _variants[partial] : 0;
    }
}
