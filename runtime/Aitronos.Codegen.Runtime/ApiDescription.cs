using System;
using System.Collections.Generic;

namespace Aitronos.Codegen.Runtime;

/// <summary>Static facts about one API, taken from its OpenAPI document by the generated client.</summary>
public sealed class ApiDescription
{
    private readonly ApiSecurityScheme[] _schemes;

    /// <summary>Describes an API with at most one API key and one bearer scheme.</summary>
    /// <param name="name">The client's name, used in messages and the default <c>User-Agent</c> (for example <c>AitronosClient</c>).</param>
    /// <param name="defaultBaseUrl">The document's server URL, used when no base URL is configured; <see langword="null"/> when it has none.</param>
    /// <param name="apiKey">The API key scheme, if the API has one.</param>
    /// <param name="bearer">The bearer scheme, if the API has one.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public ApiDescription(string name, string? defaultBaseUrl, ApiKeySecurity? apiKey, BearerSecurity? bearer)
        : this(name, defaultBaseUrl, Both(apiKey, bearer))
    {
    }

    /// <summary>Describes an API and its security schemes.</summary>
    /// <param name="name">The client's name, used in messages and the default <c>User-Agent</c> (for example <c>AitronosClient</c>).</param>
    /// <param name="defaultBaseUrl">The document's server URL, used when no base URL is configured; <see langword="null"/> when it has none.</param>
    /// <param name="schemes">
    /// The security schemes, at most 64; <see cref="ApiSecurityRequirement"/>s name them by their index here.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or there are more than 64 schemes or a null one.</exception>
    public ApiDescription(string name, string? defaultBaseUrl, params ApiSecurityScheme[] schemes)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("The API's client name is required.", nameof(name));
        }

        schemes ??= Array.Empty<ApiSecurityScheme>();
        if (schemes.Length > 64 || Array.IndexOf(schemes, null) >= 0)
        {
            throw new ArgumentException("At most 64 security schemes, none of them null.", nameof(schemes));
        }

        Name = name;
        DefaultBaseUrl = string.IsNullOrEmpty(defaultBaseUrl) ? null : defaultBaseUrl;
        _schemes = (ApiSecurityScheme[])schemes.Clone();
        foreach (var scheme in _schemes)
        {
            ApiKey ??= scheme as ApiKeySecurity;
            Bearer ??= scheme as BearerSecurity;
        }
    }

    /// <summary>The client's name.</summary>
    public string Name { get; }

    /// <summary>The document's server URL, if any.</summary>
    public string? DefaultBaseUrl { get; }

    /// <summary>The first API key scheme, if any: the one <see cref="ApiClientOptions.ApiKey"/> and <see cref="ApiAuth.ApiKey"/> stand for.</summary>
    public ApiKeySecurity? ApiKey { get; }

    /// <summary>The first bearer scheme, if any: the one <see cref="ApiAuth.Bearer"/> stands for.</summary>
    public BearerSecurity? Bearer { get; }

    /// <summary>Every security scheme, in the order <see cref="ApiSecurityRequirement"/> masks index them.</summary>
    public IReadOnlyList<ApiSecurityScheme> Schemes => _schemes;

    /// <summary>The index of <paramref name="scheme"/> in <see cref="Schemes"/>, or -1.</summary>
    internal int IndexOf(ApiSecurityScheme? scheme) => scheme is null ? -1 : Array.IndexOf(_schemes, scheme);

    private static ApiSecurityScheme[] Both(ApiKeySecurity? apiKey, BearerSecurity? bearer)
    {
        var schemes = new List<ApiSecurityScheme>(2);
        if (apiKey is not null)
        {
            schemes.Add(apiKey);
        }

        if (bearer is not null)
        {
            schemes.Add(bearer);
        }

        return schemes.ToArray();
    }
}
