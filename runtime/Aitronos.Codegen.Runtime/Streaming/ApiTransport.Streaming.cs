using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime.Streaming;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Streamed responses: <c>text/event-stream</c> (server-sent events) and JSON Lines (<c>application/x-ndjson</c>,
/// <c>application/jsonl</c>, <c>application/json-seq</c>), read as they arrive, one typed item at a time.
/// </summary>
/// <remarks>
/// <para>
/// The request is sent when the enumeration starts (the first <c>MoveNextAsync</c>), through the same path as every call:
/// credentials, redirects, retries, and an error status before the stream starts as the usual <see cref="ApiException"/>.
/// <see cref="ApiClientOptions.Timeout"/> and <see cref="ApiClientOptions.CallTimeout"/> (and their
/// <see cref="ApiRequestOptions"/> overrides) bound the time to the response's headers only: a stream may then run as long
/// as the server keeps it open. <see cref="ApiRequestOptions.StreamIdleTimeout"/> bounds the wait for each next line of the
/// body, if set; a body that stays silent longer fails with an <see cref="ApiTimeoutException"/>. A failure while the body
/// is read is never retried: items already handed out cannot be taken back.
/// </para>
/// <para>
/// Stopping early (<c>break</c> out of <c>await foreach</c>), an exception, or the cancellation token dispose the response,
/// which releases its connection. The token cancels the whole enumeration, the wait for the headers and every read
/// (an <see cref="OperationCanceledException"/> carrying it, never a timeout).
/// </para>
/// </remarks>
public sealed partial class ApiTransport
{
    private const string EventStreamMediaType = "text/event-stream";

    private delegate bool EventDataReader<T>(string eventType, ReadOnlySpan<byte> data, out T value, out Type type);

    /// <summary>
    /// Sends a request whose response is a <c>text/event-stream</c>, and reads each event's data as JSON of one type; the
    /// request is disposed when the enumeration ends.
    /// </summary>
    /// <typeparam name="T">The events' data type.</typeparam>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="data">The data type's JSON metadata, from the generated code.</param>
    /// <param name="requestOptions">Retries, timeouts and idempotency key for this call; <see langword="null"/> keeps the client's (or the scope's).</param>
    /// <param name="cancellationToken">Cancels the call and the reading of the stream.</param>
    /// <returns>The events, in order, as they arrive.</returns>
    /// <exception cref="ApiException">
    /// An error status before the stream starts, no response, or a timeout (see <see cref="SendAsync(HttpRequestMessage, ApiSecurityRequirement, CancellationToken)"/>);
    /// <see cref="ApiResponseFormatException"/> for a response that is not an event stream or an event whose data is not
    /// the type's JSON (the message names the event and line); <see cref="ApiConnectionException"/> when the connection
    /// breaks mid-stream; <see cref="ApiTimeoutException"/> past <see cref="ApiRequestOptions.StreamIdleTimeout"/>.
    /// </exception>
    public IAsyncEnumerable<ServerSentEvent<T>> StreamEventsAsync<T>(HttpRequestMessage request, ApiSecurityRequirement auth, JsonTypeInfo<T> data, ApiRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (data is null)
        {
            request.Dispose();
            throw new ArgumentNullException(nameof(data));
        }

        return StreamEventsCoreAsync<T>(request, auth, requestOptions, ReadSingle, cancellationToken);

        bool ReadSingle(string eventType, ReadOnlySpan<byte> json, out T value, out Type type)
        {
            type = typeof(T);
            value = Serialization.JsonBodyBytes.Deserialize(json, data);
            return true;
        }
    }

    /// <summary>
    /// Sends a request whose response is a <c>text/event-stream</c>, and hands over each event's data as text; the request
    /// is disposed when the enumeration ends.
    /// </summary>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="requestOptions">Retries, timeouts and idempotency key for this call; <see langword="null"/> keeps the client's (or the scope's).</param>
    /// <param name="cancellationToken">Cancels the call and the reading of the stream.</param>
    /// <returns>The events, in order, as they arrive.</returns>
    /// <exception cref="ApiException">See <see cref="StreamEventsAsync{T}(HttpRequestMessage, ApiSecurityRequirement, JsonTypeInfo{T}, ApiRequestOptions?, CancellationToken)"/>.</exception>
    public IAsyncEnumerable<ServerSentEvent<string>> StreamEventsAsync(HttpRequestMessage request, ApiSecurityRequirement auth, ApiRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return StreamEventsCoreAsync<string>(request, auth, requestOptions, ReadText, cancellationToken);

        static bool ReadText(string eventType, ReadOnlySpan<byte> data, out string value, out Type type)
        {
            (value, type) = (ServerSentEventParser.Utf8(data), typeof(string));
            return true;
        }
    }

    /// <summary>
    /// Sends a request whose response is a <c>text/event-stream</c> whose events have a type per <c>event</c> name, and
    /// reads each event's data as its name's type; the request is disposed when the enumeration ends.
    /// </summary>
    /// <typeparam name="T">What every event type is.</typeparam>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="data">The type of each event name; events of other names are skipped unless it has a fallback.</param>
    /// <param name="requestOptions">Retries, timeouts and idempotency key for this call; <see langword="null"/> keeps the client's (or the scope's).</param>
    /// <param name="cancellationToken">Cancels the call and the reading of the stream.</param>
    /// <returns>The events, in order, as they arrive.</returns>
    /// <exception cref="ApiException">See <see cref="StreamEventsAsync{T}(HttpRequestMessage, ApiSecurityRequirement, JsonTypeInfo{T}, ApiRequestOptions?, CancellationToken)"/>.</exception>
    public IAsyncEnumerable<ServerSentEvent<T>> StreamEventsAsync<T>(HttpRequestMessage request, ApiSecurityRequirement auth, ServerSentEventTypes<T> data, ApiRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (data is null)
        {
            request.Dispose();
            throw new ArgumentNullException(nameof(data));
        }

        return StreamEventsCoreAsync<T>(request, auth, requestOptions, ReadVariant, cancellationToken);

        bool ReadVariant(string eventType, ReadOnlySpan<byte> json, out T value, out Type type)
        {
            if (data.For(eventType) is not { } typeInfo)
            {
                (value, type) = (default!, typeof(T));
                return false;
            }

            type = typeInfo.Type;
            value = (T)JsonSerializer.Deserialize(json, typeInfo)!;
            return true;
        }
    }

    /// <summary>
    /// Sends a request whose response is JSON Lines (<c>application/x-ndjson</c>, <c>application/jsonl</c>, or
    /// <c>application/json-seq</c>), and reads each line as JSON; blank lines are skipped. The request is disposed when
    /// the enumeration ends.
    /// </summary>
    /// <typeparam name="T">The items' type.</typeparam>
    /// <param name="request">The request, from <see cref="CreateRequest(HttpMethod, string)"/>; owned by this call.</param>
    /// <param name="auth">The credentials the operation accepts.</param>
    /// <param name="item">The item type's JSON metadata, from the generated code.</param>
    /// <param name="requestOptions">Retries, timeouts and idempotency key for this call; <see langword="null"/> keeps the client's (or the scope's).</param>
    /// <param name="cancellationToken">Cancels the call and the reading of the stream.</param>
    /// <returns>The items, in order, as they arrive.</returns>
    /// <exception cref="ApiException">
    /// See <see cref="StreamEventsAsync{T}(HttpRequestMessage, ApiSecurityRequirement, JsonTypeInfo{T}, ApiRequestOptions?, CancellationToken)"/>;
    /// a line that is not the type's JSON is an <see cref="ApiResponseFormatException"/> naming the line's number.
    /// </exception>
    public IAsyncEnumerable<T> StreamJsonLinesAsync<T>(HttpRequestMessage request, ApiSecurityRequirement auth, JsonTypeInfo<T> item, ApiRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (item is null)
        {
            request.Dispose();
            throw new ArgumentNullException(nameof(item));
        }

        return StreamJsonLinesCoreAsync(request, auth, item, requestOptions, cancellationToken);
    }

    private async IAsyncEnumerable<ServerSentEvent<T>> StreamEventsCoreAsync<T>(
        HttpRequestMessage request,
        ApiSecurityRequirement auth,
        ApiRequestOptions? requestOptions,
        EventDataReader<T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var body = await OpenStreamAsync(request, auth, requestOptions, EventStreamMediaType, cancellationToken).ConfigureAwait(false);
        using var parser = new ServerSentEventParser();
        while (await body.ReadLineAsync(cancellationToken).ConfigureAwait(false))
        {
            // A last line without a line end is an event the stream broke off in: not dispatched.
            if (!body.Lines.LineTerminated || !ProcessLine(body, parser))
            {
                continue;
            }

            if (ReadEvent(body, parser, read, out var value))
            {
                yield return new ServerSentEvent<T>(parser.EventType, value, parser.LastEventId, parser.Retry);
            }
        }
    }

    private async IAsyncEnumerable<T> StreamJsonLinesCoreAsync<T>(
        HttpRequestMessage request,
        ApiSecurityRequirement auth,
        JsonTypeInfo<T> item,
        ApiRequestOptions? requestOptions,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var body = await OpenStreamAsync(request, auth, requestOptions, "application/x-ndjson, application/jsonl, application/json-seq", cancellationToken).ConfigureAwait(false);
        while (await body.ReadLineAsync(cancellationToken).ConfigureAwait(false))
        {
            // JSON text sequences (RFC 7464) start each record with RS; JSON Lines and NDJSON have none.
            var line = body.Line;
            while (!line.IsEmpty && line[0] == 0x1E)
            {
                line = line.Slice(1);
            }

            if (!IsWhiteSpace(line))
            {
                yield return ReadLine(body, line, item);
            }
        }
    }

    private bool ProcessLine(StreamBody body, ServerSentEventParser parser)
    {
        try
        {
            return parser.ProcessLine(body.Line);
        }
        catch (StreamLimitException exception)
        {
            throw StreamFormatError(body, $"the {body.MediaType} body is refused: {exception.Message}.", ReadOnlySpan<byte>.Empty, exception);
        }
    }

    private T ReadLine<T>(StreamBody body, ReadOnlySpan<byte> line, JsonTypeInfo<T> item)
    {
        try
        {
            return Serialization.JsonBodyBytes.Deserialize(line, item);
        }
        catch (JsonException exception)
        {
            var number = body.Lines.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw StreamFormatError(body, $"line {number} of the {body.MediaType} body is not valid {typeof(T).Name} JSON: {exception.Message}", line, exception);
        }
    }

    private bool ReadEvent<T>(StreamBody body, ServerSentEventParser parser, EventDataReader<T> read, out T value)
    {
        var type = typeof(T);
        try
        {
            return read(parser.EventType, parser.Data, out value, out type);
        }
        catch (JsonException exception)
        {
            var number = parser.EventCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var line = body.Lines.LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw StreamFormatError(body, $"event {number} ('{parser.EventType}', ending on line {line}) of the event stream is not valid {type.Name} JSON: {exception.Message}", parser.Data, exception);
        }
    }

    /// <summary>Sends the request and opens its body for reading line by line; an error status throws here, as for every call.</summary>
    private async Task<StreamBody> OpenStreamAsync(HttpRequestMessage request, ApiSecurityRequirement auth, ApiRequestOptions? requestOptions, string accept, CancellationToken cancellationToken)
    {
        using (request)
        {
            if (request.Headers.Accept.Count == 0)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            var idleTimeout = (requestOptions?.StreamIdleTimeout ?? ApiRequestOptions.Current?.StreamIdleTimeout) ?? Timeout.InfiniteTimeSpan;
            var response = await SendAsync(request, auth, requestOptions, cancellationToken).ConfigureAwait(false);
            try
            {
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (accept == EventStreamMediaType && mediaType is not null && !string.Equals(mediaType, EventStreamMediaType, StringComparison.OrdinalIgnoreCase))
                {
                    // A JSON answer where events were expected (a request without "stream": true, say) would otherwise read as no events.
                    var start = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
                    var data = new ApiErrorData((int)response.StatusCode, ResponseHeaders.From(response), start?.Text, ErrorBody.Empty, start?.Truncated ?? false, null);
                    throw new ApiResponseFormatException(
                        $"{Status(response)}: the response is {mediaType}, not the {EventStreamMediaType} the operation streams.", data, null).Redacted(_credentials.Redactor(null));
                }

#if NET5_0_OR_GREATER
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                return new StreamBody(this, request, response, stream, mediaType ?? accept, idleTimeout, cancellationToken);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }
    }

    private ApiResponseFormatException StreamFormatError(StreamBody body, string problem, ReadOnlySpan<byte> raw, Exception innerException)
    {
        var kept = raw.Length > ResponseBody.ExceptionBodyLimit ? raw.Slice(0, ResponseBody.ExceptionBodyLimit) : raw;
        var data = new ApiErrorData((int)body.Response.StatusCode, ResponseHeaders.From(body.Response), ServerSentEventParser.Utf8(kept), ErrorBody.Empty, kept.Length < raw.Length, raw.Length);
        return new ApiResponseFormatException(Status(body.Response) + ": " + problem + ApiException.TruncationNote(data), data, innerException).Redacted(_credentials.Redactor(null));
    }

    private static string Status(HttpResponseMessage response)
    {
        var statusCode = (int)response.StatusCode;
        var status = statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ReasonPhrases.Get(statusCode, response.ReasonPhrase) is { } reason ? status + " " + reason : status;
    }

    /// <summary>
    /// A streamed response's body, read line by line: owns the response (and so the connection) and disposes it; tells
    /// the caller's cancellation from the idle timeout and turns a broken connection into an <see cref="ApiConnectionException"/>.
    /// </summary>
    private sealed class StreamBody : IDisposable
    {
        private readonly ApiTransport _transport;
        private readonly string _description;
        private readonly TimeSpan _idleTimeout;
        private readonly CancellationTokenSource? _idle;
        private readonly Stream _stream;

        public StreamBody(ApiTransport transport, HttpRequestMessage request, HttpResponseMessage response, Stream stream, string mediaType, TimeSpan idleTimeout, CancellationToken cancellationToken)
        {
            (_transport, Response, _stream, MediaType, _idleTimeout) = (transport, response, stream, mediaType, idleTimeout);
            _description = Describe(request);
            _idle = idleTimeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Lines = new Utf8LineReader(stream);
        }

        public HttpResponseMessage Response { get; }

        public string MediaType { get; }

        public Utf8LineReader Lines { get; }

        /// <summary>The line read last.</summary>
        public ReadOnlySpan<byte> Line => Lines.Line;

        public ValueTask<bool> ReadLineAsync(CancellationToken cancellationToken)
        {
            // A line already buffered needs no wait, so neither a timer reset nor a state machine.
            return !cancellationToken.IsCancellationRequested && Lines.TryReadLine() ? new ValueTask<bool>(true) : ReadMoreAsync(cancellationToken);
        }

        private async ValueTask<bool> ReadMoreAsync(CancellationToken cancellationToken)
        {
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                _idle?.CancelAfter(_idleTimeout);
                return await Lines.ReadLineAsync(_idle?.Token ?? cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
            {
                throw CallerCanceled(exception, cancellationToken);
            }
            catch (OperationCanceledException exception) when (_idle?.IsCancellationRequested == true)
            {
                throw new ApiTimeoutException(
                    $"{_transport._api.Name}: {_description} sent nothing more of its {MediaType} body within {FormatDuration(_idleTimeout)} (ApiRequestOptions.StreamIdleTimeout).",
                    _idleTimeout,
                    exception);
            }
            catch (StreamLimitException exception)
            {
                throw _transport.StreamFormatError(this, $"the {MediaType} body is refused: {exception.Message}.", ReadOnlySpan<byte>.Empty, exception);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                throw new ApiConnectionException(
                    _transport._credentials.Redactor(null).Redact($"{_transport._api.Name}: {_description} lost its connection while the {MediaType} body was read: {exception.Message}")!,
                    exception);
            }
        }

        public void Dispose()
        {
            Lines.Dispose();
            _idle?.Dispose();
            _stream.Dispose();
            Response.Dispose();
        }
    }
}
