using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Tests.Infrastructure;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// Models read JSON in a constructor that sets each property as it comes; the runtime's name table records which
/// came and checks the required ones, also past 64 properties (more than one word of its bit set).
/// </summary>
public sealed class ReadingConstructorTests
{
    private static readonly string Spec = BuildSpec();

    [Fact]
    public void A_wide_model_round_trips()
    {
        string json = FullJson();
        WithOptions((type, options) =>
        {
            object value = JsonSerializer.Deserialize(json, type, options)!;
            string written = JsonSerializer.Serialize(value, type, options);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), written);
        });
    }

    [Fact]
    public void ToString_prints_the_type_and_its_JSON_members()
    {
        WithOptions((type, options) =>
        {
            object value = JsonSerializer.Deserialize("{\"p1\":\"a\",\"p66\":66,\"p68\":null}", type, options)!;
            Assert.Equal("Wide { \"p1\":\"a\",\"p66\":66,\"p68\":null }", value.ToString());
        });
    }

    [Fact]
    public void Every_missing_required_property_is_named_in_one_error_when_reading_strictly()
    {
        JsonObject json = JsonNode.Parse(FullJson())!.AsObject();
        json.Remove("p1");
        json.Remove("p66");
        WithOptions((type, options) =>
        {
            using (JsonReading.Use(JsonReadMode.Strict))
            {
                var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json.ToJsonString(), type, options));
                Assert.Contains("Wide.p1: the required property is missing. Wide.p66: the required property is missing.", error.Message, StringComparison.Ordinal);
            }

            var read = (JsonModel)JsonSerializer.Deserialize(json.ToJsonString(), type, options)!;
            Assert.Equal(new[] { "p1", "p66" }, read.JsonReadProblems.Select(p => p.PropertyName));
            Assert.All(read.JsonReadProblems, p => Assert.Equal(JsonReadProblemKind.Missing, p.Kind));
        });
    }

    [Fact]
    public void A_required_nullable_property_may_be_null_but_not_absent()
    {
        JsonObject json = JsonNode.Parse(FullJson())!.AsObject();
        json["p68"] = null;
        WithOptions((type, options) =>
        {
            var value = (JsonModel)JsonSerializer.Deserialize(json.ToJsonString(), type, options)!;
            Assert.Null(type.GetProperty("P68")!.GetValue(value));
            Assert.Empty(value.JsonReadProblems);
            json.Remove("p68");
            var absent = (JsonModel)JsonSerializer.Deserialize(json.ToJsonString(), type, options)!;
            Assert.Equal("Wide.p68: the required property is missing.", Assert.Single(absent.JsonReadProblems).Message);
        });
    }

    [Fact]
    public void Null_for_a_required_property_that_is_not_nullable_is_reported_and_written_back()
    {
        JsonObject json = JsonNode.Parse(FullJson())!.AsObject();
        json["p66"] = null;
        WithOptions((type, options) =>
        {
            var value = (JsonModel)JsonSerializer.Deserialize(json.ToJsonString(), type, options)!;
            JsonReadProblem problem = Assert.Single(value.JsonReadProblems);
            Assert.Equal(JsonReadProblemKind.Null, problem.Kind);
            Assert.Equal(JsonValueKind.Null, problem.Value!.Value.ValueKind);
            Assert.True(JsonNode.DeepEquals(json, JsonNode.Parse(JsonSerializer.Serialize(value, type, options))));
            using (JsonReading.Use(JsonReadMode.Strict))
            {
                Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json.ToJsonString(), type, options));
            }
        });
    }

    [Fact]
    public void Users_still_create_models_with_object_initializers_and_with()
    {
        const string user = """
            namespace Consumer
            {
                public static class Program
                {
                    public static void Main()
                    {
                        var wide = new Wide { P1 = "a", P66 = 66, P68 = null };
                        Wide other = wide with { P2 = "b" };
                        System.Console.WriteLine(other.P2);
                    }
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/wide.openapi.yaml", Spec) }, GeneratorHarness.CreateCompilation(user));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void The_tests_check_generated_code_with_the_nullable_warnings_consumers_builds_skip()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/wide.openapi.yaml", Spec) });
        string header = run.Source(".WideClient.g.cs");
        Assert.Contains("#nullable enable annotations\n#nullable disable warnings\n", header.Replace("\r\n", "\n"), StringComparison.Ordinal);

        // A nullability mistake in a file with that header: silent for consumers, reported by the tests' check.
        var sloppy = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            "#nullable enable annotations\n#nullable disable warnings\nnamespace Consumer { internal sealed class Sloppy { public string Name { get; } = null; } }",
            (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)run.OutputCompilation.SyntaxTrees.First().Options,
            "Sloppy.g.cs");
        var output = run.OutputCompilation.AddSyntaxTrees(sloppy);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id == "CS8625");
        Assert.Contains(GeneratorHarness.WithNullableWarnings(output, run.InputCompilation).GetDiagnostics(), d => d.Id == "CS8625");
    }

    private static void WithOptions(Action<Type, JsonSerializerOptions> test)
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/wide.openapi.yaml", Spec) });
        Assert.Empty(run.CompilationProblems);
        var context = new AssemblyLoadContext(nameof(ReadingConstructorTests), isCollectible: true);
        try
        {
            using var image = new MemoryStream();
            var emitted = run.OutputCompilation.Emit(image);
            Assert.True(emitted.Success, GeneratorHarness.Format(emitted.Diagnostics));
            image.Position = 0;
            Assembly assembly = context.LoadFromStream(image);
            var options = (JsonSerializerOptions)assembly.GetType("Consumer.WideJsonContext")!.GetProperty("Options")!.GetValue(null)!;
            test(assembly.GetType("Consumer.Wide", throwOnError: true)!, options);
        }
        finally
        {
            context.Unload();
        }
    }

    private static string BuildSpec()
    {
        var text = new StringBuilder("""
            openapi: 3.0.3
            info: { title: Wide, version: '1' }
            paths:
              /wide:
                get:
                  operationId: getWide
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Wide' }
            components:
              schemas:
                Wide:
                  type: object
                  required: [p1, p66, p68]
                  properties:

            """);
        for (int i = 0; i < 70; i++)
        {
            string schema = i == 66 ? "{ type: integer, format: int64 }" : i == 68 ? "{ type: string, nullable: true }" : "{ type: string }";
            text.Append("        p").Append(i).Append(": ").Append(schema).Append('\n');
        }

        return text.ToString();
    }

    private static string FullJson() =>
        "{" + string.Join(",", Enumerable.Range(0, 70).Select(i => i == 66 ? "\"p66\":66" : $"\"p{i}\":\"v{i}\"")) + "}";
}
