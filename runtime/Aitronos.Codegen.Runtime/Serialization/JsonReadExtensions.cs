using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime.Serialization;

/// <summary>
/// Reads one value at the reader's current token, for generated models. Each <c>Read…</c> treats JSON
/// <c>null</c> as an error; each <c>Read…OrNull</c> reads it as <see langword="null"/>. Every failure is a
/// <see cref="JsonException"/> saying what was expected.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonReadExtensions
{
    /// <summary>Whether the reader is on a JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns><see langword="true"/> on <c>null</c>.</returns>
    public static bool IsNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

    /// <summary>Reads a string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static string ReadString(this ref Utf8JsonReader reader) => JsonCodec.ReadString(ref reader);

    /// <summary>Reads a string or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static string? ReadStringOrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadString(ref reader);

    /// <summary>Reads a boolean.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static bool ReadBoolean(this ref Utf8JsonReader reader) => JsonCodec.ReadBoolean(ref reader);

    /// <summary>Reads a boolean or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static bool? ReadBooleanOrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadBoolean(ref reader);

    /// <summary>Reads a 32-bit integer.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static int ReadInt32(this ref Utf8JsonReader reader) => JsonCodec.ReadInt32(ref reader);

    /// <summary>Reads a 32-bit integer or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static int? ReadInt32OrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadInt32(ref reader);

    /// <summary>Reads a 64-bit integer.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static long ReadInt64(this ref Utf8JsonReader reader) => JsonCodec.ReadInt64(ref reader);

    /// <summary>Reads a 64-bit integer or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static long? ReadInt64OrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadInt64(ref reader);

    /// <summary>Reads a single-precision number.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static float ReadSingle(this ref Utf8JsonReader reader) => JsonCodec.ReadSingle(ref reader);

    /// <summary>Reads a single-precision number or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static float? ReadSingleOrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadSingle(ref reader);

    /// <summary>Reads a double-precision number.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static double ReadDouble(this ref Utf8JsonReader reader) => JsonCodec.ReadDouble(ref reader);

    /// <summary>Reads a double-precision number or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static double? ReadDoubleOrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadDouble(ref reader);

    /// <summary>Reads a decimal number.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static decimal ReadDecimal(this ref Utf8JsonReader reader) => JsonCodec.ReadDecimal(ref reader);

    /// <summary>Reads a decimal number or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static decimal? ReadDecimalOrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadDecimal(ref reader);

    /// <summary>Reads an RFC 3339 date-time.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset ReadDateTimeOffset(this ref Utf8JsonReader reader) => JsonCodec.ReadDateTimeOffset(ref reader);

    /// <summary>Reads an RFC 3339 date-time or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset? ReadDateTimeOffsetOrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadDateTimeOffset(ref reader);

    /// <summary>Reads a full date as midnight of that day.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateTime ReadDate(this ref Utf8JsonReader reader) => JsonCodec.ReadDate(ref reader);

    /// <summary>Reads a full date or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateTime? ReadDateOrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadDate(ref reader);

#if NET6_0_OR_GREATER
    /// <summary>Reads a full date.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateOnly ReadDateOnly(this ref Utf8JsonReader reader) => JsonCodec.ReadDateOnly(ref reader);

    /// <summary>Reads a full date or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static DateOnly? ReadDateOnlyOrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadDateOnly(ref reader);
#endif

    /// <summary>Reads a UUID.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static Guid ReadGuid(this ref Utf8JsonReader reader) => JsonCodec.ReadGuid(ref reader);

    /// <summary>Reads a UUID or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static Guid? ReadGuidOrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadGuid(ref reader);

    /// <summary>Reads base64 text as bytes.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static byte[] ReadBytes(this ref Utf8JsonReader reader) => JsonCodec.ReadBytes(ref reader);

    /// <summary>Reads base64 text as bytes, or <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static byte[]? ReadBytesOrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadBytes(ref reader);

    /// <summary>Reads any JSON value, <c>null</c> included, as an element that outlives the reader.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static JsonElement ReadElement(this ref Utf8JsonReader reader) => JsonCodec.ReadElement(ref reader);

    /// <summary>Reads any JSON value as an element; <c>null</c> as <see langword="null"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    public static JsonElement? ReadElementOrNull(this ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : JsonCodec.ReadElement(ref reader);

    /// <summary>Reads a JSON array.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="readItem">Reads one item.</param>
    /// <returns>The items.</returns>
    public static IReadOnlyList<T> ReadList<T>(this ref Utf8JsonReader reader, JsonValueReader<T> readItem) => JsonCodec.ReadList(ref reader, readItem);

    /// <summary>Reads a JSON object as a map.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="readValue">Reads one value.</param>
    /// <returns>The properties.</returns>
    public static IReadOnlyDictionary<string, T> ReadMap<T>(this ref Utf8JsonReader reader, JsonValueReader<T> readValue) => JsonCodec.ReadMap(ref reader, readValue);

    /// <summary>Reads a property the model does not name into <paramref name="additional"/>, created on first use.</summary>
    /// <param name="reader">The reader, on the property's name.</param>
    /// <param name="additional">The model's additional properties.</param>
    public static void ReadAdditional(this ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? additional)
    {
        string name = reader.GetString()!;
        JsonCodec.MoveToValue(ref reader);
        (additional ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonCodec.ReadElement(ref reader);
    }

    /// <summary>Reads a property the model does not name into typed <paramref name="additional"/> properties.</summary>
    /// <typeparam name="T">The schema's <c>additionalProperties</c> type.</typeparam>
    /// <param name="reader">The reader, on the property's name.</param>
    /// <param name="additional">The model's additional properties.</param>
    /// <param name="readValue">Reads one value.</param>
    public static void ReadAdditional<T>(this ref Utf8JsonReader reader, ref Dictionary<string, T>? additional, JsonValueReader<T> readValue)
    {
        string name = reader.GetString()!;
        JsonCodec.MoveToValue(ref reader);
        (additional ??= new Dictionary<string, T>(StringComparer.Ordinal))[name] = readValue(ref reader);
    }
}
