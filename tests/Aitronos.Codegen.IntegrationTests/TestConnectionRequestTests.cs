using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>What <c>TestConnectionAsync</c> puts on the wire, as a real Kestrel server receives it.</summary>
public sealed class TestConnectionRequestTests
{
    private const string EnvironmentHint = " (FREDDY_API_KEY / FREDDY_JWT_TOKEN in the environment would change which credential is sent)";

    [Fact]
    public async Task Posts_to_the_organization_path_under_the_base_url_with_the_organization_id_escaped()
    {
        await using var server = await TestApi.RespondWith(200, TestApi.TestConnectionSucceeded);
        using var client = TestApi.Client(server);

        await client.KnowledgeConnectors.TestConnectionAsync("org/x y", new TestConnectionRequest { SourceId = "src_abc123" });

        var request = TestApi.SingleRequest(server);
        Expect.Equal("POST", request.Method, "HTTP method");
        Expect.Equal("/v1/organizations/org%2Fx%20y/knowledge/connectors/connections/test", request.Target,
            "raw request target (the base URL's /v1 kept, the organization id escaped as one segment)");
    }

    [Fact]
    public async Task Sends_only_the_required_source_id_as_json_when_no_optionals_are_set()
    {
        await using var server = await TestApi.RespondWith(200, TestApi.TestConnectionSucceeded);
        using var client = TestApi.Client(server);

        await client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest { SourceId = "src_abc123" });

        var request = TestApi.SingleRequest(server);
        var contentType = MediaTypeHeaderValue.Parse(Expect.NotNull(request.Header("Content-Type"), "Content-Type header"));
        Expect.Equal("application/json", contentType.MediaType, "Content-Type media type");
        Expect.True(contentType.CharSet is null or "utf-8", $"Content-Type charset should be absent or utf-8, but was \"{contentType.CharSet}\".");
        Expect.Equal("""{"source_id":"src_abc123"}""", request.BodyText, "request body (absent optionals must be omitted, not sent as null)");
    }

    [Fact]
    public async Task Sends_destination_id_and_configurations_when_set()
    {
        await using var server = await TestApi.RespondWith(200, TestApi.TestConnectionSucceeded);
        using var client = TestApi.Client(server);
        using var configuration = JsonDocument.Parse("""{"host":"db.internal","port":5432,"tls":true,"tables":["a","b"]}""");
        var configurations = new Dictionary<string, JsonElement>();
        foreach (var property in configuration.RootElement.EnumerateObject())
        {
            configurations[property.Name] = property.Value.Clone();
        }

        await client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest
        {
            SourceId = "src_abc123",
            DestinationId = "dst_def456",
            Configurations = configurations,
        });

        using var body = JsonDocument.Parse(TestApi.SingleRequest(server).Body);
        var root = body.RootElement;
        Expect.Equal("src_abc123", root.GetProperty("source_id").GetString(), "body source_id");
        Expect.Equal("dst_def456", root.GetProperty("destination_id").GetString(), "body destination_id");
        var sent = root.GetProperty("configurations");
        Expect.Equal(JsonValueKind.Object, sent.ValueKind, "body configurations kind");
        Expect.Equal("db.internal", sent.GetProperty("host").GetString(), "configurations.host");
        Expect.Equal(5432, sent.GetProperty("port").GetInt32(), "configurations.port");
        Expect.Equal(JsonValueKind.True, sent.GetProperty("tls").ValueKind, "configurations.tls");
        Expect.Equal("""["a","b"]""", sent.GetProperty("tables").GetRawText(), "configurations.tables");
        Expect.Equal(3, root.EnumerateObject().Count(), "number of properties in the body (source_id, destination_id, configurations)");
    }

    [Fact]
    public async Task Sends_the_api_key_in_the_X_API_Key_header_when_ApiKey_is_set()
    {
        await using var server = await TestApi.RespondWith(200, TestApi.TestConnectionSucceeded);
        using var client = TestApi.Client(server, apiKey: TestApi.ApiKey);

        await client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest { SourceId = "src_abc123" });

        var request = TestApi.SingleRequest(server);
        Expect.Equal(TestApi.ApiKey, request.Header("X-API-Key"), "X-API-Key header");
        Expect.Null(request.Header("Authorization"), "Authorization header when only an API key is configured" + EnvironmentHint);
    }

    [Fact]
    public async Task Sends_a_bearer_token_in_the_Authorization_header_when_AccessToken_is_set()
    {
        await using var server = await TestApi.RespondWith(200, TestApi.TestConnectionSucceeded);
        using var client = TestApi.Client(server, apiKey: null, accessToken: TestApi.AccessToken);

        await client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest { SourceId = "src_abc123" });

        var request = TestApi.SingleRequest(server);
        Expect.Equal("Bearer " + TestApi.AccessToken, request.Header("Authorization"), "Authorization header" + EnvironmentHint);
        Expect.Null(request.Header("X-API-Key"), "X-API-Key header when only an access token is configured" + EnvironmentHint);
    }

    [Fact]
    public async Task Sends_only_the_api_key_when_both_credentials_are_set()
    {
        await using var server = await TestApi.RespondWith(200, TestApi.TestConnectionSucceeded);
        using var client = TestApi.Client(server, apiKey: TestApi.ApiKey, accessToken: TestApi.AccessToken);

        await client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest { SourceId = "src_abc123" });

        var request = TestApi.SingleRequest(server);
        Expect.Equal(TestApi.ApiKey, request.Header("X-API-Key"), "X-API-Key header");
        Expect.Null(request.Header("Authorization"), "Authorization header (one credential per request; the API key wins)");
    }
}
