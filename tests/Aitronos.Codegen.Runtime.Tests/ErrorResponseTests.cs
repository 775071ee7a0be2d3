using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>Non-2xx responses from a real server become typed exceptions carrying what the server said.</summary>
public sealed class ErrorResponseTests
{
    private const string Envelope400 = """
        {"success":false,"error":{"code":"CONNECTOR_INVALID_CONFIG","message":"The connector configuration is invalid.",
         "system_message":"configurations.host: missing","type":"client_error","status":400,
         "details":{"field":"configurations","reasons":["missing host"]},
         "trace_id":"abc-123-def","timestamp":"2025-12-22T15:30:00Z"}}
        """;

    /// <summary>These tests are about what one response becomes; RetryTests cover what is retried.</summary>
    private static void SendOnce(ApiClientOptions options) => options.MaxRetries = 0;

    private static Task<LoopbackServer> StartServer(int status, string? body, string contentType = "application/json", Action<HttpResponse>? headers = null)
        => LoopbackServer.StartAsync(ctx =>
        {
            headers?.Invoke(ctx.Response);
            return LoopbackServer.RespondAsync(ctx, status, body, contentType);
        });

    [Fact]
    public async Task Envelope_400_maps_every_field()
    {
        await using var server = await StartServer(400, Envelope400, headers: response =>
        {
            response.Headers["x-request-id"] = "req_42";
            response.Headers["freddy-api-version"] = "2025-12-01";
        });
        using var transport = TestApi.Transport(server, SendOnce);

        var exception = await TestApi.FailAsync<BadRequestException>(transport);

        Assert.Equal(400, exception.StatusCode);
        Assert.Equal("CONNECTOR_INVALID_CONFIG", exception.Code);
        Assert.Equal("400 CONNECTOR_INVALID_CONFIG: The connector configuration is invalid.", exception.Message);
        Assert.Equal("configurations.host: missing", exception.SystemMessage);
        Assert.Equal("client_error", exception.ErrorType);
        Assert.Equal("abc-123-def", exception.TraceId);
        Assert.Equal(new DateTimeOffset(2025, 12, 22, 15, 30, 0, TimeSpan.Zero), exception.Timestamp);
        Assert.Equal("req_42", exception.RequestId);
        Assert.Equal(Envelope400, exception.RawBody);
        var details = exception.Details!.Value;
        Assert.Equal("configurations", details.GetProperty("field").GetString());
        Assert.Equal("missing host", details.GetProperty("reasons")[0].GetString());
        Assert.Equal(new[] { "2025-12-01" }, exception.Headers["Freddy-Api-Version"]);
        Assert.Equal("application/json", exception.Headers["content-type"].Single());
        Assert.Null(exception.InnerException);
    }

    [Theory]
    [InlineData(401, "INVALID_API_KEY", typeof(AuthenticationException))]
    [InlineData(403, "INSUFFICIENT_PERMISSIONS", typeof(PermissionDeniedException))]
    [InlineData(404, "NOT_FOUND", typeof(NotFoundException))]
    [InlineData(409, "CONFLICT", typeof(ConflictException))]
    [InlineData(422, "VALIDATION_ERROR", typeof(UnprocessableEntityException))]
    [InlineData(429, "RATE_LIMITED", typeof(RateLimitException))]
    [InlineData(500, "INTERNAL_ERROR", typeof(InternalServerException))]
    [InlineData(503, "UNAVAILABLE", typeof(InternalServerException))]
    [InlineData(504, "GATEWAY_TIMEOUT", typeof(InternalServerException))]
    [InlineData(405, "METHOD_NOT_ALLOWED", typeof(ApiException))]
    [InlineData(418, "TEAPOT", typeof(ApiException))]
    public async Task Status_decides_the_exception_type(int status, string code, Type expected)
    {
        var body = $$$"""{"success":false,"error":{"code":"{{{code}}}","message":"Went wrong.","status":{{{status}}}}}""";
        await using var server = await StartServer(status, body);
        using var transport = TestApi.Transport(server, SendOnce);

        // Anonymous, so that a 401's message holds no advice on credentials.
        var exception = await Assert.ThrowsAnyAsync<ApiException>(() => TestApi.GetAsync(transport, "/items", ApiAuth.None));

        Assert.IsType(expected, exception);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal($"{status} {code}: Went wrong.", exception.Message);
    }

    [Fact]
    public async Task FastApi_404_detail_string_gives_not_found()
    {
        await using var server = await StartServer(404, """{"detail":"Not Found"}""");
        using var transport = TestApi.Transport(server, SendOnce);

        var exception = await TestApi.FailAsync<NotFoundException>(transport);

        Assert.Equal("404 Not Found", exception.Message);
        Assert.Null(exception.Code);
        Assert.Null(exception.Details);
        Assert.Equal("""{"detail":"Not Found"}""", exception.RawBody);
    }

    [Fact]
    public async Task FastApi_422_validation_list_becomes_details_and_a_summary()
    {
        const string body = """
            {"detail":[{"type":"missing","loc":["body","source_id"],"msg":"Field required","input":{}},
                       {"type":"string_type","loc":["body","configurations",0],"msg":"Input should be a valid string","input":1}]}
            """;
        await using var server = await StartServer(422, body);
        using var transport = TestApi.Transport(server, SendOnce);

        var exception = await TestApi.FailAsync<UnprocessableEntityException>(transport);

        Assert.Equal("422 Unprocessable Entity: body.source_id: Field required (and 1 more error)", exception.Message);
        var details = exception.Details!.Value;
        Assert.Equal(JsonValueKind.Array, details.ValueKind);
        Assert.Equal(2, details.GetArrayLength());
        Assert.Equal("missing", details[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Rate_limit_reads_retry_after_seconds()
    {
        await using var server = await StartServer(429, """{"success":false,"error":{"code":"RATE_LIMITED","message":"Slow down."}}""",
            headers: response => response.Headers["Retry-After"] = "7");
        using var transport = TestApi.Transport(server, SendOnce);

        var exception = await TestApi.FailAsync<RateLimitException>(transport);

        Assert.Equal(TimeSpan.FromSeconds(7), exception.RetryAfter);
    }

    [Fact]
    public async Task Rate_limit_reads_retry_after_http_date()
    {
        var retryAt = DateTimeOffset.UtcNow.AddSeconds(60);
        await using var server = await StartServer(429, null,
            headers: response => response.Headers["Retry-After"] = retryAt.ToString("r", CultureInfo.InvariantCulture));
        using var transport = TestApi.Transport(server, SendOnce);

        var exception = await TestApi.FailAsync<RateLimitException>(transport);

        Assert.InRange(exception.RetryAfter!.Value, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(61));
        Assert.Equal("429 Too Many Requests: the response has no body.", exception.Message);
    }

    [Fact]
    public async Task Rate_limit_without_retry_after_has_none()
    {
        await using var server = await StartServer(429, "{}");
        using var transport = TestApi.Transport(server, SendOnce);

        var exception = await TestApi.FailAsync<RateLimitException>(transport);

        Assert.Null(exception.RetryAfter);
    }

    [Fact]
    public async Task Html_500_from_a_proxy_gives_internal_server_error_with_the_raw_body()
    {
        const string html = "<html><head><title>500 Internal Server Error</title></head><body>oops</body></html>";
        await using var server = await StartServer(500, html, "text/html; charset=utf-8");
        using var transport = TestApi.Transport(server, SendOnce);

        var exception = await TestApi.FailAsync<InternalServerException>(transport);

        Assert.Equal("500 Internal Server Error: the response body (text/html; charset=utf-8) is not a JSON error.", exception.Message);
        Assert.Equal(html, exception.RawBody);
        Assert.Null(exception.Code);
    }

    [Fact]
    public async Task Empty_502_gives_internal_server_error()
    {
        await using var server = await StartServer(502, null);
        using var transport = TestApi.Transport(server, SendOnce);

        var exception = await TestApi.FailAsync<InternalServerException>(transport);

        Assert.Equal(502, exception.StatusCode);
        Assert.Equal("502 Bad Gateway: the response has no body.", exception.Message);
        Assert.Equal(string.Empty, exception.RawBody);
    }

    [Fact]
    public async Task Huge_error_body_is_kept_only_up_to_one_mebibyte()
    {
        var body = new string('x', 3 * 1024 * 1024);
        await using var server = await StartServer(500, body, "text/plain");
        using var transport = TestApi.Transport(server, SendOnce);

        var exception = await TestApi.FailAsync<InternalServerException>(transport);

        Assert.Equal(1024 * 1024, exception.RawBody!.Length);
    }
}
