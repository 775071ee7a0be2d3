using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// What the generator emits for explicit nulls (only request-side models record assignment), for operations whose
/// success statuses differ (<c>ApiResult</c>), and for 2.0's <c>collectionFormat: tsv</c>.
/// </summary>
public sealed class FidelityGenerationTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /things/{id}:
            patch:
              operationId: updateThing
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ThingPatch'}
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
                '201': {description: created, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
        components:
          schemas:
            ThingPatch:
              type: object
              properties:
                name: {type: string, nullable: true}
                owner: {$ref: '#/components/schemas/Owner'}
                size: {type: integer}
            Owner:
              type: object
              properties:
                email: {type: string, nullable: true}
            Thing:
              type: object
              properties:
                name: {type: string, nullable: true}
        """;

    [Fact]
    public void Only_models_a_request_body_reaches_record_an_assigned_null()
    {
        GeneratorRun run = Generate("things.openapi.yaml", Spec);

        Assert.Contains("public string? Name { get => _0; init => _0 = Assigned(0, value); }", Source(run, "ThingPatch"));
        Assert.Contains("public long? Size { get; init; }", Source(run, "ThingPatch"));
        Assert.Contains("public string? Email { get => _0; init => _0 = Assigned(0, value); }", Source(run, "Owner"));
        Assert.Contains("public string? Name { get; init; }", Source(run, "Thing"));
        Assert.DoesNotContain("Assigned(", Source(run, "Thing"));
    }

    [Fact]
    public void Success_statuses_of_one_body_type_keep_a_plain_task()
    {
        string client = Source(Generate("things.openapi.yaml", Spec), "ThingsClient");

        Assert.Contains("global::System.Threading.Tasks.Task<Thing> UpdateThingAsync(", client);
        Assert.DoesNotContain("ApiResult", client);
    }

    [Fact]
    public void A_tsv_parameter_is_a_string_the_caller_joins_with_a_located_warning_and_the_rest_generates()
    {
        const string spec = """
            swagger: '2.0'
            info: {title: T, version: '1'}
            host: t.example
            paths:
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - {name: tabs, in: query, type: array, items: {type: string}, collectionFormat: tsv}
                    - {name: commas, in: query, type: array, items: {type: string}}
                  responses: {'204': {description: ok}}
            """;

        GeneratorRun run = Generate("tabs.openapi.yaml", spec);

        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ACG015");
        Assert.Contains("parameter 'tabs' in query has collectionFormat 'tsv'", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(8, warning.Location.GetLineSpan().StartLinePosition.Line); // zero-based: the line of the tabs parameter
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        string client = Source(run, "TabsClient");
        Assert.Contains("string? tabs = null", client);
        Assert.Contains("IReadOnlyList<string>? commas = null", client);
    }

    private static GeneratorRun Generate(string fileName, string spec)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/" + fileName, spec) });
        IReadOnlyList<Diagnostic> problems = run.CompilationProblems;
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + GeneratorHarness.Format(problems.Take(20)));
        return run;
    }

    private static string Source(GeneratorRun run, string typeName) =>
        run.Sources.Single(s => s.HintName.EndsWith("." + typeName + ".g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
}
