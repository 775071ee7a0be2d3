using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>Reading the media types a spec's <c>encoding.contentType</c> allows.</summary>
internal static class BodyMediaTypes
{
    /// <summary>
    /// The first media type of a comma-separated list when it names one concrete type (<c>image/png</c>), else null:
    /// a wildcard (<c>image/*</c>) says what the server accepts, not what this part is.
    /// </summary>
    public static string? Concrete(string? contentTypes)
    {
        if (string.IsNullOrWhiteSpace(contentTypes))
        {
            return null;
        }

        var first = contentTypes!.Split(',')[0].Trim();
        return first.Length == 0 || first.IndexOf('*') >= 0 ? null : first;
    }

    /// <summary>Whether a media type is JSON (<c>application/json</c>, <c>…+json</c>).</summary>
    public static bool IsJson(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var type = contentType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
