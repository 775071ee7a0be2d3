using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>Error responses to the generated client become typed exceptions carrying everything the server said.</summary>
public sealed class ErrorResponseTests
{
    /// <summary>The 4xx example of the test-connection page, byte for byte.</summary>
    private const string DocumentedEnvelope400 = """
        {
          "success": false,
          "error": {
            "code": "CONNECTOR_INVALID_CONFIG",
            "message": "The connector configuration is invalid.",
            "type": "client_error",
            "status": 400,
            "details": {},
            "trace_id": "abc-123-def",
            "timestamp": "2025-12-22T15:30:00Z"
          }
        }
        """;

    private const string FullEnvelope400 = """
        {"success":false,"error":{"code":"CONNECTOR_INVALID_CONFIG","message":"The connector configuration is invalid.",
         "system_message":"configurations.host: field required","type":"client_error","status":400,
         "details":{"field":"configurations.host","reasons":["missing"]},
         "trace_id":"abc-123-def","timestamp":"2025-12-22T15:30:00Z"}}
        """;

    [Fact]
    public async Task The_documented_400_envelope_gives_BadRequestException_with_every_field()
    {
        await using var server = await TestApi.RespondWith(400, DocumentedEnvelope400, response =>
        {
            response.Headers["x-request-id"] = "req_7f3a9c";
            response.Headers["freddy-api-version"] = "2025-12-01";
        });
        using var client = TestApi.Client(server);

        var exception = await TestConnectionFailsWith<BadRequestException>(client);

        Expect.Equal(400, exception.StatusCode, "StatusCode");
        Expect.Equal("CONNECTOR_INVALID_CONFIG", exception.Code, "Code");
        Expect.Equal("client_error", exception.ErrorType, "ErrorType");
        Expect.Contains("The connector configuration is invalid.", exception.Message, "Message (should carry the server's message)");
        Expect.Contains("CONNECTOR_INVALID_CONFIG", exception.Message, "Message (should carry the error code)");
        Expect.Null(exception.SystemMessage, "SystemMessage when the envelope has no system_message");
        var details = Expect.NotNull(exception.Details, "Details for \"details\": {}");
        Expect.Equal(JsonValueKind.Object, details.ValueKind, "Details kind");
        Expect.Equal(0, details.EnumerateObject().Count(), "number of properties in Details for \"details\": {}");
        Expect.Equal("abc-123-def", exception.TraceId, "TraceId");
        Expect.Equal(new DateTimeOffset(2025, 12, 22, 15, 30, 0, TimeSpan.Zero), exception.Timestamp, "Timestamp");
        Expect.Equal("req_7f3a9c", exception.RequestId, "RequestId (from the x-request-id header)");
        Expect.Equal(DocumentedEnvelope400, exception.RawBody, "RawBody");
        Expect.True(exception.Headers.TryGetValue("Freddy-Api-Version", out var apiVersion),
            "Headers lacks freddy-api-version (names should be case-insensitive).");
        Expect.Sequence(["2025-12-01"], apiVersion, "Headers[\"freddy-api-version\"]");
        Expect.Sequence(["req_7f3a9c"], exception.Headers.GetValueOrDefault("x-request-id"), "Headers[\"x-request-id\"]");
        Expect.Null(exception.InnerException, "InnerException of an error the server reported");
    }

    [Fact]
    public async Task The_400_envelope_system_message_and_details_reach_BadRequestException()
    {
        await using var server = await TestApi.RespondWith(400, FullEnvelope400);
        using var client = TestApi.Client(server);

        var exception = await TestConnectionFailsWith<BadRequestException>(client);

        Expect.Equal("configurations.host: field required", exception.SystemMessage, "SystemMessage");
        var details = Expect.NotNull(exception.Details, "Details");
        Expect.Equal("configurations.host", details.GetProperty("field").GetString(), "Details.field");
        Expect.Equal("""["missing"]""", details.GetProperty("reasons").GetRawText(), "Details.reasons");
        Expect.Null(exception.RequestId, "RequestId when the response has no x-request-id header");
        Expect.Equal(FullEnvelope400, exception.RawBody, "RawBody");
    }

    [Fact]
    public async Task FastApi_404_detail_gives_NotFoundException_with_a_readable_message()
    {
        const string body = """{"detail":"Not Found"}""";
        await using var server = await TestApi.RespondWith(404, body);
        using var client = TestApi.Client(server);

        var exception = await TestConnectionFailsWith<NotFoundException>(client);

        Expect.Equal(404, exception.StatusCode, "StatusCode");
        Expect.Contains("404", exception.Message, "Message (should name the status)");
        Expect.Contains("Not Found", exception.Message, "Message (should carry the detail)");
        Expect.Null(exception.Code, "Code of a body without the envelope");
        Expect.Equal(body, exception.RawBody, "RawBody");
    }

    [Fact]
    public async Task A_401_envelope_gives_AuthenticationException()
    {
        const string body = """
            {"success":false,"error":{"code":"INVALID_API_KEY","message":"The API key is invalid.","type":"authentication_error",
             "status":401,"details":{},"trace_id":"trc-401","timestamp":"2025-12-22T15:31:00Z"}}
            """;
        await using var server = await TestApi.RespondWith(401, body, response => response.Headers["x-request-id"] = "req_401");
        using var client = TestApi.Client(server);

        var exception = await TestConnectionFailsWith<AuthenticationException>(client);

        Expect.Equal(401, exception.StatusCode, "StatusCode");
        Expect.Equal("INVALID_API_KEY", exception.Code, "Code");
        Expect.Equal("authentication_error", exception.ErrorType, "ErrorType");
        Expect.Equal("trc-401", exception.TraceId, "TraceId");
        Expect.Equal("req_401", exception.RequestId, "RequestId");
        Expect.Contains("The API key is invalid.", exception.Message, "Message");
    }

    [Fact]
    public async Task A_401_that_echoes_the_api_key_does_not_reveal_it_in_the_exception()
    {
        var body = $$$"""{"success":false,"error":{"code":"INVALID_API_KEY","message":"Unknown key {{{TestApi.ApiKey}}}","status":401}}""";
        await using var server = await TestApi.RespondWith(401, body);
        using var client = TestApi.Client(server);

        var exception = await TestConnectionFailsWith<AuthenticationException>(client);

        Expect.DoesNotContain(TestApi.ApiKey, exception.Message, "Message");
        Expect.DoesNotContain(TestApi.ApiKey, exception.RawBody, "RawBody");
        Expect.DoesNotContain(TestApi.ApiKey, exception.ToString(), "ToString()");
    }

    private static Task<TException> TestConnectionFailsWith<TException>(AitronosClient client)
        where TException : ApiException
        => Expect.ThrowsAsync<TException>(
            () => client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest { SourceId = "src_abc123" }),
            "TestConnectionAsync against the error response");
}
