using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Aitronos.Codegen.Reading;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// Diagnostics in a spec are placed by <see cref="LineStarts"/>, which must count lines and columns exactly as Roslyn's
/// <see cref="SourceText"/> does (the compiler and the IDE show those positions): every line break kind, mixed, at the
/// ends, and random text.
/// </summary>
public sealed class LineStartsTests
{
    public static IEnumerable<object[]> Tricky() => new[]
    {
        "", "a", "\n", "\r", "\r\n", "\n\r", "\r\r\n\n", "a\nb\r\nc\rd", "trailing\n", "trailing\r\n", "\u0085\u2028\u2029",
        "x\u0085y\u2028z\u2029", "é\nü\r\n🙂\rend", "{\r\n  \"a\": 1\r\n}\r\n", "\r\n\r\n\r\n", "no break at all, just text",
    }.Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Tricky))]
    public void Lines_and_positions_are_Roslyn_s(string text) => AssertSameAsRoslyn(text);

    [Fact]
    public void Random_text_with_every_line_break_kind_is_counted_as_Roslyn_counts_it()
    {
        var random = new Random(20261202);
        const string alphabet = "ab\r\n\r\n\u0085\u2028\u2029é ";
        for (int i = 0; i < 2000; i++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 40);
            for (int j = 0; j < length; j++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            AssertSameAsRoslyn(text.ToString());
        }
    }

    private static void AssertSameAsRoslyn(string text)
    {
        TextLineCollection expected = SourceText.From(text).Lines;
        var actual = new LineStarts(text);

        Assert.Equal(expected.Count, actual.Count);
        for (int line = 0; line < expected.Count; line++)
        {
            Assert.Equal(expected[line].Start, actual.Start(line));
            Assert.Equal(expected[line].End, actual.End(line));
        }

        for (int offset = 0; offset <= text.Length; offset++)
        {
            Assert.Equal(expected.GetLinePosition(offset), actual.Position(offset));
        }
    }
}
