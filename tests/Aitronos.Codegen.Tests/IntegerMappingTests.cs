using Aitronos.Codegen.Tests.Infrastructure;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>An <c>integer</c> without a format is unbounded: real ids outgrow 32 bits, so it is a <c>long</c>.</summary>
public sealed class IntegerMappingTests
{
    [Theory]
    [InlineData("{ type: integer }", "long")]
    [InlineData("{ type: integer, format: int64 }", "long")]
    [InlineData("{ type: integer, format: int32 }", "int")]
    [InlineData("{ type: integer, minimum: 1, maximum: 100 }", "int")]
    [InlineData("{ type: integer, minimum: 0 }", "long")]
    [InlineData("{ type: integer, minimum: 0, maximum: 4294967295 }", "long")]
    public void IntegersMapToTheNarrowestTypeTheSchemaGuarantees(string schema, string expected)
    {
        string spec = $$"""
            openapi: 3.0.3
            info: { title: Numbers, version: '1' }
            paths: {}
            components:
              schemas:
                Item:
                  type: object
                  required: [count]
                  properties:
                    count: {{schema}}
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/numbers.openapi.yaml", spec) });

        Assert.Empty(run.CompilationProblems);
        Assert.Contains($"public required {expected} Count {{ get; init; }}", run.Source(".Item.g.cs"));
    }
}
