using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// How one top-level property of a form or multipart body is encoded: the OpenAPI <c>encoding</c> entry for it.
/// Generated code passes one per entry the spec declares; properties without one take the defaults.
/// </summary>
public sealed class BodyField
{
    /// <summary>Creates an encoding entry.</summary>
    /// <param name="name">The property's JSON name.</param>
    /// <param name="style">Its style (forms only).</param>
    /// <param name="explode">Whether arrays and objects explode into one pair per value (forms only).</param>
    /// <param name="contentType">
    /// The spec's <c>contentType</c> for it: a JSON type sends the value as JSON text (forms) or a JSON part
    /// (multipart); in multipart, the part's content type.
    /// </param>
    public BodyField(string name, FormStyle style = FormStyle.Form, bool explode = true, string? contentType = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Style = style;
        Explode = explode;
        ContentType = contentType;
    }

    /// <summary>The property's JSON name.</summary>
    public string Name { get; }

    /// <summary>The style (forms only).</summary>
    public FormStyle Style { get; }

    /// <summary>Whether arrays and objects explode into one pair per value (forms only).</summary>
    public bool Explode { get; }

    /// <summary>The spec's content type for the property, if any.</summary>
    public string? ContentType { get; }

    internal static readonly BodyField Default = new(string.Empty);

    internal static BodyField For(string name, BodyField[]? fields)
    {
        if (fields is not null)
        {
            foreach (var field in fields)
            {
                if (field.Name == name)
                {
                    return field;
                }
            }
        }

        return Default;
    }
}
