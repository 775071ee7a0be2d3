using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Aitronos.Codegen.Emitting;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// The one-pass XML doc text (escaping, visible hidden characters, line breaks, code spans) gives exactly the lines the
/// step-by-step version gave (kept below as the reference: replaces, a regex, a split), on tricky and random text.
/// </summary>
public sealed class XmlDocTextTests
{
    public static IEnumerable<object[]> Tricky() => new[]
    {
        "plain text", "a & b <c> d", "`code` and `more code`", "``", "` `", "`a\nb`", "`a`b`c`", "```x```", "`unclosed",
        "\n\n  lead\n\ntrail  \n\n", "\r\nwindows\r\nlines\r\n", "tabs\tand\u0001control\u007F\u0085next\u2028line\u2029para",
        "bidi \u202E evil \u2066 iso", "zero\u200Bwidth \uFEFF bom \u00AD soft", "hangul \u3164 filler", "tag \U000E0041 char",
        "emoji 🙂 ok", "lone \uD800 high", "lone \uDC00 low", "end high \uD83D", "   ", "\u0001", "`<&>`", "a`\u202E`b",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Tricky))]
    public void OnePassTextGivesTheLinesOfTheStepByStepVersion(string text)
    {
        Assert.Equal(Reference(text), XmlDocLines(text));
    }

    [Fact]
    public void OnePassTextMatchesTheStepByStepVersionOnRandomText()
    {
        char[] alphabet = "ab `&<>\n\r\t \u0001\u0085\u2028\u2029\u202E\u200B\u3164\uD83D\uDE42\uDB40\uDC41\uD800é".ToCharArray();
        var random = new Random(1202);
        for (int n = 0; n < 5000; n++)
        {
            var builder = new StringBuilder();
            int length = random.Next(30);
            for (int i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            string text = builder.ToString();
            Assert.True(Reference(text).SequenceEqual(XmlDocLines(text)), "differs on " + string.Concat(text.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " ")));
        }
    }

    private static readonly Regex s_codeSpan = new("`([^`\n]+)`", RegexOptions.CultureInvariant);

    /// <summary>The version before the one-pass rewrite.</summary>
    private static string[] Reference(string text)
    {
        string escaped = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        string visible = CSharpLiterals.Visible(escaped);
        var builder = new StringBuilder(visible.Length);
        foreach (char c in visible)
        {
            builder.Append(c is '\r' or '\u2028' or '\u2029' or '\u0085' ? '\n' : char.IsControl(c) && c != '\n' ? ' ' : c);
        }

        string withCode = s_codeSpan.Replace(builder.ToString(), "<c>$1</c>");
        var trimmed = withCode.Split('\n').Select(l => l.TrimEnd()).ToList();
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

    /// <summary>The lines the writer emits for a text: <see cref="CSharpLiterals.XmlDocText"/> cut by its line ranges.</summary>
    private static string[] XmlDocLines(string text)
    {
        string doc = CSharpLiterals.XmlDocText(text);
        return CSharpLiterals.XmlDocLineRanges(doc, new List<(int, int)>()).Select(range => doc.Substring(range.Start, range.Length)).ToArray();
    }
}
