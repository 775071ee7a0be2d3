using System;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// A successful response's body is not what the operation promises: invalid JSON, JSON of another shape, or
/// no body where a value is required. <see cref="Exception.InnerException"/> holds the JSON error, if any.
/// </summary>
public sealed class ApiResponseFormatException : ApiException
{
    internal ApiResponseFormatException(string message, ApiErrorData data, Exception? innerException)
        : base(message, data, innerException)
    {
    }

    /// <summary>
    /// This exception with the request's credentials masked in its message and body (a server may echo them), or itself
    /// when neither holds one. <c>ApiTransport.ReadJsonAsync</c> do not know the credentials; the transport does.
    /// </summary>
    internal ApiResponseFormatException Redacted(SecretRedactor redactor)
    {
        var message = redactor.Redact(base.Message)!;
        var rawBody = redactor.Redact(RawBody);
        if (ReferenceEquals(message, base.Message) && ReferenceEquals(rawBody, RawBody))
        {
            return this;
        }

        // The JSON error's message may quote the body too; it is kept only as its type and position.
        var inner = InnerException is JsonException json
            ? new JsonException("The response body is not valid JSON (details redacted).", redactor.Redact(json.Path), json.LineNumber, json.BytePositionInLine)
            : InnerException;
        var data = new ApiErrorData(StatusCode, Headers, rawBody, ErrorBody.Empty, IsRawBodyTruncated, RawBodyLength);
        return new ApiResponseFormatException(message, data, inner);
    }
}
