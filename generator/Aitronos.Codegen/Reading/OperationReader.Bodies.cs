using System;
using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;
using Microsoft.OpenApi;

namespace Aitronos.Codegen.Reading;

/// <summary>
/// Request bodies: each media type of an operation's <c>requestBody</c> becomes a typed body of one kind (JSON,
/// form, multipart, text, binary stream). The most preferred kind is the operation's method; each other kind gets a
/// method of its own named for it (<c>UpdatePetAsFormAsync</c>). What cannot be typed is an <c>HttpContent</c>, said
/// so by ACG011 with the reason.
/// </summary>
internal sealed partial class OperationReader
{
    private const string FormMediaType = "application/x-www-form-urlencoded";
    private const string MultipartMediaType = "multipart/form-data";

    private (BodyModel? Body, EquatableArray<BodyVariantModel> Others) ReadBodies(
        IOpenApiRequestBody? body,
        string pointer,
        string operationName,
        string typeHint,
        string baseName,
        HashSet<string> taken,
        HashSet<string> parameterNames,
        List<TypeRef> serialized)
    {
        if (body?.Content is not { Count: > 0 } content)
        {
            return (null, EquatableArray<BodyVariantModel>.Empty);
        }

        // One body per kind: the first media type of each kind in document order.
        var byKind = new SortedDictionary<BodyKind, (string MediaType, IOpenApiMediaType? Media)>();
        var binaryTypes = new List<string>();
        foreach (var entry in content)
        {
            BodyKind kind = KindOf(entry.Key, entry.Value?.Schema);
            if (!byKind.ContainsKey(kind))
            {
                byKind[kind] = (entry.Key, entry.Value);
            }

            if (kind == BodyKind.Binary)
            {
                binaryTypes.Add(entry.Key);
            }
        }

        // A media type with no serializer is offered only when nothing else is.
        if (byKind.Count > 1)
        {
            byKind.Remove(BodyKind.Content);
        }

        BodyModel? primary = null;
        var others = new List<BodyVariantModel>();
        foreach (var pair in byKind)
        {
            string mediaPointer = ReadContext.Pointer(pointer + "/content", pair.Value.MediaType);
            BodyModel model = ReadBody(pair.Key, pair.Value.MediaType, pair.Value.Media, body, mediaPointer, operationName, typeHint, serialized);
            if (model.Kind == BodyKind.Binary && (binaryTypes.Count > 1 || binaryTypes[0].IndexOf('*') >= 0))
            {
                // Octets in several media types (image/png, image/jpeg) or any of a range (image/*): the caller says which.
                model = model with
                {
                    MediaType = binaryTypes.FirstOrDefault(t => t.IndexOf('*') < 0) ?? "application/octet-stream",
                    MediaTypeParameter = IdentifierNaming.MakeUnique("contentType", parameterNames),
                    MediaTypeChoices = string.Join(", ", binaryTypes),
                };
            }

            if (primary is null)
            {
                primary = model;
                continue;
            }

            // A second kind that falls back to HttpContent adds nothing the caller cannot do with the first.
            if (model.Kind == BodyKind.Content || others.Any(o => o.Body.Kind == model.Kind) || model.Kind == primary.Kind)
            {
                continue;
            }

            string name = IdentifierNaming.MakeUnique(baseName + "As" + Suffix(model.Kind) + "Async", taken);
            others.Add(new BodyVariantModel(name, model));
        }

        return (primary, others.ToEquatableArray());
    }

    private BodyModel ReadBody(
        BodyKind kind,
        string mediaType,
        IOpenApiMediaType? media,
        IOpenApiRequestBody body,
        string pointer,
        string operationName,
        string typeHint,
        List<TypeRef> serialized)
    {
        var noFields = EquatableArray<BodyFieldModel>.Empty;
        switch (kind)
        {
            case BodyKind.Json:
            {
                TypeRef type = _schemas.Resolve(media?.Schema, pointer + "/schema", typeHint + "Request");
                serialized.Add(type);
                return new BodyModel("body", kind, mediaType, type, body.Required, body.Description, noFields);
            }

            case BodyKind.Form:
            case BodyKind.Multipart:
            {
                TypeRef type = kind == BodyKind.Multipart
                    ? _schemas.ResolveMultipart(media?.Schema, pointer + "/schema", typeHint + "Request")
                    : _schemas.Resolve(media?.Schema, pointer + "/schema", typeHint + "Request");
                if (type.Kind is not (TypeKind.Object or TypeKind.Map))
                {
                    string reason = (kind == BodyKind.Form ? "a form" : "a multipart") + " body is encoded from an object's properties, and its schema "
                        + (type.Kind == TypeKind.Any ? "is not one object type" : "is " + Describe(type.Kind));
                    return Untyped(mediaType, body, pointer, operationName, reason);
                }

                serialized.Add(type);
                return new BodyModel("body", kind, mediaType, type, body.Required, body.Description, ReadFields(media, kind));
            }

            case BodyKind.Text:
                return new BodyModel("body", kind, mediaType, TypeRef.String, body.Required, body.Description, noFields);

            case BodyKind.Binary:
                return new BodyModel("body", kind, mediaType, null, body.Required, body.Description, noFields);

            default:
                return Untyped(mediaType, body, pointer, operationName, "there is no serializer for this media type with an object schema");
        }
    }

    private BodyModel Untyped(string mediaType, IOpenApiRequestBody body, string pointer, string operationName, string reason)
    {
        _context.Report(DiagnosticDescriptors.UnsupportedBody, pointer, operationName, mediaType, reason);
        return new BodyModel("content", BodyKind.Content, mediaType, null, body.Required, body.Description, EquatableArray<BodyFieldModel>.Empty);
    }

    /// <summary>The spec's <c>encoding</c> entries that say more than the defaults, in name order.</summary>
    private static EquatableArray<BodyFieldModel> ReadFields(IOpenApiMediaType? media, BodyKind kind)
    {
        if (media?.Encoding is not { Count: > 0 } encoding)
        {
            return EquatableArray<BodyFieldModel>.Empty;
        }

        var fields = new List<BodyFieldModel>();
        foreach (var entry in encoding.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            OpenApiEncoding? value = entry.Value;
            string? contentType = string.IsNullOrWhiteSpace(value?.ContentType) ? null : value!.ContentType!.Trim();

            // Style and explode are for forms (OpenAPI 3.0.3); 3.1 applies them to multipart as well, when given there.
            bool styled = kind == BodyKind.Form || value?.Style is not null;
            string style = styled ? StyleName(value?.Style) : "Form";
            bool explode = !styled || value is null || Explode(value);
            if (style == "Form" && explode && contentType is null)
            {
                continue;
            }

            fields.Add(new BodyFieldModel(entry.Key, style, explode, contentType));
        }

        return fields.ToEquatableArray();
    }

    /// <summary>
    /// <c>explode</c>, defaulting by the style, where an absent style is <c>form</c>. The reader's own default compares
    /// the style with form, so it answers false for a missing style; a copy given the style it stands for answers right
    /// (the copy keeps an explicit <c>explode</c>).
    /// </summary>
    private static bool Explode(OpenApiEncoding encoding) =>
        encoding.Style is not null ? encoding.Explode ?? encoding.Style == ParameterStyle.Form : new OpenApiEncoding(encoding) { Style = ParameterStyle.Form }.Explode ?? true;

    private static string StyleName(ParameterStyle? style) => style switch
    {
        ParameterStyle.SpaceDelimited => "SpaceDelimited",
        ParameterStyle.PipeDelimited => "PipeDelimited",
        ParameterStyle.DeepObject => "DeepObject",
        _ => "Form",
    };

    /// <summary>The kind of body a media type and its schema make.</summary>
    private static BodyKind KindOf(string mediaType, IOpenApiSchema? schema)
    {
        string type = mediaType.Split(';')[0].Trim();
        if (IsJson(type))
        {
            return BodyKind.Json;
        }

        if (type.Equals(FormMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Form;
        }

        if (type.Equals(MultipartMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return BodyKind.Multipart;
        }

        bool stringSchema = schema is null || (((schema.Type ?? 0) & ~JsonSchemaType.Null) is JsonSchemaType.String or 0 && !IsObjectLike(schema));
        if (type.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            // Text unless its schema says octets.
            return schema is not null && SchemaReader.IsBinary(schema) ? BodyKind.Binary : BodyKind.Text;
        }

        // Octets of any other media type (application/octet-stream, image/png, application/pdf...): the schema is
        // absent, a binary string, or says nothing of an object. An object schema of another type (XML) has no
        // serializer here.
        return stringSchema ? BodyKind.Binary : BodyKind.Content;
    }

    private static bool IsObjectLike(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 }
        || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.Items is not null;

    private static string Suffix(BodyKind kind) => kind switch
    {
        BodyKind.Json => "Json",
        BodyKind.Form => "Form",
        BodyKind.Multipart => "Multipart",
        BodyKind.Text => "Text",
        _ => "Binary",
    };

    private static string Describe(TypeKind kind) => kind switch
    {
        TypeKind.Array => "an array",
        TypeKind.Enum => "an enum",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };
}
