using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Formats path, query and header parameter values as text, under the invariant culture so that a client
/// sends the same request whatever the machine's culture.
/// </summary>
public static class ParameterFormatter
{
    /// <summary>Returns the string itself.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The value.</returns>
    public static string Format(string value) => value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Formats a boolean as <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Formats an integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats an integer.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a number so that it reads back as the same value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a number so that it reads back as the same value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a decimal number.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a date and time as ISO 8601 with its offset (<c>2025-12-22T15:30:00.0000000+00:00</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Formats a date and time as ISO 8601 (round-trip format, with <c>Z</c> for UTC values).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(DateTime value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Formats a GUID as 32 hexadecimal digits in hyphenated groups.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Formats octets as base64 (OpenAPI <c>format: byte</c>, RFC 4648 with padding).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(byte[] value) => Convert.ToBase64String(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Returns the URI as it was given.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(Uri value) => (value ?? throw new ArgumentNullException(nameof(value))).OriginalString;

    /// <summary>
    /// A parameter described by <c>content</c> rather than a schema (<c>content: application/json</c>): the value as JSON
    /// text, which is then escaped where it goes like any other value.
    /// </summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The type's JSON metadata.</param>
    /// <returns>The JSON text.</returns>
    public static string Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return JsonSerializer.Serialize(value, typeInfo);
    }

    /// <summary>
    /// An array header in the <c>simple</c> style: the items joined by commas (<c>blue,black</c>), not escaped; Swagger
    /// 2.0's <c>ssv</c> and <c>pipes</c> join by a space or <c>|</c>. <see langword="null"/> items are skipped.
    /// </summary>
    /// <param name="values">The items, each formatted with this class.</param>
    /// <param name="style"><see cref="ParameterStyle.Simple"/>, or the 2.0 delimiters <see cref="ParameterStyle.SpaceDelimited"/> and <see cref="ParameterStyle.PipeDelimited"/>.</param>
    /// <returns>The header's value.</returns>
    public static string Header(IEnumerable<string> values, ParameterStyle style = ParameterStyle.Simple)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        var text = new StringBuilder();
        StyleEncoder.Expand(text, string.Empty, StyleEncoder.Flat.FromItems(values), StyleEncoder.HeaderOperator(style), explode: false, ParameterEscaping.None);
        return text.ToString();
    }

    /// <summary>
    /// An object, map or array header in the <c>simple</c> style, from its JSON: an object <c>R,100,G,200</c>, exploded
    /// <c>R=100,G=200</c>; not escaped. A value nested inside it is written as its JSON text.
    /// </summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The type's JSON metadata: the header holds what its JSON holds, under the same names.</param>
    /// <param name="explode">The parameter's <c>explode</c>.</param>
    /// <returns>The header's value.</returns>
    public static string Header<T>(T value, JsonTypeInfo<T> typeInfo, bool explode)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        using var json = BodyJson.Write(value, typeInfo, files: null);
        var text = new StringBuilder();
        if (StyleEncoder.Flat.FromJson(json.RootElement) is { } flat)
        {
            StyleEncoder.Expand(text, string.Empty, flat, StyleEncoder.HeaderOperator(ParameterStyle.Simple), explode, ParameterEscaping.None);
        }

        return text.ToString();
    }

#if NET6_0_OR_GREATER
    /// <summary>Formats a date as <c>yyyy-MM-dd</c> (OpenAPI <c>format: date</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Formats a time as <c>HH:mm:ss</c>, with fractional seconds only when there are any.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(TimeOnly value) => value.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
#endif
}
