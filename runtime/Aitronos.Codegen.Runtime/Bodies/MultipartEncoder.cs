using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Turns a body's JSON (with its files set aside) into <c>multipart/form-data</c> parts, by the OpenAPI defaults for
/// each property's type unless its <c>encoding.contentType</c> says otherwise:
/// <list type="bullet">
/// <item>a file (<see cref="ApiFile"/>): a part with a <c>filename</c> (the file's, else the property's name) and the
/// file's content type, else the spec's, else <c>application/octet-stream</c>.</item>
/// <item>a scalar: a plain field part (no <c>Content-Type</c>, as browsers send fields), or with the spec's type.</item>
/// <item>an object: one <c>application/json</c> part (or the spec's type) holding its JSON.</item>
/// <item>an array: one part per item, each by these rules, all under the property's name; with a JSON
/// <c>contentType</c>, one JSON part holding the whole array.</item>
/// <item>JSON <c>null</c> and absent properties: no part.</item>
/// <item>a property with a <c>style</c> other than exploded <c>form</c> (OpenAPI 3.1 applies <c>style</c> to multipart): the
/// pairs a form would send for it (<see cref="FormEncoder"/>), each as a field part.</item>
/// </list>
/// </summary>
internal static class MultipartEncoder
{
    public static MultipartFormDataContent Encode(JsonElement body, List<ApiFile> files, BodyField[]? fields)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new System.ArgumentException($"A multipart body must be an object, not a JSON {body.ValueKind}.", nameof(body));
        }

        var content = new MultipartFormDataContent();
#if NET5_0_OR_GREATER
        content.HeaderEncodingSelector = static (_, _) => Encoding.UTF8;
#endif
        foreach (var property in body.EnumerateObject())
        {
            var field = BodyField.For(property.Name, fields);
            if (field.Style != FormStyle.Form || !field.Explode)
            {
                // A style (OpenAPI 3.1: it applies to multipart too, and wins over contentType): the pairs a form
                // would send, each a field part.
                var pairs = new List<KeyValuePair<string, string>>();
                FormEncoder.EncodeProperty(pairs, property.Name, property.Value, new BodyField(property.Name, field.Style, field.Explode));
                foreach (var pair in pairs)
                {
                    Add(content, new ByteArrayContent(Encoding.UTF8.GetBytes(pair.Value)), pair.Key, null);
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Array && !BodyMediaTypes.IsJson(field.ContentType))
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    AddPart(content, property.Name, item, files, field.ContentType);
                }
            }
            else
            {
                AddPart(content, property.Name, property.Value, files, field.ContentType);
            }
        }

        return content;
    }

    private static void AddPart(MultipartFormDataContent content, string name, JsonElement value, List<ApiFile> files, string? contentType)
    {
        if (BodyJson.TryGetFile(value, files, out var file))
        {
            Add(content, file.ToContent(contentType), name, file.FileName ?? name);
            return;
        }

        string text;
        string? type = BodyMediaTypes.Concrete(contentType);
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return;

            case JsonValueKind.Object:
            case JsonValueKind.Array:
                text = value.GetRawText();
                type ??= "application/json";
                break;

            default:
                text = BodyMediaTypes.IsJson(type) ? value.GetRawText() : BodyJson.Scalar(value)!;
                break;
        }

        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (type is not null)
        {
            var header = MediaTypeHeaderValue.Parse(type);
            if (header.CharSet is null && (header.MediaType!.StartsWith("text/", System.StringComparison.OrdinalIgnoreCase) || BodyMediaTypes.IsJson(header.MediaType)))
            {
                header.CharSet = "utf-8";
            }

            part.Headers.ContentType = header;
        }

        Add(content, part, name, null);
    }

    private static void Add(MultipartFormDataContent content, HttpContent part, string name, string? fileName)
    {
#if NET5_0_OR_GREATER
        // As browsers send it (RFC 7578 section 4.2): quoted, in UTF-8 (the part headers are written as UTF-8, see
        // Encode). ContentDispositionHeaderValue would MIME-encode a non-ASCII name (=?utf-8?B?...?=), which few servers
        // decode, and MultipartFormDataContent.Add adds a filename* that RFC 7578 says not to send.
        part.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=" + Quoted(name) + (fileName is null ? string.Empty : "; filename=" + Quoted(fileName)));
#else
        // netstandard2.0 writes part headers as Latin-1: a non-ASCII name goes MIME-encoded, the best it can do.
        var disposition = new ContentDispositionHeaderValue("form-data") { Name = Quoted(name) };
        if (fileName is not null)
        {
            disposition.FileName = Quoted(fileName);
        }

        part.Headers.ContentDisposition = disposition;
#endif
        content.Add(part);
    }

    /// <summary>
    /// A Content-Disposition parameter quoted, with <c>"</c>, CR and LF percent-encoded as the HTML standard has browsers
    /// send them (RFC 7578 section 4.2): quoted-string escapes are not read alike by servers.
    /// </summary>
    private static string Quoted(string value) => "\"" + value.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A") + "\"";
}
