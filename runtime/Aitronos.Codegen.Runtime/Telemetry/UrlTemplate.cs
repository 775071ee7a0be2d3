using System;
using System.Net.Http;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Carries an operation's path template (OpenTelemetry's <c>url.template</c>, such as <c>/v1/items/{id}</c>) on its
/// request, from <see cref="ApiTransport.CreateRequest(HttpMethod, string, string)"/> to the call's span and metric.
/// </summary>
/// <remarks>
/// The request is an <see cref="OperationRequest"/> that holds the base URL's path and the template apart: they are
/// joined only when telemetry asks for them, so that a call nobody observes allocates neither the joined string nor the
/// request's options dictionary.
/// </remarks>
internal static class UrlTemplate
{
    public static string? Of(HttpRequestMessage request)
        => request is OperationRequest { PathTemplate: { } template } operation ? operation.BasePath + template : null;
}

/// <summary>A request made by <see cref="ApiTransport.CreateRequest(HttpMethod, string, string)"/>: it knows its operation's path template.</summary>
internal sealed class OperationRequest : HttpRequestMessage
{
    public OperationRequest(HttpMethod method, Uri uri, string basePath, string pathTemplate)
        : base(method, uri)
    {
        BasePath = basePath;
        PathTemplate = pathTemplate;
    }

    /// <summary>The base URL's path, <c>/v1</c>, or empty.</summary>
    public string BasePath { get; }

    /// <summary>The template relative to the base URL, <c>/items/{item_id}</c>.</summary>
    public string PathTemplate { get; }
}
