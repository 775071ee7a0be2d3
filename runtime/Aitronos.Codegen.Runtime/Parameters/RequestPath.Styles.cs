using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Path and query parameters in every OpenAPI style (see <see cref="ParameterStyle"/>): arrays of scalars as their
/// formatted items, objects and maps (and arrays of them) as the JSON their generated type writes, under the same names.
/// </summary>
public sealed partial class RequestPath
{
    /// <summary>Appends a scalar path parameter in the <c>label</c> (<c>.5</c>) or <c>matrix</c> (<c>;id=5</c>) style; <c>simple</c> is the value alone.</summary>
    /// <param name="value">The value, formatted with <see cref="ParameterFormatter"/>; escaped.</param>
    /// <param name="style">The parameter's style.</param>
    /// <param name="name">The parameter's name in the API description (matrix writes it).</param>
    /// <param name="parameterName">The operation's parameter, for exceptions.</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The written text is empty, <c>.</c> or <c>..</c>, which would reach another endpoint.</exception>
    public RequestPath Segment(string value, ParameterStyle style, string name, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        return AppendSegment(new StyleEncoder.Flat { Scalar = value }, style, explode: false, name, parameterName);
    }

    /// <summary>Appends an array path parameter: <c>3,4,5</c> (<c>simple</c>), <c>.3.4.5</c> (<c>label</c>, exploded), <c>;id=3;id=4</c> (<c>matrix</c>, exploded)...</summary>
    /// <param name="values">The items, each formatted with <see cref="ParameterFormatter"/>; escaped; <see langword="null"/> items are skipped.</param>
    /// <param name="style">The parameter's style.</param>
    /// <param name="explode">The parameter's <c>explode</c>.</param>
    /// <param name="name">The parameter's name in the API description.</param>
    /// <param name="parameterName">The operation's parameter, for exceptions.</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentNullException">The values are <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The written text is empty (no items), <c>.</c> or <c>..</c>.</exception>
    public RequestPath Segment(IEnumerable<string> values, ParameterStyle style, bool explode, string name, string parameterName)
    {
        if (values is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        return AppendSegment(StyleEncoder.Flat.FromItems(values), style, explode, name, parameterName);
    }

    /// <summary>
    /// Appends an object, map or array path parameter from its JSON: an object <c>R,100,G,200</c> (<c>simple</c>),
    /// <c>R=100,G=200</c> (exploded), <c>.R=100.G=200</c> (<c>label</c>), <c>;R=100;G=200</c> (<c>matrix</c>)...
    /// A value nested inside it is written as its JSON text.
    /// </summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The type's JSON metadata: the parameter holds what its JSON holds, under the same names.</param>
    /// <param name="style">The parameter's style.</param>
    /// <param name="explode">The parameter's <c>explode</c>.</param>
    /// <param name="name">The parameter's name in the API description.</param>
    /// <param name="parameterName">The operation's parameter, for exceptions.</param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The written text is empty, <c>.</c> or <c>..</c>.</exception>
    public RequestPath Segment<T>(T value, JsonTypeInfo<T> typeInfo, ParameterStyle style, bool explode, string name, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        using var json = BodyJson.Write(value, typeInfo, files: null);
        var flat = StyleEncoder.Flat.FromJson(json.RootElement) ?? throw new ArgumentNullException(parameterName);
        return AppendSegment(flat, style, explode, name, parameterName);
    }

    /// <summary>Appends a scalar query parameter whose value may hold reserved characters unescaped (OpenAPI <c>allowReserved</c>); skipped when <see langword="null"/>.</summary>
    /// <param name="name">The parameter name; escaped.</param>
    /// <param name="value">The value; everything but RFC 3986's reserved characters (less <c>#</c>, <c>&amp;</c>, <c>+</c>) and percent-encoded triples is escaped.</param>
    /// <param name="allowReserved">Whether reserved characters stay as they are; false escapes them as <see cref="Query(string, string)"/> does.</param>
    /// <returns>This instance.</returns>
    public RequestPath Query(string name, string? value, bool allowReserved)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (value is not null)
        {
            AppendStyledQuery(name, new StyleEncoder.Flat { Scalar = value }, ParameterStyle.Form, explode: true, allowReserved);
        }

        return this;
    }

    /// <summary>
    /// Appends an array query parameter in a given style: <c>id=3&amp;id=4</c> (exploded), <c>id=3,4</c> (<c>form</c>),
    /// <c>id=3%204</c> (<c>spaceDelimited</c>), <c>id=3%7C4</c> (<c>pipeDelimited</c>), <c>id[0]=3&amp;id[1]=4</c>
    /// (<c>deepObject</c>, by index as Stripe's libraries send arrays). Skipped when the values are <see langword="null"/>
    /// or empty; <see langword="null"/> items are skipped.
    /// </summary>
    /// <param name="name">The parameter name; escaped.</param>
    /// <param name="values">The items, each formatted with <see cref="ParameterFormatter"/>; escaped.</param>
    /// <param name="style">The parameter's style.</param>
    /// <param name="explode">The parameter's <c>explode</c>.</param>
    /// <param name="allowReserved">The parameter's <c>allowReserved</c> (see <see cref="Query(string, string, bool)"/>).</param>
    /// <returns>This instance.</returns>
    public RequestPath Query(string name, IEnumerable<string>? values, ParameterStyle style, bool explode, bool allowReserved = false)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (values is null)
        {
            return this;
        }

        var flat = StyleEncoder.Flat.FromItems(values);
        if (style == ParameterStyle.DeepObject)
        {
            var key = Uri.EscapeDataString(name);
            for (var i = 0; i < flat.Items!.Count; i++)
            {
                AppendEscapedPair(key + StyleEncoder.Index(i), flat.Items[i], allowReserved);
            }

            return this;
        }

        AppendStyledQuery(name, flat, style, explode, allowReserved);
        return this;
    }

    /// <summary>
    /// Appends an object, map or array query parameter from its JSON, in its style: an object <c>R=100&amp;G=200</c>
    /// (<c>form</c>, exploded), <c>color=R,100,G,200</c> (<c>form</c>), <c>color=R%20100%20G%20200</c>
    /// (<c>spaceDelimited</c>), <c>color[R]=100&amp;color[G]=200</c> (<c>deepObject</c>). Values nested deeper, which no
    /// style defines, are written in bracket notation (<c>color[a][b]=1</c>, <c>items[0][price]=p</c>), as form bodies
    /// are (<see cref="FormStyle"/>). Skipped when the value is <see langword="null"/>.
    /// </summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="name">The parameter name; escaped.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The type's JSON metadata: the parameter holds what its JSON holds, under the same names.</param>
    /// <param name="style">The parameter's style.</param>
    /// <param name="explode">The parameter's <c>explode</c>.</param>
    /// <param name="allowReserved">The parameter's <c>allowReserved</c> (see <see cref="Query(string, string, bool)"/>).</param>
    /// <returns>This instance.</returns>
    public RequestPath Query<T>(string name, T? value, JsonTypeInfo<T> typeInfo, ParameterStyle style, bool explode, bool allowReserved = false)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (value is null)
        {
            return this;
        }

        using var json = BodyJson.Write(value, typeInfo, files: null);
        var root = json.RootElement;
        var key = Uri.EscapeDataString(name);
        switch (root.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                break;

            case JsonValueKind.Array or JsonValueKind.Object when style == ParameterStyle.DeepObject:
                Nested(key, root, allowReserved);
                break;

            case JsonValueKind.Array when explode:
                var index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                    {
                        Nested(key + StyleEncoder.Index(index), item, allowReserved);
                    }
                    else if (item.ValueKind != JsonValueKind.Null)
                    {
                        AppendEscapedPair(key, BodyJson.Scalar(item)!, allowReserved);
                    }

                    index++;
                }

                break;

            case JsonValueKind.Object when explode:
                foreach (var member in root.EnumerateObject())
                {
                    Nested(Uri.EscapeDataString(member.Name), member.Value, allowReserved);
                }

                break;

            case JsonValueKind.Array or JsonValueKind.Object when !StyleEncoder.Flat.IsFlat(root):
                Nested(key, root, allowReserved);
                break;

            default:
                AppendStyledQuery(name, StyleEncoder.Flat.FromJson(root)!, style, explode, allowReserved);
                break;
        }

        return this;
    }

    private RequestPath AppendSegment(StyleEncoder.Flat value, ParameterStyle style, bool explode, string name, string parameterName)
    {
        if (_hasQuery)
        {
            throw new InvalidOperationException("Path segments must come before query parameters.");
        }

        var start = _text.Length;
        StyleEncoder.Expand(_text, name, value, StyleEncoder.PathOperator(style), explode, ParameterEscaping.Unreserved);
        var length = _text.Length - start;
        if (length == 0 || (length <= 2 && IsDots(start, length)))
        {
            var written = _text.ToString(start, length);
            _text.Length = start;
            throw new ArgumentException($"A path parameter cannot be \"{written}\": the request would reach another endpoint.", parameterName);
        }

        return this;
    }

    private bool IsDots(int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (_text[i] != '.')
            {
                return false;
            }
        }

        return true;
    }

    private void AppendStyledQuery(string name, StyleEncoder.Flat value, ParameterStyle style, bool explode, bool allowReserved)
    {
        var op = StyleEncoder.QueryOperator(style, _hasQuery ? "&" : "?");
        if (StyleEncoder.Expand(_text, name, value, op, explode, StyleEncoder.Query(allowReserved)))
        {
            _hasQuery = true;
        }
    }

    /// <summary>Bracket notation, all the way down; <paramref name="key"/> is escaped already.</summary>
    private void Nested(string key, JsonElement value, bool allowReserved) =>
        StyleEncoder.BracketLeaves((Path: this, AllowReserved: allowReserved), key, value, escapeNames: true,
            static (state, escapedKey, text) => state.Path.AppendEscapedPair(escapedKey, text, state.AllowReserved));

    private void AppendEscapedPair(string escapedKey, string value, bool allowReserved)
    {
        _text.Append(_hasQuery ? '&' : '?').Append(escapedKey).Append('=');
        StyleEncoder.Append(_text, value, StyleEncoder.Query(allowReserved));
        _hasQuery = true;
    }
}
