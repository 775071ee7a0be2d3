using Aitronos.Codegen.Model;
using Microsoft.OpenApi;

namespace Aitronos.Codegen.Reading;

/// <summary>Binary strings: files in multipart bodies, streams as whole bodies.</summary>
internal sealed partial class SchemaReader
{
    // Set while a multipart body's schema is read: its binary strings are files (ApiFile), not text.
    private bool _binaryAsFile;

    /// <summary>
    /// Reads a multipart body's schema, where a binary string is a file. A component read here first keeps its files
    /// where else it is used (it is one type); one read elsewhere first keeps its strings here.
    /// </summary>
    public TypeRef ResolveMultipart(IOpenApiSchema? schema, string pointer, string nameHint)
    {
        _binaryAsFile = true;
        try
        {
            return Resolve(schema, pointer, nameHint);
        }
        finally
        {
            _binaryAsFile = false;
        }
    }

    /// <summary>
    /// A string schema whose value is octets, not text: <c>format: binary</c> (OpenAPI 3.0), or a 3.1
    /// <c>contentMediaType</c> or <c>contentEncoding</c>.
    /// </summary>
    public static bool IsBinary(IOpenApiSchema schema) =>
        schema.Format == "binary"
        || (schema is IOpenApiSchemaMissingProperties content
            && (!string.IsNullOrEmpty(content.ContentMediaType) || !string.IsNullOrEmpty(content.ContentEncoding)));
}
