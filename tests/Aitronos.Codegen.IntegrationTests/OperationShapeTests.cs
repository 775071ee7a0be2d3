using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>Operations other than test-connection: public ones, query parameters, and responses without a body.</summary>
public sealed class OperationShapeTests
{
    [Fact]
    public async Task Public_health_sends_no_credentials_even_when_both_are_configured()
    {
        await using var server = await TestApi.RespondWith(200, """{"status":"ok","available":true}""");
        using var client = TestApi.Client(server, apiKey: TestApi.ApiKey, accessToken: TestApi.AccessToken);

        var health = await client.KnowledgeConnectors.GetHealthAsync();

        var request = TestApi.SingleRequest(server);
        Expect.Equal("GET", request.Method, "HTTP method");
        Expect.Equal("/v1/knowledge/connectors/health", request.Target, "raw request target");
        Expect.Null(request.Header("X-API-Key"), "X-API-Key header on an operation with security: []");
        Expect.Null(request.Header("Authorization"), "Authorization header on an operation with security: []");
        Expect.Equal("ok", health.Status, "HealthStatus.Status");
        Expect.Equal(true, health.Available, "HealthStatus.Available");
    }

    [Fact]
    public async Task ListJobs_puts_the_given_query_parameters_on_the_wire_and_omits_the_null_ones()
    {
        await using var server = await TestApi.RespondWith(200,
            """[{"job_id":"job_1","status":"pending","job_type":"sync","connection_id":"conn_1","rows_synced":12}]""");
        using var client = TestApi.Client(server);

        var jobs = await client.KnowledgeConnectors.ListJobsAsync("org_xyz789", jobType: JobType.Sync, limit: 10, offset: 20);

        var request = TestApi.SingleRequest(server);
        Expect.Equal("GET", request.Method, "HTTP method");
        var questionMark = request.Target.IndexOf('?');
        Expect.True(questionMark > 0, $"The request target has no query string: \"{request.Target}\".");
        Expect.Equal("/v1/organizations/org_xyz789/knowledge/connectors/jobs", request.Target[..questionMark], "path of the request target");
        var query = QueryHelpers.ParseQuery(request.Target[questionMark..]);
        Expect.Sequence(["job_type", "limit", "offset"], query.Keys.Order(), "query parameter names (null arguments must be left out)");
        Expect.Equal("sync", query["job_type"].ToString(), "job_type");
        Expect.Equal("10", query["limit"].ToString(), "limit");
        Expect.Equal("20", query["offset"].ToString(), "offset");

        var job = Expect.NotNull(jobs.SingleOrDefault(), "the one job in the response");
        Expect.Equal("job_1", job.JobId, "Job.JobId");
        Expect.Equal(JobType.Sync, job.JobType, "Job.JobType");
        Expect.Equal(12, job.RowsSynced, "Job.RowsSynced");
    }

    [Fact]
    public async Task ListJobs_escapes_query_values()
    {
        await using var server = await TestApi.RespondWith(200, "[]");
        using var client = TestApi.Client(server);

        await client.KnowledgeConnectors.ListJobsAsync("org_xyz789", connectionId: "conn 1&x=y", status: "running", orderBy: "-created_at");

        var target = TestApi.SingleRequest(server).Target;
        Expect.Contains("connection_id=conn%201%26x%3Dy", target, "raw request target (connection_id escaped)");
        Expect.Contains("status=running", target, "raw request target");
        Expect.Contains("order_by=-created_at", target, "raw request target");
        Expect.Equal(3, QueryHelpers.ParseQuery(target[target.IndexOf('?')..]).Count, "number of query parameters");
    }

    [Fact]
    public async Task ListJobs_without_optional_arguments_sends_no_query_string()
    {
        await using var server = await TestApi.RespondWith(200, "[]");
        using var client = TestApi.Client(server);

        var jobs = await client.KnowledgeConnectors.ListJobsAsync("org_xyz789");

        Expect.Equal("/v1/organizations/org_xyz789/knowledge/connectors/jobs", TestApi.SingleRequest(server).Target, "raw request target");
        Expect.Equal(0, jobs.Count, "number of jobs in an empty list");
    }

    [Fact]
    public async Task DeleteConnection_completes_on_204_without_a_body()
    {
        await using var server = await TestApi.RespondWith(204, null);
        using var client = TestApi.Client(server);

        await client.KnowledgeConnectors.DeleteConnectionAsync("org_xyz789", "conn_42");

        var request = TestApi.SingleRequest(server);
        Expect.Equal("DELETE", request.Method, "HTTP method");
        Expect.Equal("/v1/organizations/org_xyz789/knowledge/connectors/connections/conn_42", request.Target, "raw request target");
        Expect.Equal(0, request.Body.Length, "request body length of a DELETE");
        Expect.Equal(TestApi.ApiKey, request.Header("X-API-Key"), "X-API-Key header");
    }
}
