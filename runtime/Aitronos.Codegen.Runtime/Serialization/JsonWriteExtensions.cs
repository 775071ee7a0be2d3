using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime.Serialization;

/// <summary>
/// Writes one property of a generated model. <c>WriteRequired…</c> writes a value that is always there;
/// <c>WriteOptional…</c> leaves a <see langword="null"/> value out (an optional property); <c>WriteNullable…</c> writes
/// it as JSON <c>null</c> (a required property that may be null).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWriteExtensions
{
    /// <summary>
    /// Ends writing a generated model's object, after the optional properties that came as <c>null</c> when the model
    /// was read (its writer leaves out optional properties that are <see langword="null"/>).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="model">The model.</param>
    /// <param name="names">The model's property names.</param>
    public static void EndObject(this Utf8JsonWriter writer, JsonModel model, JsonPropertyNames names)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        if (names is null)
        {
            throw new ArgumentNullException(nameof(names));
        }

        model.WriteExplicitNulls(writer, names);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Starts writing a generated model's object; a model read with problems is instead written whole, as the JSON
    /// it was read from (what its properties hold would not be what came).
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="model">The model.</param>
    /// <returns><see langword="true"/> when the writer is to write the properties and end the object; <see langword="false"/> when the model is written.</returns>
    public static bool StartObject(this Utf8JsonWriter writer, JsonModel model)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        if (model.WriteAsRead(writer))
        {
            return false;
        }

        writer.WriteStartObject();
        return true;
    }

    /// <summary>Writes a string property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalString(this Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a string property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableString(this Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a boolean property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalBoolean(this Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is not null)
        {
            writer.WriteBoolean(name, value.Value);
        }
    }

    /// <summary>Writes a boolean property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableBoolean(this Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteBoolean(name, value.Value);
        }
    }

    /// <summary>Writes a 32-bit integer property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalInt32(this Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is not null)
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a 32-bit integer property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableInt32(this Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a 64-bit integer property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalInt64(this Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is not null)
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a 64-bit integer property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableInt64(this Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a single-precision number property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalSingle(this Utf8JsonWriter writer, JsonEncodedText name, float? value)
    {
        if (value is not null)
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a single-precision number property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableSingle(this Utf8JsonWriter writer, JsonEncodedText name, float? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a double-precision number property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalDouble(this Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is not null)
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a double-precision number property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableDouble(this Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a decimal number property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalDecimal(this Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        if (value is not null)
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a decimal number property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableDecimal(this Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>Writes a date-time property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalDateTimeOffset(this Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is not null)
        {
            JsonCodec.WriteDateTimeOffset(writer, name, value.Value);
        }
    }

    /// <summary>Writes a date-time property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableDateTimeOffset(this Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            JsonCodec.WriteDateTimeOffset(writer, name, value.Value);
        }
    }

    /// <summary>Writes a UUID property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalGuid(this Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value.Value);
        }
    }

    /// <summary>Writes a UUID property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableGuid(this Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value.Value);
        }
    }

    /// <summary>Writes bytes as base64 property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalBytes(this Utf8JsonWriter writer, JsonEncodedText name, byte[]? value)
    {
        if (value is not null)
        {
            writer.WriteBase64String(name, value);
        }
    }

    /// <summary>Writes bytes as base64 property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableBytes(this Utf8JsonWriter writer, JsonEncodedText name, byte[]? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteBase64String(name, value);
        }
    }

    /// <summary>Writes any JSON value property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalElement(this Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        if (value is not null)
        {
            WriteElement(writer, name, value.Value);
        }
    }

    /// <summary>Writes any JSON value property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableElement(this Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            WriteElement(writer, name, value.Value);
        }
    }

    // Required values have one method per type, named for it: generated models call thousands of these, and a name
    // with one candidate binds faster than Utf8JsonWriter's overloads (which the compiler weighs on every call).

    /// <summary>Writes a String property that is always there.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteRequiredString(this Utf8JsonWriter writer, JsonEncodedText name, string value) => writer.WriteString(name, value);

    /// <summary>Writes a Boolean property that is always there.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteRequiredBoolean(this Utf8JsonWriter writer, JsonEncodedText name, bool value) => writer.WriteBoolean(name, value);

    /// <summary>Writes a Int32 property that is always there.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteRequiredInt32(this Utf8JsonWriter writer, JsonEncodedText name, int value) => writer.WriteNumber(name, value);

    /// <summary>Writes a Int64 property that is always there.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteRequiredInt64(this Utf8JsonWriter writer, JsonEncodedText name, long value) => writer.WriteNumber(name, value);

    /// <summary>Writes a Single property that is always there.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteRequiredSingle(this Utf8JsonWriter writer, JsonEncodedText name, float value) => writer.WriteNumber(name, value);

    /// <summary>Writes a Double property that is always there.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteRequiredDouble(this Utf8JsonWriter writer, JsonEncodedText name, double value) => writer.WriteNumber(name, value);

    /// <summary>Writes a Decimal property that is always there.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteRequiredDecimal(this Utf8JsonWriter writer, JsonEncodedText name, decimal value) => writer.WriteNumber(name, value);

    /// <summary>Writes a DateTimeOffset property that is always there.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteRequiredDateTimeOffset(this Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value) => JsonCodec.WriteDateTimeOffset(writer, name, value);

    /// <summary>Writes a Guid property that is always there.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteRequiredGuid(this Utf8JsonWriter writer, JsonEncodedText name, Guid value) => writer.WriteString(name, value);

    /// <summary>Writes a Bytes property that is always there.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteRequiredBytes(this Utf8JsonWriter writer, JsonEncodedText name, byte[] value) => writer.WriteBase64String(name, value);

    /// <summary>Writes a full-date property.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value; its time of day is dropped.</param>
    public static void WriteRequiredDate(this Utf8JsonWriter writer, JsonEncodedText name, DateTime value) =>
        writer.WriteString(name, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Writes a full-date property unless the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalDate(this Utf8JsonWriter writer, JsonEncodedText name, DateTime? value)
    {
        if (value is not null)
        {
            WriteRequiredDate(writer, name, value.Value);
        }
    }

    /// <summary>Writes a full-date property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableDate(this Utf8JsonWriter writer, JsonEncodedText name, DateTime? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            WriteRequiredDate(writer, name, value.Value);
        }
    }

#if NET6_0_OR_GREATER
    /// <summary>Writes a full-date property.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteRequiredDate(this Utf8JsonWriter writer, JsonEncodedText name, DateOnly value) =>
        writer.WriteString(name, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Writes a full-date property unless the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalDate(this Utf8JsonWriter writer, JsonEncodedText name, DateOnly? value)
    {
        if (value is not null)
        {
            WriteRequiredDate(writer, name, value.Value);
        }
    }

    /// <summary>Writes a full-date property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullableDate(this Utf8JsonWriter writer, JsonEncodedText name, DateOnly? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            WriteRequiredDate(writer, name, value.Value);
        }
    }
#endif

    /// <summary>Writes a property whose value another writer writes, as <c>null</c> when it is <see langword="null"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes the value.</param>
    public static void WriteNullable<T>(this Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonValueWriter<T> write)
        where T : class
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            write(writer, value);
        }
    }

    /// <summary>Writes a property of a value type (an open enum), as <c>null</c> when it is <see langword="null"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes the value.</param>
    public static void WriteNullableValue<T>(this Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonValueWriter<T> write)
        where T : struct
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            write(writer, value.Value);
        }
    }

    /// <summary>Writes an array property that is always there.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes one item.</param>
    public static void WriteRequiredList<T>(this Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T> value, JsonValueWriter<T> write)
    {
        writer.WritePropertyName(name);
        JsonCodec.WriteList(writer, value, write);
    }

    /// <summary>Writes an array property unless the value is <see langword="null"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes one item.</param>
    public static void WriteOptionalList<T>(this Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? value, JsonValueWriter<T> write)
    {
        if (value is not null)
        {
            WriteRequiredList(writer, name, value, write);
        }
    }

    /// <summary>Writes an array property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes one item.</param>
    public static void WriteNullableList<T>(this Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? value, JsonValueWriter<T> write)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonCodec.WriteList(writer, value, write);
        }
    }

    /// <summary>Writes an object of values by name property that is always there.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes one item.</param>
    public static void WriteRequiredMap<T>(this Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyDictionary<string, T> value, JsonValueWriter<T> write)
    {
        writer.WritePropertyName(name);
        JsonCodec.WriteMap(writer, value, write);
    }

    /// <summary>Writes an object of values by name property unless the value is <see langword="null"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes one item.</param>
    public static void WriteOptionalMap<T>(this Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyDictionary<string, T>? value, JsonValueWriter<T> write)
    {
        if (value is not null)
        {
            WriteRequiredMap(writer, name, value, write);
        }
    }

    /// <summary>Writes an object of values by name property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes one item.</param>
    public static void WriteNullableMap<T>(this Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyDictionary<string, T>? value, JsonValueWriter<T> write)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonCodec.WriteMap(writer, value, write);
        }
    }

    /// <summary>Writes any JSON value as a property; an undefined (default) element as <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteElement(this Utf8JsonWriter writer, JsonEncodedText name, JsonElement value)
    {
        writer.WritePropertyName(name);
        JsonCodec.WriteElement(writer, value);
    }

    /// <summary>Writes the additional properties of a model, leaving out any that the model writes itself.</summary>
    /// <param name="writer">The writer, inside the model's object.</param>
    /// <param name="values">The additional properties, or <see langword="null"/>.</param>
    /// <param name="known">The model's own names.</param>
    public static void WriteAdditional(this Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? values, JsonPropertyNames known) =>
        WriteAdditional(writer, values, known, JsonCodec.WriteElement);

    /// <summary>Writes the additional properties of a model, leaving out any that the model writes itself.</summary>
    /// <typeparam name="T">The additional properties' type.</typeparam>
    /// <param name="writer">The writer, inside the model's object.</param>
    /// <param name="values">The additional properties, or <see langword="null"/>.</param>
    /// <param name="known">The model's own names.</param>
    /// <param name="write">Writes one value.</param>
    public static void WriteAdditional<T>(this Utf8JsonWriter writer, IReadOnlyDictionary<string, T>? values, JsonPropertyNames known, JsonValueWriter<T> write)
    {
        if (values is null)
        {
            return;
        }

        foreach (KeyValuePair<string, T> pair in values)
        {
            if (!known.Contains(pair.Key))
            {
                writer.WritePropertyName(pair.Key);
                write(writer, pair.Value);
            }
        }
    }
}
