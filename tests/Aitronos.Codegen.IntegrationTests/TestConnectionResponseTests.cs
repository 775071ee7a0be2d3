using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>How <c>TestConnectionAsync</c> reads a successful response.</summary>
public sealed class TestConnectionResponseTests
{
    [Fact]
    public async Task Maps_the_documented_200_body_to_TestConnectionResult()
    {
        await using var server = await TestApi.RespondWith(200, TestApi.TestConnectionSucceeded);
        using var client = TestApi.Client(server);

        var result = await client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest { SourceId = "src_abc123" });

        Expect.Equal("succeeded", result.Status, "TestConnectionResult.Status");
        Expect.Equal("Connection test passed", result.Message, "TestConnectionResult.Message");
        Expect.Null(result.AdditionalProperties, "TestConnectionResult.AdditionalProperties when the body has only known fields");
    }

    [Fact]
    public async Task Keeps_fields_the_spec_does_not_name_in_AdditionalProperties()
    {
        const string body = """{"status":"succeeded","message":"Connection test passed","latency_ms":42,"checks":[{"name":"dns","ok":true}]}""";
        await using var server = await TestApi.RespondWith(200, body);
        using var client = TestApi.Client(server);

        var result = await client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest { SourceId = "src_abc123" });

        Expect.Equal("succeeded", result.Status, "TestConnectionResult.Status next to unknown fields");
        var extra = Expect.NotNull(result.AdditionalProperties, "TestConnectionResult.AdditionalProperties with unknown fields in the body");
        Expect.Equal(2, extra.Count, "number of unknown fields kept (latency_ms, checks)");
        Expect.True(extra.TryGetValue("latency_ms", out var latency), "AdditionalProperties lacks \"latency_ms\".");
        Expect.Equal(42, latency.GetInt32(), "AdditionalProperties[\"latency_ms\"]");
        Expect.True(extra.TryGetValue("checks", out var checks), "AdditionalProperties lacks \"checks\".");
        Expect.Equal("""[{"name":"dns","ok":true}]""", checks.GetRawText(), "AdditionalProperties[\"checks\"] as raw JSON");
    }

    [Fact]
    public async Task A_200_body_without_the_required_status_is_read_with_the_problem_reported()
    {
        const string body = """{"message":"Connection test passed"}""";
        await using var server = await TestApi.RespondWith(200, body);
        using var client = TestApi.Client(server);

        var result = await client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest { SourceId = "src_abc123" });

        Expect.Equal("Connection test passed", result.Message, "TestConnectionResult.Message beside the missing status");
        var problem = Expect.NotNull(result.JsonReadProblems.SingleOrDefault(), "the one problem reported");
        Expect.Equal("TestConnectionResult.status: the required property is missing.", problem.Message, "JsonReadProblem.Message");
    }

    [Fact]
    public async Task A_200_body_without_the_required_status_gives_ApiResponseFormatException_with_the_raw_body_when_reading_strictly()
    {
        const string body = """{"message":"Connection test passed"}""";
        await using var server = await TestApi.RespondWith(200, body);
        using var client = TestApi.Client(server);
        using var strict = JsonReading.Use(JsonReadMode.Strict);

        var exception = await Expect.ThrowsAsync<ApiResponseFormatException>(
            () => client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest { SourceId = "src_abc123" }),
            "a 200 response lacking the required 'status', read strictly");

        Expect.Equal(200, exception.StatusCode, "ApiResponseFormatException.StatusCode");
        Expect.Equal(body, exception.RawBody, "ApiResponseFormatException.RawBody");
        Expect.Contains("status: the required property is missing", exception.Message, "ApiResponseFormatException.Message (should name the missing property)");
        Expect.True(exception.InnerException is JsonException,
            $"ApiResponseFormatException.InnerException should be the JsonException, but was {exception.InnerException?.GetType().Name ?? "null"}.");
    }

    [Fact]
    public async Task A_200_body_of_json_null_gives_ApiResponseFormatException_not_a_null_result()
    {
        // TestConnectionAsync returns Task<TestConnectionResult>, not Task<TestConnectionResult?>: the schema is not nullable.
        await using var server = await TestApi.RespondWith(200, "null");
        using var client = TestApi.Client(server);

        var exception = await Expect.ThrowsAsync<ApiResponseFormatException>(
            async () =>
            {
                var result = await client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest { SourceId = "src_abc123" });
                Expect.True(result is not null, "TestConnectionAsync returned null for a JSON null body, though its result type is not nullable.");
            },
            "a 200 response whose body is the JSON literal null");

        Expect.Equal("null", exception.RawBody, "ApiResponseFormatException.RawBody");
    }
}
