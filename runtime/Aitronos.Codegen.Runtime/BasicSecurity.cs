namespace Aitronos.Codegen.Runtime;

/// <summary>
/// An API's HTTP basic security scheme: <c>Authorization: Basic base64(user:password)</c>, UTF-8, from
/// <see cref="ApiClientOptions.UserName"/> and <see cref="ApiClientOptions.Password"/> (Twilio's account SID and auth token).
/// </summary>
public sealed class BasicSecurity : ApiSecurityScheme
{
    /// <summary>Describes a basic scheme.</summary>
    /// <param name="userNameVariable">The environment variable read when <see cref="ApiClientOptions.UserName"/> is not set.</param>
    /// <param name="passwordVariable">The environment variable read when <see cref="ApiClientOptions.Password"/> is not set.</param>
    /// <param name="schemeName">The scheme's name in the document.</param>
    public BasicSecurity(string? userNameVariable = null, string? passwordVariable = null, string? schemeName = null)
        : base(schemeName)
    {
        UserNameVariable = string.IsNullOrEmpty(userNameVariable) ? null : userNameVariable;
        PasswordVariable = string.IsNullOrEmpty(passwordVariable) ? null : passwordVariable;
    }

    /// <summary>The environment variable holding the user name, if any.</summary>
    public string? UserNameVariable { get; }

    /// <summary>The environment variable holding the password, if any.</summary>
    public string? PasswordVariable { get; }
}
