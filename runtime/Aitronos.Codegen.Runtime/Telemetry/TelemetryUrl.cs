using System;
using System.Collections.Generic;
using System.Text;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// A request's URL as traces and logs show it (OpenTelemetry's <c>url.full</c>): user info becomes
/// <c>REDACTED:REDACTED</c>, the value of every query parameter that can carry a credential becomes <c>REDACTED</c>, the
/// fragment is dropped, and any credential the call knows is masked wherever else it appears.
/// </summary>
internal static class TelemetryUrl
{
    public const string Redacted = "REDACTED";

    // OpenTelemetry's default list (AWSAccessKeyId, Signature, sig, X-Goog-Signature) and the names APIs give keys and tokens.
    private static readonly string[] s_sensitiveParameters =
    {
        "awsaccesskeyid", "signature", "sig", "x-goog-signature", "x-goog-credential", "x-amz-signature", "x-amz-credential",
        "x-amz-security-token", "api_key", "apikey", "api-key", "key", "access_token", "id_token", "refresh_token", "token",
        "client_secret", "password", "secret", "auth",
    };

    /// <param name="uri">The request's URI.</param>
    /// <param name="apiKeyParameters">The query parameters that carry the API's keys.</param>
    /// <param name="redactor">The call's known credentials.</param>
    public static string Redact(Uri uri, IReadOnlyList<string>? apiKeyParameters, SecretRedactor redactor)
    {
        if (!uri.IsAbsoluteUri)
        {
            return redactor.Redact(uri.OriginalString.Split('#')[0])!;
        }

        var text = new StringBuilder(uri.OriginalString.Length);
        text.Append(uri.Scheme).Append("://");
        if (uri.UserInfo.Length > 0)
        {
            text.Append(Redacted).Append(':').Append(Redacted).Append('@');
        }

        text.Append(uri.GetComponents(UriComponents.Host | UriComponents.Port | UriComponents.Path, UriFormat.UriEscaped));
        var query = uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped);
        if (query.Length > 0)
        {
            var separator = '?';
            foreach (var parameter in query.Split('&'))
            {
                text.Append(separator);
                separator = '&';
                var equals = parameter.IndexOf('=');
                var name = equals < 0 ? parameter : parameter.Substring(0, equals);
                if (equals >= 0 && IsSensitive(Uri.UnescapeDataString(name), apiKeyParameters))
                {
                    text.Append(name).Append('=').Append(Redacted);
                }
                else
                {
                    text.Append(parameter);
                }
            }
        }

        return redactor.Redact(text.ToString())!;
    }

    private static bool IsSensitive(string name, IReadOnlyList<string>? apiKeyParameters)
    {
        for (var i = 0; apiKeyParameters is not null && i < apiKeyParameters.Count; i++)
        {
            if (string.Equals(name, apiKeyParameters[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var sensitive in s_sensitiveParameters)
        {
            if (string.Equals(name, sensitive, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
