using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Aitronos.Codegen.Runtime;

/// <summary>Response and content headers as the read-only, case-insensitive map that exceptions expose.</summary>
internal static class ResponseHeaders
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Empty =
        new ReadOnlyDictionary<string, IReadOnlyList<string>>(new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase));

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> From(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Add(headers, response.Headers);
        if (response.Content is not null)
        {
            Add(headers, response.Content.Headers);
        }

        return new ReadOnlyDictionary<string, IReadOnlyList<string>>(headers);
    }

    /// <summary>Copies headers given by a caller, so that lookups are case-insensitive whatever map they came in.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Copy(IReadOnlyDictionary<string, IReadOnlyList<string>>? source)
    {
        if (source is null || source.Count == 0)
        {
            return Empty;
        }

        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in source)
        {
            var values = new List<string>(header.Value ?? Array.Empty<string>());
            if (headers.TryGetValue(header.Key, out var existing))
            {
                values.InsertRange(0, existing);
            }

            headers[header.Key] = values.ToArray();
        }

        return new ReadOnlyDictionary<string, IReadOnlyList<string>>(headers);
    }

    /// <summary>The headers with every value of one header rewritten, for a header that must not be shown as it came.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Rewrite(
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string name,
        Func<string, string> rewrite)
    {
        if (!headers.TryGetValue(name, out var values))
        {
            return headers;
        }

        var copy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            copy[header.Key] = header.Value;
        }

        var rewritten = new string[values.Count];
        for (var i = 0; i < rewritten.Length; i++)
        {
            rewritten[i] = rewrite(values[i]);
        }

        copy[name] = rewritten;
        return new ReadOnlyDictionary<string, IReadOnlyList<string>>(copy);
    }

    public static string? First(IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string name)
        => headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    private static void Add(Dictionary<string, IReadOnlyList<string>> target, HttpHeaders source)
    {
        foreach (var header in source)
        {
            var values = new List<string>(header.Value);
            if (target.TryGetValue(header.Key, out var existing))
            {
                values.InsertRange(0, existing);
            }

            target[header.Key] = values.ToArray();
        }
    }
}
