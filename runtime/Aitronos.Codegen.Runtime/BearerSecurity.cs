namespace Aitronos.Codegen.Runtime;

/// <summary>An API's HTTP bearer security scheme (<c>Authorization: Bearer ...</c>).</summary>
public sealed class BearerSecurity
{
    /// <summary>Describes a bearer scheme.</summary>
    /// <param name="environmentVariable">The environment variable read when no token is configured.</param>
    public BearerSecurity(string? environmentVariable = null)
    {
        EnvironmentVariable = string.IsNullOrEmpty(environmentVariable) ? null : environmentVariable;
    }

    /// <summary>The environment variable read when no token is configured, if any.</summary>
    public string? EnvironmentVariable { get; }
}
