using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>Method names a person would write: a method inside a tag's sub-client does not repeat the tag.</summary>
public sealed class OperationNamingTests
{
    private const string Header = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n";

    [Fact]
    public void MethodDropsTheLeadingWordsItsSubClientAlreadySays()
    {
        string client = Generate(
            Operation("/advisories", "security-advisories", "security-advisories/list-global-advisories")
            + Operation("/advisories/{id}", "security-advisories", "security-advisories/get-global-advisory", pathParameter: "id"));

        Assert.Contains("ListGlobalAdvisoriesAsync(", client, System.StringComparison.Ordinal);
        Assert.Contains("GetGlobalAdvisoryAsync(", client, System.StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityAdvisoriesListGlobalAdvisoriesAsync", client, System.StringComparison.Ordinal);
        Assert.Contains("public SecurityAdvisoriesClient SecurityAdvisories", client, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("repos", "repos", "ReposAsync(")]                    // nothing would remain
    [InlineData("repos", "reposition-things", "RepositionThingsAsync(")]   // not a whole word
    [InlineData("pets", "listPets", "ListPetsAsync(")]               // the tag is not at the start
    public void MethodKeepsItsNameWhenNoWholeLeadingWordsAreTheTag(string tag, string operationId, string expected)
    {
        string client = Generate(Operation("/x", tag, operationId));

        Assert.Contains(expected, client, System.StringComparison.Ordinal);
    }

    [Fact]
    public void NamesThatMeetAfterTheTagIsDroppedStayUnique()
    {
        // "pets/list" loses "Pets"; "list" has the same name: one of them is numbered, deterministically, in path order.
        string client = Generate(Operation("/a", "pets", "pets/list") + Operation("/b", "pets", "list"));

        Assert.Contains("ListAsync(", client, System.StringComparison.Ordinal);
        Assert.Contains("ListAsync2(", client, System.StringComparison.Ordinal);   // the numbering every name collision gets
    }

    [Fact]
    public void TypeNamesKeepTheWholeOperationName()
    {
        string text = Header + "paths:\n  /a:\n    get:\n      tags: [pets]\n      operationId: pets/list\n      responses:\n        '200':\n          description: ok\n"
            + "          content:\n            application/json:\n              schema: { type: object, properties: { n: { type: integer } } }\n";
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/naming.openapi.yaml", text) });

        Assert.Contains(run.Sources, s => s.HintName.Contains("PetsListResponse", System.StringComparison.Ordinal));
        Assert.Empty(run.CompilationProblems);
    }

    private static string Operation(string path, string tag, string operationId, string? pathParameter = null) =>
        "  " + path + ":\n    get:\n      tags: [" + tag + "]\n      operationId: " + operationId + "\n"
        + (pathParameter is null ? string.Empty : "      parameters:\n        - { name: " + pathParameter + ", in: path, required: true, schema: { type: string } }\n")
        + "      responses:\n        '204':\n          description: ok\n";

    private static string Generate(string paths)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/naming.openapi.yaml", Header + "paths:\n" + paths) });
        Assert.Empty(run.CompilationProblems);
        return string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));
    }
}
