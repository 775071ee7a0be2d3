using System;
using System.Globalization;
using System.Text.Json;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// What an error response's body says, read from whichever shape it has: the Aitronos envelope
/// (<c>{"success":false,"error":{...}}</c>), FastAPI's <c>{"detail": ...}</c>, RFC 7807 problem details,
/// or an OAuth-style <c>{"error":"...","error_description":"..."}</c>. Anything else (HTML, text, malformed
/// JSON, nothing) gives an empty result, never an exception.
/// </summary>
internal sealed class ErrorBody
{
    public static readonly ErrorBody Empty = new();

    public string? Code { get; private set; }

    public string? Message { get; private set; }

    public string? SystemMessage { get; private set; }

    public string? ErrorType { get; private set; }

    public JsonElement? Details { get; private set; }

    public string? TraceId { get; private set; }

    public DateTimeOffset? Timestamp { get; private set; }

    public static ErrorBody Parse(string? rawBody)
    {
        if (rawBody is null || !LooksLikeJsonObject(rawBody))
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(rawBody);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? FromObject(root) : Empty;
        }
        catch (JsonException)
        {
            // A truncated or malformed body: the status alone decides the exception.
            return Empty;
        }
    }

    private static ErrorBody FromObject(JsonElement root)
    {
        var body = new ErrorBody();
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            body.ReadEnvelope(error);
        }
        else if (error.ValueKind == JsonValueKind.String)
        {
            body.ReadOAuthStyle(root, error.GetString()!);
        }
        else if (Text(root, "title") is not null)
        {
            body.ReadProblemDetails(root);
        }
        else if (root.TryGetProperty("detail", out var detail))
        {
            body.ReadFastApiDetail(detail);
        }

        // Flat bodies such as {"code": "...", "message": "..."}, and whatever the shapes above left out.
        body.Message ??= Text(root, "message");
        body.Code ??= Text(root, "code");
        body.TraceId ??= Text(root, "trace_id") ?? Text(root, "traceId");
        return body;
    }

    private void ReadEnvelope(JsonElement error)
    {
        Code = Text(error, "code");
        Message = Text(error, "message");
        SystemMessage = Text(error, "system_message");
        ErrorType = Text(error, "type");
        Details = Element(error, "details");
        TraceId = Text(error, "trace_id");
        Timestamp = Time(error, "timestamp");
    }

    private void ReadOAuthStyle(JsonElement root, string error)
    {
        var description = Text(root, "error_description") ?? Text(root, "message");
        if (description is not null && error.IndexOf(' ') < 0)
        {
            Code = error;
            Message = description;
        }
        else
        {
            Message = error;
        }
    }

    private void ReadProblemDetails(JsonElement root)
    {
        var title = Text(root, "title");
        var detail = Text(root, "detail");
        Message = title is null || detail is null ? title ?? detail
            : title.EndsWith(".", StringComparison.Ordinal) ? title + " " + detail
            : title + ": " + detail;
        var type = Text(root, "type");
        ErrorType = type == "about:blank" ? null : type;
        Details = Element(root, "errors");
    }

    private void ReadFastApiDetail(JsonElement detail)
    {
        switch (detail.ValueKind)
        {
            case JsonValueKind.String:
                Message = detail.GetString();
                break;
            case JsonValueKind.Array:
                Details = detail.Clone();
                Message = SummarizeValidationErrors(detail);
                break;
            case JsonValueKind.Object:
                Details = detail.Clone();
                Message = Text(detail, "message") ?? Text(detail, "msg");
                Code = Text(detail, "code");
                break;
        }
    }

    /// <summary>FastAPI 422: <c>[{"loc":["body","source_id"],"msg":"Field required",...}]</c> becomes <c>body.source_id: Field required</c>.</summary>
    private static string? SummarizeValidationErrors(JsonElement errors)
    {
        var count = errors.GetArrayLength();
        if (count == 0)
        {
            return null;
        }

        var first = errors[0];
        string? summary;
        if (first.ValueKind == JsonValueKind.Object)
        {
            summary = Text(first, "msg") ?? Text(first, "message");
            var location = Location(first);
            if (summary is not null && location is not null)
            {
                summary = location + ": " + summary;
            }
        }
        else
        {
            summary = first.ValueKind == JsonValueKind.String ? first.GetString() : null;
        }

        if (summary is null)
        {
            return null;
        }

        return count switch
        {
            1 => summary,
            2 => summary + " (and 1 more error)",
            _ => summary + " (and " + (count - 1).ToString(CultureInfo.InvariantCulture) + " more errors)",
        };
    }

    private static string? Location(JsonElement error)
    {
        if (!error.TryGetProperty("loc", out var loc) || loc.ValueKind != JsonValueKind.Array || loc.GetArrayLength() == 0)
        {
            return null;
        }

        var parts = new string[loc.GetArrayLength()];
        var i = 0;
        foreach (var part in loc.EnumerateArray())
        {
            parts[i++] = part.ValueKind == JsonValueKind.String ? part.GetString()! : part.GetRawText();
        }

        return string.Join(".", parts);
    }

    private static bool LooksLikeJsonObject(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return c == '{';
            }
        }

        return false;
    }

    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static JsonElement? Element(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.Clone() : null;

    private static DateTimeOffset? Time(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            && seconds >= -62135596800L && seconds <= 253402300799L)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return null;
    }
}
