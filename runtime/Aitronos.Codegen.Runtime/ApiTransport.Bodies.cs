using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>Request bodies other than JSON, and a result read as a stream.</summary>
public sealed partial class ApiTransport
{
    /// <summary>
    /// Encodes a generated model as <c>application/x-www-form-urlencoded</c>, by the spec's <c>encoding</c> (see
    /// <see cref="FormStyle"/>; the README's "Form bodies" has every rule with an example).
    /// </summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">The body type's JSON metadata: the form holds what its JSON holds, under the same names.</param>
    /// <param name="fields">The spec's <c>encoding</c> entries; properties without one are <c>style: form, explode: true</c>.</param>
    /// <returns>The content.</returns>
    public static HttpContent CreateFormContent<T>(T value, JsonTypeInfo<T> typeInfo, params BodyField[]? fields)
    {
        using var json = BodyJson.Write(value, typeInfo, files: null);
        return new FormUrlEncodedContent(FormEncoder.Encode(json.RootElement, fields));
    }

    /// <summary>
    /// Encodes a generated model as <c>multipart/form-data</c>: one part per property, files (<see cref="ApiFile"/>) as
    /// file parts, objects as JSON parts, arrays as one part per item; the spec's <c>encoding.contentType</c> sets a
    /// part's content type.
    /// </summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="value">The body.</param>
    /// <param name="typeInfo">The body type's JSON metadata: the parts hold what its JSON holds, under the same names.</param>
    /// <param name="fields">The spec's <c>encoding</c> entries.</param>
    /// <returns>The content. Streams of files are read when it is sent, and never disposed by it.</returns>
    public static HttpContent CreateMultipartContent<T>(T value, JsonTypeInfo<T> typeInfo, params BodyField[]? fields)
    {
        var files = new List<ApiFile>();
        using var json = BodyJson.Write(value, typeInfo, files);
        return MultipartEncoder.Encode(json.RootElement, files, fields);
    }

    /// <summary>A binary request body read from a stream, which the caller keeps and disposes.</summary>
    /// <param name="value">The body, read from its current position to the end when the request is sent.</param>
    /// <param name="mediaType">Its content type.</param>
    /// <returns>The content.</returns>
    public static HttpContent CreateStreamContent(Stream value, string mediaType)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var content = new StreamContent(new CallerOwnedStream(value));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>A text request body, UTF-8 encoded.</summary>
    /// <param name="value">The text.</param>
    /// <param name="mediaType">Its content type (<c>text/plain</c>); <c>charset=utf-8</c> is added.</param>
    /// <returns>The content.</returns>
    public static HttpContent CreateTextContent(string value, string mediaType)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
        var type = MediaTypeHeaderValue.Parse(mediaType);
        type.CharSet = "utf-8";
        content.Headers.ContentType = type;
        return content;
    }

    /// <summary>
    /// Sends a request and returns its body as a stream read straight from the connection, not buffered; the request
    /// is disposed. The caller disposes the stream, which releases the response and its connection.
    /// </summary>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="cancellationToken">Cancels the call up to the response's headers; pass a token to each read of the stream to cancel those.</param>
    /// <returns>The body. <see cref="ApiClientOptions.Timeout"/> covers the call up to the response's headers, not the reads.</returns>
    /// <exception cref="ApiException">The call failed: see <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</exception>
    public Task<Stream> CallForStreamAsync(HttpRequestMessage request, ApiSecurityRequirement auth, CancellationToken cancellationToken)
        => CallForStreamAsync(request, auth, null, cancellationToken);

    /// <summary>
    /// Sends a request as <see cref="CallForStreamAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/> does,
    /// with settings for this call; <see cref="ApiRequestOptions.OnResponse"/> sees the response without its body.
    /// </summary>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="requestOptions">Retries, timeouts and idempotency key for this call; <see langword="null"/> keeps the client's (or the scope's).</param>
    /// <param name="cancellationToken">Cancels the call up to the response's headers.</param>
    /// <returns>The body, read from the connection as the caller reads it.</returns>
    /// <exception cref="ApiException">The call failed: see <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>.</exception>
    public async Task<Stream> CallForStreamAsync(HttpRequestMessage request, ApiSecurityRequirement auth, ApiRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        using (request)
        {
            var response = await SendAsync(request, auth, requestOptions, cancellationToken).ConfigureAwait(false);
            try
            {
#if NET5_0_OR_GREATER
                var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                return new ResponseStream(body, response);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }
}
