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
            BodyKind kind = KindOf(entry.Key, _schemas.Effective(entry.Value?.Schema));
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
            // Also in 3.0 documents, though 3.0.3 says to ignore them there: specs written for 3.0 use them in multipart
            // (oas-examples' 3.0 parameters-style), and Prism, the contract tests' judge, expects them applied.
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

    /// <summary>
    /// The streamed media type of a success response, if it has one: <c>text/event-stream</c> gives events, the JSON
    /// Lines types give items. One event's (item's) type is the media type's <c>itemSchema</c> (OpenAPI 3.2), else its
    /// <c>schema</c>, or that schema's <c>items</c> when it is an array. For events, a schema of the event itself (3.2's way:
    /// an object of <c>data</c>, <c>event</c>, <c>id</c>, <c>retry</c>) gives its <c>data</c>, and a <c>oneOf</c> of such events
    /// each with a <c>const</c> <c>event</c> name gives a type per name. No schema: the events' data as text.
    /// </summary>
    private ResultModel? ReadStreamedResult(IDictionary<string, IOpenApiMediaType> content, string responsePointer, string? description, string typeHint, List<TypeRef> serialized)
    {
        foreach (var entry in content)
        {
            ResultKind? kind = StreamKindOf(entry.Key);
            if (kind is null)
            {
                continue;
            }

            string mediaPointer = ReadContext.Pointer(responsePointer + "/content", entry.Key);
            IOpenApiSchema? schema = entry.Value?.ItemSchema ?? entry.Value?.Schema;
            string schemaPointer = mediaPointer + (entry.Value?.ItemSchema is not null ? "/itemSchema" : "/schema");
            // Members are read from the effective schema; the schema itself (a reference, perhaps) is what gets resolved.
            IOpenApiSchema? shape = _schemas.Effective(schema);
            if (entry.Value?.ItemSchema is null && shape is not null && ((shape.Type ?? 0) & JsonSchemaType.Array) != 0 && shape.Items is not null)
            {
                (schema, schemaPointer) = (shape.Items, schemaPointer + "/items");
                shape = _schemas.Effective(schema);
            }

            if (kind == ResultKind.EventStream)
            {
                if (schema is null)
                {
                    return new ResultModel(ResultKind.EventStream, TypeRef.String, description);
                }

                if (shape is not null && ReadEventVariants(shape, schemaPointer, typeHint, serialized) is { } variants)
                {
                    return variants with { Description = description };
                }

                if (shape is not null && IsEventObject(shape) && shape.Properties!.TryGetValue("data", out IOpenApiSchema? data))
                {
                    (schema, schemaPointer) = (data, schemaPointer + "/properties/data");
                }
            }

            TypeRef type = _schemas.Resolve(schema, schemaPointer, typeHint + (kind == ResultKind.EventStream ? "Event" : "Item"));
            if (kind == ResultKind.EventStream && type.Kind == TypeKind.String)
            {
                // Text data (or data the schema calls a string holding JSON): handed over as it came.
                return new ResultModel(ResultKind.EventStream, TypeRef.String, description);
            }

            serialized.Add(type);
            return new ResultModel(kind.Value, type, description);
        }

        return null;
    }

    /// <summary>
    /// A <c>oneOf</c> (or <c>anyOf</c>) of event objects, each naming its event with a <c>const</c> (or one-value
    /// <c>enum</c>) <c>event</c> property and an object <c>data</c>: one type per name; a branch without a name gives the
    /// type of other events. <see langword="null"/> when the schema is not all of that.
    /// </summary>
    private ResultModel? ReadEventVariants(IOpenApiSchema schema, string pointer, string typeHint, List<TypeRef> serialized)
    {
        string keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        IList<IOpenApiSchema>? branches = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf;
        if (branches is not { Count: > 0 })
        {
            return null;
        }

        // Check the shape of every branch before reading any, so that a schema that is not one gives no types.
        var names = new string?[branches.Count];
        int unnamed = 0;
        for (int i = 0; i < branches.Count; i++)
        {
            IOpenApiSchema? branch = _schemas.Effective(branches[i]);
            if (branch is null || !IsEventObject(branch) || !branch.Properties!.TryGetValue("data", out IOpenApiSchema? data)
                || _schemas.Effective(data) is not { } dataShape || !IsObjectLike(dataShape))
            {
                return null;
            }

            names[i] = branch.Properties.TryGetValue("event", out IOpenApiSchema? name) && _schemas.Effective(name) is { } nameShape ? EventName(nameShape) : null;
            if (names[i] is null && ++unnamed > 1)
            {
                return null;
            }
        }

        if (names.Where(n => n is not null).Distinct(StringComparer.Ordinal).Count() != branches.Count - unnamed)
        {
            return null;
        }

        var events = new List<StreamEventModel>();
        TypeRef? other = null;
        for (int i = 0; i < branches.Count; i++)
        {
            string branchPointer = pointer + "/" + keyword + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/properties/data";
            TypeRef type = _schemas.Resolve(_schemas.Effective(branches[i])!.Properties!["data"], branchPointer, typeHint + IdentifierNaming.ToPascalCase(names[i] ?? "other", "Event") + "Event");
            if (type.Kind != TypeKind.Object)
            {
                return null;
            }

            serialized.Add(type);
            if (names[i] is { } eventName)
            {
                events.Add(new StreamEventModel(eventName, type));
            }
            else
            {
                other = type;
            }
        }

        return new ResultModel(ResultKind.EventStream, other, null, events.ToEquatableArray());
    }

    /// <summary>An object schema of a whole server-sent event: only <c>data</c>, <c>event</c>, <c>id</c>, <c>retry</c>, with <c>data</c>.</summary>
    private static bool IsEventObject(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } properties && properties.ContainsKey("data")
        && properties.Keys.All(k => k is "data" or "event" or "id" or "retry");

    private static string? EventName(IOpenApiSchema schema)
    {
        if (!string.IsNullOrEmpty(schema.Const))
        {
            return schema.Const;
        }

        return schema.Enum is { Count: 1 } values && values[0] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue(out string? text) ? text : null;
    }

    /// <summary>Whether a response media type is streamed, and how.</summary>
    internal static ResultKind? StreamKindOf(string mediaType)
    {
        string type = mediaType.Split(';')[0].Trim();
        if (type.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return ResultKind.EventStream;
        }

        return type.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/jsonl", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/x-jsonlines", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/jsonlines", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/json-seq", StringComparison.OrdinalIgnoreCase)
            ? ResultKind.JsonLines
            : null;
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
