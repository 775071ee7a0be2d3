using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Tests.Infrastructure;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// A response that drifts from its schema (a required property left out, a value of the wrong JSON kind, null where
/// a value is required) keeps every other field, names what was wrong in <see cref="JsonModel.JsonReadProblems"/>,
/// and writes back exactly what came. Strict reading throws instead.
/// </summary>
public sealed class LenientReadingTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Drift, version: '1' }
        paths: {}
        components:
          schemas:
            User:
              type: object
              required: [login, type]
              properties:
                login: { type: string }
                type: { type: string }
            Repo:
              type: object
              required: [id, name, owner, topics]
              properties:
                id: { type: integer }
                name: { type: string }
                owner: { $ref: '#/components/schemas/User' }
                topics: { type: array, items: { type: string } }
                stars: { type: integer, format: int32 }
                pushed_at: { type: string, format: date-time }
                score: { type: number }
                private: { type: boolean }
                sizes: { type: array, items: { type: integer } }
            Profile:
              type: object
              required: [login]
              properties:
                login: { type: string }
                bio: { type: string }
                age: { type: integer, format: int32 }
        """;

    private static readonly Lazy<(Assembly Assembly, JsonSerializerOptions Options)> Generated = new(Compile);

    [Fact]
    public void A_missing_required_property_is_reported_and_the_rest_is_read()
    {
        const string json = """{"id":5000000000,"owner":{"login":"octocat","type":"User"},"topics":["a"],"stars":3,"pushed_at":"2011-01-26T19:01:12Z"}""";
        var repo = Read("Repo", json);

        Assert.Equal(5000000000L, Get(repo, "Id"));
        Assert.Equal(3, Get(repo, "Stars"));
        Assert.Null(Get(repo, "Name"));
        JsonReadProblem problem = Assert.Single(repo.JsonReadProblems);
        Assert.Equal((JsonReadProblemKind.Missing, "Repo", "name", (JsonElement?)null), (problem.Kind, problem.TypeName, problem.PropertyName, problem.Value));
        Assert.Equal("Repo.name: the required property is missing.", problem.ToString());
        AssertWritesBack(repo, json);
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_kept_as_it_came_and_the_rest_is_read()
    {
        const string json = """{"id":"not a number","name":"hello","owner":["an","array"],"topics":["a",7,"c"],"stars":99999999999,"pushed_at":"yesterday","extra":true}""";
        var repo = Read("Repo", json);

        Assert.Equal("hello", Get(repo, "Name"));
        Assert.Equal(new[] { "id", "owner", "topics", "stars", "pushed_at" }, repo.JsonReadProblems.Select(p => p.PropertyName));
        Assert.All(repo.JsonReadProblems, p => Assert.Equal(JsonReadProblemKind.WrongType, p.Kind));
        Assert.Equal("[\"a\",7,\"c\"]", repo.JsonReadProblems[2].Value!.Value.GetRawText());
        Assert.Equal("Repo.id: Expected a 64-bit integer but found a string.", repo.JsonReadProblems[0].Message);
        Assert.Equal(JsonValueKind.True, ((System.Collections.Generic.IReadOnlyDictionary<string, JsonElement>)Get(repo, "AdditionalProperties")!)["extra"].ValueKind);
        AssertWritesBack(repo, json);
    }

    [Fact]
    public void A_value_sent_in_another_form_is_read_as_its_value_reported_and_written_back_as_it_came()
    {
        // GitHub's dependabot alerts send epss.percentile as "0.16001e0": read as the number, it must not come back as 0.16001.
        const string json = """{"id":"5000000000","name":"n","owner":{"login":"a","type":"b"},"topics":[],"score":"0.16001e0","private":"true","sizes":[1,"2"],"pushed_at":"2011-01-26 19:01:12","stars":7}""";
        var repo = Read("Repo", json);

        Assert.Equal(5000000000L, Get(repo, "Id"));
        Assert.Equal(0.16001, Get(repo, "Score"));
        Assert.Equal(true, Get(repo, "Private"));
        Assert.Equal(new long[] { 1, 2 }, ((System.Collections.Generic.IEnumerable<long>)Get(repo, "Sizes")!).ToArray());
        Assert.Equal(new DateTimeOffset(2011, 1, 26, 19, 1, 12, TimeSpan.Zero), Get(repo, "PushedAt"));
        Assert.Equal(7, Get(repo, "Stars"));
        Assert.Equal(
            new[]
            {
                "Repo.id: an integer came as a JSON string; read as its value, written back as it came.",
                "Repo.score: a number came as a JSON string; read as its value, written back as it came.",
                "Repo.private: a boolean came as a JSON string; read as its value, written back as it came.",
                "Repo.sizes: an integer came as a JSON string; read as its value, written back as it came.",
                "Repo.pushed_at: a date-time came in another form than RFC 3339; read as its value, written back as it came.",
            },
            repo.JsonReadProblems.Select(p => p.Message));
        Assert.All(repo.JsonReadProblems, p => Assert.Equal(JsonReadProblemKind.Converted, p.Kind));
        Assert.Equal("\"0.16001e0\"", repo.JsonReadProblems[1].Value?.GetRawText());
        AssertWritesBack(repo, json);

        var (assembly, options) = Generated.Value;
        using (JsonReading.Use(JsonReadMode.Strict))
        {
            var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, assembly.GetType("Consumer.Repo", throwOnError: true)!, options));
            Assert.Contains("Repo.score: a number came as a JSON string", error.Message, StringComparison.Ordinal);
        }

        // The same values in their own form read with no problem.
        Assert.Empty(Read("Repo", """{"id":5000000000,"name":"n","owner":{"login":"a","type":"b"},"topics":[],"score":0.16001,"private":true,"sizes":[1,2],"pushed_at":"2011-01-26T19:01:12Z"}""").JsonReadProblems);
    }

    [Fact]
    public void Problems_inside_nested_models_are_reported_by_the_model_that_holds_them_too()
    {
        const string json = """{"id":1,"name":"n","owner":{"login":null},"topics":[]}""";
        var repo = Read("Repo", json);
        var owner = (JsonModel)Get(repo, "Owner")!;

        Assert.Equal(new[] { "User.login: null where the schema requires a value.", "User.type: the required property is missing." }, owner.JsonReadProblems.Select(p => p.Message));
        Assert.Equal(owner.JsonReadProblems, repo.JsonReadProblems);
        AssertWritesBack(repo, json);
    }

    [Fact]
    public void What_reading_found_takes_no_part_in_equality_and_stays_with_the_original_on_with()
    {
        var (assembly, options) = Generated.Value;
        var read = Read("User", """{"login":"octocat"}""");
        Type type = assembly.GetType("Consumer.User", throwOnError: true)!;
        var made = (JsonModel)Activator.CreateInstance(type)!;
        type.GetProperty("Login")!.SetValue(made, "octocat");

        Assert.Equal(made, read);
        Assert.Equal(made.GetHashCode(), read.GetHashCode());
        Assert.Empty(made.JsonReadProblems);

        // A copy is a new value: it writes its properties (the missing required string as null), the original what came.
        var clone = (JsonModel)type.GetMethod("<Clone>$")!.Invoke(read, null)!;
        Assert.Empty(clone.JsonReadProblems);
        Assert.Equal("""{"login":"octocat","type":null}""", JsonSerializer.Serialize(clone, type, options));
        Assert.Equal("""{"login":"octocat"}""", JsonSerializer.Serialize(read, type, options));
    }

    [Fact]
    public void An_optional_property_that_came_as_null_is_written_back_as_null_not_left_out()
    {
        var (assembly, options) = Generated.Value;
        const string json = """{"id":1,"name":"n","owner":{"login":"a","type":"b"},"topics":[],"stars":null,"pushed_at":null}""";
        var repo = Read("Repo", json);

        Assert.Empty(repo.JsonReadProblems);
        Assert.Null(Get(repo, "Stars"));
        AssertWritesBack(repo, json);

        // A copy is a new value: null optional properties are left out, as in a model made in code.
        Type type = assembly.GetType("Consumer.Repo", throwOnError: true)!;
        var clone = (JsonModel)type.GetMethod("<Clone>$")!.Invoke(repo, null)!;
        Assert.Equal("""{"id":1,"name":"n","owner":{"login":"a","type":"b"},"topics":[]}""", JsonSerializer.Serialize(clone, type, options));
    }

    [Fact]
    public void Only_a_model_with_optional_properties_keeps_the_nulls_it_read_inline_and_they_are_not_part_of_its_value()
    {
        var (assembly, options) = Generated.Value;
        Type repoType = assembly.GetType("Consumer.Repo", throwOnError: true)!;
        Type userType = assembly.GetType("Consumer.User", throwOnError: true)!;

        // User's properties are all required: nothing read as null is kept beside them, so it has no field for it.
        Assert.Equal(typeof(JsonModelWithOptionals), repoType.BaseType);
        Assert.Equal(typeof(JsonModel), userType.BaseType);
        Assert.DoesNotContain(typeof(JsonModel).GetFields(BindingFlags.Instance | BindingFlags.NonPublic), f => f.FieldType == typeof(ulong));

        // The nulls read are written back, and take no part in equality or the hash code.
        Type profileType = assembly.GetType("Consumer.Profile", throwOnError: true)!;
        const string withNulls = """{"login":"a","bio":null,"age":null}""";
        const string without = """{"login":"a"}""";
        JsonModel a = Read("Profile", withNulls), b = Read("Profile", without);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(withNulls, JsonSerializer.Serialize(a, profileType, options));
        Assert.Equal(without, JsonSerializer.Serialize(b, profileType, options));
    }

    [Fact]
    public void Strict_reading_throws_naming_every_problem_and_the_default_mode_is_lenient()
    {
        var (assembly, options) = Generated.Value;
        Type type = assembly.GetType("Consumer.Repo", throwOnError: true)!;
        const string json = """{"id":"x","owner":{"login":"a"},"topics":[]}""";
        Assert.Equal(JsonReadMode.Lenient, JsonReading.Mode);

        using (JsonReading.Use(JsonReadMode.Strict))
        {
            var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, type, options));
            Assert.Equal(
                "The JSON for Repo breaks its schema (strict reading): Repo.id: Expected a 64-bit integer but found a string. User.type: the required property is missing. Repo.name: the required property is missing.",
                error.Message);
        }

        Assert.Equal(3, Read("Repo", json).JsonReadProblems.Count);
    }

    [Fact]
    public void Malformed_JSON_still_throws()
    {
        var (assembly, options) = Generated.Value;
        Type type = assembly.GetType("Consumer.Repo", throwOnError: true)!;
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"id":1,"name":"n","owner":{"login":"a","type":"b"},"topics":[1 2]}""", type, options));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""["not","an","object"]""", type, options));
    }

    private static JsonModel Read(string typeName, string json)
    {
        var (assembly, options) = Generated.Value;
        return (JsonModel)JsonSerializer.Deserialize(json, assembly.GetType("Consumer." + typeName, throwOnError: true)!, options)!;
    }

    private static object? Get(object model, string property) => model.GetType().GetProperty(property)!.GetValue(model);

    private static void AssertWritesBack(JsonModel model, string json)
    {
        string written = JsonSerializer.Serialize(model, model.GetType(), Generated.Value.Options);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), "written back: " + written);
    }

    private static (Assembly, JsonSerializerOptions) Compile() => GeneratedAssembly.CompileAndLoad(new SpecFile("/project/drift.openapi.yaml", Spec), "DriftJsonContext");
}
