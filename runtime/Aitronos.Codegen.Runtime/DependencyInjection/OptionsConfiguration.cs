using System;
using System.Collections.Generic;
using System.Globalization;

namespace Aitronos.Codegen.Runtime;

/// <summary>Reads <see cref="ApiClientOptions"/> from configuration's flat key/value pairs, without reflection.</summary>
internal static class OptionsConfiguration
{
    public static void Apply(ApiClientOptions options, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        SortedDictionary<int, string>? scopes = null;
        foreach (var setting in settings)
        {
            if (setting.Value is not { } value || setting.Key is null)
            {
                continue;
            }

            var separator = setting.Key.IndexOf(':');
            var name = separator < 0 ? setting.Key : setting.Key.Substring(0, separator);
            var child = separator < 0 ? null : setting.Key.Substring(separator + 1);
            try
            {
                if (child is not null)
                {
                    if (Is(name, nameof(ApiClientOptions.ApiKeys)))
                    {
                        options.ApiKeys[child] = value;
                    }
                    else if (Is(name, nameof(ApiClientOptions.DefaultHeaders)))
                    {
                        options.DefaultHeaders[child] = value;
                    }
                    else if (Is(name, nameof(ApiClientOptions.Scopes)))
                    {
                        (scopes ??= new SortedDictionary<int, string>())[int.Parse(child, NumberStyles.None, CultureInfo.InvariantCulture)] = value;
                    }

                    continue;
                }

                Set(options, name, value);
            }
            catch (Exception exception) when (exception is FormatException or OverflowException or ArgumentException or UriFormatException)
            {
                throw new InvalidOperationException(
                    $"Configuration key '{setting.Key}' of {options.GetType().Name}: the value is not valid for this option ({exception.GetType().Name}).", exception);
            }
        }

        if (scopes is not null)
        {
            options.Scopes.Clear();
            foreach (var scope in scopes.Values)
            {
                options.Scopes.Add(scope);
            }
        }
    }

    private static void Set(ApiClientOptions options, string name, string value)
    {
        switch (name.ToUpperInvariant())
        {
            case "BASEURL": options.BaseUrl = new Uri(value, UriKind.Absolute); break;
            case "APIKEY": options.ApiKey = value; break;
            case "ACCESSTOKEN": options.AccessToken = value; break;
            case "USERNAME": options.UserName = value; break;
            case "PASSWORD": options.Password = value; break;
            case "CLIENTID": options.ClientId = value; break;
            case "CLIENTSECRET": options.ClientSecret = value; break;
            case "TOKENURL": options.TokenUrl = new Uri(value, UriKind.Absolute); break;
            case "USERAGENT": options.UserAgent = value; break;
            case "CLIENTAUTHENTICATION": options.ClientAuthentication = Enum<OAuthClientAuthentication>(value); break;
            case "CROSSORIGINREDIRECTS": options.CrossOriginRedirects = Enum<CrossOriginRedirectPolicy>(value); break;
            case "TIMEOUT": options.Timeout = Time(value); break;
            case "CALLTIMEOUT": options.CallTimeout = Time(value); break;
            case "INITIALRETRYDELAY": options.InitialRetryDelay = Time(value); break;
            case "MAXRETRYDELAY": options.MaxRetryDelay = Time(value); break;
            case "MAXRETRYAFTER": options.MaxRetryAfter = Time(value); break;
            case "MAXRETRIES": options.MaxRetries = int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture); break;
            case "MAXREDIRECTS": options.MaxRedirects = int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture); break;
        }
    }

    private static bool Is(string name, string option) => string.Equals(name, option, StringComparison.OrdinalIgnoreCase);

    private static TimeSpan Time(string value) =>
        string.Equals(value.Trim(), "infinite", StringComparison.OrdinalIgnoreCase)
            ? System.Threading.Timeout.InfiniteTimeSpan
            : TimeSpan.Parse(value, CultureInfo.InvariantCulture);

    // Names only: Enum.Parse also takes numbers, which would let "7" through as an undefined member.
    private static T Enum<T>(string value)
        where T : struct
    {
        foreach (var name in System.Enum.GetNames(typeof(T)))
        {
            if (string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (T)System.Enum.Parse(typeof(T), name);
            }
        }

        throw new FormatException($"'{value}' is not one of {string.Join(", ", System.Enum.GetNames(typeof(T)))}.");
    }
}
