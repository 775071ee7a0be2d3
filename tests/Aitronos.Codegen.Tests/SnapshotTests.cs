using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// The generated source for the bundled spec and a few specs of our own, checked against verified
/// snapshots; every snapshot's output must also compile with zero errors and zero warnings.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void BundledAitronosSpec() => VerifyGenerated(GeneratorHarness.BundledSpec());

    [Fact]
    public void PetStoreLite() => VerifyGenerated(GeneratorHarness.LoadTestSpec("petstore-lite.openapi.yaml"));

    [Fact]
    public void ShapesWithCompositionAndOddNames() => VerifyGenerated(GeneratorHarness.LoadTestSpec("shapes.openapi.json", new Dictionary<string, string>
    {
        ["AitronosNamespace"] = "Shapes.Client",
        ["AitronosVisibility"] = "internal",
    }));

    [Fact]
    public void EveryAuthSchemeAndAlternatives() => VerifyGenerated(GeneratorHarness.LoadTestSpec("auth-schemes.openapi.yaml"));

    [Fact]
    public void Swagger2Document() => VerifyGenerated(GeneratorHarness.LoadTestSpec("swagger2.openapi.yaml"));

    /// <summary>Form (Stripe-style encoding), multipart with files, binary, text, several media types, and XML left as HttpContent.</summary>
    [Fact]
    public void RequestBodiesOfEveryKind() => VerifyGenerated(GeneratorHarness.LoadTestSpec("bodies.openapi.yaml"));

    /// <summary>Unions: discriminated, by JSON kind, by property names, an allOf hierarchy, a type list, recursive.</summary>
    [Fact]
    public void UnionsOfEveryKind() => VerifyGenerated(GeneratorHarness.LoadTestSpec("unions.openapi.yaml"));
    /// <summary>Every parameter style: path simple/label/matrix, query form/spaceDelimited/pipeDelimited/deepObject/allowReserved, headers, cookies, content.</summary>
    [Fact]
    public void ParametersOfEveryStyle() => VerifyGenerated(GeneratorHarness.LoadTestSpec("parameters.openapi.yaml"));

    /// <summary>Swagger 2.0's collectionFormat: csv (the default), ssv, pipes, multi, in the query, a path and a header.</summary>
    [Fact]
    public void Swagger2CollectionFormats() => VerifyGenerated(GeneratorHarness.LoadTestSpec("swagger2-parameters.openapi.yaml"));

    [Fact]
    public void HostileTextCannotInjectCode() => VerifyGenerated(GeneratorHarness.LoadTestSpec("hostile.openapi.json"));

    private static void VerifyGenerated(SpecFile spec, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { spec });

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ACG003");
        Assert.True(run.Sources.Length > 0, "The generator produced no source for " + spec.Path + ":\n" + GeneratorHarness.Format(run.GeneratorDiagnostics));
        IReadOnlyList<Diagnostic> problems = run.CompilationProblems;
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + GeneratorHarness.Format(problems.Take(30)));

        var files = run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        string diagnostics = string.Join("\n", run.GeneratorDiagnostics
            .OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .Select(d => d.ToString()));
        Snapshot.Verify(files, diagnostics, nameof(SnapshotTests), test);
    }
}
