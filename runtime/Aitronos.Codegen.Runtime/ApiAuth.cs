using System;

namespace Aitronos.Codegen.Runtime;

/// <summary>The credentials an operation accepts, from its OpenAPI security requirements.</summary>
[Flags]
public enum ApiAuth
{
    /// <summary>The operation needs no credentials; none are sent.</summary>
    None = 0,

    /// <summary>The operation accepts the API key.</summary>
    ApiKey = 1,

    /// <summary>The operation accepts a bearer token.</summary>
    Bearer = 2,
}
