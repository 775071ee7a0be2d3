using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// A request to the API failed. Subclasses tell the kind of failure: one per HTTP status family
/// (<see cref="NotFoundException"/>, <see cref="RateLimitException"/>, ...),
/// <see cref="ApiConnectionException"/> / <see cref="ApiTimeoutException"/> when no response arrived, and
/// <see cref="ApiRedirectException"/> for a redirect that was not followed.
/// </summary>
/// <remarks>
/// When the server answered with the Aitronos error envelope
/// (<c>{"success":false,"error":{"code","message","system_message","type","status","details","trace_id","timestamp"}}</c>)
/// its fields are here; other bodies (FastAPI <c>{"detail":...}</c>, RFC 7807 problem details) fill what they can.
/// The message never contains a credential.
/// </remarks>
public class ApiException : Exception
{
    private string? _attemptsNote;
    private string? _credentialsNote;

    private protected ApiException(string message, ApiErrorData data, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = data.StatusCode;
        Code = data.Body.Code;
        ErrorType = data.Body.ErrorType;
        SystemMessage = data.Body.SystemMessage;
        Details = data.Body.Details;
        TraceId = data.Body.TraceId;
        Timestamp = data.Body.Timestamp;
        Headers = data.Headers;
        RequestId = ResponseHeaders.First(data.Headers, "x-request-id");
        RawBody = data.RawBody;
        IsRawBodyTruncated = data.RawBodyTruncated;
        RawBodyLength = data.RawBodyLength;
    }

    /// <summary>The HTTP status code, or <see langword="null"/> when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The machine-readable error code, such as <c>CONNECTOR_INVALID_CONFIG</c>.</summary>
    public string? Code { get; }

    /// <summary>The error's category, such as <c>client_error</c> (the envelope's <c>type</c>; a problem's <c>type</c> URI).</summary>
    public string? ErrorType { get; }

    /// <summary>The envelope's <c>system_message</c>: technical detail meant for developers.</summary>
    public string? SystemMessage { get; }

    /// <summary>Structured detail: the envelope's <c>details</c>, FastAPI's validation error list, or a problem's <c>errors</c>.</summary>
    public JsonElement? Details { get; }

    /// <summary>The server's trace identifier, for support requests.</summary>
    public string? TraceId { get; }

    /// <summary>When the server says the error happened.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>The <c>x-request-id</c> response header.</summary>
    public string? RequestId { get; }

    /// <summary>Response and content headers; names are case-insensitive. Empty when no response arrived.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>
    /// The response body as text (at most its first mebibyte, see <see cref="IsRawBodyTruncated"/>), with the request's
    /// credentials masked should the server have echoed them; empty for an empty body, <see langword="null"/> when no
    /// response arrived.
    /// </summary>
    public string? RawBody { get; }

    /// <summary>
    /// Whether <see cref="RawBody"/> is only the start of a longer body: the client keeps at most a mebibyte of it, so
    /// that a runaway error body cannot exhaust memory. The message then says so.
    /// </summary>
    public bool IsRawBodyTruncated { get; }

    /// <summary>
    /// The whole response body's length in bytes, when known: the length read, or, for a truncated body, its declared
    /// <c>Content-Length</c> (<see langword="null"/> when the server did not declare one). <see langword="null"/> when no
    /// response arrived.
    /// </summary>
    public long? RawBodyLength { get; }

    /// <summary>
    /// How many times the request was sent (or tried to be sent) before this failure was thrown: 1 when it was not
    /// retried. This exception describes the last attempt; <see cref="PreviousAttempts"/> holds the others.
    /// </summary>
    public int Attempts { get; private set; } = 1;

    /// <summary>
    /// The failures of the attempts before the last, oldest first, each with its own status, headers, request id and
    /// body; empty when the request was sent once.
    /// </summary>
    public IReadOnlyList<ApiException> PreviousAttempts { get; private set; } = Array.Empty<ApiException>();

    /// <summary>
    /// The message, followed by how many attempts were made when there was more than one, and why the request was not
    /// retried when retries were on but a rule held it back: for example
    /// <c>503 Service Unavailable: the response has no body. (after 3 attempts)</c>.
    /// </summary>
    public override string Message
        => (_credentialsNote is null ? base.Message : base.Message + " " + _credentialsNote)
            + (_attemptsNote is null ? string.Empty : " (" + _attemptsNote + ")");

    /// <summary>
    /// Creates the exception for a non-success response: the subclass matching the status, filled from the body
    /// whatever its shape. Never throws for a malformed body.
    /// </summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="reasonPhrase">The status line's reason phrase, if any.</param>
    /// <param name="headers">The response and content headers.</param>
    /// <param name="rawBody">The response body as text, if any.</param>
    /// <returns>
    /// <see cref="BadRequestException"/> (400), <see cref="AuthenticationException"/> (401),
    /// <see cref="PermissionDeniedException"/> (403), <see cref="NotFoundException"/> (404),
    /// <see cref="ConflictException"/> (409), <see cref="UnprocessableEntityException"/> (422),
    /// <see cref="RateLimitException"/> (429), <see cref="InternalServerException"/> (500 and above),
    /// otherwise <see cref="ApiException"/>.
    /// </returns>
    public static ApiException FromResponse(
        int statusCode,
        string? reasonPhrase,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        string? rawBody)
        => FromResponse(statusCode, reasonPhrase, ResponseHeaders.Copy(headers), new BoundedText(rawBody ?? string.Empty, false, null), rawBody is null, SecretRedactor.None);

    internal static ApiException FromResponse(
        int statusCode,
        string? reasonPhrase,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        BoundedText? read,
        SecretRedactor redactor)
        => FromResponse(statusCode, reasonPhrase, headers, read ?? default, read is null, redactor);

    private static ApiException FromResponse(
        int statusCode,
        string? reasonPhrase,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        BoundedText read,
        bool bodyLost,
        SecretRedactor redactor)
    {
        // Redacting the body first keeps every field read from it (message, details, ...) free of credentials.
        var rawBody = bodyLost ? null : redactor.Redact(read.Text);
        var body = ErrorBody.Parse(rawBody);
        var data = new ApiErrorData(statusCode, headers, rawBody, body, read.Truncated, bodyLost ? null : read.Length);
        var message = DescribeResponse(statusCode, reasonPhrase, body.Code, body.Message, rawBody, headers) + TruncationNote(data);
        return statusCode switch
        {
            400 => new BadRequestException(message, data),
            401 => new AuthenticationException(message, data),
            403 => new PermissionDeniedException(message, data),
            404 => new NotFoundException(message, data),
            409 => new ConflictException(message, data),
            422 => new UnprocessableEntityException(message, data),
            429 => new RateLimitException(message, data, RetryAfter.From(headers, DateTimeOffset.UtcNow)),
            >= 500 => new InternalServerException(message, data),
            _ => new ApiException(message, data, null),
        };
    }

    /// <summary><c> (response body truncated: 1048576 of 52428800 bytes kept)</c>, or nothing for a whole body.</summary>
    internal static string TruncationNote(ApiErrorData data)
    {
        if (!data.RawBodyTruncated)
        {
            return string.Empty;
        }

        var kept = ResponseBody.ExceptionBodyLimit.ToString(CultureInfo.InvariantCulture);
        return data.RawBodyLength is { } length
            ? " (response body truncated: " + kept + " of " + length.ToString(CultureInfo.InvariantCulture) + " bytes kept)"
            : " (response body truncated: the first " + kept + " bytes kept)";
    }

    /// <summary>Says, on a 401 or 403, which credentials the operation wanted and the client did not have.</summary>
    internal void RecordMissingCredentials(string note) => _credentialsNote = note;

    /// <summary>Records, on the failure about to be thrown, the attempts that led to it.</summary>
    /// <param name="attempts">How many attempts were made, this one included.</param>
    /// <param name="previous">The earlier attempts' failures, oldest first.</param>
    /// <param name="notRetried">Why a retryable failure was not retried, when a rule held it back.</param>
    internal void RecordAttempts(int attempts, IReadOnlyList<ApiException>? previous, string? notRetried)
    {
        Attempts = attempts;
        PreviousAttempts = previous ?? Array.Empty<ApiException>();
        var count = attempts > 1 ? "after " + attempts.ToString(CultureInfo.InvariantCulture) + " attempts" : null;
        _attemptsNote = notRetried is null ? count
            : count is null ? "not retried: " + notRetried
            : count + "; not retried: " + notRetried;
    }

    /// <summary>
    /// <c>400 CONNECTOR_INVALID_CONFIG: The connector configuration is invalid.</c>, <c>404 Not Found</c>,
    /// <c>502 Bad Gateway: the response has no body.</c>
    /// </summary>
    internal static string DescribeResponse(
        int statusCode,
        string? reasonPhrase,
        string? code,
        string? bodyMessage,
        string? rawBody,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers)
    {
        var status = statusCode.ToString(CultureInfo.InvariantCulture);
        var reason = ReasonPhrases.Get(statusCode, reasonPhrase);
        var label = code ?? reason;
        var head = label is null ? status : status + " " + label;
        if (!string.IsNullOrWhiteSpace(bodyMessage))
        {
            return code is null && string.Equals(bodyMessage, reason, StringComparison.OrdinalIgnoreCase)
                ? head
                : head + ": " + bodyMessage;
        }

        if (code is not null)
        {
            return reason is null ? head : head + ": " + reason;
        }

        if (string.IsNullOrWhiteSpace(rawBody))
        {
            return head + ": the response has no body.";
        }

        var contentType = ResponseHeaders.First(headers, "Content-Type");
        return contentType is null
            ? head + ": the response body is not a JSON error."
            : head + ": the response body (" + contentType + ") is not a JSON error.";
    }
}
