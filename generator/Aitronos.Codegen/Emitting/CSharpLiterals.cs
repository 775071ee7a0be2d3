using System.Globalization;
using System.Text;

namespace Aitronos.Codegen.Emitting;

/// <summary>Escapes spec text for the place it lands in C#: a string literal or an XML doc comment.</summary>
internal static class CSharpLiterals
{
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

    /// <summary>
    /// Text for inside an XML doc element, in one string, its lines not yet trimmed (see <see cref="XmlDocLineRanges"/>):
    /// markup escaped, hidden characters made visible, line terminators made <c>\n</c> (every line break stays inside the
    /// comment) and other control characters spaces, and Markdown code spans made <c>&lt;c&gt;</c>. The text itself when
    /// none of that applies (most descriptions): a big spec has tens of thousands of them, so this is one pass that
    /// allocates nothing for plain text.
    /// </summary>
    /// <remarks>
    /// A character that can reorder or hide text (<see cref="HidesOrReorders"/>), and a lone surrogate, never reaches
    /// the comment: it is written visibly as <c>[U+202E]</c>, in the source and in IntelliSense alike.
    /// </remarks>
    internal static string XmlDocText(string text)
    {
        StringBuilder? builder = null;
        bool codeSpans = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            string? replacement = null;
            char mapped = c;
            int width = 1;
            if (c < '\u0080')
            {
                switch (c)
                {
                    case '&': replacement = "&amp;"; break;
                    case '<': replacement = "&lt;"; break;
                    case '>': replacement = "&gt;"; break;
                    case '\r': mapped = '\n'; break;
                    case '`': codeSpans = true; break;
                    default:
                        if (c != '\n' && (c < ' ' || c == '\u007F'))
                        {
                            mapped = ' ';
                        }

                        break;
                }
            }
            else if (Hidden(text, i, out width, out int codePoint))
            {
                replacement = VisibleCodePoint(codePoint);
            }
            else if (c is '\u2028' or '\u2029' or '\u0085')
            {
                mapped = '\n';
            }
            else if (char.IsControl(c))
            {
                mapped = ' ';
            }

            if (replacement is not null || mapped != c)
            {
                builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                if (replacement is not null)
                {
                    builder.Append(replacement);
                }
                else
                {
                    builder.Append(mapped);
                }
            }
            else if (builder is not null)
            {
                builder.Append(text, i, width);
            }

            i += width - 1;
        }

        string escaped = builder?.ToString() ?? text;
        return codeSpans ? CodeSpans(escaped) : escaped;
    }

    /// <summary>
    /// Markdown code spans (<c>`x`</c> within one line) as <c>&lt;c&gt;x&lt;/c&gt;</c>: what the regular expression
    /// <c>`([^`\n]+)`</c> replaced with <c>&lt;c&gt;$1&lt;/c&gt;</c> gives, leftmost match first, without the regex.
    /// </summary>
    private static string CodeSpans(string text)
    {
        StringBuilder? builder = null;
        int copied = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '`')
            {
                continue;
            }

            int end = i + 1;
            while (end < text.Length && text[end] != '`' && text[end] != '\n')
            {
                end++;
            }

            if (end < text.Length && text[end] == '`' && end > i + 1)
            {
                builder ??= new StringBuilder(text.Length + 16);
                builder.Append(text, copied, i - copied).Append("<c>").Append(text, i + 1, end - i - 1).Append("</c>");
                copied = end + 1;
                i = end;
            }
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// The lines of <see cref="XmlDocText"/>'s result as (start, length) ranges into it, into <paramref name="ranges"/>
    /// (cleared first): each line without its trailing white space, and no empty line first or last.
    /// </summary>
    internal static System.Collections.Generic.List<(int Start, int Length)> XmlDocLineRanges(string doc, System.Collections.Generic.List<(int Start, int Length)> ranges)
    {
        ranges.Clear();
        int lineStart = 0;
        int lastNonEmpty = -1;
        while (true)
        {
            int lineEnd = doc.IndexOf('\n', lineStart);
            int end = lineEnd < 0 ? doc.Length : lineEnd;
            int trimmedEnd = end;
            while (trimmedEnd > lineStart && char.IsWhiteSpace(doc[trimmedEnd - 1]))
            {
                trimmedEnd--;
            }

            int length = trimmedEnd - lineStart;
            if (length > 0 || ranges.Count > 0)
            {
                ranges.Add((lineStart, length));
                if (length > 0)
                {
                    lastNonEmpty = ranges.Count - 1;
                }
            }

            if (lineEnd < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        ranges.RemoveRange(lastNonEmpty + 1, ranges.Count - lastNonEmpty - 1);
        return ranges;
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
            if (Hidden(text, i, out int width, out int codePoint))
            {
                builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                builder.Append(VisibleCodePoint(codePoint));
            }
            else if (builder is not null)
            {
                builder.Append(text, i, width);
            }

            i += width - 1;
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>
    /// Whether the character at <paramref name="i"/> (with the next, when they are a surrogate pair: <paramref name="width"/>
    /// 2) is to be written visibly (<see cref="Visible"/>): a hiding or reordering character, a format character beyond
    /// the BMP (plane 14's tags), or a lone surrogate.
    /// </summary>
    private static bool Hidden(string text, int i, out int width, out int codePoint)
    {
        char c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            codePoint = char.ConvertToUtf32(c, text[i + 1]);
            return CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format;
        }

        width = 1;
        codePoint = c;
        return char.IsSurrogate(c) || HidesOrReorders(c);
    }

    private static string VisibleCodePoint(int codePoint) => "[U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture) + "]";
}
