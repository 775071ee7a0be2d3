using Aitronos.Codegen.Tests.Infrastructure;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// An <c>integer</c> without a format is unbounded: real ids outgrow 32 bits, so it is a <c>long</c>, whatever bounds the
/// schema declares (a server may send more than them); only <c>format: int32</c> is an <c>int</c>.
/// </summary>
public sealed class IntegerMappingTests
{
    [Theory]
    [InlineData("{ type: integer }", "long")]
    [InlineData("{ type: integer, format: int64 }", "long")]
    [InlineData("{ type: integer, format: int32 }", "int")]
    [InlineData("{ type: integer, minimum: 1, maximum: 100 }", "long")]
    [InlineData("{ type: integer, minimum: 0 }", "long")]
    [InlineData("{ type: integer, minimum: 0, maximum: 4294967295 }", "long")]
    public void IntegersAreLongUnlessTheFormatSaysInt32(string schema, string expected)
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

    [Fact]
    public void IntegersWithoutFormatAreLongInParametersListsMapsAndIntegerEnums()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Numbers, version: '1' }
            paths:
              /items/{id}:
                get:
                  operationId: getItem
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: integer } }
                    - { name: per_page, in: query, schema: { type: integer, minimum: 1, maximum: 100 } }
                    - { name: small, in: query, schema: { type: integer, format: int32 } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Item' }
            components:
              schemas:
                Item:
                  type: object
                  required: [ids, counts, level]
                  properties:
                    ids: { type: array, items: { type: integer } }
                    counts: { type: object, additionalProperties: { type: integer } }
                    level: { type: integer, enum: [1, 2, 3] }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/numbers.openapi.yaml", spec) });

        Assert.Empty(run.CompilationProblems);
        string item = run.Source(".Item.g.cs");
        Assert.Contains("public required global::System.Collections.Generic.IReadOnlyList<long> Ids { get; init; }", item);
        Assert.Contains("public required global::System.Collections.Generic.IReadOnlyDictionary<string, long> Counts { get; init; }", item);
        Assert.Contains("public required long Level { get; init; }", item);
        string client = run.Source(".NumbersClient.g.cs");
        Assert.Contains("long id", client);
        Assert.Contains("long? perPage", client);
        Assert.Contains("int? small", client);
    }
}
