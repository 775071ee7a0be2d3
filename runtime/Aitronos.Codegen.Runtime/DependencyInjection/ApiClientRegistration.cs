using System;
using System.Collections.Generic;
using System.Net.Http;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// What a generated <c>services.Add{Client}(...)</c> registration calls: options from configuration, and the client's
/// own retries turned off when the <c>IHttpClientFactory</c> pipeline retries already. It needs no dependency-injection
/// package itself, so the runtime stays free of them; the generated code brings the types.
/// </summary>
public static class ApiClientRegistration
{
    /// <summary>
    /// The handler types that retry by themselves: Microsoft.Extensions.Http.Resilience's (<c>AddStandardResilienceHandler</c>,
    /// <c>AddResilienceHandler</c>, <c>AddStandardHedgingHandler</c>) and Microsoft.Extensions.Http.Polly's (<c>AddPolicyHandler</c>).
    /// </summary>
    private static readonly string[] s_retryingHandlers =
    {
        "Microsoft.Extensions.Http.Resilience.ResilienceHandler",
        "Microsoft.Extensions.Http.PolicyHttpMessageHandler",
    };

    /// <summary>
    /// Sets options from configuration: the flat key/value pairs of a section, keys relative to it (what
    /// <c>configuration.AsEnumerable(makePathsRelative: true)</c> gives). Keys are the option names, case-insensitive:
    /// <c>BaseUrl</c>, <c>ApiKey</c>, <c>ApiKeys:{scheme}</c>, <c>AccessToken</c>, <c>UserName</c>, <c>Password</c>,
    /// <c>ClientId</c>, <c>ClientSecret</c>, <c>TokenUrl</c>, <c>Scopes:{index}</c>, <c>ClientAuthentication</c>,
    /// <c>Timeout</c>, <c>CallTimeout</c>, <c>MaxRetries</c>, <c>InitialRetryDelay</c>, <c>MaxRetryDelay</c>,
    /// <c>MaxRetryAfter</c>, <c>DefaultHeaders:{name}</c>, <c>UserAgent</c>, <c>CrossOriginRedirects</c>,
    /// <c>MaxRedirects</c>. Other keys are ignored; a missing key keeps the option's value.
    /// </summary>
    /// <param name="options">The options to set.</param>
    /// <param name="settings">The section's settings; entries with a <see langword="null"/> value (sections) are skipped.</param>
    /// <remarks>
    /// Written by hand rather than with <c>ConfigurationBinder.Bind</c>, which reflects over the options type (not trim- or
    /// Native-AOT-safe), and whose source-generated form cannot see calls made from generated code. Time spans are
    /// <c>[d.]hh:mm:ss[.fffffff]</c> (<c>00:00:30</c>) or <c>infinite</c>; numbers and URLs are invariant.
    /// </remarks>
    /// <exception cref="InvalidOperationException">A value cannot be read as its option's type, or the option refuses it; the message names the key (and never a credential's value).</exception>
    public static void Bind(ApiClientOptions options, IEnumerable<KeyValuePair<string, string?>> settings)
        => OptionsConfiguration.Apply(options ?? throw new ArgumentNullException(nameof(options)), settings ?? throw new ArgumentNullException(nameof(settings)));

    /// <summary>Whether a handler pipeline holds a handler that retries by itself (a resilience or Polly handler).</summary>
    /// <param name="handler">The outermost handler, as <c>IHttpMessageHandlerFactory.CreateHandler(name)</c> returns it.</param>
    /// <returns><see langword="true"/> when one of the <see cref="DelegatingHandler"/>s in the chain is such a handler.</returns>
    public static bool RetriesInHandlers(HttpMessageHandler? handler)
    {
        for (var current = handler as DelegatingHandler; current is not null; current = current.InnerHandler as DelegatingHandler)
        {
            for (var type = current.GetType(); type is not null && type != typeof(DelegatingHandler); type = type.BaseType)
            {
                if (Array.IndexOf(s_retryingHandlers, type.FullName) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Turns the client's own retries off (<see cref="ApiClientOptions.MaxRetries"/> = 0) when the handler pipeline
    /// retries by itself, so that a failing request is not retried twice over (3 × 3 attempts with both at their defaults).
    /// </summary>
    /// <param name="options">The client's options.</param>
    /// <param name="handler">The outermost handler of the client's <c>IHttpClientFactory</c> pipeline.</param>
    /// <returns>Whether retries were turned off.</returns>
    public static bool LeaveRetriesToHandlers(ApiClientOptions options, HttpMessageHandler? handler)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (!RetriesInHandlers(handler))
        {
            return false;
        }

        options.MaxRetries = 0;
        return true;
    }

    /// <summary>
    /// The primary handler of a registered client: redirects not followed by the handler, so that the client follows them
    /// itself and credentials never travel to another origin (see <see cref="ApiClientOptions.CrossOriginRedirects"/>).
    /// </summary>
    /// <returns>A new handler.</returns>
    public static HttpMessageHandler CreatePrimaryHandler() => new HttpClientHandler { AllowAutoRedirect = false };
}
