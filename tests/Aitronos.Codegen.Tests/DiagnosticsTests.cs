using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>A spec problem is a compiler diagnostic located in the spec file; nothing crashes and nothing is lost silently.</summary>
public sealed class DiagnosticsTests
{
    private const string Header = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n";

    [Fact]
    public void BrokenYamlIsAnErrorAtItsLineAndColumn()
    {
        // Line 7 (1-based) has an unclosed flow mapping.
        string text = Header + "paths:\n  /a:\n    get: {responses: {'200': {description: ok}\n  /b: {}\n";
        Diagnostic error = Single(Run("broken.openapi.yaml", text), "ACG001");

        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        FileLinePositionSpan span = error.Location.GetLineSpan();
        Assert.Equal("/project/broken.openapi.yaml", span.Path);
        Assert.InRange(span.StartLinePosition.Line + 1, 7, 8);
        Assert.Contains("broken.openapi.yaml", error.GetMessage());
    }

    [Fact]
    public void BrokenJsonIsAnErrorAtItsLine()
    {
        string text = "{\n  \"openapi\": \"3.0.0\",\n  \"info\": {\"title\": \"x\", \"version\": \"1\"},\n  \"paths\": {\"/a\": {\"get\": }}\n}";
        Diagnostic error = Single(Run("broken.openapi.json", text), "ACG001");

        Assert.Equal(4, error.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void RuleViolationInAReadableDocumentIsAWarningAtThePointerLocation()
    {
        // A schema that is a string instead of an object: the reader reports a pointer, and still reads the rest.
        string text = Header + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: not-a-schema\n";
        GeneratorRun run = Run("rules.openapi.yaml", text);
        Diagnostic warning = Single(run, "ACG002");

        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(13, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.NotEmpty(run.Sources);
    }

    [Fact]
    public void ValidationRuleBrokenByAReadableDocumentIsStillAWarningAtItsNode()
    {
        // The reader reads this component fine; only Microsoft.OpenApi's validation rules (which run beside the model
        // since they were moved out of the read) object to a component key with a space.
        string text = Header + "paths:\n  /a:\n    get:\n      responses:\n        '204':\n          description: ok\ncomponents:\n  schemas:\n    has space:\n      type: object\n";
        GeneratorRun run = Run("rules.openapi.yaml", text);
        Diagnostic warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ACG002" && d.GetMessage().Contains("has space"));

        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(11, warning.Location.GetLineSpan().StartLinePosition.Line + 1);   // "components:", the rule's node
        Assert.NotEmpty(run.Sources);
    }

    [Fact]
    public void UnsupportedSecuritySchemeIsAWarningAtTheScheme()
    {
        string text = Header + "components:\n  securitySchemes:\n    digestAuth:\n      type: http\n      scheme: digest\npaths:\n  /a:\n    get:\n      responses:\n        '204':\n          description: ok\nsecurity:\n  - digestAuth: []\n";
        Diagnostic warning = Single(Run("security.openapi.yaml", text), "ACG012");

        Assert.Equal(7, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal("Security scheme 'digestAuth': HTTP digest: not supported; requests do not carry it (add the header through DefaultHeaders or a DelegatingHandler)", warning.GetMessage());
    }

    [Fact]
    public void ReaderExceptionOnMalformedReferenceIsASpecErrorNotACrash()
    {
        string text = Header + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/has space \" quote'\n";
        GeneratorRun run = Run("badref.openapi.yaml", text);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ACG003");
        Assert.NotEmpty(run.GeneratorDiagnostics.Where(d => d.Id is "ACG001" or "ACG013"));
    }

    [Fact]
    public void FileThatIsNotAnOpenApiDocumentIsAnError()
    {
        GeneratorRun run = Run("notes.openapi.yaml", "- just\n- a list\n");
        Diagnostic error = Single(run, "ACG001");

        Assert.Equal("/project/notes.openapi.yaml", error.Location.GetLineSpan().Path);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void DocumentWithoutOperationsIsAWarning()
    {
        Assert.Equal(DiagnosticSeverity.Warning, Single(Run("empty.openapi.yaml", Header + "paths: {}\n"), "ACG004").Severity);
    }

    [Fact]
    public void InvalidNamespaceOptionIsAWarningAndAValidNamespaceIsUsed()
    {
        var spec = new SpecFile("/project/pets.openapi.yaml", GeneratorHarness.LoadTestSpec("petstore-lite.openapi.yaml").Text, new Dictionary<string, string> { ["AitronosNamespace"] = "My Pets.2nd" });
        GeneratorRun run = GeneratorHarness.Run(new[] { spec });

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "ACG014");
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [InlineData("AitronosClientName", "Twilio_api_v2010Client", "class Twilio_api_v2010Client")]
    [InlineData("AitronosNamespace", "Acme.twilio_api_v2010", "namespace Acme.twilio_api_v2010")]
    [InlineData("AitronosClientName", "_Pets", "class _Pets")]
    public void AnyCSharpIdentifierIsTakenAsItIs(string option, string value, string expected)
    {
        var spec = new SpecFile("/project/pets.openapi.yaml", GeneratorHarness.LoadTestSpec("petstore-lite.openapi.yaml").Text, new Dictionary<string, string> { [option] = value });
        GeneratorRun run = GeneratorHarness.Run(new[] { spec });

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ACG014");
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains(expected, System.StringComparison.Ordinal));
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [InlineData("AitronosClientName", "class")]
    [InlineData("AitronosClientName", "Pets-Client")]
    [InlineData("AitronosNamespace", "Acme.namespace")]
    public void KeywordOrNonIdentifierOptionIsStillAWarning(string option, string value)
    {
        var spec = new SpecFile("/project/pets.openapi.yaml", GeneratorHarness.LoadTestSpec("petstore-lite.openapi.yaml").Text, new Dictionary<string, string> { [option] = value });
        GeneratorRun run = GeneratorHarness.Run(new[] { spec });

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "ACG014");
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void ParameterDiagnosticsSayWhatBecameOfTheParameter()
    {
        string text = Header + "paths:\n  /items/{id}/{undeclared}:\n    get:\n      operationId: getItem\n      parameters:\n"
            + "        - { name: id, in: path, required: true, style: deepObject, schema: { type: string } }\n"
            + "        - { name: session, in: cookie, schema: { type: string } }\n"
            + "        - { name: filter, in: query, schema: { type: object, properties: { a: { type: string } } } }\n"
            + "        - { name: X-Tags, in: header, schema: { type: array, items: { type: string } } }\n"
            + "        - { name: ref, in: query, schema: { oneOf: [ { type: integer }, { type: string } ] } }\n"
            + "        - { name: X-Any, in: header, schema: { oneOf: [ { type: integer }, { type: string } ] } }\n"
            + "      responses:\n        '204':\n          description: ok\n";
        GeneratorRun run = Run("params.openapi.yaml", text);
        var messages = run.GeneratorDiagnostics.Where(d => d.Id == "ACG015").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(
            new[]
            {
                "Operation 'getItem': parameter 'id' in path has style 'deepObject', which is not defined there: it is sent in the simple style",
                "Operation 'getItem': parameter 'undeclared' in path is in the path template but not declared: the method takes it as a string",
            },
            messages);
        string client = run.Sources.Single(s => s.HintName.EndsWith("Client.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("string? session = null", client);
        Assert.Contains("GetItemFilter? filter = null", client);
        Assert.Contains("global::System.Collections.Generic.IReadOnlyList<string>? xTags = null", client);
        // A union of scalars is typed, sent as the variant it holds (no ACG015).
        Assert.Contains("GetItemRef? @ref = null", client);
        Assert.Contains("GetItemRef? xAny = null", client);   // the same shape: one type (deduplicated)
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void MissingRuntimeReferenceIsAnErrorAndNothingIsEmitted()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.BundledSpec() }, GeneratorHarness.CreateCompilation(includeRuntime: false));

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "ACG005" && d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void LanguageVersionBelowCSharp11IsAnError()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.BundledSpec() }, GeneratorHarness.CreateCompilation(languageVersion: LanguageVersion.CSharp10), LanguageVersion.CSharp10);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "ACG006");
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void DeepNestingIsALocatedErrorNotACrash()
    {
        string deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        string text = "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"x\",\"version\":\"1\"},\"paths\":{},\"x-deep\":" + deep + "}";
        GeneratorRun run = Run("deep.openapi.json", text);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ACG003");
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "ACG001" && d.Location.GetLineSpan().Path == "/project/deep.openapi.json");
    }

    [Fact]
    public void SelfReferentialAliasesAndRecursiveObjectsGenerateWithoutCrashing()
    {
        string text = Header + """
            components:
              schemas:
                A:
                  type: array
                  items:
                    $ref: '#/components/schemas/B'
                B:
                  $ref: '#/components/schemas/A'
                Node:
                  type: object
                  properties:
                    next:
                      $ref: '#/components/schemas/Node'
                    list:
                      $ref: '#/components/schemas/A'
            paths:
              /n:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Node'
            """;
        GeneratorRun run = Run("cycles.openapi.yaml", text);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ACG003");
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("public Node? Next { get; init; }", run.Source(".Node.g.cs"));
    }

    [Fact]
    public void TwoSpecsWithTheSameFileNameInDifferentFoldersDoNotCrashTheGenerator()
    {
        string text = GeneratorHarness.LoadTestSpec("petstore-lite.openapi.yaml").Text;
        GeneratorRun run = GeneratorHarness.Run(new[]
        {
            new SpecFile("/project/a/pets.openapi.yaml", text),
            new SpecFile("/project/b/pets.openapi.yaml", text, new Dictionary<string, string> { ["AitronosNamespace"] = "Other" }),
        });

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ACG003");
        Assert.Empty(run.CompilationProblems);
    }

    private static GeneratorRun Run(string fileName, string text) =>
        GeneratorHarness.Run(new[] { new SpecFile("/project/" + fileName, text) });

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        var matches = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matches.Count >= 1, $"Expected a {id} diagnostic; got:\n{GeneratorHarness.Format(run.GeneratorDiagnostics)}");
        return matches[0];
    }
}
