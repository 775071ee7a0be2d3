using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Aitronos.Codegen.Runtime.Serialization;

namespace Aitronos.Codegen.Runtime;

/// <summary>Reads one JSON value at the reader's current token.</summary>
/// <typeparam name="T">The type read.</typeparam>
/// <param name="reader">The reader, positioned on the value's first token; left on its last token.</param>
public delegate T JsonValueReader<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one JSON value.</summary>
/// <typeparam name="T">The type written.</typeparam>
/// <param name="writer">The writer.</param>
/// <param name="value">The value to write.</param>
public delegate void JsonValueWriter<in T>(Utf8JsonWriter writer, T value);

/// <summary>
/// The JSON building blocks that generated converters call. Reflection-free, so generated clients stay
/// trimmable and Native AOT compatible. Every failure is a <see cref="JsonException"/> that says what was
/// expected, so that a response that breaks its schema is reported, not silently mangled.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonCodec
{
    /// <summary>Checks that the reader is on the start of an object.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeName">The type being read, for the error message.</param>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeName} but found {DescribeToken(reader.TokenType)}.");
        }
    }

    /// <summary>Moves to the next property name of the current object.</summary>
    /// <param name="reader">The reader, inside an object.</param>
    /// <returns><see langword="true"/> on a property name; <see langword="false"/> at the end of the object.</returns>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended inside an object.");
        }

        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw new JsonException($"Expected a property name but found {DescribeToken(reader.TokenType)}."),
        };
    }

    /// <summary>Moves from a property name to its value.</summary>
    /// <param name="reader">The reader, on a property name.</param>
    public static void MoveToValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ended before a property value.");
        }
    }

    /// <summary>Skips the value the reader is on (an object or array whole).</summary>
    /// <param name="reader">The reader.</param>
    public static void Skip(ref Utf8JsonReader reader) => reader.Skip();

    /// <summary>The error for a required property that did not come.</summary>
    /// <param name="typeName">The type being read.</param>
    /// <param name="jsonName">The property's JSON name.</param>
    /// <returns>The exception to throw.</returns>
    public static JsonException MissingProperty(string typeName, string jsonName) =>
        new($"The JSON for {typeName} lacks the required property '{jsonName}'.");

    /// <summary>
    /// Appends a generated model's members as JSON (<c>"id":1,"name":"x"</c>): the model's <c>PrintMembers</c>, so
    /// its <c>ToString()</c> reads <c>Repository { "id":1,"name":"x" }</c>. One call per model instead of the code C#
    /// would synthesize per property, which is a noticeable share of compiling a big client.
    /// </summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="builder">Where the text goes.</param>
    /// <param name="value">The model.</param>
    /// <param name="write">The model's writer.</param>
    /// <returns>Whether anything was appended.</returns>
    public static bool PrintMembers<T>(System.Text.StringBuilder builder, T value, JsonValueWriter<T> write)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        string json = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (json.Length >= 2 && json[0] == '{' && json[json.Length - 1] == '}')
        {
            json = json.Substring(1, json.Length - 2);
        }

        builder.Append(json);
        return json.Length > 0;
    }

    /// <summary>Reads a string; <c>null</c> is an error.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static string ReadString(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String
        ? reader.GetString()!
        : throw Unexpected("a string", reader.TokenType);

    /// <summary>Reads a boolean.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String when bool.TryParse(reader.GetString(), out bool value) => JsonReadLog.Converted(value, "a boolean came as a JSON string"),
        _ => throw Unexpected("a boolean", reader.TokenType),
    };

    /// <summary>Reads a 32-bit integer (also from a string holding one).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String && int.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed))
        {
            return JsonReadLog.Converted(parsed, "an integer came as a JSON string");
        }

        throw Unexpected("a 32-bit integer", reader.TokenType);
    }

    /// <summary>Reads a 64-bit integer (also from a string holding one).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String && long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed))
        {
            return JsonReadLog.Converted(parsed, "an integer came as a JSON string");
        }

        throw Unexpected("a 64-bit integer", reader.TokenType);
    }

    /// <summary>Reads a single-precision number.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static float ReadSingle(ref Utf8JsonReader reader) => (float)ReadDouble(ref reader);

    /// <summary>Reads a double-precision number (also from a string holding one).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
        {
            return JsonReadLog.Converted(parsed, "a number came as a JSON string");
        }

        throw Unexpected("a number", reader.TokenType);
    }

    /// <summary>Reads a decimal number (also from a string holding one).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out decimal number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String && decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal parsed))
        {
            return JsonReadLog.Converted(parsed, "a number came as a JSON string");
        }

        throw Unexpected("a decimal number", reader.TokenType);
    }

    /// <summary>Reads an RFC 3339 date-time.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out DateTimeOffset value))
            {
                return value;
            }

            if (DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
            {
                return JsonReadLog.Converted(parsed, "a date-time came in another form than RFC 3339");
            }
        }

        throw Unexpected("a date-time", reader.TokenType);
    }

    /// <summary>Writes a date-time; in UTC as <c>Z</c>, the way servers send it, rather than <c>+00:00</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value)
    {
        if (value.Offset == TimeSpan.Zero)
        {
            writer.WriteStringValue(value.UtcDateTime);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Writes a date-time property; in UTC as <c>Z</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value)
    {
        if (value.Offset == TimeSpan.Zero)
        {
            writer.WriteString(name, value.UtcDateTime);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Reads a full date (<c>2025-12-22</c>) as midnight of that day.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateTime ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String
            && DateTime.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime value))
        {
            return value;
        }

        throw Unexpected("a date (yyyy-MM-dd)", reader.TokenType);
    }

#if NET6_0_OR_GREATER
    /// <summary>Reads a full date (<c>2025-12-22</c>).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader) => DateOnly.FromDateTime(ReadDate(ref reader));

    /// <summary>Writes a full date.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDateOnly(Utf8JsonWriter writer, DateOnly value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
#endif

    /// <summary>Writes a full date.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value; its time of day is dropped.</param>
    public static void WriteDate(Utf8JsonWriter writer, DateTime value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Reads a UUID.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static Guid ReadGuid(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out Guid value) ? value : throw Unexpected("a UUID", reader.TokenType);

    /// <summary>Reads base64 text as bytes.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static byte[] ReadBytes(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out byte[]? value) ? value : throw Unexpected("base64 text", reader.TokenType);

    /// <summary>Reads any JSON value as an element that outlives the reader.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static JsonElement ReadElement(ref Utf8JsonReader reader)
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    /// <summary>Writes an element; an undefined (default) element is written as <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteElement(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    /// <summary>Reads a JSON array.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader, on the array's start.</param>
    /// <param name="readItem">Reads one item.</param>
    /// <returns>The items.</returns>
    public static IReadOnlyList<T> ReadList<T>(ref Utf8JsonReader reader, JsonValueReader<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected("an array", reader.TokenType);
        }

        var items = new List<T>();
        while (true)
        {
            if (!reader.Read())
            {
                throw new JsonException("The JSON ended inside an array.");
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return items;
            }

            items.Add(readItem(ref reader));
        }
    }

    /// <summary>Reads a JSON object as a map of its properties.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader, on the object's start.</param>
    /// <param name="readValue">Reads one value.</param>
    /// <returns>The properties, in document order for enumeration.</returns>
    public static IReadOnlyDictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, JsonValueReader<T> readValue)
    {
        ExpectStartObject(ref reader, "a map");
        var values = new Dictionary<string, T>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
        {
            string name = reader.GetString()!;
            MoveToValue(ref reader);
            values[name] = readValue(ref reader);
        }

        return values;
    }

    /// <summary>Writes a JSON array.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="values">The items.</param>
    /// <param name="writeItem">Writes one item.</param>
    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> values, JsonValueWriter<T> writeItem)
    {
        writer.WriteStartArray();
        for (int i = 0; i < values.Count; i++)
        {
            writeItem(writer, values[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a map as a JSON object.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="values">The properties.</param>
    /// <param name="writeValue">Writes one value.</param>
    public static void WriteMap<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> values, JsonValueWriter<T> writeValue)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, T> pair in values)
        {
            writer.WritePropertyName(pair.Key);
            writeValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the properties of <paramref name="values"/> that are not among <paramref name="known"/>, inside the current object.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    /// <param name="values">Properties kept from a response, or added by the caller.</param>
    /// <param name="known">The JSON names the type writes itself.</param>
    public static void WriteAdditionalProperties(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement> values, string[] known)
    {
        foreach (KeyValuePair<string, JsonElement> pair in values)
        {
            if (Array.IndexOf(known, pair.Key) >= 0)
            {
                continue;
            }

            writer.WritePropertyName(pair.Key);
            WriteElement(writer, pair.Value);
        }
    }

    /// <summary>Makes a converter from a reader and a writer.</summary>
    /// <typeparam name="T">The converted type.</typeparam>
    /// <param name="read">Reads a value.</param>
    /// <param name="write">Writes a value.</param>
    /// <returns>The converter.</returns>
    public static JsonConverter<T> CreateConverter<T>(JsonValueReader<T> read, JsonValueWriter<T> write) => new DelegateConverter<T>(read, write);

    internal static JsonException Unexpected(string expected, JsonTokenType found) =>
        new($"Expected {expected} but found {DescribeToken(found)}.");

    internal static string DescribeToken(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };

    private sealed class DelegateConverter<T> : JsonConverter<T>, IGeneratedJsonConverter
    {
        private readonly JsonValueReader<T> _read;
        private readonly JsonValueWriter<T> _write;

        public DelegateConverter(JsonValueReader<T> read, JsonValueWriter<T> write)
        {
            _read = read;
            _write = write;
        }

        public override bool HandleNull => true;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonReadLog.Read(ref reader, _read);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);
    }
}
