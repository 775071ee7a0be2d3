using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Aitronos.Codegen.Runtime;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>Generated models with System.Text.Json through the generated, reflection-free <c>AitronosJsonContext</c>.</summary>
public sealed class ModelSerializationTests
{
    [Fact]
    public void TestConnectionRequest_round_trips_through_AitronosJsonContext()
    {
        using var configuration = JsonDocument.Parse("""{"host":"db.internal","port":5432}""");
        var original = new TestConnectionRequest
        {
            SourceId = "src_abc123",
            DestinationId = "dst_def456",
            Configurations = new Dictionary<string, JsonElement> { ["connection"] = configuration.RootElement.Clone() },
        };

        var json = JsonSerializer.Serialize(original, AitronosJsonContext.Default.TestConnectionRequest);
        var copy = Expect.NotNull(JsonSerializer.Deserialize(json, AitronosJsonContext.Default.TestConnectionRequest), "deserialized request");

        Expect.Equal("""{"source_id":"src_abc123","destination_id":"dst_def456","configurations":{"connection":{"host":"db.internal","port":5432}}}""",
            json, "serialized TestConnectionRequest");
        Expect.Equal(original.SourceId, copy.SourceId, "SourceId after the round trip");
        Expect.Equal(original.DestinationId, copy.DestinationId, "DestinationId after the round trip");
        var configurations = Expect.NotNull(copy.Configurations, "Configurations after the round trip");
        Expect.Equal("""{"host":"db.internal","port":5432}""", configurations["connection"].GetRawText(), "Configurations[\"connection\"] after the round trip");
        Expect.Null(copy.AdditionalProperties, "AdditionalProperties after the round trip of known fields only");
        Expect.Equal(json, JsonSerializer.Serialize(copy, AitronosJsonContext.Default.TestConnectionRequest), "JSON of the copy");
    }

    [Fact]
    public void TestConnectionRequest_with_only_the_required_field_serializes_without_optionals()
    {
        var json = JsonSerializer.Serialize(new TestConnectionRequest { SourceId = "src_abc123" }, AitronosJsonContext.Default.TestConnectionRequest);

        Expect.Equal("""{"source_id":"src_abc123"}""", json, "serialized TestConnectionRequest");
    }

    [Fact]
    public void Unknown_fields_survive_a_round_trip()
    {
        const string json = """{"source_id":"src_abc123","dry_run":true,"labels":["a"]}""";

        var request = Expect.NotNull(JsonSerializer.Deserialize(json, AitronosJsonContext.Default.TestConnectionRequest), "deserialized request");

        Expect.Equal(json, JsonSerializer.Serialize(request, AitronosJsonContext.Default.TestConnectionRequest), "JSON written back");
    }

    [Fact]
    public void Unknown_fields_are_kept_by_with_compared_printed_and_assignable_in_an_initializer()
    {
        const string json = """{"source_id":"src_abc123","dry_run":true}""";
        var request = Expect.NotNull(JsonSerializer.Deserialize(json, AitronosJsonContext.Default.TestConnectionRequest), "deserialized request");

        var renamed = request with { SourceId = "src_other" };
        var same = request with { };

        Expect.True(ReferenceEquals(request.AdditionalProperties, renamed.AdditionalProperties), "with keeps AdditionalProperties");
        Expect.Equal("""{"source_id":"src_other","dry_run":true}""", JsonSerializer.Serialize(renamed, AitronosJsonContext.Default.TestConnectionRequest), "JSON of the with-copy");
        Expect.True(request == same, "a with-copy that changes nothing equals the original");
        Expect.True(request != (request with { AdditionalProperties = null }), "models differing in AdditionalProperties are not equal");
        Expect.Equal("""TestConnectionRequest { "source_id":"src_abc123","dry_run":true }""", request.ToString(), "ToString");

        var made = new TestConnectionRequest { SourceId = "src_1", AdditionalProperties = request.AdditionalProperties };
        Expect.Equal("""{"source_id":"src_1","dry_run":true}""", JsonSerializer.Serialize(made, AitronosJsonContext.Default.TestConnectionRequest), "JSON of a model given AdditionalProperties");
    }

    [Fact]
    public void Deserializing_without_the_required_field_reports_it_and_strict_reading_throws()
    {
        const string json = """{"destination_id":"dst_1"}""";
        var request = Expect.NotNull(JsonSerializer.Deserialize(json, AitronosJsonContext.Default.TestConnectionRequest), "leniently read request");
        var problem = Expect.NotNull(request.JsonReadProblems.SingleOrDefault(), "the one problem reported");
        Expect.Equal(JsonReadProblemKind.Missing, problem.Kind, "JsonReadProblem.Kind");
        Expect.Equal("source_id", problem.PropertyName, "JsonReadProblem.PropertyName");
        Expect.Equal(json, JsonSerializer.Serialize(request, AitronosJsonContext.Default.TestConnectionRequest), "JSON written back");

        Exception? exception;
        using (JsonReading.Use(JsonReadMode.Strict))
        {
            exception = Record.Exception(() => JsonSerializer.Deserialize(json, AitronosJsonContext.Default.TestConnectionRequest));
        }

        Expect.True(exception is JsonException, $"Expected a JsonException for a missing source_id when reading strictly, but got {exception?.GetType().Name ?? "no exception"}.");
        Expect.Contains("source_id", exception!.Message, "JsonException message (should name the missing property)");
    }
}
