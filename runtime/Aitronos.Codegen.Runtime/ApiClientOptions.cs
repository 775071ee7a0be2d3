using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Settings shared by every generated client: where the API lives, how to authenticate and how long to wait.
/// Generated clients derive their own options type from this one.
/// </summary>
/// <remarks>
/// A client reads its options once, when it is created; changing them afterwards does not affect that client.
/// </remarks>
public class ApiClientOptions
{
    private TimeSpan _timeout = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The base URL of the API, replacing the server URL of the OpenAPI document.
    /// Operation paths are appended to it, so a path such as <c>/v1</c> is kept.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The API key. When not set, the environment variable named by the API's description is used.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// A bearer access token sent as <c>Authorization: Bearer ...</c>. When not set, the environment variable
    /// named by the API's description is used. <see cref="AccessTokenProvider"/> wins over this value.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>
    /// Called before each request that uses a bearer token, to obtain a fresh token (for example one that is
    /// refreshed when it expires). Returning <see langword="null"/> sends no token.
    /// </summary>
    public Func<CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>
    /// How long one request may take until the response headers arrive (and, for a failed request, until its
    /// error body is read). Defaults to 100 seconds; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// disables the limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not infinite.</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        set
        {
            if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The timeout must be positive or Timeout.InfiniteTimeSpan.");
            }

            _timeout = value;
        }
    }

    /// <summary>
    /// Headers added to every request, unless the request already carries a header of that name.
    /// Names are case-insensitive.
    /// </summary>
    public IDictionary<string, string> DefaultHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The <c>User-Agent</c> header. Defaults to the client's name followed by <c>Aitronos.Codegen/{version}</c>.
    /// </summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// Describes the options without revealing secrets: credentials show only whether they are set, and
    /// default headers show only their names.
    /// </summary>
    /// <returns>A text such as <c>AitronosClientOptions { BaseUrl = ..., ApiKey = (set), ... }</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(GetType().Name).Append(" { ");
        text.Append("BaseUrl = ").Append(BaseUrl?.OriginalString ?? "(default)");
        text.Append(", ApiKey = ").Append(Presence(ApiKey));
        text.Append(", AccessToken = ").Append(Presence(AccessToken));
        text.Append(", AccessTokenProvider = ").Append(AccessTokenProvider is null ? "(not set)" : "(set)");
        text.Append(", Timeout = ").Append(Timeout == System.Threading.Timeout.InfiniteTimeSpan
            ? "infinite"
            : Timeout.ToString("c", CultureInfo.InvariantCulture));
        text.Append(", DefaultHeaders = [");
        // Header values can be credentials of their own (a custom auth header), so only names are shown.
        var first = true;
        foreach (var name in DefaultHeaders.Keys)
        {
            text.Append(first ? string.Empty : ", ").Append(name);
            first = false;
        }

        text.Append("], UserAgent = ").Append(UserAgent ?? "(default)");
        text.Append(" }");
        return text.ToString();
    }

    private static string Presence(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set, redacted)";
}
