using System.Globalization;
using System.Text;

namespace Aitronos.Codegen.Emitting;

/// <summary>Escapes spec text for the place it lands in C#: a string literal or an XML doc comment.</summary>
internal static class CSharpLiterals
{
    private static readonly System.Text.RegularExpressions.Regex s_codeSpan = new("`([^`\n]+)`", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>A regular (not verbatim) C# string literal, quotes included.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    // Control characters and the Unicode line terminators would end or corrupt the line; characters that
                    // reorder or hide text would make the literal read as something it is not. The escape keeps the value.
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' || char.IsSurrogate(c) || HidesOrReorders(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>A UTF-8 string literal (<c>"name"u8</c>).</summary>
    public static string Utf8(string value) => String(value) + "u8";

    /// <summary>
    /// Whether a character can reorder or hide the text around it, so that a reviewer reads something other than what is
    /// there ("Trojan Source", CVE-2021-42574): every Unicode format character (the bidirectional embeddings, overrides
    /// and isolates U+202A-U+202E and U+2066-U+2069, the marks U+200E, U+200F and U+061C, zero-width characters, the
    /// byte order mark, the soft hyphen, the tag characters of plane 14 as a surrogate pair's category) and the
    /// Hangul fillers, letters that print as nothing.
    /// </summary>
    internal static bool HidesOrReorders(char c) =>
        c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>Text for inside an XML doc element: markup escaped, every line break kept inside the comment.</summary>
    /// <remarks>
    /// A character that can reorder or hide text (<see cref="HidesOrReorders"/>), and a lone surrogate, never reaches
    /// the comment: it is written visibly as <c>[U+202E]</c>, in the source and in IntelliSense alike.
    /// </remarks>
    public static string[] XmlDocLines(string text)
    {
        string escaped = text
            .Replace("&", "&amp;")
            .Replace("<", "&lt;")
            .Replace(">", "&gt;");
        string visible = Visible(escaped);
        var builder = new StringBuilder(visible.Length);
        foreach (char c in visible)
        {
            // Any character that may end a line becomes a plain line break handled below.
            builder.Append(c is '\r' or '\u2028' or '\u2029' or '\u0085' ? '\n' : char.IsControl(c) && c != '\n' ? ' ' : c);
        }

        // Markdown code spans read better as <c> in IntelliSense; the text inside is already escaped.
        string withCode = s_codeSpan.Replace(builder.ToString(), "<c>$1</c>");
        var lines = withCode.Split('\n');
        var trimmed = new System.Collections.Generic.List<string>(lines.Length);
        foreach (string line in lines)
        {
            trimmed.Add(line.TrimEnd());
        }

        while (trimmed.Count > 0 && trimmed[trimmed.Count - 1].Length == 0)
        {
            trimmed.RemoveAt(trimmed.Count - 1);
        }

        while (trimmed.Count > 0 && trimmed[0].Length == 0)
        {
            trimmed.RemoveAt(0);
        }

        return trimmed.ToArray();
    }

    /// <summary>
    /// The text with every character that can reorder or hide text (<see cref="HidesOrReorders"/>, plane 14's tag
    /// characters) and every lone surrogate written visibly as its code point, <c>[U+202E]</c>; the text itself when
    /// it has none. For comments and diagnostic messages, where the reader must see what is there.
    /// </summary>
    internal static string Visible(string text)
    {
        StringBuilder? builder = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            bool hidden = pair ? CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format : char.IsSurrogate(c) || HidesOrReorders(c);
            if (hidden)
            {
                builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                AppendVisible(builder, pair ? char.ConvertToUtf32(c, text[i + 1]) : c);
            }
            else if (builder is not null)
            {
                builder.Append(c);
                if (pair)
                {
                    builder.Append(text[i + 1]);
                }
            }

            if (pair)
            {
                i++;
            }
        }

        return builder?.ToString() ?? text;
    }

    private static void AppendVisible(StringBuilder builder, int codePoint) =>
        builder.Append("[U+").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture)).Append(']');
}
