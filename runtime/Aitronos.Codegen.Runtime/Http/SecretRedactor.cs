using System;
using System.Collections.Generic;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Removes the credentials a request used from text that ends up in exceptions: a server may echo a rejected
/// key back in its error message, and exception messages land in logs.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "***";

    // Shorter values would match ordinary words and garble messages; real keys and tokens are far longer.
    private const int MinimumSecretLength = 8;

    public static readonly SecretRedactor None = new(Array.Empty<string>());

    private readonly string[] _secrets;

    private SecretRedactor(string[] secrets)
    {
        _secrets = secrets;
    }

    public static SecretRedactor For(params string?[] secrets)
    {
        var kept = new List<string>();
        foreach (var secret in secrets)
        {
            if (secret is not null && secret.Length >= MinimumSecretLength && !kept.Contains(secret))
            {
                kept.Add(secret);
            }
        }

        // Longest first, so that a secret containing another is masked whole.
        kept.Sort((a, b) => b.Length.CompareTo(a.Length));
        return kept.Count == 0 ? None : new SecretRedactor(kept.ToArray());
    }

    public string? Redact(string? text)
    {
        if (text is null || _secrets.Length == 0)
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            if (text.IndexOf(secret, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(secret, Mask);
            }

            // Query-string keys reach messages escaped.
            var escaped = Uri.EscapeDataString(secret);
            if (escaped != secret && text.IndexOf(escaped, StringComparison.Ordinal) >= 0)
            {
                text = text.Replace(escaped, Mask);
            }
        }

        return text;
    }
}
