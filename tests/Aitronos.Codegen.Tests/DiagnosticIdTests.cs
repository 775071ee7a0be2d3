using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// One spec per diagnostic id: the id, its line and column in the spec (1-based) and its whole message, exactly. A
/// descriptor without a case here fails <see cref="EveryDiagnosticIdHasACase"/>.
/// </summary>
public sealed class DiagnosticIdTests
{
    private const string Header = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n";
    private const string NoContent = "      responses:\n        '204':\n          description: ok\n";

    /// <summary>Ids no spec can produce, and why.</summary>
    private static readonly Dictionary<string, string> s_notFromASpec = new()
    {
        ["ACG003"] = "an internal error: any spec that produces it is a generator bug (the fuzz tests look for them)",
    };

    /// <summary>Each: id, spec file name, spec text, expected "line:column", expected message.</summary>
    public static IEnumerable<object[]> Cases() => new[]
    {
        new object[]
        {
            "ACG001", "broken.openapi.json",
            "{\n  \"openapi\": \"3.0.0\",\n  \"info\": {\"title\": \"x\", \"version\": \"1\"},\n  \"paths\": {\"/a\": {\"get\": }}\n}",
            "4:27", "The OpenAPI document 'broken.openapi.json' cannot be read: Please provide the correct format, '}' is an invalid start of a value. LineNumber: 3 | BytePositionInLine: 26.",
        },
        new object[]
        {
            "ACG002", "rules.openapi.yaml",
            Header + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: not-a-schema\n",
            "13:15", "rules.openapi.yaml: schema must be a map/object",
        },
        new object[] { "ACG004", "empty.openapi.yaml", Header + "paths: {}\n", "5:1", "The OpenAPI document 'empty.openapi.yaml' has no operations to generate (paths is empty or missing)" },
        new object[]
        {
            "ACG010", "cycle.openapi.yaml",
            Header + "paths:\n  /a:\n    get:\n" + NoContent + "components:\n  schemas:\n    A:\n      $ref: '#/components/schemas/B'\n    B:\n      $ref: '#/components/schemas/A'\n",
            "13:5", "Schema 'A' is generated as System.Text.Json.JsonElement: it is defined in terms of itself",
        },
        new object[]
        {
            "ACG011", "form.openapi.yaml",
            Header + "paths:\n  /a:\n    post:\n      operationId: send\n      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n            schema:\n              type: array\n              items: {type: string}\n" + NoContent,
            "11:11", "Operation 'send': request media type 'application/x-www-form-urlencoded' is taken as an HttpContent the caller builds: a form body is encoded from an object's properties, and its schema is an array",
        },
        new object[]
        {
            "ACG012", "security.openapi.yaml",
            Header + "components:\n  securitySchemes:\n    digestAuth:\n      type: http\n      scheme: digest\npaths:\n  /a:\n    get:\n" + NoContent + "security:\n  - digestAuth: []\n",
            "7:5", "Security scheme 'digestAuth': HTTP digest: not supported; requests do not carry it (add the header through DefaultHeaders or a DelegatingHandler)",
        },
        new object[]
        {
            "ACG013", "external.openapi.yaml",
            Header + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: 'other.yaml#/components/schemas/Pet'\n",
            "13:15", "The reference 'other.yaml#/components/schemas/Pet' cannot be resolved; the value is generated as JsonElement",
        },
        new object[]
        {
            "ACG015", "params.openapi.yaml",
            Header + "paths:\n  /items/{id}:\n    get:\n      operationId: getItem\n      parameters:\n        - {name: id, in: path, required: true, style: deepObject, schema: {type: string}}\n" + NoContent,
            "10:11", "Operation 'getItem': parameter 'id' in path has style 'deepObject', which is not defined there: it is sent in the simple style",
        },
        new object[]
        {
            "ACG017", "hooks.openapi.yaml",
            Header + "paths:\n  /a:\n    get:\n" + NoContent + "webhooks:\n  ping:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/Ping'}\n" + NoContent
                + "components:\n  schemas:\n    Ping:\n      type: object\n      properties:\n        at: {type: string}\n",
            "11:1", "1 schema(s) that only the webhooks use are not generated (webhooks are requests the API sends to you, not calls the client makes); set Webhooks=\"true\" on the OpenApiSpec item to generate them",
        },
        new object[]
        {
            "ACG018", "paged.openapi.yaml",
            Header + "paths:\n  /items:\n    get:\n      operationId: listItems\n      parameters:\n        - {name: limit, in: query, schema: {type: integer}}\n        - {name: offset, in: query, schema: {type: integer}}\n"
                + "      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: array, items: {type: string}}\n",
            "7:5", "Operation 'listItems' is paged by limit/offset, ending at an empty page: ListItemsAutoPagingAsync enumerates every item, page after page",
        },
        new object[]
        {
            "ACG019", "duplicates.openapi.yaml",
            Header + "paths:\n  /a:\n    get:\n      operationId: getItem\n" + NoContent + "  /b:\n    get:\n      operationId: getItem\n" + NoContent,
            "14:7", "operation 'getItem' (GET /a) and operation 'getItem' (GET /b) both give the C# name 'GetItemAsync'; operation 'getItem' (GET /b) is generated as 'GetItemAsync2'",
        },
    };

    [Fact]
    public void NamesThatCollideAfterConversionAreResolvedInOrderAndNamed()
    {
        string text = Header + "paths:\n  /a:\n    get:\n      operationId: get-item\n" + NoContent + "  /b:\n    get:\n      operationId: get_item\n" + NoContent
            + "components:\n  schemas:\n    pet:\n      type: object\n      properties: {a: {type: string}}\n    Pet:\n      type: object\n      properties: {b: {type: string}}\n";
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/collide.openapi.yaml", text) });

        Assert.Equal(
            new[]
            {
                "ACG019 20:5 schema 'Pet' and schema 'pet' both give the C# name 'Pet'; schema 'pet' is generated as 'Pet2'",
                "ACG019 14:7 operation 'get-item' (GET /a) and operation 'get_item' (GET /b) both give the C# name 'GetItemAsync'; operation 'get_item' (GET /b) is generated as 'GetItemAsync2'",
            },
            Found(run, "ACG019"));
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachDiagnosticIsLocatedAndSaysWhatHappened(string id, string fileName, string spec, string position, string message)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/" + fileName, spec) });

        Assert.Equal(new[] { id + " " + position + " " + message }, Found(run, id));
    }

    [Fact]
    public void AnInvalidOptionIsReportedAtTheStartOfTheSpec()
    {
        var spec = new SpecFile("/project/pets.openapi.yaml", Header + "paths: {}\n", new Dictionary<string, string> { ["AitronosNamespace"] = "My Pets.2nd" });
        GeneratorRun run = GeneratorHarness.Run(new[] { spec });

        Assert.Equal(new[] { "ACG014 1:1 The option 'AitronosNamespace' value 'My Pets.2nd' is not valid: it is not a C# namespace; using 'MyPets._2nd'" }, Found(run, "ACG014"));
    }

    [Fact]
    public void CompilationProblemsHaveNoPlaceInASpec()
    {
        GeneratorRun noRuntime = GeneratorHarness.Run(new[] { new SpecFile("/project/a.openapi.yaml", Header + "paths: {}\n") }, GeneratorHarness.CreateCompilation(includeRuntime: false));
        Assert.Equal(new[] { "ACG005 - Generated clients need Aitronos.Codegen.Runtime; reference the Aitronos.Codegen package (it carries the runtime) or the runtime project" }, Found(noRuntime, "ACG005"));

        GeneratorRun oldCSharp = GeneratorHarness.Run(new[] { new SpecFile("/project/a.openapi.yaml", Header + "paths: {}\n") }, GeneratorHarness.CreateCompilation(languageVersion: LanguageVersion.CSharp10), LanguageVersion.CSharp10);
        Assert.Equal(new[] { "ACG006 - Generated clients use C# 11 features (required members, UTF-8 literals); set <LangVersion>11</LangVersion> or later in the project" }, Found(oldCSharp, "ACG006"));
    }

    [Fact]
    public void TwoSpecsGeneratingOneClientAreAnError()
    {
        string text = Header + "paths:\n  /a:\n    get:\n" + NoContent;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/a/pets.openapi.yaml", text), new SpecFile("/project/b/pets.openapi.yaml", text) });

        Assert.Equal(new[] { "ACG016 1:1 The OpenAPI documents '/project/a/pets.openapi.yaml' and '/project/b/pets.openapi.yaml' both generate 'Consumer.PetsClient', so neither is generated; set AitronosClientName or AitronosNamespace on one of them" }, Found(run, "ACG016"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "ACG003");
        Assert.DoesNotContain(run.Sources, s => s.HintName.StartsWith("Consumer.PetsClient", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryDiagnosticIdHasACase()
    {
        var ids = typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .ToList();
        var covered = new HashSet<string>(Cases().Select(c => (string)c[0])) { "ACG005", "ACG006", "ACG014", "ACG016" };
        covered.UnionWith(s_notFromASpec.Keys);

        var missing = ids.Where(id => !covered.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "Diagnostic ids without a case here: " + string.Join(", ", missing));
    }

    /// <summary>Every diagnostic of <paramref name="id"/> as "ID line:column message" (a place outside any file: "-").</summary>
    private static List<string> Found(GeneratorRun run, string id) => run.GeneratorDiagnostics
        .Where(d => d.Id == id)
        .Select(d => d.Id + " " + (d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile
            ? (d.Location.GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture) + ":" + (d.Location.GetLineSpan().StartLinePosition.Character + 1).ToString(CultureInfo.InvariantCulture)
            : "-") + " " + d.GetMessage(CultureInfo.InvariantCulture))
        .ToList();
}
