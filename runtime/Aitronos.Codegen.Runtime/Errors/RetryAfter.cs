using System;
using System.Collections.Generic;
using System.Globalization;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Reads how long a server asks the client to wait: <c>retry-after-ms</c> (milliseconds, as OpenAI, Anthropic and
/// Azure send it), else <c>Retry-After</c> as delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
/// </summary>
internal static class RetryAfter
{
    /// <summary>The longest delay reported; anything that large means "not any time soon" either way.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromDays(365 * 100);

    /// <summary>The delay the response headers ask for, or <see langword="null"/> when they ask for none that can be read.</summary>
    /// <param name="headers">The response headers (case-insensitive).</param>
    /// <param name="now">The client's clock, used for an HTTP-date when the response has no readable <c>Date</c> header.</param>
    public static TimeSpan? From(IReadOnlyDictionary<string, IReadOnlyList<string>> headers, DateTimeOffset now)
        => ParseMilliseconds(ResponseHeaders.First(headers, "retry-after-ms"))
            ?? Parse(ResponseHeaders.First(headers, "Retry-After"), ParseDate(ResponseHeaders.First(headers, "Date")) ?? now);

    /// <summary>Reads a <c>Retry-After</c> value.</summary>
    /// <param name="value">Delay-seconds (<c>120</c>) or an HTTP-date (<c>Wed, 21 Oct 2015 07:28:00 GMT</c>).</param>
    /// <param name="now">
    /// What an HTTP-date is measured from: the response's own <c>Date</c> when it has one, so that a skewed local
    /// clock does not stretch or shrink the delay; otherwise the client's clock.
    /// </param>
    /// <returns>The delay; zero for a date in the past; <see langword="null"/> when absent or unreadable (including negative seconds).</returns>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value!.Trim();
        if (IsDigits(text))
        {
            // Too many digits for a long is "not any time soon" too, never "unreadable".
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < (long)Longest.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : Longest;
        }

        if (ParseDate(text) is { } date)
        {
            var delay = date - now;
            return delay <= TimeSpan.Zero ? TimeSpan.Zero : delay < Longest ? delay : Longest;
        }

        return null;
    }

    /// <summary>Reads a <c>retry-after-ms</c> value: non-negative milliseconds, possibly fractional.</summary>
    public static TimeSpan? ParseMilliseconds(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !double.TryParse(value!.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var milliseconds)
            || double.IsNaN(milliseconds)
            || double.IsInfinity(milliseconds))
        {
            return null;
        }

        return milliseconds >= Longest.TotalMilliseconds ? Longest : TimeSpan.FromTicks((long)(milliseconds * TimeSpan.TicksPerMillisecond));
    }

    /// <summary>
    /// Reads an HTTP-date as UTC: RFC 1123 (<c>GMT</c>) first, then the obsolete forms the parser knows. A date without
    /// a zone is taken as UTC, never as the machine's local time.
    /// </summary>
    private static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text!.Trim();
        if (!HasLetter(text))
        {
            // Every HTTP-date names its month; "1.5" or "12/01" must not be read as a date.
            return null;
        }

        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        return DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, Styles, out var date)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out date)
            ? date
            : null;
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static bool HasLetter(string text)
    {
        foreach (var c in text)
        {
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                return true;
            }
        }

        return false;
    }
}
