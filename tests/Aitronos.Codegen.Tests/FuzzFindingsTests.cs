using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// What <see cref="FuzzTests"/> found, one case each: before the fix, each made the generator fail with ACG003 and
/// generate nothing. Now each is a located diagnostic and, where the rest of the spec allows, a client that compiles.
/// </summary>
public sealed class FuzzFindingsTests
{
    private const string Header = "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"T\", \"version\": \"1\"}, ";

    [Fact]
    public void ComponentsThatAreBareReferencesToEachOtherAreReportedNotACrash()
    {
        GeneratorRun run = Run(Header + "\"paths\": {}, \"components\": {\"schemas\": {"
            + "\"A\": {\"$ref\": \"#/components/schemas/B\"}, \"B\": {\"$ref\": \"#/components/schemas/A\"},"
            + "\"C\": {\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/components/schemas/A\"}}}}}}");

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "ACG010" && d.GetMessage().Contains("defined in terms of itself", System.StringComparison.Ordinal) && d.Location.GetLineSpan().Path == "/project/t.openapi.json");
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".C.g.cs", System.StringComparison.Ordinal));
    }

    [Fact]
    public void AnAllOfMemberThatLeadsNowhereIsReportedNotACrash()
    {
        GeneratorRun run = Run(Header + "\"paths\": {}, \"components\": {\"schemas\": {"
            + "\"A\": {\"$ref\": \"#/components/schemas/B\"}, \"B\": {\"$ref\": \"#/components/schemas/A\"},"
            + "\"C\": {\"allOf\": [{\"$ref\": \"#/components/schemas/A\"}, {\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}}]}}}}");

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "ACG013" && d.Location.GetLineSpan().Path == "/project/t.openapi.json");
        Assert.Contains("public string? X", run.Source(".C.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void AnOperationReachingACycleOfBareReferencesTakesAnyJson()
    {
        GeneratorRun run = Run(Header + "\"paths\": {\"/x\": {\"post\": {\"operationId\": \"x\", \"requestBody\": {\"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/A\"}}}},"
            + "\"responses\": {\"204\": {\"description\": \"ok\"}}}}}, \"components\": {\"schemas\": {"
            + "\"A\": {\"$ref\": \"#/components/schemas/B\"},\n\"B\": {\"$ref\": \"#/components/schemas/A\"}}}}");

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "ACG010" && d.GetMessage().Contains("defined in terms of itself", System.StringComparison.Ordinal));
        Assert.Contains("XAsync(AcgJson.JsonElement", run.Source("TClient.g.cs"), System.StringComparison.Ordinal);
    }

    [Fact]
    public void SubtypesOfADiscriminatorAreSoughtPastComponentsThatAreACycleOfBareReferences()
    {
        // Fuzz seed 0UOfGyYBCnY1: oas-examples' 3.0-discriminators with ApplicationApprovedEvent and string2 made bare
        // references to each other. Looking for the subtypes of a component with a discriminator (P here) read every
        // component's allOf, and a bare reference's allOf is its target's: the library threw on the cycle.
        GeneratorRun run = Run(Header + "\"paths\": {\"/x\": {\"post\": {\"operationId\": \"x\", \"requestBody\": {\"content\": {\"application/json\": {\"schema\": "
            + "{\"oneOf\": [{\"$ref\": \"#/components/schemas/A\"}, {\"$ref\": \"#/components/schemas/D\"}], \"discriminator\": {\"propertyName\": \"kind\", "
            + "\"mapping\": {\"a\": \"#/components/schemas/A\", \"d\": \"#/components/schemas/D\"}}}}}},"
            + "\"responses\": {\"204\": {\"description\": \"ok\"}}}}}, \"components\": {\"schemas\": {"
            + "\"A\": {\"$ref\": \"#/components/schemas/S\"},\n\"S\": {\"$ref\": \"#/components/schemas/A\"},\n"
            + "\"D\": {\"type\": \"object\", \"required\": [\"kind\"], \"properties\": {\"kind\": {\"type\": \"string\"}, \"reason\": {\"type\": \"string\"}}},\n"
            + "\"P\": {\"type\": \"object\", \"discriminator\": {\"propertyName\": \"kind\"}, \"properties\": {\"kind\": {\"type\": \"string\"}}}}}}");

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "ACG010" && d.GetMessage().Contains("defined in terms of itself", System.StringComparison.Ordinal));
    }

    [Fact]
    public void ASecuritySchemeThatIsNotAnObjectIsReportedAtItsPlace()
    {
        GeneratorRun run = Run(Header + "\"security\": [{\"key\": []}], \"paths\": {\"/x\": {\"get\": {\"operationId\": \"x\", \"responses\": {\"204\": {\"description\": \"ok\"}}}}},"
            + "\"components\": {\"securitySchemes\": {\"key\": [\"not\", \"a\", \"scheme\"]}}}");

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "ACG012" && d.GetMessage().Contains("could not be read", System.StringComparison.Ordinal) && d.Location.GetLineSpan().Path == "/project/t.openapi.json");
    }

    private static GeneratorRun Run(string json, bool compiles = true)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/t.openapi.json", json) });
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "ACG003" or "CS8785");
        if (compiles)
        {
            var errors = run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, GeneratorHarness.Format(errors));
        }

        return run;
    }
}
