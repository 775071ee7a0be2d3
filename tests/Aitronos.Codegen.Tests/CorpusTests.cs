using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// Every real-world spec in ../shared/corpus: the generator never crashes, and what it emits compiles
/// with zero errors and zero warnings (constructs it cannot serve are reported as located diagnostics).
/// </summary>
public sealed class CorpusTests
{
    public static IEnumerable<object[]> Specs()
    {
        var specs = Corpus.Specs().ToList();
        return specs.Count == 0
            ? new[] { new object[] { "(corpus absent)" } }
            : specs.Select(s => new object[] { s });
    }

    [SkippableTheory]
    [MemberData(nameof(Specs))]
    public void SpecGeneratesAClientThatCompilesCleanly(string spec)
    {
        Skip.If(Corpus.Directory is null, Corpus.MissingMessage);

        GeneratorRun run = GeneratorHarness.Run(new[] { Corpus.Load(spec) });

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ACG003");
        Assert.All(run.GeneratorDiagnostics.Where(d => d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile), d =>
            Assert.EndsWith(".openapi" + System.IO.Path.GetExtension(spec), d.Location.GetLineSpan().Path));
        IReadOnlyList<Diagnostic> problems = run.CompilationProblems;
        Assert.True(problems.Count == 0, $"{spec}: the generated code does not compile cleanly ({problems.Count} problems):\n" + GeneratorHarness.Format(problems.Take(20)));
    }
}
