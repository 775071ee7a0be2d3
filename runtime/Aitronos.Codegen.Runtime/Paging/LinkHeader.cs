using System;
using System.Collections.Generic;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// The <c>Link</c> response header (RFC 8288): finds the target of a link by its relation type, as GitHub's
/// <c>&lt;https://api.github.com/repositories/1/issues?page=2&gt;; rel="next", &lt;...&gt;; rel="last"</c>.
/// </summary>
/// <remarks>
/// Several links per header and several header fields; parameters quoted or not, in any order and case;
/// <c>rel</c> holding several space-separated types; commas and semicolons inside quoted strings and inside the
/// <c>&lt;...&gt;</c> target. A malformed link is skipped, never guessed at.
/// </remarks>
public static class LinkHeader
{
    /// <summary>The target of the first link of relation type <paramref name="relation"/>, as written (maybe relative), or <see langword="null"/>.</summary>
    /// <param name="values">The header's field values.</param>
    /// <param name="relation">The relation type, compared case-insensitively (<c>next</c>).</param>
    /// <returns>The link's target, or <see langword="null"/> when no link has that relation.</returns>
    public static string? Find(IEnumerable<string>? values, string relation)
    {
        if (values is null)
        {
            return null;
        }

        if (relation is null)
        {
            throw new ArgumentNullException(nameof(relation));
        }

        foreach (var value in values)
        {
            if (value is not null && Find(value, relation) is { } target)
            {
                return target;
            }
        }

        return null;
    }

    private static string? Find(string text, string relation)
    {
        var i = 0;
        while (i < text.Length)
        {
            // A link: "<" target ">" then parameters up to the next top-level comma.
            var open = text.IndexOf('<', i);
            if (open < 0)
            {
                return null;
            }

            var close = text.IndexOf('>', open + 1);
            if (close < 0)
            {
                return null;
            }

            var target = text.Substring(open + 1, close - open - 1).Trim();
            i = close + 1;
            var matches = false;
            while (i < text.Length)
            {
                SkipSpace(text, ref i);
                if (i >= text.Length || text[i] == ',')
                {
                    i++;
                    break;
                }

                if (text[i] != ';')
                {
                    // Not a parameter: a malformed link; skip to the next top-level comma.
                    SkipToComma(text, ref i);
                    matches = false;
                    break;
                }

                i++;
                SkipSpace(text, ref i);
                var nameStart = i;
                while (i < text.Length && text[i] is not ('=' or ';' or ',') && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                var name = text.Substring(nameStart, i - nameStart);
                SkipSpace(text, ref i);
                string? value = null;
                if (i < text.Length && text[i] == '=')
                {
                    i++;
                    SkipSpace(text, ref i);
                    value = ReadValue(text, ref i);
                }

                if (value is not null && name.Equals("rel", StringComparison.OrdinalIgnoreCase) && HasRelation(value, relation))
                {
                    matches = true;
                }
            }

            if (matches)
            {
                return target;
            }
        }

        return null;
    }

    private static string ReadValue(string text, ref int i)
    {
        if (i < text.Length && text[i] == '"')
        {
            var value = new System.Text.StringBuilder();
            for (i++; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    value.Append(text[++i]);
                }
                else if (text[i] == '"')
                {
                    i++;
                    break;
                }
                else
                {
                    value.Append(text[i]);
                }
            }

            return value.ToString();
        }

        var start = i;
        while (i < text.Length && text[i] is not (';' or ','))
        {
            i++;
        }

        return text.Substring(start, i - start).Trim();
    }

    private static bool HasRelation(string value, string relation)
    {
        foreach (var type in value.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (type.Equals(relation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }

    private static void SkipToComma(string text, ref int i)
    {
        var quoted = false;
        for (; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == ',' && !quoted)
            {
                i++;
                return;
            }
        }
    }
}
