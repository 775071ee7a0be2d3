using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Cookie parameters (<c>in: cookie</c>, style <c>form</c>), added to the request's one <c>Cookie</c> header as
/// <c>name=value</c> pairs separated by <c>; </c>. Names and values are percent-encoded, as the <c>form</c> style says
/// (a cookie cannot hold a space, <c>;</c>, <c>,</c> or <c>"</c> as they are). Unexploded, an array is
/// <c>name=a%2Cb</c> and an object <c>name=R%2C100%2CG%2C200</c>: the style's commas are encoded too, as RFC 6265 allows
/// none in a cookie value and strict servers drop such a cookie (they decode the value to <c>a,b</c>); exploded, each item is a cookie of the parameter's name
/// (<c>name=a; name=b</c>) and each member a cookie of its own (<c>R=100; G=200</c>). Like every credential header,
/// <c>Cookie</c> goes only to the base URL's origin: <see cref="ApiTransport"/> drops it on a redirect elsewhere.
/// </summary>
public static class RequestCookies
{
    /// <summary>Adds a scalar cookie parameter.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value, formatted with <see cref="ParameterFormatter"/>.</param>
    public static void Add(HttpRequestMessage request, string name, string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        Add(request, name, new StyleEncoder.Flat { Scalar = value }, explode: true);
    }

    /// <summary>Adds an array cookie parameter; <see langword="null"/> items are skipped, and nothing is added for no items.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="values">The items, each formatted with <see cref="ParameterFormatter"/>.</param>
    /// <param name="explode">The parameter's <c>explode</c>.</param>
    public static void Add(HttpRequestMessage request, string name, IEnumerable<string> values, bool explode)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        Add(request, name, StyleEncoder.Flat.FromItems(values), explode);
    }

    /// <summary>Adds an object, map or array cookie parameter from its JSON; a value nested inside it is written as its JSON text.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The type's JSON metadata: the cookie holds what its JSON holds, under the same names.</param>
    /// <param name="explode">The parameter's <c>explode</c>.</param>
    public static void Add<T>(HttpRequestMessage request, string name, T value, JsonTypeInfo<T> typeInfo, bool explode)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        using var json = BodyJson.Write(value, typeInfo, files: null);
        if (StyleEncoder.Flat.FromJson(json.RootElement) is { } flat)
        {
            Add(request, name, flat, explode);
        }
    }

    private static void Add(HttpRequestMessage request, string name, StyleEncoder.Flat value, bool explode)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var text = new StringBuilder();
        if (request.Headers.TryGetValues("Cookie", out var existing))
        {
            foreach (var cookie in existing)
            {
                text.Append(cookie).Append("; ");
            }
        }

        if (!StyleEncoder.Expand(text, name, value, StyleEncoder.CookieOperator(), explode, ParameterEscaping.Unreserved))
        {
            return;
        }

        request.Headers.Remove("Cookie");
        request.Headers.TryAddWithoutValidation("Cookie", text.ToString());
    }
}
