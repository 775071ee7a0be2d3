using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>A response whose schema is a nullable component (GitHub's <c>nullable-integration</c>).</summary>
public sealed class NullableResultTests
{
    [Fact]
    public void ResultOfANullableObjectComponentCompilesWithoutNullabilityWarnings()
    {
        string text = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths:\n  /app:\n    get:\n      operationId: getApp\n"
            + "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n"
            + "              schema: { $ref: '#/components/schemas/nullable-app' }\n"
            + "components:\n  schemas:\n    nullable-app:\n      type: object\n      nullable: true\n      properties: { id: { type: integer } }\n";
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/nullable.openapi.yaml", text) });

        // CompilationProblems compiles with nullable warnings on: Task<NullableApp?> would not take the Task<NullableApp> read.
        Assert.Empty(run.CompilationProblems);
        string client = string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));
        Assert.Contains("Task<NullableApp> GetAppAsync(", client, System.StringComparison.Ordinal);
    }
}
