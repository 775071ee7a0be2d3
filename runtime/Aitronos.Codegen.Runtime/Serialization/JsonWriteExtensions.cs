using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime.Serialization;

/// <summary>
/// Writes one property of a generated model. <c>WriteOptional</c> leaves a <see langword="null"/> value out (an
/// optional property); <c>WriteNullable</c> writes it as JSON <c>null</c> (a required property that may be null).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWriteExtensions
{
    /// <summary>Writes a string property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, string? value)
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
    public static void WriteNullable(this Utf8JsonWriter writer, JsonEncodedText name, string? value)
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
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, bool? value)
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
    public static void WriteNullable(this Utf8JsonWriter writer, JsonEncodedText name, bool? value)
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
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, int? value)
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
    public static void WriteNullable(this Utf8JsonWriter writer, JsonEncodedText name, int? value)
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
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, long? value)
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
    public static void WriteNullable(this Utf8JsonWriter writer, JsonEncodedText name, long? value)
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
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, float? value)
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
    public static void WriteNullable(this Utf8JsonWriter writer, JsonEncodedText name, float? value)
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
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, double? value)
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
    public static void WriteNullable(this Utf8JsonWriter writer, JsonEncodedText name, double? value)
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
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
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
    public static void WriteNullable(this Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
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
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value.Value);
        }
    }

    /// <summary>Writes a date-time property, as <c>null</c> when the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNullable(this Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset? value)
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

    /// <summary>Writes a UUID property unless the value is <see langword="null"/> (an optional property left out).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
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
    public static void WriteNullable(this Utf8JsonWriter writer, JsonEncodedText name, Guid? value)
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
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, byte[]? value)
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
    public static void WriteNullable(this Utf8JsonWriter writer, JsonEncodedText name, byte[]? value)
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
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
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
    public static void WriteNullable(this Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
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

    /// <summary>Writes a full-date property.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value; its time of day is dropped.</param>
    public static void WriteDate(this Utf8JsonWriter writer, JsonEncodedText name, DateTime value) =>
        writer.WriteString(name, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Writes a full-date property unless the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalDate(this Utf8JsonWriter writer, JsonEncodedText name, DateTime? value)
    {
        if (value is not null)
        {
            WriteDate(writer, name, value.Value);
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
            WriteDate(writer, name, value.Value);
        }
    }

#if NET6_0_OR_GREATER
    /// <summary>Writes a full-date property.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteDate(this Utf8JsonWriter writer, JsonEncodedText name, DateOnly value) =>
        writer.WriteString(name, value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Writes a full-date property unless the value is <see langword="null"/>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    public static void WriteOptionalDate(this Utf8JsonWriter writer, JsonEncodedText name, DateOnly? value)
    {
        if (value is not null)
        {
            WriteDate(writer, name, value.Value);
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
            WriteDate(writer, name, value.Value);
        }
    }
#endif

    /// <summary>Writes a property whose value another writer writes (a model, an enum, a list or a map).</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes the value.</param>
    public static void WriteProperty<T>(this Utf8JsonWriter writer, JsonEncodedText name, T value, JsonValueWriter<T> write)
    {
        writer.WritePropertyName(name);
        write(writer, value);
    }

    /// <summary>Writes a property whose value another writer writes, unless it is <see langword="null"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes the value.</param>
    public static void WriteOptional<T>(this Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonValueWriter<T> write)
        where T : class
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            write(writer, value);
        }
    }

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

    /// <summary>Writes a property of a value type (an open enum) unless it is <see langword="null"/>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes the value.</param>
    public static void WriteOptionalValue<T>(this Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonValueWriter<T> write)
        where T : struct
    {
        if (value is not null)
        {
            writer.WritePropertyName(name);
            write(writer, value.Value);
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
