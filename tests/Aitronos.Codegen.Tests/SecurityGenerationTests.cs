using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>How security schemes and requirements become code, beyond the snapshots.</summary>
public sealed class SecurityGenerationTests
{
    [Fact]
    public void HostileSchemeNamesAndScopesCompileCleanly()
    {
        const string spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "T", "version": "1" },
              "servers": [ { "url": "https://t.example" } ],
              "components": { "securitySchemes": {
                "k\"); System.Environment.Exit(1); //\n*/": { "type": "apiKey", "in": "header", "name": "X-\"A\"" },
                "class": { "type": "apiKey", "in": "query", "name": "k\\u0000" },
                "o</summary>": { "type": "oauth2", "flows": { "clientCredentials": { "tokenUrl": "https://t.example/\"token", "scopes": {} } } }
              } },
              "paths": { "/a": { "get": {
                "security": [ { "k\"); System.Environment.Exit(1); //\n*/": [], "class": [] }, { "o</summary>": [ "a\"b", "c\\d\n//" ] } ],
                "responses": { "204": { "description": "ok" } }
              } } }
            }
            """;

        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/hostile-security.openapi.json", spec) });

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        IReadOnlyList<Diagnostic> problems = run.CompilationProblems;
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + GeneratorHarness.Format(problems.Take(20)));
        string client = run.Sources.Single(s => s.HintName.EndsWith("HostileSecurityClient.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
        // The name reaches the code only inside doc comments, escaped string literals and sanitized line comments.
        Assert.All(
            client.Split('\n').Where(line => line.Contains("Exit(1)", System.StringComparison.Ordinal)),
            line => Assert.True(line.TrimStart().StartsWith("///", System.StringComparison.Ordinal) || line.Contains("k\\\"); System", System.StringComparison.Ordinal) || line.Contains("// k__", System.StringComparison.Ordinal), line));
    }

    [Fact]
    public void KeyAndBearerAlternativesInTheOtherOrderAreNotFlagsWhichAlwaysPreferTheKey()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers: [{url: 'https://t.example'}]
            components:
              securitySchemes:
                key: {type: apiKey, in: header, name: X-Key}
                token: {type: http, scheme: bearer}
            paths:
              /a:
                get:
                  security: [{token: []}, {key: []}]
                  responses: {'204': {description: ok}}
              /b:
                get:
                  security: [{key: []}, {token: []}]
                  responses: {'204': {description: ok}}
            """;

        string client = GenerateClient("order.openapi.yaml", spec);

        Assert.Contains("s_security0 = new(2, 1); // token, or key", client);
        Assert.Contains("s_security1 = new(1, 2); // key, or token", client);
        Assert.DoesNotContain("ApiAuth.", client);
    }

    [Fact]
    public void Swagger2BasicAndApplicationFlowBecomeBasicAndClientCredentials()
    {
        const string spec = """
            swagger: '2.0'
            info: {title: T, version: '1'}
            host: t.example
            schemes: [https]
            securityDefinitions:
              account: {type: basic}
              machine: {type: oauth2, flow: application, tokenUrl: 'https://t.example/token', scopes: {read: Read}}
            security: [{account: []}, {machine: [read]}]
            paths:
              /a:
                get:
                  responses: {'204': {description: ok}}
            """;

        string client = GenerateClient("legacy.openapi.yaml", spec);

        Assert.Contains("new AcgRuntime.BasicSecurity(null, null, \"account\")", client);
        Assert.Contains("new AcgRuntime.OAuth2ClientCredentialsSecurity(\"https://t.example/token\", null, null, \"machine\")", client);
        Assert.Contains(".WithScopes(1, \"read\"); // account, or machine", client);
    }

    private static string GenerateClient(string fileName, string spec)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/" + fileName, spec) });
        IReadOnlyList<Diagnostic> problems = run.CompilationProblems;
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + GeneratorHarness.Format(problems.Take(20)));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ACG012");
        return run.Sources.Single(s => s.HintName.EndsWith("Client.g.cs", System.StringComparison.Ordinal)).SourceText.ToString();
    }
}
