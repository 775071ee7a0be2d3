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
                    // Control characters and the Unicode line terminators would end or corrupt the line.
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085' || char.IsSurrogate(c))
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

    /// <summary>Text for inside an XML doc element: markup escaped, every line break kept inside the comment.</summary>
    public static string[] XmlDocLines(string text)
    {
        string escaped = text
            .Replace("&", "&amp;")
            .Replace("<", "&lt;")
            .Replace(">", "&gt;");
        var builder = new StringBuilder(escaped.Length);
        foreach (char c in escaped)
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
}
