using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// The client writes request bodies and reads responses of generated types by the types' own code, without
/// <see cref="JsonSerializer"/>'s root path (<see cref="ApiTransport.SerializeJson{T}"/>, <see cref="ApiTransport.DeserializeJson{T}"/>).
/// What comes out must be what <see cref="JsonSerializer"/> gives: the same bytes, the same values, and, for JSON that
/// cannot be read, the same exception with the same message.
/// </summary>
public sealed class JsonRootPathTests
{
    private static readonly JsonTypeInfo<ConnectionStatus> StatusInfo =
        (JsonTypeInfo<ConnectionStatus>)AitronosJsonContext.Options.GetTypeInfo(typeof(ConnectionStatus));

    [Fact]
    public void A_body_is_written_as_the_serializer_writes_it()
    {
        using var configuration = JsonDocument.Parse("""{"host":"db.internal","port":5432,"tags":["a","\u00e9"]}""");
        var request = new TestConnectionRequest
        {
            SourceId = "src_<abc>&\"1\"",
            DestinationId = "dst_\u2028",
            Configurations = new Dictionary<string, JsonElement> { ["connection"] = configuration.RootElement.Clone() },
        };

        SameBytes(request, AitronosJsonContext.Default.TestConnectionRequest, "a model with escaped text and a nested object");
        SameBytes(new TestConnectionRequest { SourceId = "s" }, AitronosJsonContext.Default.TestConnectionRequest, "a model with only its required property");
        SameBytes<TestConnectionRequest>(null!, AitronosJsonContext.Default.TestConnectionRequest, "null");
        SameBytes(ConnectionStatus.Active, StatusInfo, "an enum value");
        SameBytes(new ConnectionStatus("paused"), StatusInfo, "an enum value the spec does not list");
        SameBytes([new Connection { ConnectionId = "c1" }, new Connection { ConnectionId = "c2", Name = "two" }], AitronosJsonContext.Default.ConnectionList, "a list of models");
    }

    [Fact]
    public void A_model_read_with_problems_or_unknown_properties_is_written_back_as_it_came()
    {
        const string drifted = """{"connection_id":42,"name":"x","extra":{"deep":[1,2,3]}}""";
        var connection = JsonSerializer.Deserialize(drifted, AitronosJsonContext.Default.Connection)!;

        Expect.True(connection.JsonReadProblems.Count > 0, "the drifted connection_id was not reported as a problem");
        SameBytes(connection, AitronosJsonContext.Default.Connection, "a model read with a problem");
        Expect.Equal(drifted, Encoding.UTF8.GetString(ApiTransport.SerializeJson(connection, AitronosJsonContext.Default.Connection)), "the drifted model written back");
    }

    [Fact]
    public void A_body_larger_than_the_kept_buffer_is_written_whole_and_the_next_one_is_not_mixed_with_it()
    {
        string big = new('x', 100_000);
        var large = new TestConnectionRequest { SourceId = big, DestinationId = "tail" };
        var small = new TestConnectionRequest { SourceId = "small" };

        SameBytes(large, AitronosJsonContext.Default.TestConnectionRequest, "a 100 KB body");
        SameBytes(small, AitronosJsonContext.Default.TestConnectionRequest, "a small body after a large one");
        SameBytes(large, AitronosJsonContext.Default.TestConnectionRequest, "the large body again");
    }

    [Fact]
    public void A_write_that_fails_midway_leaves_the_thread_writing_correctly()
    {
        var broken = new TestConnectionRequest
        {
            SourceId = "src",
            Configurations = new Dictionary<string, JsonElement> { ["gone"] = Disposed() },
        };

        var serializer = Assert.ThrowsAny<Exception>(() => JsonSerializer.SerializeToUtf8Bytes(broken, AitronosJsonContext.Default.TestConnectionRequest));
        var ours = Assert.ThrowsAny<Exception>(() => ApiTransport.SerializeJson(broken, AitronosJsonContext.Default.TestConnectionRequest));
        Expect.Equal(serializer.GetType(), ours.GetType(), "exception type of a body that cannot be written");
        Expect.Equal(serializer.Message, ours.Message, "message of a body that cannot be written");

        SameBytes(new TestConnectionRequest { SourceId = "after", DestinationId = "failure" }, AitronosJsonContext.Default.TestConnectionRequest, "the next body on the thread");
    }

    [Fact]
    public void Bodies_written_on_many_threads_at_once_are_each_their_own()
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var request = new TestConnectionRequest { SourceId = "src_" + i, DestinationId = new string('d', i % 50 == 0 ? 5_000 : i % 7) };
            string expected = JsonSerializer.Serialize(request, AitronosJsonContext.Default.TestConnectionRequest);
            string actual = Encoding.UTF8.GetString(ApiTransport.SerializeJson(request, AitronosJsonContext.Default.TestConnectionRequest));
            if (expected != actual)
            {
                failures.Add($"{i}: {actual}");
            }
        });

        Expect.Sequence([], failures.Take(5), "bodies that differ from the serializer's");
    }

    [Fact]
    public void An_indented_body_is_left_to_the_serializer_and_comes_out_indented()
    {
        var options = new JsonSerializerOptions(AitronosJsonContext.Options) { WriteIndented = true };
        var info = (JsonTypeInfo<TestConnectionRequest>)options.GetTypeInfo(typeof(TestConnectionRequest));

        SameBytes(new TestConnectionRequest { SourceId = "s", DestinationId = "d" }, info, "an indented body");
        Expect.Contains("\n", Encoding.UTF8.GetString(ApiTransport.SerializeJson(new TestConnectionRequest { SourceId = "s" }, info)), "the indented body");
    }

    [Fact]
    public void A_response_is_read_as_the_serializer_reads_it()
    {
        SameRead(""" {"connection_id":"c1","name":"one","status":"active","unknown":[1,{"a":null}]} """, AitronosJsonContext.Default.Connection, "a model with white space around it and an unknown property");
        SameRead("""{"connection_id":7,"status":3}""", AitronosJsonContext.Default.Connection, "a model that breaks its schema (read leniently)");
        SameRead("""[{"connection_id":"c1"},{"connection_id":"c2"}]""", AitronosJsonContext.Default.ConnectionList, "a list of models");
        SameRead("\"inactive\"", StatusInfo, "an enum value");
        SameRead("\"paused\"", StatusInfo, "an enum value the spec does not list");
    }

    [Theory]
    [InlineData("", "no JSON at all")]
    [InlineData("   ", "white space only")]
    [InlineData("""{"connection_id":"c1"} x""", "a value and then text")]
    [InlineData("""{"connection_id":"c1"} {"connection_id":"c2"}""", "two values")]
    [InlineData("""{"connection_id":"c1",""", "a value cut short")]
    [InlineData("""{"connection_id":"c1",}""", "a trailing comma, not allowed by the options")]
    [InlineData("""{"connection_id":"c1"} // note""", "a comment, not allowed by the options")]
    [InlineData("""{"connection_id":"c1","name":"\u00""", "a broken escape")]
    [InlineData("[1]", "an array where an object is expected")]
    [InlineData("null", "null where a model is expected")]
    [InlineData("42", "a number where a model is expected")]
    public void A_response_that_cannot_be_read_fails_as_the_serializer_fails(string json, string what) =>
        SameRead(json, AitronosJsonContext.Default.Connection, what);

    [Theory]
    [InlineData("""[{"connection_id":"c1"},{"connection_id":2},{"name":"no id"}]""", "items that break their schema (read leniently)")]
    [InlineData("""[{"connection_id":"c1"},5]""", "an item of another kind")]
    [InlineData("""[{"connection_id":"c1"}] x""", "a list and then text")]
    [InlineData("""[{"connection_id":"c1"}""", "a list cut short")]
    [InlineData("""{"connection_id":"c1"}""", "an object where a list is expected")]
    [InlineData("null", "null where a list is expected")]
    public void A_list_response_is_read_or_fails_as_the_serializer_reads_or_fails(string json, string what) =>
        SameRead(json, AitronosJsonContext.Default.ConnectionList, what);

    [Theory]
    [InlineData("""{"a":1,"b":[true,{"c":null}]}""", "a map of JSON values")]
    [InlineData("""[1]""", "an array where a map is expected")]
    [InlineData("""{"a":1} {}""", "a map and then another value")]
    public void A_map_response_is_read_or_fails_as_the_serializer_reads_or_fails(string json, string what) =>
        SameRead(json, AitronosJsonContext.Default.JsonElementMap, what);

    [Fact]
    public void A_strict_read_of_a_response_that_breaks_its_schema_fails_as_the_serializer_fails()
    {
        using (JsonReading.Use(JsonReadMode.Strict))
        {
            SameRead("""{"connection_id":7}""", AitronosJsonContext.Default.Connection, "a strict read of a mistyped property");
            SameRead("""{"name":"no id"}""", AitronosJsonContext.Default.Connection, "a strict read without a required property");
        }
    }

    [Fact]
    public void A_nested_value_too_deep_for_the_options_fails_as_the_serializer_fails()
    {
        string deep = "{\"connection_id\":\"c\",\"extra\":" + string.Concat(Enumerable.Repeat("[", 80)) + string.Concat(Enumerable.Repeat("]", 80)) + "}";
        SameRead(deep, AitronosJsonContext.Default.Connection, "JSON nested deeper than the default maximum depth of 64");
    }

    private static JsonElement Disposed()
    {
        var document = JsonDocument.Parse("""{"a":1}""");
        JsonElement element = document.RootElement;
        document.Dispose();
        return element;
    }

    private static void SameBytes<T>(T value, JsonTypeInfo<T> info, string what)
    {
        byte[] expected = JsonSerializer.SerializeToUtf8Bytes(value, info);
        byte[] actual = ApiTransport.SerializeJson(value, info);
        Expect.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual), "bytes written for " + what);
    }

    private static void SameRead<T>(string json, JsonTypeInfo<T> info, string what)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        (T? Value, Exception? Error) expected = Outcome(() => JsonSerializer.Deserialize(utf8, info));
        (T? Value, Exception? Error) actual = Outcome(() => ApiTransport.DeserializeJson(utf8, info));
        if (expected.Error is not null || actual.Error is not null)
        {
            Expect.Equal(expected.Error?.GetType(), actual.Error?.GetType(), "exception type for " + what);
            Expect.Equal(expected.Error?.Message, actual.Error?.Message, "exception message for " + what);
            return;
        }

        // Values compare by their JSON and their problems: lists have reference equality, and the unknown properties
        // two reads keep are elements of two documents.
        Expect.Equal(JsonSerializer.Serialize(expected.Value!, info), JsonSerializer.Serialize(actual.Value!, info), "value read from " + what);
        if (expected.Value is JsonModel model)
        {
            Expect.Sequence(model.JsonReadProblems.Select(p => p.Message), ((JsonModel)(object)actual.Value!).JsonReadProblems.Select(p => p.Message), "problems read from " + what);
        }
    }

    private static (T? Value, Exception? Error) Outcome<T>(Func<T?> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception exception)
        {
            return (default, exception);
        }
    }
}
