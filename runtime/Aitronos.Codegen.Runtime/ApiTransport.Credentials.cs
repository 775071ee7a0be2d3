using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

public sealed partial class ApiTransport
{
    private readonly string? _apiKey;
    private readonly string? _accessToken;
    private readonly Func<CancellationToken, ValueTask<string?>>? _accessTokenProvider;

    /// <summary>
    /// Adds the API key when the operation accepts it and one is known; otherwise a bearer token when accepted
    /// and known. Returns what was sent, so that redirects can carry or drop it and exception messages can mask it.
    /// </summary>
    /// <remarks>Every header written here must be one that <see cref="IsCredentialHeader"/> names.</remarks>
    private async ValueTask<SentCredentials> AddCredentialsAsync(HttpRequestMessage request, ApiAuth auth, CancellationToken cancellationToken)
    {
        var apiKeyScheme = _api.ApiKey;
        if ((auth & ApiAuth.ApiKey) != 0 && apiKeyScheme is not null && _apiKey is not null)
        {
            AddApiKey(request, apiKeyScheme, _apiKey);
            return new SentCredentials(apiKeyInQuery: apiKeyScheme.Location == ApiKeyLocation.Query, bearerToken: null);
        }

        if ((auth & ApiAuth.Bearer) == 0)
        {
            return default;
        }

        var token = _accessTokenProvider is null
            ? _accessToken
            : await _accessTokenProvider(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token))
        {
            return default;
        }

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return new SentCredentials(apiKeyInQuery: false, bearerToken: token);
    }

    /// <summary>
    /// Whether a request header can carry a credential: the ones <see cref="AddCredentialsAsync"/> writes, and
    /// the standard credential headers whoever set them. None of them leaves the base URL's origin.
    /// </summary>
    private bool IsCredentialHeader(string name)
        => string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase)
            || (_api.ApiKey is { Location: ApiKeyLocation.Header } scheme && string.Equals(name, scheme.Name, StringComparison.OrdinalIgnoreCase));

    private static void AddApiKey(HttpRequestMessage request, ApiKeySecurity scheme, string key)
    {
        switch (scheme.Location)
        {
            case ApiKeyLocation.Header:
                request.Headers.Remove(scheme.Name);
                request.Headers.TryAddWithoutValidation(scheme.Name, key);
                break;

            case ApiKeyLocation.Query:
                var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI to carry the API key.");
                var text = uri.OriginalString;
                var separator = text.IndexOf('?') >= 0 ? "&" : "?";
                text += separator + Uri.EscapeDataString(scheme.Name) + "=" + Uri.EscapeDataString(key);
                request.RequestUri = new Uri(text, uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
                break;

            case ApiKeyLocation.Cookie:
                var cookie = scheme.Name + "=" + key;
                if (request.Headers.TryGetValues("Cookie", out var existing))
                {
                    cookie = string.Join("; ", new List<string>(existing) { cookie });
                    request.Headers.Remove("Cookie");
                }

                request.Headers.TryAddWithoutValidation("Cookie", cookie);
                break;
        }
    }

    /// <summary>
    /// Removes the API key from a URL's query, should a redirect's <c>Location</c> have copied it there (a server
    /// that moves to a new host often keeps the path and query). Only a parameter that holds this very key is
    /// removed: another host's parameter of the same name, such as a signed URL's, is left alone.
    /// </summary>
    private string WithoutQueryApiKey(string url)
    {
        var question = url.IndexOf('?');
        if (question < 0 || _apiKey is null || _api.ApiKey is not { Location: ApiKeyLocation.Query } scheme)
        {
            return url;
        }

        var kept = new StringBuilder(url.Length).Append(url, 0, question);
        var separator = '?';
        foreach (var parameter in url.Substring(question + 1).Split('&'))
        {
            var equals = parameter.IndexOf('=');
            if (equals > 0
                && Uri.UnescapeDataString(parameter.Substring(0, equals)) == scheme.Name
                && Uri.UnescapeDataString(parameter.Substring(equals + 1)) == _apiKey)
            {
                continue;
            }

            kept.Append(separator).Append(parameter);
            separator = '&';
        }

        return kept.ToString();
    }

    /// <summary>What <see cref="AddCredentialsAsync"/> put on a request.</summary>
    private readonly struct SentCredentials
    {
        public SentCredentials(bool apiKeyInQuery, string? bearerToken)
        {
            ApiKeyInQuery = apiKeyInQuery;
            BearerToken = bearerToken;
        }

        /// <summary>The API key went into the query, which a redirect's target replaces: it is added again on the origin.</summary>
        public bool ApiKeyInQuery { get; }

        /// <summary>The bearer token sent, if any: it may have come from the provider, so the redactor must learn it.</summary>
        public string? BearerToken { get; }
    }
}
