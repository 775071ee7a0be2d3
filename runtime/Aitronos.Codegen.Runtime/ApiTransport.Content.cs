using System;
using System.Buffers;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

public sealed partial class ApiTransport
{
    private static readonly byte[] Utf8ByteOrderMark = { 0xEF, 0xBB, 0xBF };

    /// <summary>Serializes a request body as <c>application/json; charset=utf-8</c>.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">The body type's serialization metadata, from the generated code.</param>
    /// <returns>The content.</returns>
    public static HttpContent CreateJsonContent<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        var content = new ByteArrayContent(SerializeJson(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>
    /// A value as the UTF-8 JSON a request body of it carries: the same bytes as
    /// <see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, JsonTypeInfo{TValue})"/>, written for a generated
    /// model or enum, or a root list or map of them, by the generated writers without the serializer's root machinery
    /// (faster, most on small models).
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">The type's serialization metadata, from the generated code.</param>
    /// <returns>The JSON, in UTF-8.</returns>
    public static byte[] SerializeJson<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return Serialization.JsonBodyBytes.Serialize(value, typeInfo);
    }

    /// <summary>
    /// Serializes a request body as the spec's JSON media type (<c>application/merge-patch+json</c>,
    /// <c>application/vnd.api+json</c>...), in UTF-8: servers pick the body's meaning by it (a merge patch removes the
    /// members sent as <c>null</c>).
    /// </summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">The body type's serialization metadata, from the generated code.</param>
    /// <param name="mediaType">The media type, from the spec.</param>
    /// <returns>The content.</returns>
    public static HttpContent CreateJsonContent<T>(T value, JsonTypeInfo<T> typeInfo, string mediaType)
    {
        if (mediaType is null)
        {
            throw new ArgumentNullException(nameof(mediaType));
        }

        HttpContent content = CreateJsonContent(value, typeInfo);
        var header = MediaTypeHeaderValue.Parse(mediaType);
        header.CharSet ??= "utf-8";
        content.Headers.ContentType = header;
        return content;
    }

    /// <summary>
    /// Reads a value from a whole UTF-8 JSON document as responses are read: the same value and the same failures as
    /// <see cref="JsonSerializer.Deserialize{TValue}(ReadOnlySpan{byte}, JsonTypeInfo{TValue})"/>, read for a generated
    /// model or enum, or a root list or map of them, by the generated readers without the serializer's root machinery.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="json">The JSON, in UTF-8.</param>
    /// <param name="typeInfo">The type's serialization metadata, from the generated code.</param>
    /// <returns>The value; the JSON literal <c>null</c> gives <see langword="null"/> where the type allows it.</returns>
    /// <exception cref="JsonException">The JSON is not valid, or not of the type's shape (as the serializer throws it).</exception>
    public static T DeserializeJson<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return Serialization.JsonBodyBytes.Deserialize(json, typeInfo);
    }

    /// <summary>Reads a successful response's JSON body. The response is not disposed.</summary>
    /// <typeparam name="T">The type the operation promises.</typeparam>
    /// <param name="response">The response, from <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</param>
    /// <param name="typeInfo">The type's serialization metadata, from the generated code.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value; the JSON literal <c>null</c> gives <see langword="null"/>.</returns>
    /// <exception cref="ApiResponseFormatException">The body is empty, not JSON, or JSON of another shape.</exception>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return await ReadJsonCoreAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="ReadJsonAsync{T}"/> without the argument checks, as a <see cref="ValueTask{TResult}"/>: a body that has
    /// already arrived, the usual case, is read with no task allocated.
    /// </summary>
    private static async ValueTask<T> ReadJsonCoreAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var body = await ResponseBody.ReadRentedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        try
        {
            return Deserialize(response, body, typeInfo);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body.Buffer);
        }
    }

    private static T Deserialize<T>(HttpResponseMessage response, RentedBody body, JsonTypeInfo<T> typeInfo)
    {
        var json = new ReadOnlySpan<byte>(body.Buffer, 0, body.Count);
        if (json.StartsWith(Utf8ByteOrderMark))
        {
            json = json.Slice(Utf8ByteOrderMark.Length);
        }

        if (IsWhiteSpace(json))
        {
            throw FormatError(response, body, $"the response has no body, but {typeof(T).Name} was expected.", null);
        }

        try
        {
            return Serialization.JsonBodyBytes.Deserialize(json, typeInfo);
        }
        catch (JsonException exception)
        {
            throw FormatError(response, body, $"the response body is not valid {typeof(T).Name} JSON: {exception.Message}", exception);
        }
    }

    /// <summary>Reads a response's body as text, decoded by its declared charset (UTF-8 by default). The response is not disposed.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The text; empty for an empty body.</returns>
    public static async Task<string> ReadStringAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        var bytes = await ResponseBody.ReadAllAsync(response.Content, cancellationToken).ConfigureAwait(false);
        return ResponseBody.Decode(bytes, bytes.Length, response.Content);
    }

    /// <summary>Reads a response's body as bytes. The response is not disposed.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bytes; empty for an empty body.</returns>
    public static Task<byte[]> ReadBytesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        return ResponseBody.ReadAllAsync(response.Content, cancellationToken);
    }

    private static ApiResponseFormatException FormatError(HttpResponseMessage response, RentedBody body, string problem, Exception? innerException)
    {
        var statusCode = (int)response.StatusCode;
        var reason = ReasonPhrases.Get(statusCode, response.ReasonPhrase);
        var rawBody = ResponseBody.Decode(body.Buffer, Math.Min(body.Count, ResponseBody.ExceptionBodyLimit), response.Content);
        var data = new ApiErrorData(statusCode, ResponseHeaders.From(response), rawBody, ErrorBody.Empty, body.Count > ResponseBody.ExceptionBodyLimit, body.Count);
        var status = statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ApiResponseFormatException((reason is null ? status : status + " " + reason) + ": " + problem + ApiException.TruncationNote(data), data, innerException);
    }

    private static bool IsWhiteSpace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}
