using System.Collections.Generic;

namespace Aitronos.Codegen.Runtime;

/// <summary>What <see cref="ApiException"/> is built from: a response, or nothing at all when none arrived.</summary>
internal sealed class ApiErrorData
{
    public static readonly ApiErrorData NoResponse = new(null, ResponseHeaders.Empty, null, ErrorBody.Empty);

    public ApiErrorData(int? statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string? rawBody, ErrorBody body, bool rawBodyTruncated = false, long? rawBodyLength = null)
    {
        StatusCode = statusCode;
        Headers = headers;
        RawBody = rawBody;
        Body = body;
        RawBodyTruncated = rawBodyTruncated;
        RawBodyLength = rawBodyLength;
    }

    public int? StatusCode { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    public string? RawBody { get; }

    public ErrorBody Body { get; }

    /// <summary>Whether <see cref="RawBody"/> is only the start of a longer body.</summary>
    public bool RawBodyTruncated { get; }

    /// <summary>The whole body's length in bytes, when known.</summary>
    public long? RawBodyLength { get; }
}
