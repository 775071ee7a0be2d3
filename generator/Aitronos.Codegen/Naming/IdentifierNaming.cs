using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Aitronos.Codegen.Naming;

/// <summary>
/// C# identifiers from spec names. A spec is untrusted input: whatever it says, the result is a valid,
/// non-keyword identifier made only of identifier characters, so it cannot inject code.
/// </summary>
internal static class IdentifierNaming
{
    /// <summary><c>source_id</c> -> <c>SourceId</c>, <c>x-request-id</c> -> <c>XRequestId</c>, <c>2fa</c> -> <c>_2fa</c>.</summary>
    public static string ToPascalCase(string? name, string fallback)
    {
        var words = SplitWords(name);
        var builder = new StringBuilder();
        foreach (string word in words)
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word, 1, word.Length - 1);
        }

        return Finish(builder, fallback);
    }

    /// <summary><c>organization_id</c> -> <c>organizationId</c>; keywords get an <c>@</c>.</summary>
    public static string ToCamelCase(string? name, string fallback)
    {
        string pascal = ToPascalCase(name, fallback);
        int upper = 0;
        while (upper < pascal.Length && char.IsUpper(pascal[upper]))
        {
            upper++;
        }

        // "URLPath" -> "urlPath", "ID" -> "id", "Name" -> "name".
        int lower = upper <= 1 ? upper : (upper == pascal.Length ? upper : upper - 1);
        string camel = pascal.Substring(0, lower).ToLowerInvariant() + pascal.Substring(lower);
        return EscapeKeyword(camel);
    }

    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    /// <summary>Returns <paramref name="candidate"/>, or it with the smallest numeric suffix not yet taken; records the result.</summary>
    public static string MakeUnique(string candidate, ISet<string> taken)
    {
        string result = candidate;
        for (int i = 2; !taken.Add(result); i++)
        {
            result = candidate + i.ToString(CultureInfo.InvariantCulture);
        }

        return result;
    }

    private static List<string> SplitWords(string? name)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(name))
        {
            return words;
        }

        var current = new StringBuilder();
        char previous = '\0';
        foreach (char c in name!)
        {
            bool isPart = IsIdentifierPart(c) && c != '_';
            bool boundary = !isPart
                || (char.IsUpper(c) && current.Length > 0 && (char.IsLower(previous) || char.IsDigit(previous)));
            if (boundary && current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            if (isPart)
            {
                current.Append(c);
            }

            previous = c;
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static bool IsIdentifierPart(char c) =>
        SyntaxFacts.IsIdentifierPartCharacter(c)
        && !Emitting.CSharpLiterals.HidesOrReorders(c);

    private static string Finish(StringBuilder builder, string fallback)
    {
        if (builder.Length == 0)
        {
            return fallback;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
