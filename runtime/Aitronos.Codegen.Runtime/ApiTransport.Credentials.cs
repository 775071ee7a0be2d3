using System;
using System.Collections.Generic;
using System.Net.Http;
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
    /// and known. Returns the bearer token sent, so that it can be kept out of exception messages.
    /// </summary>
    private async ValueTask<string?> AddCredentialsAsync(HttpRequestMessage request, ApiAuth auth, CancellationToken cancellationToken)
    {
        var apiKeyScheme = _api.ApiKey;
        if ((auth & ApiAuth.ApiKey) != 0 && apiKeyScheme is not null && _apiKey is not null)
        {
            AddApiKey(request, apiKeyScheme, _apiKey);
            return null;
        }

        if ((auth & ApiAuth.Bearer) == 0)
        {
            return null;
        }

        var token = _accessTokenProvider is null
            ? _accessToken
            : await _accessTokenProvider(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return token;
    }

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
}
