using System;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>Credentials never show up in ToString, exception messages or raw bodies.</summary>
public sealed class SecretTests
{
    private const string Key = "ak_secret_0123456789abcdef";
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.secret-token";

    private sealed class DerivedOptions : ApiClientOptions
    {
    }

    [Fact]
    public void Options_to_string_redacts_credentials_and_default_header_values()
    {
        var options = new DerivedOptions
        {
            BaseUrl = new Uri("https://api.example.com/v1"),
            ApiKey = Key,
            AccessToken = Token,
            AccessTokenProvider = _ => new ValueTask<string?>(Token),
            Timeout = TimeSpan.FromSeconds(30),
        };
        options.DefaultHeaders["X-Custom-Auth"] = "header-secret-value";

        var text = options.ToString();

        Assert.DoesNotContain(Key, text);
        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain("header-secret-value", text);
        Assert.StartsWith("DerivedOptions { BaseUrl = https://api.example.com/v1, ApiKey = (set, redacted), AccessToken = (set, redacted)", text);
        Assert.Contains("X-Custom-Auth", text);
        Assert.Contains("Timeout = 00:00:30", text);
    }

    [Fact]
    public void Options_to_string_shows_unset_credentials_as_not_set()
    {
        Assert.Contains("ApiKey = (not set), AccessToken = (not set), AccessTokenProvider = (not set), Timeout = 00:01:40", new ApiClientOptions().ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Non_positive_timeout_is_rejected(int milliseconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiClientOptions { Timeout = TimeSpan.FromMilliseconds(milliseconds) });
        Assert.Equal(Timeout.InfiniteTimeSpan, new ApiClientOptions { Timeout = Timeout.InfiniteTimeSpan }.Timeout);
    }

    [Fact]
    public async Task Key_echoed_by_the_server_is_redacted_from_the_exception()
    {
        await using var server = await LoopbackServer.StartAsync(ctx => LoopbackServer.RespondAsync(ctx, 401,
            $$$"""{"success":false,"error":{"code":"INVALID_API_KEY","message":"API key {{{Key}}} is invalid.","system_message":"key={{{Key}}}"}}"""));
        using var transport = TestApi.Transport(server, options => options.ApiKey = Key);

        var exception = await TestApi.FailAsync<AuthenticationException>(transport);

        Assert.Equal("401 INVALID_API_KEY: API key *** is invalid.", exception.Message);
        Assert.Equal("key=***", exception.SystemMessage);
        Assert.DoesNotContain(Key, exception.RawBody);
        Assert.DoesNotContain(Key, exception.ToString());
    }

    [Fact]
    public async Task Token_from_the_provider_echoed_by_the_server_is_redacted_from_the_exception()
    {
        await using var server = await LoopbackServer.StartAsync(ctx => LoopbackServer.RespondAsync(ctx, 403,
            $$"""{"detail":"token {{Token}} may not do this"}"""));
        using var transport = TestApi.Transport(server, options => options.AccessTokenProvider = _ => new ValueTask<string?>(Token));

        var exception = await TestApi.FailAsync<PermissionDeniedException>(transport);

        Assert.Equal("403 Forbidden: token *** may not do this", exception.Message);
    }

    [Fact]
    public async Task Api_key_in_the_query_is_left_out_of_connection_and_timeout_messages()
    {
        var api = TestApi.Description(location: ApiKeyLocation.Query);
        var closed = new ApiClientOptions { ApiKey = Key, BaseUrl = new Uri($"http://127.0.0.1:{LoopbackServer.GetClosedPort()}/v1") };
        using var unreachable = new ApiTransport(api, closed);
        await using var server = await LoopbackServer.StartAsync(ctx => Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted));
        using var slow = TestApi.Transport(server, options =>
        {
            options.ApiKey = Key;
            options.Timeout = TimeSpan.FromMilliseconds(100);
        }, api);

        var connection = await TestApi.FailAsync<ApiConnectionException>(unreachable, "/items?limit=1");
        var timeout = await TestApi.FailAsync<ApiTimeoutException>(slow, "/items?limit=1");

        Assert.DoesNotContain(Key, connection.Message);
        Assert.DoesNotContain("limit=1", connection.Message);
        Assert.DoesNotContain(Key, timeout.Message);
    }
}
