using System;
using System.Globalization;

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

    /// <summary>Returns the URI as it was given.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(Uri value) => (value ?? throw new ArgumentNullException(nameof(value))).OriginalString;

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
