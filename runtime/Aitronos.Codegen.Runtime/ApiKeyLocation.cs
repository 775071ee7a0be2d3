namespace Aitronos.Codegen.Runtime;

/// <summary>Where an API key travels in a request (OpenAPI <c>apiKey</c> security scheme, <c>in</c>).</summary>
public enum ApiKeyLocation
{
    /// <summary>In a request header.</summary>
    Header,

    /// <summary>In a query parameter.</summary>
    Query,

    /// <summary>In a cookie.</summary>
    Cookie,
}
