using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// A file sent as one part of a <c>multipart/form-data</c> body: its content (a <see cref="System.IO.Stream"/> or bytes),
/// the file name the server sees and its content type. Generated models use it for <c>format: binary</c> properties
/// of multipart bodies.
/// </summary>
/// <remarks>
/// <para>
/// The caller owns a stream it passes in: the client reads it from its current position to the end and never
/// disposes it (<c>using var stream = File.OpenRead(path);</c> around the call). A stream that cannot seek can be
/// sent once; a 307/308 redirect that would need it again fails with <see cref="ApiRedirectException"/>.
/// </para>
/// <para>
/// A file has no JSON form. Where a model holding one is written as JSON anyway (its <c>ToString()</c>, say), the file
/// appears as its file name; a JSON string read into a file becomes a file of that string's UTF-8 bytes.
/// </para>
/// </remarks>
public sealed class ApiFile
{
    private readonly Stream? _stream;
    private readonly byte[]? _bytes;

    /// <summary>A file read from a stream, which the caller keeps and disposes.</summary>
    /// <param name="content">The content, read from its current position to its end.</param>
    /// <param name="fileName">The file name sent in the part's <c>Content-Disposition</c>; the field's name when null.</param>
    /// <param name="contentType">The part's content type; when null, the spec's <c>encoding.contentType</c> or <c>application/octet-stream</c>.</param>
    public ApiFile(Stream content, string? fileName = null, string? contentType = null)
    {
        _stream = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>A file of the given bytes.</summary>
    /// <param name="content">The content.</param>
    /// <param name="fileName">The file name sent in the part's <c>Content-Disposition</c>; the field's name when null.</param>
    /// <param name="contentType">The part's content type; when null, the spec's <c>encoding.contentType</c> or <c>application/octet-stream</c>.</param>
    public ApiFile(byte[] content, string? fileName = null, string? contentType = null)
    {
        _bytes = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName;
        ContentType = contentType;
    }

    /// <summary>The file name the server sees, or null for the field's name.</summary>
    public string? FileName { get; }

    /// <summary>The content type of the part, or null for the spec's or <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; }

    /// <summary>The stream the file reads from, when it was made from one.</summary>
    public Stream? Stream => _stream;

    /// <summary>The bytes of the file, when it was made from bytes.</summary>
    public byte[]? Bytes => _bytes;

    /// <summary>A file of the given bytes, with no name or content type of its own.</summary>
    /// <param name="content">The content.</param>
    public static implicit operator ApiFile(byte[] content) => new(content);

    /// <summary>A file read from the given stream (which the caller keeps), with no name or content type of its own.</summary>
    /// <param name="content">The content.</param>
    public static implicit operator ApiFile(Stream content) => new(content);

    /// <summary>The file name, or <c>(file)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => FileName ?? "(file)";

    internal HttpContent ToContent(string? specContentType)
    {
        HttpContent content = _bytes is not null ? new ByteArrayContent(_bytes) : new StreamContent(new CallerOwnedStream(_stream!));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType ?? BodyMediaTypes.Concrete(specContentType) ?? "application/octet-stream");
        return content;
    }
}
