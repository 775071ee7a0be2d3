using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

public sealed partial class ApiTransport
{
    private readonly CredentialSet _credentials;

    /// <summary>
    /// Adds the credentials of the first alternative of <paramref name="auth"/> whose credentials are all configured; when
    /// none is, nothing if the operation may be called anonymously, otherwise what is configured of the alternative most
    /// of whose credentials are. Returns what was sent, so that redirects can carry or drop it and exception messages can mask it.
    /// </summary>
    /// <remarks>Every header written here must be one that <see cref="IsCredentialHeader"/> names.</remarks>
    private async ValueTask<SentCredentials> AddCredentialsAsync(HttpRequestMessage request, ApiSecurityRequirement? auth, CancellationToken cancellationToken)
    {
        var credentials = _credentials;
        var alternatives = (auth ?? ApiSecurityRequirement.None).Resolve(_api);
        var chosen = Choose(alternatives, credentials.Configured, out var complete);
        var missing = complete ? null : DescribeMissing(alternatives);
        if (chosen == 0)
        {
            return missing is null ? SentCredentials.None : new SentCredentials(0, null, null, missing);
        }

        var schemes = credentials.Schemes;
        long queryKeys = 0;
        string? token = null;
        ClientCredentialsTokenSource? tokenSource = null;
        for (var index = 0; index < schemes.Length; index++)
        {
            if ((chosen & (1L << index)) == 0)
            {
                continue;
            }

            switch (schemes[index])
            {
                case ApiKeySecurity key:
                    AddApiKey(request, key, credentials.Values[index]!);
                    queryKeys |= key.Location == ApiKeyLocation.Query ? 1L << index : 0;
                    break;

                case BasicSecurity:
                    SetAuthorization(request, credentials.Values[index]!);
                    break;

                default:
                    // A bearer token: the caller's provider or token wins over fetching one with client credentials.
                    var sent = credentials.AccessTokenProvider is { } provider
                        ? await provider(cancellationToken).ConfigureAwait(false)
                        : credentials.Values[index];
                    if (string.IsNullOrEmpty(sent) && credentials.TokenSources[index] is { } source)
                    {
                        sent = await source.GetTokenAsync((_httpClient, _userAgent), auth!.ScopesFor(index), cancellationToken).ConfigureAwait(false);
                        tokenSource = source;
                    }

                    if (!string.IsNullOrEmpty(sent))
                    {
                        SetAuthorization(request, "Bearer " + sent);
                        token = sent;
                    }

                    break;
            }
        }

        return queryKeys == 0 && token is null && tokenSource is null && missing is null
            ? SentCredentials.None
            : new SentCredentials(queryKeys, token, tokenSource, missing);
    }

    /// <summary>The schemes to send: see <see cref="AddCredentialsAsync"/>.</summary>
    /// <param name="alternatives">The operation's alternatives.</param>
    /// <param name="configured">The schemes whose credentials are configured.</param>
    /// <param name="complete">Whether an alternative could be sent whole, or the operation needs none.</param>
    private static long Choose(IReadOnlyList<long> alternatives, long configured, out bool complete)
    {
        complete = true;
        var anonymous = false;
        long best = 0;
        var bestCount = 0;
        // By index: a foreach over the interface would allocate an enumerator on every call.
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = alternatives[i];
            if (alternative == 0)
            {
                anonymous = true;
                continue;
            }

            if ((alternative & ~configured) == 0)
            {
                return alternative;
            }

            var count = BitCount(alternative & configured);
            if (count > bestCount)
            {
                (best, bestCount) = (alternative & configured, count);
            }
        }

        complete = anonymous || alternatives.Count == 0;
        return anonymous ? 0 : best;
    }

    /// <summary>
    /// What to configure for the operation, for the message of a 401 or 403 answering a request sent without a whole
    /// alternative: <c>(no credentials are configured for this operation: set ApiKeys["appId"] and ApiKeys["appKey"], or UserName and Password)</c>.
    /// </summary>
    private string DescribeMissing(IReadOnlyList<long> alternatives)
    {
        var options = new List<string>();
        foreach (var alternative in alternatives)
        {
            var names = new List<string>();
            for (var index = 0; index < _credentials.Schemes.Length; index++)
            {
                if ((alternative & (1L << index)) != 0)
                {
                    names.Add(_credentials.Schemes[index] switch
                    {
                        ApiKeySecurity key when ReferenceEquals(key, _api.ApiKey) => "ApiKey",
                        ApiKeySecurity key => "ApiKeys[\"" + key.SchemeName + "\"]",
                        BasicSecurity => "UserName and Password",
                        OAuth2ClientCredentialsSecurity => "ClientId and ClientSecret (or AccessToken)",
                        _ => "AccessToken",
                    });
                }
            }

            options.Add(string.Join(" and ", names));
        }

        return "(the credentials this operation needs are not all configured: set " + string.Join(", or ", options) + ")";
    }

    private static int BitCount(long value)
    {
        var count = 0;
        for (; value != 0; value &= value - 1)
        {
            count++;
        }

        return count;
    }

    private static void SetAuthorization(HttpRequestMessage request, string value)
    {
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", value);
    }

    /// <summary>
    /// Whether a request header can carry a credential: the ones <see cref="AddCredentialsAsync"/> writes (every API key
    /// scheme's header, whether or not a key is configured), and the standard credential headers whoever set them. None of
    /// them leaves the base URL's origin.
    /// </summary>
    private bool IsCredentialHeader(string name)
    {
        if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var scheme in _credentials.Schemes)
        {
            if (scheme is ApiKeySecurity { Location: ApiKeyLocation.Header } key && string.Equals(name, key.Name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>Puts the query API keys the first request carried on a redirect that stays on the origin.</summary>
    private void AddQueryApiKeys(HttpRequestMessage request, SentCredentials credentials)
    {
        for (var index = 0; credentials.QueryKeys >> index != 0; index++)
        {
            if ((credentials.QueryKeys & (1L << index)) != 0)
            {
                AddApiKey(request, (ApiKeySecurity)_credentials.Schemes[index], _credentials.Values[index]!);
            }
        }
    }

    /// <summary>
    /// Removes the API keys from a URL's query, should a redirect's <c>Location</c> have copied them there (a server
    /// that moves to a new host often keeps the path and query). Only a parameter that holds one of these very keys is
    /// removed: another host's parameter of the same name, such as a signed URL's, is left alone.
    /// </summary>
    private string WithoutQueryApiKey(string url)
    {
        var question = url.IndexOf('?');
        if (question < 0 || _credentials.QueryKeys.Length == 0)
        {
            return url;
        }

        var kept = new StringBuilder(url.Length).Append(url, 0, question);
        var separator = '?';
        foreach (var parameter in url.Substring(question + 1).Split('&'))
        {
            var equals = parameter.IndexOf('=');
            if (equals > 0 && IsQueryApiKey(Uri.UnescapeDataString(parameter.Substring(0, equals)), Uri.UnescapeDataString(parameter.Substring(equals + 1))))
            {
                continue;
            }

            kept.Append(separator).Append(parameter);
            separator = '&';
        }

        return kept.ToString();
    }

    private bool IsQueryApiKey(string name, string value)
    {
        foreach (var (keyName, key) in _credentials.QueryKeys)
        {
            if (keyName == name && key == value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What <see cref="AddCredentialsAsync"/> put on a request.</summary>
    /// <remarks>A class, so that a call's state machine holds a reference; most calls share <see cref="None"/>.</remarks>
    private sealed class SentCredentials
    {
        /// <summary>Nothing that a redirect, a 401 or a redactor needs to know: no query key, no token, nothing missing.</summary>
        public static readonly SentCredentials None = new(0, null, null, null);

        private readonly ClientCredentialsTokenSource? _tokenSource;

        private readonly string? _missing;

        public SentCredentials(long queryKeys, string? bearerToken, ClientCredentialsTokenSource? tokenSource, string? missing)
        {
            QueryKeys = queryKeys;
            BearerToken = bearerToken;
            _tokenSource = tokenSource;
            _missing = missing;
        }

        /// <summary>A bit per API key scheme that went into the query, which a redirect's target replaces: they are added again on the origin.</summary>
        public long QueryKeys { get; }

        /// <summary>The bearer token sent, if any: it may have come from the provider or the token endpoint, so the redactor must learn it.</summary>
        public string? BearerToken { get; }

        /// <summary>
        /// The API answered <paramref name="failure"/>: on a 401 a fetched token is not used again; on a 401 or 403 to a
        /// request that lacked credentials, the message says which to configure.
        /// </summary>
        public void OnFailure(ApiException failure)
        {
            if (failure.StatusCode == 401 && _tokenSource is not null && BearerToken is not null)
            {
                _tokenSource.Invalidate(BearerToken);
            }

            if (failure.StatusCode is 401 or 403 && _missing is not null)
            {
                failure.RecordMissingCredentials(_missing);
            }
        }
    }
}
