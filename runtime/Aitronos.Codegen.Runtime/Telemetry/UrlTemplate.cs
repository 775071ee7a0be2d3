using System.Net.Http;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Carries an operation's path template (OpenTelemetry's <c>url.template</c>, such as <c>/v1/items/{id}</c>) on its
/// request, from <see cref="ApiTransport.CreateRequest(HttpMethod, string, string)"/> to the call's span and metric.
/// </summary>
internal static class UrlTemplate
{
    private const string Key = "Aitronos.Codegen.Runtime.UrlTemplate";

#if NET5_0_OR_GREATER
    private static readonly HttpRequestOptionsKey<string> s_key = new(Key);
#endif

    public static void Set(HttpRequestMessage request, string template)
    {
#if NET5_0_OR_GREATER
        request.Options.Set(s_key, template);
#else
        request.Properties[Key] = template;
#endif
    }

    public static string? Of(HttpRequestMessage request)
    {
#if NET5_0_OR_GREATER
        return request.Options.TryGetValue(s_key, out var template) ? template : null;
#else
        return request.Properties.TryGetValue(Key, out var template) ? template as string : null;
#endif
    }
}
