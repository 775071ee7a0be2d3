using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime;

/// <summary>How the text of a parameter is escaped where it lands.</summary>
internal enum ParameterEscaping
{
    /// <summary>Everything but RFC 3986's unreserved characters is percent-encoded (paths, queries, cookies).</summary>
    Unreserved,

    /// <summary>
    /// A query's <c>allowReserved</c>: RFC 3986's reserved characters and percent-encoded triples stay as they are, except
    /// <c>#</c>, <c>&amp;</c> and <c>+</c>, which would end the URI's query, split the parameter or read as a space.
    /// </summary>
    AllowReserved,

    /// <summary>Headers: the text as it is.</summary>
    None,
}

/// <summary>
/// Expands a parameter value by its style, after RFC 6570's operators (which OpenAPI's styles are defined by): a
/// leading text, a separator between exploded parts, whether parts are named, and the delimiter of an unexploded list.
/// A value is a scalar, a list of items, or an object's members; JSON objects and arrays nested inside one are written
/// as their JSON text, except in a query, which writes them in bracket notation (<see cref="RequestPath"/>).
/// </summary>
internal static class StyleEncoder
{
    /// <summary>A parameter's value, flattened: exactly one of the three is set.</summary>
    internal sealed class Flat
    {
        public string? Scalar;
        public List<string>? Items;
        public List<KeyValuePair<string, string>>? Members;

        public static Flat FromItems(IEnumerable<string> values)
        {
            var items = new List<string>();
            foreach (var value in values)
            {
                if (value is not null)
                {
                    items.Add(value);
                }
            }

            return new Flat { Items = items };
        }

        /// <summary>A JSON value; null when it is JSON <c>null</c> (nothing is sent).</summary>
        public static Flat? FromJson(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Array:
                    var items = new List<string>();
                    foreach (var item in element.EnumerateArray())
                    {
                        if (item.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                        {
                            items.Add(Text(item));
                        }
                    }

                    return new Flat { Items = items };

                case JsonValueKind.Object:
                    var members = new List<KeyValuePair<string, string>>();
                    foreach (var member in element.EnumerateObject())
                    {
                        members.Add(new KeyValuePair<string, string>(member.Name, Text(member.Value)));
                    }

                    return new Flat { Members = members };

                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;

                default:
                    return new Flat { Scalar = Text(element) };
            }
        }

        /// <summary>Whether every item or member is a JSON scalar (so no bracket notation is needed in a query).</summary>
        public static bool IsFlat(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                    {
                        return false;
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in element.EnumerateObject())
                {
                    if (member.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>A scalar as text (null as empty), a nested object or array as its JSON.</summary>
        private static string Text(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
            JsonValueKind.Array or JsonValueKind.Object => element.GetRawText(),
            _ => BodyJson.Scalar(element)!,
        };
    }

    /// <summary>One style's expansion rules (RFC 6570, section 3.2.1's table).</summary>
    internal readonly struct Operator
    {
        public Operator(string first, string separator, bool named, string delimiter, bool equalsWhenEmpty)
        {
            First = first;
            Separator = separator;
            Named = named;
            Delimiter = delimiter;
            EqualsWhenEmpty = equalsWhenEmpty;
        }

        /// <summary>Written before the first part.</summary>
        public string First { get; }

        /// <summary>Written between exploded parts.</summary>
        public string Separator { get; }

        /// <summary>Whether parts carry <c>name=</c>.</summary>
        public bool Named { get; }

        /// <summary>Written between the items of an unexploded list (already escaped).</summary>
        public string Delimiter { get; }

        /// <summary>Whether a named empty value keeps its <c>=</c> (<c>form</c>: <c>id=</c>; <c>matrix</c>: <c>;id</c>).</summary>
        public bool EqualsWhenEmpty { get; }

        public Operator WithFirst(string first) => new(first, Separator, Named, Delimiter, EqualsWhenEmpty);
    }

    /// <summary>A path parameter's operator by its style (2.0's <c>ssv</c> and <c>pipes</c> are <c>simple</c> with their delimiter).</summary>
    public static Operator PathOperator(ParameterStyle style) => style switch
    {
        ParameterStyle.Label => new Operator(".", ".", named: false, ",", equalsWhenEmpty: false),
        ParameterStyle.Matrix => new Operator(";", ";", named: true, ",", equalsWhenEmpty: false),
        _ => new Operator(string.Empty, ",", named: false, Delimiter(style, escaped: true), equalsWhenEmpty: false),
    };

    /// <summary>A query parameter's operator; <paramref name="first"/> is <c>?</c> or <c>&amp;</c>.</summary>
    public static Operator QueryOperator(ParameterStyle style, string first) =>
        new(first, "&", named: true, Delimiter(style, escaped: true), equalsWhenEmpty: true);

    /// <summary>A header's operator (<c>simple</c>; 2.0's <c>ssv</c>/<c>pipes</c> by their delimiter).</summary>
    public static Operator HeaderOperator(ParameterStyle style) =>
        new(string.Empty, ",", named: false, Delimiter(style, escaped: false), equalsWhenEmpty: false);

    /// <summary>
    /// A cookie's operator (<c>form</c>): exploded parts are cookies of their own, separated as cookies are; an unexploded
    /// list's commas are percent-encoded like the values, since RFC 6265 allows no comma in a cookie value and strict
    /// servers (ASP.NET Core among them) drop such a cookie whole.
    /// </summary>
    public static Operator CookieOperator() => new(string.Empty, "; ", named: true, "%2C", equalsWhenEmpty: true);

    /// <summary>Writes the expansion; false when the value is an empty list or object, which writes nothing (RFC 6570: undefined).</summary>
    public static bool Expand(StringBuilder text, string name, Flat value, in Operator op, bool explode, ParameterEscaping escaping)
    {
        if (value.Scalar is { } scalar)
        {
            text.Append(op.First);
            Named(text, name, scalar, op, escaping);
            Append(text, scalar, escaping);
            return true;
        }

        if (value.Items is { } items)
        {
            if (items.Count == 0)
            {
                return false;
            }

            if (explode)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    text.Append(i == 0 ? op.First : op.Separator);
                    Named(text, name, items[i], op, escaping);
                    Append(text, items[i], escaping);
                }
            }
            else
            {
                text.Append(op.First);
                Named(text, name, "-", op, escaping);
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(op.Delimiter);
                    }

                    Append(text, items[i], escaping);
                }
            }

            return true;
        }

        var members = value.Members!;
        if (members.Count == 0)
        {
            return false;
        }

        if (explode)
        {
            for (var i = 0; i < members.Count; i++)
            {
                text.Append(i == 0 ? op.First : op.Separator);
                Append(text, members[i].Key, escaping);
                if (members[i].Value.Length > 0 || op.EqualsWhenEmpty || !op.Named)
                {
                    text.Append('=');
                }

                Append(text, members[i].Value, escaping);
            }
        }
        else
        {
            text.Append(op.First);
            Named(text, name, "-", op, escaping);
            for (var i = 0; i < members.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(op.Delimiter);
                }

                Append(text, members[i].Key, escaping);
                text.Append(op.Delimiter);
                Append(text, members[i].Value, escaping);
            }
        }

        return true;
    }

    /// <summary>Appends text escaped as <paramref name="escaping"/> says.</summary>
    public static void Append(StringBuilder text, string value, ParameterEscaping escaping)
    {
        switch (escaping)
        {
            case ParameterEscaping.None:
                text.Append(value);
                break;
            case ParameterEscaping.AllowReserved:
                AppendAllowingReserved(text, value);
                break;
            default:
                text.Append(Uri.EscapeDataString(value));
                break;
        }
    }

    /// <summary>The escaping of a query value by its <c>allowReserved</c>.</summary>
    public static ParameterEscaping Query(bool allowReserved) => allowReserved ? ParameterEscaping.AllowReserved : ParameterEscaping.Unreserved;

    private static void Named(StringBuilder text, string name, string value, in Operator op, ParameterEscaping escaping)
    {
        if (!op.Named)
        {
            return;
        }

        // Names are never reserved-allowed: only values are (OpenAPI's allowReserved).
        Append(text, name, escaping == ParameterEscaping.None ? ParameterEscaping.None : ParameterEscaping.Unreserved);
        if (value.Length > 0 || op.EqualsWhenEmpty)
        {
            text.Append('=');
        }
    }

    private static string Delimiter(ParameterStyle style, bool escaped) => style switch
    {
        ParameterStyle.SpaceDelimited => escaped ? "%20" : " ",
        ParameterStyle.PipeDelimited => escaped ? "%7C" : "|",
        _ => ",",
    };

    private static void AppendAllowingReserved(StringBuilder text, string value)
    {
        var run = 0;   // start of the pending run of characters to percent-encode
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var keep = IsUnreserved(c)
                || ":/?[]@!$'()*,;=".IndexOf(c) >= 0
                || (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]));
            if (!keep)
            {
                continue;
            }

            if (run < i)
            {
                text.Append(Uri.EscapeDataString(value.Substring(run, i - run)));
            }

            text.Append(c);
            run = i + 1;
        }

        if (run < value.Length)
        {
            text.Append(Uri.EscapeDataString(value.Substring(run)));
        }
    }

    private static bool IsUnreserved(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '.' or '_' or '~';

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    /// <summary>A bracket-notation key's index part, <c>[0]</c>.</summary>
    public static string Index(int index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>
    /// Bracket notation all the way down (<c>filter[tags][0]=a</c>), as nested query parameters and Stripe-style form
    /// bodies write it: hands <paramref name="leaf"/> each scalar with its key (<c>null</c> as empty text).
    /// <paramref name="escapeNames"/> percent-encodes each member name as it joins the key (the query's keys are
    /// written as they are; a form body's are encoded whole afterwards).
    /// </summary>
    public static void BracketLeaves<TState>(TState state, string key, JsonElement value, bool escapeNames, Action<TState, string, string> leaf)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    BracketLeaves(state, key + "[" + (escapeNames ? Uri.EscapeDataString(member.Name) : member.Name) + "]", member.Value, escapeNames, leaf);
                }

                break;

            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    BracketLeaves(state, key + Index(index++), item, escapeNames, leaf);
                }

                break;

            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                leaf(state, key, string.Empty);
                break;

            default:
                leaf(state, key, BodyJson.Scalar(value)!);
                break;
        }
    }
}
