using System.Text.Json;

namespace Aitronos.Codegen.Runtime;

/// <summary>An RFC 6749 (section 5.2) error response: <c>{"error": ..., "error_description": ..., "error_uri": ...}</c>.</summary>
internal readonly struct OAuthErrorBody
{
    private OAuthErrorBody(string? error, string? description, string? uri)
    {
        Error = error;
        Description = description;
        Uri = uri;
    }

    public string? Error { get; }

    public string? Description { get; }

    public string? Uri { get; }

    /// <summary>Reads what it can; anything else (HTML, empty, malformed) gives empty fields.</summary>
    public static OAuthErrorBody Parse(string? rawBody)
    {
        if (string.IsNullOrWhiteSpace(rawBody))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(rawBody!);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            return new OAuthErrorBody(Text(document.RootElement, "error"), Text(document.RootElement, "error_description"), Text(document.RootElement, "error_uri"));
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? Text(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
