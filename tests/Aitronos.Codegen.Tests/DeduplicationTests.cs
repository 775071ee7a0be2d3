using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// Inline schemas of a shape generated before reuse that type (a component's shape wins): names stay stable, and
/// the shared types read and write JSON as the schemas say.
/// </summary>
public sealed class DeduplicationTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Dedupe, version: '1' }
        paths:
          /user:
            get:
              operationId: getUser
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [id, login]
                        properties:
                          id: { type: integer, format: int64 }
                          login: { type: string }
          /first:
            get:
              operationId: getFirst
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          name: { type: string }
                          meta:
                            type: object
                            properties:
                              tag: { type: string }
          /second:
            get:
              operationId: getSecond
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          name: { type: string }
                          meta:
                            type: object
                            properties:
                              tag: { type: string }
          /repo:
            get:
              operationId: getRepo
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/FullRepo' }
        components:
          schemas:
            User:
              type: object
              required: [id, login]
              properties:
                id: { type: integer, format: int64 }
                login: { type: string }
            Repo:
              type: object
              required: [id]
              properties:
                id: { type: integer, format: int64 }
                owner: { $ref: '#/components/schemas/User' }
            FullRepo:
              allOf:
                - $ref: '#/components/schemas/Repo'
                - type: object
                  properties:
                    stars: { type: integer }
                    owner_copy:
                      type: object
                      required: [id, login]
                      properties:
                        id: { type: integer, format: int64 }
                        login: { type: string }
        """;

    [Fact]
    public void AnInlineCopyOfAComponentIsTheComponent()
    {
        GeneratorRun run = Run(Spec);

        Assert.Empty(run.CompilationProblems);
        Assert.Contains("public global::System.Threading.Tasks.Task<User> GetUserAsync(", run.Source("DedupeClient.g.cs"));
        Assert.Contains("public User? OwnerCopy { get; init; }", run.Source(".FullRepo.g.cs"));
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("GetUserResponse", StringComparison.Ordinal) || s.HintName.Contains("OwnerCopy", StringComparison.Ordinal));
    }

    [Fact]
    public void IdenticalInlineShapesShareOneType()
    {
        GeneratorRun run = Run(Spec);
        string client = run.Source("DedupeClient.g.cs");

        Assert.Contains("Task<GetFirstResponse> GetFirstAsync(", client);
        Assert.Contains("Task<GetFirstResponse> GetSecondAsync(", client);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("GetSecond", StringComparison.Ordinal));
        Assert.Single(run.Sources, s => s.HintName.EndsWith(".GetFirstResponseMeta.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void NamesAreStableAndAnUnrelatedSchemaRenamesNothing()
    {
        string[] first = HintNames(Run(Spec));
        string[] again = HintNames(Run(Spec));
        Assert.Equal(first, again);

        // A new component with inline objects of new shapes, ahead of every existing schema. (A new schema that
        // inlines a copy of an existing inline shape ahead of its first user takes that shape's name: see the README.)
        string extended = Spec.Replace("\r\n", "\n").Replace(
            "  schemas:\n",
            "  schemas:\n"
            + "    Aardvark:\n"
            + "      type: object\n"
            + "      properties:\n"
            + "        nose: { type: object, properties: { length: { type: number } } }\n"
            + "        twin: { type: object, properties: { tag: { type: integer } } }\n");
        Assert.NotEqual(Spec, extended);
        GeneratorRun run = Run(extended);
        Assert.Empty(run.CompilationProblems);
        string[] after = HintNames(run);
        Assert.Empty(first.Except(after));
        Assert.Equal(new[] { "Aardvark", "AardvarkNose", "AardvarkTwin" }, after.Except(first).Select(TypeName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Consumer.User", """{"id":9007199254740993,"login":"octocat","site_admin":false}""")]
    [InlineData("Consumer.GetFirstResponse", """{"name":"a","meta":{"tag":"t","extra":[1,2]}}""")]
    [InlineData("Consumer.FullRepo", """{"id":1,"owner":{"id":2,"login":"o"},"stars":3,"owner_copy":{"id":4,"login":"c"},"unknown":{"x":null}}""")]
    public void SharedTypesRoundTripTheirJson(string typeName, string json)
    {
        GeneratorRun run = Run(Spec);
        Assert.Empty(run.CompilationProblems);
        var context = new AssemblyLoadContext(nameof(SharedTypesRoundTripTheirJson), isCollectible: true);
        try
        {
            using var image = new MemoryStream();
            var emitted = run.OutputCompilation.Emit(image);
            Assert.True(emitted.Success, GeneratorHarness.Format(emitted.Diagnostics));
            image.Position = 0;
            Assembly assembly = context.LoadFromStream(image);
            var options = (JsonSerializerOptions)assembly.GetType("Consumer.DedupeJsonContext")!.GetProperty("Options")!.GetValue(null)!;
            Type type = assembly.GetType(typeName, throwOnError: true)!;

            object value = JsonSerializer.Deserialize(json, type, options)!;
            string written = JsonSerializer.Serialize(value, type, options);

            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"{typeName} wrote {written} after reading {json}");
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void EnumsOfOnePropertyNameWhoseValuesContainEachOtherAreOneOpenEnum()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Dedupe, version: '1' }
            paths: {}
            components:
              schemas:
                Author:
                  type: object
                  properties:
                    type: { type: string, enum: [Bot, User] }
                Assignee:
                  type: object
                  properties:
                    type: { type: string, enum: [Bot, User, Mannequin] }
                Owner:
                  type: object
                  properties:
                    type: { type: string, enum: [User] }
                Event:
                  type: object
                  properties:
                    type: { type: string, enum: [push, fork] }
            """;
        GeneratorRun run = Run(spec);

        Assert.Empty(run.CompilationProblems);
        // Components are read in name order: Assignee's enum comes first and serves Author and Owner too.
        Assert.Contains("public AssigneeType? Type { get; init; }", run.Source(".Author.g.cs"));
        Assert.Contains("public AssigneeType? Type { get; init; }", run.Source(".Owner.g.cs"));
        Assert.Contains("public EventType? Type { get; init; }", run.Source(".Event.g.cs"));
        string merged = run.Source(".AssigneeType.g.cs");
        foreach (string value in new[] { "Bot", "User", "Mannequin" })
        {
            Assert.Contains($"public static AssigneeType {value} {{ get; }} = new(\"{value}\");", merged);
        }

        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".AuthorType.g.cs", StringComparison.Ordinal) || s.HintName.EndsWith(".OwnerType.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void AWiderEnumSeenLaterWidensTheFirstInsteadOfStandingApart()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Dedupe, version: '1' }
            paths: {}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    state: { type: string, enum: [open] }
                B:
                  type: object
                  properties:
                    state: { type: string, enum: [open, closed] }
            """;
        GeneratorRun run = Run(spec);

        Assert.Empty(run.CompilationProblems);
        Assert.Contains("public AState? State { get; init; }", run.Source(".B.g.cs"));
        Assert.Contains("public static AState Closed { get; } = new(\"closed\");", run.Source(".AState.g.cs"));
        Assert.DoesNotContain(run.Sources, s => s.HintName.EndsWith(".BState.g.cs", StringComparison.Ordinal));
    }

    private static GeneratorRun Run(string text) => GeneratorHarness.Run(new[] { new SpecFile("/project/dedupe.openapi.yaml", text) });

    private static string[] HintNames(GeneratorRun run) => run.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    private static string TypeName(string hintName) => hintName.Split('.')[^3];
}
