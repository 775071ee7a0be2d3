using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The HTTP response behind a successful call: status, headers, request id and, for a body the client buffered (JSON,
/// text, bytes, or a body it would not have read), the raw bytes.
/// </summary>
/// <remarks>
/// <para>Every generated method takes <see cref="ApiRequestOptions"/>; the response comes to <see cref="ApiRequestOptions.OnResponse"/>,
/// or, with the typed result beside it, from <see cref="CaptureAsync{T}(Func{ApiRequestOptions, Task{T}}, ApiRequestOptions?)"/>:</para>
/// <code>
/// ApiResponse&lt;TestConnectionResult&gt; response = await ApiResponse.CaptureAsync(
///     options => client.KnowledgeConnectors.TestConnectionAsync(organizationId, request, cancellationToken, options));
/// Console.WriteLine($"{response.StatusCode} {response.RequestId}: {response.Value.Status} from {response.Text}");
/// </code>
/// <para>
/// Only the last attempt's response is described (a retried call's earlier attempts failed). A body returned as a
/// <see cref="System.IO.Stream"/> is the caller's to read: <see cref="Content"/> is then <see langword="null"/>. Capturing
/// costs one copy of the body's bytes; calls that capture nothing are unchanged.
/// </para>
/// </remarks>
public class ApiResponse
{
    private string? _text;

    /// <summary>Describes a response.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">Response and content headers, looked up case-insensitively.</param>
    /// <param name="content">The body's bytes, or <see langword="null"/> when the body was not buffered.</param>
    public ApiResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers, byte[]? content)
    {
        StatusCode = statusCode;
        Headers = ResponseHeaders.Copy(headers);
        Content = content;
    }

    /// <summary>Copies another response's description (for <see cref="ApiResponse{T}"/>).</summary>
    /// <param name="response">The response.</param>
    protected ApiResponse(ApiResponse response)
    {
        if (response is null)
        {
            throw new ArgumentNullException(nameof(response));
        }

        (StatusCode, Headers, Content, _text) = (response.StatusCode, response.Headers, response.Content, response._text);
    }

    private ApiResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, byte[]? content, string? text)
        => (StatusCode, Headers, Content, _text) = (statusCode, headers, content, text);

    /// <summary>The HTTP status code (2xx: failures are exceptions, which carry their own response).</summary>
    public int StatusCode { get; }

    /// <summary>Response and content headers, looked up case-insensitively.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The server's request id (<c>x-request-id</c>), if it sent one.</summary>
    public string? RequestId => ResponseHeaders.First(Headers, "x-request-id");

    /// <summary>
    /// The first value of a response header (the headers an operation declares, such as <c>Location</c> or
    /// <c>X-RateLimit-Remaining</c>, included), or <see langword="null"/> when the response has none.
    /// </summary>
    /// <param name="name">The header's name, in any case.</param>
    /// <returns>The value.</returns>
    public string? Header(string name) => ResponseHeaders.First(Headers, name ?? throw new ArgumentNullException(nameof(name)));

    /// <summary>Reads a header declared as an <c>integer</c>.</summary>
    /// <param name="name">The header's name, in any case.</param>
    /// <param name="value">Its first value, when there is one and it is an integer.</param>
    /// <returns>Whether the header came and is an integer.</returns>
    public bool TryGetHeader(string name, out long value)
    {
        value = 0;
        return Header(name) is { } text && long.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads a header holding a date: an HTTP date (<c>Last-Modified</c>) or an ISO 8601 <c>date-time</c>.</summary>
    /// <param name="name">The header's name, in any case.</param>
    /// <param name="value">Its first value, when there is one and it is a date.</param>
    /// <returns>Whether the header came and is a date.</returns>
    public bool TryGetHeader(string name, out DateTimeOffset value)
    {
        value = default;
        return Header(name) is { } text && DateTimeOffset.TryParse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>The raw body as received, or <see langword="null"/> when it was returned as a stream.</summary>
    public byte[]? Content { get; }

    /// <summary>The raw body decoded as text by its charset (UTF-8 by default), or <see langword="null"/> without <see cref="Content"/>.</summary>
    public string? Text => _text ??= Content is null ? null : System.Text.Encoding.UTF8.GetString(Content);

    /// <summary>Runs a call with options that capture its response, and returns the typed result with it.</summary>
    /// <typeparam name="T">The call's result type.</typeparam>
    /// <param name="call">The call, given options to pass on as its <c>requestOptions</c>.</param>
    /// <param name="requestOptions">Further settings for the call (retries, timeouts, idempotency key), if any.</param>
    /// <returns>The result and its response.</returns>
    /// <exception cref="InvalidOperationException">The call returned without passing the options on to the client.</exception>
    public static async Task<ApiResponse<T>> CaptureAsync<T>(Func<ApiRequestOptions, Task<T>> call, ApiRequestOptions? requestOptions = null)
    {
        if (call is null)
        {
            throw new ArgumentNullException(nameof(call));
        }

        var capture = new Capture();
        var value = await call(capture.Options(requestOptions)).ConfigureAwait(false);
        return new ApiResponse<T>(capture.Response, value);
    }

    /// <summary>Runs a call that returns no result with options that capture its response, and returns the response.</summary>
    /// <param name="call">The call, given options to pass on as its <c>requestOptions</c>.</param>
    /// <param name="requestOptions">Further settings for the call, if any.</param>
    /// <returns>The response.</returns>
    /// <exception cref="InvalidOperationException">The call returned without passing the options on to the client.</exception>
    public static async Task<ApiResponse> CaptureAsync(Func<ApiRequestOptions, Task> call, ApiRequestOptions? requestOptions = null)
    {
        if (call is null)
        {
            throw new ArgumentNullException(nameof(call));
        }

        var capture = new Capture();
        await call(capture.Options(requestOptions)).ConfigureAwait(false);
        return capture.Response;
    }

    /// <summary>Describes a successful response; with <paramref name="buffer"/>, reads its body and puts a buffered copy in its place.</summary>
    internal static async Task<ApiResponse> ReadAsync(HttpResponseMessage response, bool buffer, CancellationToken cancellationToken)
    {
        byte[]? content = null;
        string? text = null;
        if (buffer && response.Content is { } original)
        {
            content = await ResponseBody.ReadAllAsync(original, cancellationToken).ConfigureAwait(false);
            text = ResponseBody.Decode(content, content.Length, original);
            var copy = new ByteArrayContent(content);
            foreach (var header in original.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = copy;
            original.Dispose();
        }

        return new ApiResponse((int)response.StatusCode, ResponseHeaders.From(response), content, text);
    }

    private sealed class Capture
    {
        private ApiResponse? _response;

        public ApiResponse Response => _response ?? throw new InvalidOperationException(
            "ApiResponse.CaptureAsync: the call did not pass the options it was given on to the client (its requestOptions argument).");

        public ApiRequestOptions Options(ApiRequestOptions? requestOptions) =>
            ApiRequestOptions.Merge(requestOptions, new ApiRequestOptions { OnResponse = response => _response = response })!;
    }
}

/// <summary>A call's typed result with the HTTP response it came from; see <see cref="ApiResponse"/>.</summary>
/// <typeparam name="T">The result type.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    /// <summary>Pairs a result with its response.</summary>
    /// <param name="response">The response.</param>
    /// <param name="value">The result read from it.</param>
    public ApiResponse(ApiResponse response, T value)
        : base(response) => Value = value;

    /// <summary>The typed result, as the method without capture returns it.</summary>
    public T Value { get; }
}
