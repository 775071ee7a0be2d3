using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>Where each scheme's credentials come from: the options, else the environment; resolved once per transport.</summary>
public sealed partial class ApiTransport
{
    /// <summary>The credentials the options and the environment configure for each of the API's schemes.</summary>
    private CredentialSet ResolveCredentials(ApiDescription api, ApiClientOptions options)
    {
        var schemes = new List<ApiSecurityScheme>(api.Schemes).ToArray();
        var values = new string?[schemes.Length];
        var tokenSources = new ClientCredentialsTokenSource?[schemes.Length];
        var secrets = new List<string?> { options.AccessToken };
        var queryKeys = new List<(string, string)>();
        long configured = 0;
        for (var index = 0; index < schemes.Length; index++)
        {
            var scheme = schemes[index];
            string? value = null;
            switch (scheme)
            {
                case ApiKeySecurity key:
                    value = FirstNonEmpty(
                        scheme.SchemeName is { } name && options.ApiKeys.TryGetValue(name, out var configuredKey) ? configuredKey : null,
                        FirstNonEmpty(ReferenceEquals(key, api.ApiKey) ? options.ApiKey : null, ReadEnvironment(key.EnvironmentVariable)));
                    if (value is not null && key.Location == ApiKeyLocation.Query)
                    {
                        queryKeys.Add((key.Name, value));
                    }

                    break;

                case BasicSecurity basic:
                    var userName = FirstNonEmpty(options.UserName, ReadEnvironment(basic.UserNameVariable));
                    var password = options.Password ?? ReadEnvironment(basic.PasswordVariable);
                    if (userName is not null && password is not null)
                    {
                        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
                        value = "Basic " + encoded;
                        secrets.Add(password);
                        secrets.Add(encoded);
                    }

                    break;

                case BearerSecurity bearer:
                    value = FirstNonEmpty(options.AccessToken, ReadEnvironment(bearer.EnvironmentVariable));
                    configured |= options.AccessTokenProvider is null ? 0 : 1L << index;
                    break;

                case OAuth2ClientCredentialsSecurity oauth:
                    value = options.AccessToken is { Length: > 0 } ? options.AccessToken : null;
                    configured |= options.AccessTokenProvider is null ? 0 : 1L << index;
                    var clientId = FirstNonEmpty(options.ClientId, ReadEnvironment(oauth.ClientIdVariable));
                    var clientSecret = FirstNonEmpty(options.ClientSecret, ReadEnvironment(oauth.ClientSecretVariable));
                    if (clientId is not null && clientSecret is not null)
                    {
                        tokenSources[index] = ClientCredentialsTokenSource.Shared(
                            options, api.Name, TokenUrl(api, oauth, options), clientId, clientSecret,
                            options.Scopes.Count == 0 ? null : string.Join(" ", options.Scopes), _retryClock);
                        configured |= 1L << index;
                        secrets.Add(clientSecret);
                    }

                    break;
            }

            if (value is not null)
            {
                values[index] = value;
                configured |= 1L << index;
                secrets.Add(value);
            }
        }

        return new CredentialSet(schemes, values, tokenSources, options.AccessTokenProvider, configured, secrets.ToArray(), queryKeys.ToArray());
    }

    private Uri TokenUrl(ApiDescription api, OAuth2ClientCredentialsSecurity scheme, ApiClientOptions options)
    {
        if (options.TokenUrl is { IsAbsoluteUri: true } configured)
        {
            return configured;
        }

        var text = options.TokenUrl?.OriginalString ?? scheme.TokenUrl;
        if (Uri.TryCreate(new Uri(_baseUrl + "/", UriKind.Absolute), text, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }

        throw new InvalidOperationException($"{api.Name}: the OAuth 2.0 token URL (\"{text}\") is not an http or https URL. Set ApiClientOptions.TokenUrl.");
    }

    /// <summary>What the options and the environment configure, resolved once when the transport is created.</summary>
    private sealed class CredentialSet
    {
        private readonly string?[] _secrets;

        /// <summary>Masks the configured secrets; made once, as every call needs it.</summary>
        private readonly SecretRedactor _redactor;

        public CredentialSet(
            ApiSecurityScheme[] schemes,
            string?[] values,
            ClientCredentialsTokenSource?[] tokenSources,
            Func<CancellationToken, ValueTask<string?>>? accessTokenProvider,
            long configured,
            string?[] secrets,
            (string Name, string Key)[] queryKeys)
        {
            Schemes = schemes;
            Values = values;
            TokenSources = tokenSources;
            AccessTokenProvider = accessTokenProvider;
            Configured = configured;
            _secrets = secrets;
            _redactor = SecretRedactor.For(secrets);
            QueryKeys = queryKeys;
            QueryKeyNames = Array.ConvertAll(queryKeys, key => key.Name);
        }

        /// <summary>The API's schemes, by index.</summary>
        public ApiSecurityScheme[] Schemes { get; }

        /// <summary>Per scheme: the API key, the whole basic <c>Authorization</c> value, or a static bearer token.</summary>
        public string?[] Values { get; }

        /// <summary>Per OAuth 2.0 client credentials scheme with a client id and secret: where its tokens come from.</summary>
        public ClientCredentialsTokenSource?[] TokenSources { get; }

        public Func<CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; }

        /// <summary>A bit per scheme whose credentials are configured.</summary>
        public long Configured { get; }

        /// <summary>The configured query API keys: parameter name and key.</summary>
        public (string Name, string Key)[] QueryKeys { get; }

        /// <summary>The names of <see cref="QueryKeys"/>: what telemetry redacts by name in URLs.</summary>
        public string[] QueryKeyNames { get; }

        /// <summary>Masks every configured secret and <paramref name="token"/>, the token a request carried, if any.</summary>
        public SecretRedactor Redactor(string? token)
        {
            // A static bearer token is one of the configured secrets already.
            if (token is null || Array.IndexOf(_secrets, token) >= 0)
            {
                return _redactor;
            }

            var secrets = new string?[_secrets.Length + 1];
            _secrets.CopyTo(secrets, 0);
            secrets[_secrets.Length] = token;
            return SecretRedactor.For(secrets);
        }
    }
}
