using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Aitronos.Codegen.Runtime;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary><see cref="ApiException.FromResponse"/> on bodies of every shape, including broken ones.</summary>
public sealed class ApiExceptionFactoryTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders = new Dictionary<string, IReadOnlyList<string>>();

    [Theory]
    [InlineData("""{"error": {"code": """)]
    [InlineData("""{"error": {"code": "X", "message": "unterminated""")]
    [InlineData("{not json at all")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"just a string\"")]
    [InlineData("null")]
    [InlineData("   ")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_or_unexpected_bodies_never_throw_and_keep_the_status_type(string? body)
    {
        var exception = ApiException.FromResponse(400, "Bad Request", NoHeaders, body);

        Assert.IsType<BadRequestException>(exception);
        Assert.Equal(400, exception.StatusCode);
        Assert.Null(exception.Code);
        Assert.StartsWith("400 Bad Request", exception.Message);
        Assert.Equal(body, exception.RawBody);
    }

    [Fact]
    public void Nesting_deeper_than_the_json_reader_allows_does_not_throw()
    {
        var body = "{\"error\":" + string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 501);

        var exception = ApiException.FromResponse(500, null, NoHeaders, body);

        Assert.IsType<InternalServerException>(exception);
        Assert.Equal("500 Internal Server Error: the response body is not a JSON error.", exception.Message);
    }

    [Fact]
    public void Problem_details_give_title_detail_type_and_errors()
    {
        const string body = """
            {"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.",
             "detail":"Your current balance is 30, but that costs 50.","status":403,"traceId":"00-abc-01",
             "errors":{"amount":["too high"]}}
            """;
        var headers = new Dictionary<string, IReadOnlyList<string>> { ["Content-Type"] = new[] { "application/problem+json" } };

        var exception = ApiException.FromResponse(403, "Forbidden", headers, body);

        Assert.IsType<PermissionDeniedException>(exception);
        Assert.Equal("403 Forbidden: You do not have enough credit. Your current balance is 30, but that costs 50.", exception.Message);
        Assert.Equal("https://example.com/probs/out-of-credit", exception.ErrorType);
        Assert.Equal("00-abc-01", exception.TraceId);
        Assert.Equal("too high", exception.Details!.Value.GetProperty("amount")[0].GetString());
    }

    [Fact]
    public void OAuth_style_error_gives_code_and_description()
    {
        var exception = ApiException.FromResponse(401, null, NoHeaders, """{"error":"invalid_token","error_description":"The token expired."}""");

        Assert.IsType<AuthenticationException>(exception);
        Assert.Equal("invalid_token", exception.Code);
        Assert.Equal("401 invalid_token: The token expired.", exception.Message);
    }

    [Fact]
    public void Envelope_without_message_names_the_code_and_status()
    {
        var exception = ApiException.FromResponse(409, null, NoHeaders, """{"success":false,"error":{"code":"ALREADY_EXISTS","details":null}}""");

        Assert.IsType<ConflictException>(exception);
        Assert.Equal("409 ALREADY_EXISTS: Conflict", exception.Message);
        Assert.Null(exception.Details);
    }

    [Fact]
    public void Headers_are_case_insensitive_whatever_map_they_came_in()
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["X-Request-Id"] = new[] { "req_1" },
            ["Retry-After"] = new[] { "3" },
        };

        var exception = Assert.IsType<RateLimitException>(ApiException.FromResponse(429, null, headers, null));

        Assert.Equal("req_1", exception.RequestId);
        Assert.Equal(new[] { "req_1" }, exception.Headers["x-request-id"]);
        Assert.Equal(TimeSpan.FromSeconds(3), exception.RetryAfter);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("")]
    public void Unreadable_retry_after_is_null(string value)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>> { ["Retry-After"] = new[] { value } };

        var exception = Assert.IsType<RateLimitException>(ApiException.FromResponse(429, null, headers, null));

        Assert.Null(exception.RetryAfter);
    }

    [Fact]
    public void Retry_after_date_in_the_past_is_zero()
    {
        var headers = new Dictionary<string, IReadOnlyList<string>> { ["Retry-After"] = new[] { "Wed, 21 Oct 2015 07:28:00 GMT" } };

        var exception = Assert.IsType<RateLimitException>(ApiException.FromResponse(429, null, headers, null));

        Assert.Equal(TimeSpan.Zero, exception.RetryAfter);
    }

    [Fact]
    public void Details_outlive_the_parsed_document()
    {
        var exception = ApiException.FromResponse(400, null, NoHeaders, """{"error":{"code":"X","message":"m","details":{"n":[1,2]}}}""");

        GC.Collect();

        Assert.Equal(JsonValueKind.Array, exception.Details!.Value.GetProperty("n").ValueKind);
        Assert.Equal("""{"n":[1,2]}""", exception.Details.Value.GetRawText());
    }
}
