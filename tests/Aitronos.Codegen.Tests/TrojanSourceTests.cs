using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// "Trojan Source" (CVE-2021-42574): spec text holding characters that reorder or hide text (bidirectional controls,
/// zero-width characters, tag characters, Hangul fillers) never reaches generated code raw, in comments, literals or
/// identifiers; and no statement a spec string tries to inject survives. The hostile spec carries such characters in
/// every string that lands in generated code (title, descriptions, names, enum values, paths, tags, server URL).
/// </summary>
public sealed class TrojanSourceTests
{
    [Fact]
    public void NoCharacterThatReordersOrHidesTextReachesGeneratedCode()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.LoadTestSpec("hostile.openapi.json") });
        Assert.True(run.Sources.Length > 0, GeneratorHarness.Format(run.GeneratorDiagnostics));

        var found = new List<string>();
        foreach (GeneratedSourceResult source in run.Sources)
        {
            string text = source.SourceText.ToString();
            string[] lines = text.Split('\n');
            for (int line = 0; line < lines.Length; line++)
            {
                for (int i = 0; i < lines[line].Length; i++)
                {
                    string l = lines[line];
                    bool pair = char.IsHighSurrogate(l[i]) && i + 1 < l.Length && char.IsLowSurrogate(l[i + 1]);
                    if (HidesOrReorders(l, i))
                    {
                        found.Add($"{source.HintName}({line + 1},{i + 1}): U+{(pair ? char.ConvertToUtf32(l, i) : l[i]):X4}");
                    }

                    if (pair)
                    {
                        i++;
                    }
                }
            }
        }

        Assert.True(found.Count == 0, "Raw characters that reorder or hide text:\n" + string.Join("\n", found.Take(20)));

        // Diagnostics quote spec text too (Microsoft.OpenApi's rule messages name the bad key): shown the same way.
        Assert.Contains(run.GeneratorDiagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).Contains("Bidi[U+202E]Name[U+3164]", StringComparison.Ordinal));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.GetMessage(CultureInfo.InvariantCulture).Any(c => c is '\u202E' or '\u2066' or '\u3164'));
    }

    [Fact]
    public void SpecTextIsShownVisiblyInDocsAndKeptExactlyInLiterals()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.LoadTestSpec("hostile.openapi.json") });
        string all = string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));

        // Docs: each character spelled as its code point, where the reader sees it.
        Assert.Contains("[U+202E]evil[U+202C]", all, StringComparison.Ordinal);
        Assert.Contains("[U+2066]isolated[U+2069] zero[U+200B]width[U+FEFF] shy[U+00AD] tag[U+E0041] filler[U+3164]", all, StringComparison.Ordinal);

        // Literals: an escape, so the value sent on the wire is the spec's value exactly.
        Assert.Contains("\"user\\u202enimda\"", all, StringComparison.Ordinal);
        Assert.Contains("\"is\\u202eAdmin\\u200b\"", all, StringComparison.Ordinal);
    }

    [Fact]
    public void NoInjectedDirectiveOrDeclarationSurvives()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.LoadTestSpec("hostile.openapi.json") });
        Assert.True(run.CompilationProblems.Count == 0, GeneratorHarness.Format(run.CompilationProblems));

        foreach (GeneratedSourceResult source in run.Sources)
        {
            SyntaxNode root = source.SyntaxTree.GetRoot();

            // No directive but the generator's own (#nullable, #pragma): a spec's "#error" stayed inside a comment.
            var directives = root.DescendantTrivia(descendIntoTrivia: true)
                .Where(t => t.IsDirective)
                .Select(t => t.ToString().Trim())
                .Where(d => !d.StartsWith("#nullable", StringComparison.Ordinal) && !d.StartsWith("#pragma warning", StringComparison.Ordinal))
                .ToList();
            Assert.True(directives.Count == 0, source.HintName + ": " + string.Join(", ", directives));

            // No type named after injected text, and no call the spec tried to smuggle in.
            var types = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText);
            Assert.DoesNotContain("Evil", types);
            Assert.DoesNotContain("X", types);
            Assert.DoesNotContain(root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>(), i => i.Expression.ToString().EndsWith("Exit", StringComparison.Ordinal));
        }
    }

    private static bool HidesOrReorders(string text, int index)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            return CharUnicodeInfo.GetUnicodeCategory(text, index) == UnicodeCategory.Format;
        }

        return char.IsSurrogate(c)
            || c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0'
            || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
    }
}
