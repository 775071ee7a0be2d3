using System;

namespace QuickStart;

/// <summary>
/// Which server the sample talks to: a real Aitronos API when a base URL and a credential are given, otherwise
/// the embedded fake.
/// </summary>
/// <param name="BaseUrl">The real API's base URL, or <see langword="null"/> for the embedded fake.</param>
/// <param name="ApiKey">The API key for the real API (<c>--api-key</c> or <c>FREDDY_API_KEY</c>).</param>
/// <param name="AccessToken">The JWT access token for the real API (<c>FREDDY_JWT_TOKEN</c>).</param>
/// <param name="OrganizationId">The organization to test the connection in.</param>
/// <param name="Model">The model to stream a response from (<c>--model</c> or <c>AITRONOS_MODEL</c>); the real API's model names are not documented, so without one the streamed step is skipped there.</param>
/// <param name="Note">Why the embedded fake is used although something was configured, if so.</param>
internal sealed record Target(Uri? BaseUrl, string? ApiKey, string? AccessToken, string OrganizationId, string? Model, string? Note)
{
    public const string Usage = """
        Usage: dotnet run --project samples/QuickStart [-- --base-url URL --api-key KEY [--organization-id ORG] [--model MODEL]]
          Without a base URL and a credential the sample starts an embedded fake of the Aitronos API on 127.0.0.1.
          Environment: AITRONOS_BASE_URL, FREDDY_API_KEY or FREDDY_JWT_TOKEN, AITRONOS_ORGANIZATION_ID, AITRONOS_MODEL.
        """;

    public bool IsReal => BaseUrl is not null;

    /// <summary>Reads the options and the environment; returns <see langword="null"/> with an error for bad options.</summary>
    public static Target? Parse(string[] args, out string? error)
    {
        error = null;
        string? baseUrlText = null, apiKey = null, organizationId = null, model = null;
        for (var i = 0; i < args.Length; i++)
        {
            var option = args[i];
            if (option is "-h" or "--help")
            {
                error = string.Empty;
                return null;
            }

            if (option is not ("--base-url" or "--api-key" or "--organization-id" or "--model"))
            {
                error = $"Unknown option '{option}'.";
                return null;
            }

            if (++i == args.Length || args[i].Length == 0)
            {
                error = $"The option {option} needs a value.";
                return null;
            }

            switch (option)
            {
                case "--base-url": baseUrlText = args[i]; break;
                case "--api-key": apiKey = args[i]; break;
                case "--model": model = args[i]; break;
                default: organizationId = args[i]; break;
            }
        }

        var explicitOptions = baseUrlText is not null || apiKey is not null;
        baseUrlText ??= Environment("AITRONOS_BASE_URL");
        apiKey ??= Environment("FREDDY_API_KEY");
        var accessToken = Environment("FREDDY_JWT_TOKEN");
        organizationId ??= Environment("AITRONOS_ORGANIZATION_ID") ?? "org_xyz789";
        model ??= Environment("AITRONOS_MODEL");

        Uri? baseUrl = null;
        if (baseUrlText is not null
            && (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            error = "The base URL is not an absolute http or https URL.";
            return null;
        }

        if (baseUrl is not null && baseUrl.UserInfo.Length > 0)
        {
            // URLs end up in messages and logs; a credential belongs in --api-key.
            error = "The base URL must not carry credentials; pass the key with --api-key.";
            return null;
        }

        var hasCredential = apiKey is not null || accessToken is not null;
        if (baseUrl is not null && hasCredential)
        {
            return new Target(baseUrl, apiKey, accessToken, organizationId, model, null);
        }

        var missing = baseUrl is null ? "a base URL (--base-url or AITRONOS_BASE_URL)" : "an API key (--api-key, FREDDY_API_KEY or FREDDY_JWT_TOKEN)";
        if (explicitOptions)
        {
            error = $"To call a real server, also give {missing}.";
            return null;
        }

        var note = baseUrl is not null || hasCredential ? $"a real server needs {missing} too" : null;
        return new Target(null, null, null, organizationId, model ?? "fake-model", note);
    }

    private static string? Environment(string name)
        => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
