using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// Schemas only the webhooks use (payloads the API sends to you) are generated on request; what the operations use,
/// and component schemas nothing refers to, always are. A left-out schema is never silent: ACG017 says how many and
/// how to get them, at the webhooks in the spec.
/// </summary>
public sealed class WebhookScopeTests
{
    private const string Spec31 = """
        openapi: 3.1.0
        info: { title: Hooks, version: '1' }
        paths:
          /repos:
            get:
              operationId: getRepo
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Repo' }
        webhooks:
          push:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        payload: { $ref: '#/components/schemas/PushEvent' }
              responses:
                '200': { description: ok }
        components:
          schemas:
            Repo:
              type: object
              properties:
                owner: { $ref: '#/components/schemas/User' }
            User:
              type: object
              properties:
                login: { type: string }
            PushEvent:
              type: object
              properties:
                repository: { $ref: '#/components/schemas/Repo' }
                pusher: { $ref: '#/components/schemas/Pusher' }
                commits:
                  type: array
                  items:
                    type: object
                    properties:
                      sha: { type: string }
            Pusher:
              type: object
              properties:
                name: { type: string }
            Glossary:
              type: object
              properties:
                term: { type: string }
        """;

    private const string Spec30 = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Hooks", "version": "1" },
          "paths": {
            "/repos": { "get": { "operationId": "getRepo", "responses": { "200": { "description": "ok",
              "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Repo" } } } } } } }
          },
          "x-webhooks": {
            "push": { "post": { "requestBody": { "content": { "application/json": {
              "schema": { "$ref": "#/components/schemas/PushEvent" } } } },
              "responses": { "200": { "description": "ok" } } } }
          },
          "components": { "schemas": {
            "Repo": { "type": "object", "properties": { "name": { "type": "string" } } },
            "PushEvent": { "type": "object", "properties": { "repository": { "$ref": "#/components/schemas/Repo" },
              "pusher": { "type": "object", "properties": { "email": { "type": "string" } } } } }
          } }
        }
        """;

    [Fact]
    public void Webhook_only_schemas_are_left_out_by_default_and_said_so_at_the_webhooks()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/hooks.openapi.yaml", Spec31) });

        Assert.Empty(run.CompilationProblems);
        var types = TypeNames(run);
        Assert.Contains("Repo", types);
        Assert.Contains("User", types);
        Assert.Contains("Glossary", types); // referred to by nothing: part of the spec's vocabulary, kept
        Assert.DoesNotContain("PushEvent", types);
        Assert.DoesNotContain("Pusher", types);
        Assert.DoesNotContain(types, t => t.StartsWith("PushEvent", System.StringComparison.Ordinal));

        Diagnostic skipped = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ACG017");
        Assert.Equal(DiagnosticSeverity.Info, skipped.Severity);
        Assert.StartsWith("3 schema(s) that only the webhooks use are not generated", skipped.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Webhooks=\"true\"", skipped.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        FileLinePositionSpan where = skipped.Location.GetLineSpan();
        Assert.Equal("/specs/hooks.openapi.yaml", where.Path);
        Assert.Equal(13, where.StartLinePosition.Line + 1); // webhooks:
    }

    [Fact]
    public void Webhooks_true_generates_the_payload_types_with_the_same_names()
    {
        GeneratorRun without = GeneratorHarness.Run(new[] { new SpecFile("/specs/hooks.openapi.yaml", Spec31) });
        GeneratorRun with = GeneratorHarness.Run(new[]
        {
            new SpecFile("/specs/hooks.openapi.yaml", Spec31, new Dictionary<string, string> { ["AitronosWebhooks"] = "true" }),
        });

        Assert.Empty(with.CompilationProblems);
        Assert.DoesNotContain(with.GeneratorDiagnostics, d => d.Id == "ACG017");
        var types = TypeNames(with);
        Assert.Contains("PushEvent", types);
        Assert.Contains("Pusher", types);
        Assert.Contains("PushEventCommitsItem", types);

        // Leaving the webhooks out renames nothing: every type generated without them is generated alike with them
        // (the client and the JSON context, which lists the types, aside).
        foreach (GeneratedSourceResult source in without.Sources.Where(s => !s.HintName.EndsWith("Client.g.cs", System.StringComparison.Ordinal) && !s.HintName.EndsWith("JsonContext.g.cs", System.StringComparison.Ordinal)))
        {
            Assert.Equal(source.SourceText.ToString(), with.Sources.Single(s => s.HintName == source.HintName).SourceText.ToString());
        }
    }

    [Fact]
    public void X_webhooks_of_OpenAPI_3_0_are_webhooks_too()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/specs/hooks.openapi.json", Spec30) });

        Assert.Empty(run.CompilationProblems);
        var types = TypeNames(run);
        Assert.Contains("Repo", types);
        Assert.DoesNotContain("PushEvent", types);
        Assert.DoesNotContain("PushEventPusher", types);
        Diagnostic skipped = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ACG017");
        Assert.StartsWith("2 schema(s)", skipped.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(8, skipped.Location.GetLineSpan().StartLinePosition.Line + 1); // "x-webhooks"
    }

    [Fact]
    public void An_invalid_Webhooks_value_is_reported_and_leaves_them_out()
    {
        GeneratorRun run = GeneratorHarness.Run(new[]
        {
            new SpecFile("/specs/hooks.openapi.yaml", Spec31, new Dictionary<string, string> { ["AitronosWebhooks"] = "yes" }),
        });

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "ACG014" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("AitronosWebhooks", System.StringComparison.Ordinal));
        Assert.DoesNotContain("PushEvent", TypeNames(run));
    }

    private static HashSet<string> TypeNames(GeneratorRun run) =>
        run.OutputCompilation.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes())
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
            .Select(t => t.Identifier.Text)
            .ToHashSet();
}
