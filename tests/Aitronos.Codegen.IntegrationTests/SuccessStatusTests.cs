using System;
using System.Threading.Tasks;
using Aitronos.Codegen.IntegrationTests.PatchAndStatuses;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// An operation whose 200 and 202 declare different bodies (tests/Aitronos.Codegen.Tests/TestSpecs/patch-and-statuses.openapi.yaml):
/// the generated method returns <see cref="ApiResult{T1, T2}"/>, read by the status a real Kestrel server answers with,
/// and the declared response headers are read from the captured <see cref="ApiResponse"/>.
/// </summary>
public sealed class SuccessStatusTests
{
    [Fact]
    public async Task A_200_is_read_as_the_200_body_type()
    {
        await using var server = await TestApi.RespondWith(200, """{"result":"done"}""", response => response.Headers["X-Job-Count"] = "12345678901");
        using var client = Client(server);

        ApiResponse<ApiResult<JobDone, JobQueued>> response = await ApiResponse.CaptureAsync(options => client.StartJobAsync(requestOptions: options));
        ApiResult<JobDone, JobQueued> result = response.Value;

        Expect.Equal(200, result.StatusCode, "StatusCode");
        Expect.True(result.TryGetFirst(out var done), "TryGetFirst on a 200");
        Expect.True(!result.TryGetSecond(out _), "TryGetSecond on a 200");
        Expect.Equal("done", done.Result, "JobDone.Result");
        Expect.Equal(0, done.JsonReadProblems.Count, "problems reading the 200 body");
        Expect.True(result.Value is JobDone, "Value is the JobDone");
        Expect.True(response.TryGetHeader("x-job-count", out long count), "the declared X-Job-Count header, read as an integer");
        Expect.Equal(12345678901L, count, "X-Job-Count");
    }

    [Fact]
    public async Task A_202_is_read_as_the_202_body_type_with_its_Location_header()
    {
        await using var server = await TestApi.RespondWith(202, """{"ticket":"t_9","eta_seconds":30}""", response => response.Headers["Location"] = "/jobs/t_9");
        using var client = Client(server);

        ApiResponse<ApiResult<JobDone, JobQueued>> response = await ApiResponse.CaptureAsync(options => client.StartJobAsync(requestOptions: options));
        ApiResult<JobDone, JobQueued> result = response.Value;

        Expect.Equal(202, result.StatusCode, "StatusCode");
        Expect.True(result.IsSecond, "IsSecond on a 202");
        string described = result.Match(done => "done " + done.Result, queued => $"queued {queued.Ticket} for {queued.EtaSeconds}s");
        Expect.Equal("queued t_9 for 30s", described, "Match");
        Expect.Equal(0, ((JobQueued)result.Value!).JsonReadProblems.Count, "problems reading the 202 body (it would have many read as JobDone)");
        Expect.Equal("/jobs/t_9", response.Header("location"), "the declared Location header");
        Expect.True(!response.TryGetHeader("X-Job-Count", out long _), "a header that did not come");
    }

    [Fact]
    public async Task An_error_status_is_still_an_exception()
    {
        await using var server = await TestApi.RespondWith(409, """{"detail":"busy"}""");
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<ConflictException>(() => client.StartJobAsync());
        Expect.Equal(409, error.StatusCode, "StatusCode");
    }

    private static PatchAndStatusesClient Client(LoopbackServer server) =>
        new(new PatchAndStatusesClientOptions { BaseUrl = new Uri(server.BaseUrl, "v1") });
}
