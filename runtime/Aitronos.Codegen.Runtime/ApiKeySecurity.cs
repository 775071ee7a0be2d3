using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>An API's <c>apiKey</c> security scheme: where the key goes and where to find it by default.</summary>
public sealed class ApiKeySecurity : ApiSecurityScheme
{
    /// <summary>Describes an API key scheme.</summary>
    /// <param name="name">The header, query parameter or cookie name, such as <c>X-API-Key</c>.</param>
    /// <param name="location">Where the key travels.</param>
    /// <param name="environmentVariable">The environment variable read when no key is configured for the scheme.</param>
    /// <param name="schemeName">The scheme's name in the document, which keys <see cref="ApiClientOptions.ApiKeys"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="location"/> is not a defined value.</exception>
    public ApiKeySecurity(string name, ApiKeyLocation location, string? environmentVariable = null, string? schemeName = null)
        : base(schemeName)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("The API key's header, query parameter or cookie name is required.", nameof(name));
        }

        if (location is not (ApiKeyLocation.Header or ApiKeyLocation.Query or ApiKeyLocation.Cookie))
        {
            throw new ArgumentOutOfRangeException(nameof(location), location, "Unknown API key location.");
        }

        Name = name;
        Location = location;
        EnvironmentVariable = string.IsNullOrEmpty(environmentVariable) ? null : environmentVariable;
    }

    /// <summary>The header, query parameter or cookie name.</summary>
    public string Name { get; }

    /// <summary>Where the key travels.</summary>
    public ApiKeyLocation Location { get; }

    /// <summary>The environment variable read when no key is configured, if any.</summary>
    public string? EnvironmentVariable { get; }
}
