using System.Collections.Generic;

namespace Aitronos.Codegen.Runtime;

/// <summary>What <see cref="ApiException"/> is built from: a response, or nothing at all when none arrived.</summary>
internal sealed class ApiErrorData
{
    public static readonly ApiErrorData NoResponse = new(null, ResponseHeaders.Empty, null, ErrorBody.Empty);

    public ApiErrorData(int? statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, string? rawBody, ErrorBody body)
    {
        StatusCode = statusCode;
        Headers = headers;
        RawBody = rawBody;
        Body = body;
    }

    public int? StatusCode { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    public string? RawBody { get; }

    public ErrorBody Body { get; }
}
