using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>Static facts about one API, taken from its OpenAPI document by the generated client.</summary>
public sealed class ApiDescription
{
    /// <summary>Describes an API.</summary>
    /// <param name="name">The client's name, used in messages and the default <c>User-Agent</c> (for example <c>AitronosClient</c>).</param>
    /// <param name="defaultBaseUrl">The document's server URL, used when no base URL is configured; <see langword="null"/> when it has none.</param>
    /// <param name="apiKey">The API key scheme, if the API has one.</param>
    /// <param name="bearer">The bearer scheme, if the API has one.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public ApiDescription(string name, string? defaultBaseUrl, ApiKeySecurity? apiKey, BearerSecurity? bearer)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("The API's client name is required.", nameof(name));
        }

        Name = name;
        DefaultBaseUrl = string.IsNullOrEmpty(defaultBaseUrl) ? null : defaultBaseUrl;
        ApiKey = apiKey;
        Bearer = bearer;
    }

    /// <summary>The client's name.</summary>
    public string Name { get; }

    /// <summary>The document's server URL, if any.</summary>
    public string? DefaultBaseUrl { get; }

    /// <summary>The API key scheme, if any.</summary>
    public ApiKeySecurity? ApiKey { get; }

    /// <summary>The bearer scheme, if any.</summary>
    public BearerSecurity? Bearer { get; }
}
