using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>HTTP basic, several API keys at once, and per-operation alternatives, as a real server receives them.</summary>
public sealed class AuthSchemeTests
{
    private const string AppId = "app-0123456789";
    private const string AppKey = "key/secret+0123456789";
    private const string User = "AC0123456789abcdef";
    private const string Password = "pässwörd:tøken-0123";

    private static Task<LoopbackServer> StartServer() => LoopbackServer.StartAsync(new TokenServer().AnswerAsync);

    [Fact]
    public async Task Basic_auth_is_the_utf8_base64_of_user_colon_password()
    {
        await using var server = await StartServer();
        using var transport = AuthSchemes.Transport(server, o => (o.UserName, o.Password) = (User, Password));

        await AuthSchemes.GetAsync(transport, "/calls", new ApiSecurityRequirement(AuthSchemes.Basic));

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password));
        Assert.Equal(expected, server.Requests.Single().Header("Authorization"));
    }

    [Fact]
    public async Task Basic_auth_falls_back_to_the_environment_variables_the_scheme_names()
    {
        var (userVariable, passwordVariable) = ("ACG_TEST_USER_" + Guid.NewGuid().ToString("N"), "ACG_TEST_PASSWORD_" + Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable(userVariable, User);
        Environment.SetEnvironmentVariable(passwordVariable, Password);
        try
        {
            await using var server = await StartServer();
            var api = new ApiDescription(TestApi.Name, null, new BasicSecurity(userVariable, passwordVariable, "Basic"));
            using var transport = TestApi.Transport(server, null, api);

            await AuthSchemes.GetAsync(transport, "/calls", new ApiSecurityRequirement(1));

            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password)), server.Requests.Single().Header("Authorization"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(userVariable, null);
            Environment.SetEnvironmentVariable(passwordVariable, null);
        }
    }

    [Fact]
    public async Task Two_api_keys_one_in_a_header_and_one_in_the_query_are_both_sent()
    {
        await using var server = await StartServer();
        using var transport = AuthSchemes.Transport(server, o =>
        {
            o.ApiKeys["AppId"] = AppId;
            o.ApiKeys["AppKey"] = AppKey;
        });

        await AuthSchemes.GetAsync(transport, "/items?page=2", new ApiSecurityRequirement(AuthSchemes.AppId | AuthSchemes.AppKey));

        var seen = server.Requests.Single();
        Assert.Equal(AppId, seen.Header("X-App-Id"));
        Assert.Equal("/v1/items?page=2&key=" + Uri.EscapeDataString(AppKey), seen.Target);
    }

    [Fact]
    public async Task ApiKey_option_is_the_key_of_the_first_api_key_scheme_and_ApiKeys_win_over_it()
    {
        await using var server = await StartServer();
        using var first = AuthSchemes.Transport(server, o => o.ApiKey = AppId);
        using var both = AuthSchemes.Transport(server, o => (o.ApiKey, o.ApiKeys["AppId"]) = ("unused-0123456789", AppId));

        await AuthSchemes.GetAsync(first, "/a", new ApiSecurityRequirement(AuthSchemes.AppId));
        await AuthSchemes.GetAsync(both, "/b", new ApiSecurityRequirement(AuthSchemes.AppId));

        Assert.Equal(new[] { AppId, AppId }, server.Requests.Select(r => r.Header("X-App-Id")));
    }

    public static TheoryData<string, long[], string, string?> Alternatives() => new()
    {
        // configured, alternatives, expected keys (app: X-App-Id, key: the query), expected Authorization scheme
        { "keys basic", new[] { AuthSchemes.AppId | AuthSchemes.AppKey, AuthSchemes.Basic }, "app key", null },
        { "basic", new[] { AuthSchemes.AppId | AuthSchemes.AppKey, AuthSchemes.Basic }, "", "Basic" },
        { "appid basic", new[] { AuthSchemes.AppId | AuthSchemes.AppKey, AuthSchemes.Basic }, "", "Basic" },
        { "appid", new[] { AuthSchemes.AppId | AuthSchemes.AppKey, AuthSchemes.Basic }, "app", null },
        { "appid", new[] { AuthSchemes.AppId | AuthSchemes.AppKey, 0L }, "", null },
        { "", new[] { AuthSchemes.AppId | AuthSchemes.AppKey, 0L }, "", null },
        { "keys bearer", new[] { AuthSchemes.Bearer, AuthSchemes.AppId | AuthSchemes.AppKey }, "", "Bearer" },
        { "keys bearer", new[] { 0L, AuthSchemes.AppId | AuthSchemes.AppKey }, "app key", null },
    };

    [Theory]
    [MemberData(nameof(Alternatives))]
    public async Task First_alternative_whose_credentials_are_all_configured_is_sent_else_nothing_if_anonymous_is_allowed_else_what_is_there(
        string configured, long[] alternatives, string expectedKeys, string? expectedAuthorization)
    {
        await using var server = await StartServer();
        using var transport = AuthSchemes.Transport(server, o =>
        {
            foreach (var part in configured.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                switch (part)
                {
                    case "keys": o.ApiKeys["AppId"] = AppId; o.ApiKeys["AppKey"] = AppKey; break;
                    case "appid": o.ApiKeys["AppId"] = AppId; break;
                    case "basic": (o.UserName, o.Password) = (User, Password); break;
                    case "bearer": o.AccessToken = "bearer-token-0123456789"; break;
                }
            }
        });

        await AuthSchemes.GetAsync(transport, "/items", new ApiSecurityRequirement(alternatives));

        var seen = server.Requests.Single();
        var keys = string.Join(" ", new[]
        {
            seen.Header("X-App-Id") == AppId ? "app" : null,
            seen.Target.Contains("key=", StringComparison.Ordinal) ? "key" : null,
        }.Where(k => k is not null));
        Assert.Equal(expectedKeys, keys);
        Assert.Equal(expectedAuthorization, seen.Header("Authorization")?.Split(' ')[0]);
    }

    [Fact]
    public async Task Password_and_keys_are_masked_in_exceptions_and_options_text()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            LoopbackServer.RespondAsync(context, 401, "{\"detail\":\"bad credentials " + context.Request.Headers.Authorization + " " + context.Request.Headers["X-App-Id"] + " " + Password + "\"}"));
        var options = (ApiClientOptions o) =>
        {
            (o.UserName, o.Password) = (User, Password);
            o.ApiKeys["AppId"] = AppId;
        };
        using var transport = AuthSchemes.Transport(server, options);

        var exception = await Assert.ThrowsAsync<AuthenticationException>(() => AuthSchemes.GetAsync(transport, "/items", new ApiSecurityRequirement(AuthSchemes.AppId | AuthSchemes.Basic)));

        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Password));
        var text = exception.ToString() + exception.RawBody;
        Assert.Contains("bad credentials", text);
        Assert.DoesNotContain(Password, text);
        Assert.DoesNotContain(encoded, text);
        Assert.DoesNotContain(AppId, text);
        var described = new ApiClientOptions { UserName = User, Password = Password, ClientSecret = "client-secret-0123456789" };
        described.ApiKeys["AppId"] = AppId;
        Assert.Contains("ApiKeys = [AppId], UserName = (set, redacted), Password = (set, redacted), ClientId = (not set), ClientSecret = (set, redacted)", described.ToString());
        Assert.DoesNotContain(Password, described.ToString());
        Assert.DoesNotContain(AppId, described.ToString());
    }

    [Fact]
    public async Task A_401_to_a_request_without_a_whole_alternative_says_which_options_to_set()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.RespondAsync(context, 401, "{\"detail\":\"Not authenticated\"}"));
        using var transport = AuthSchemes.Transport(server, o => o.ApiKeys["AppId"] = AppId);

        var exception = await Assert.ThrowsAsync<AuthenticationException>(() => AuthSchemes.GetAsync(transport, "/items", new ApiSecurityRequirement(AuthSchemes.AppId | AuthSchemes.AppKey, AuthSchemes.Basic, AuthSchemes.OAuth)));

        Assert.Equal(
            "401 Unauthorized: Not authenticated (the credentials this operation needs are not all configured: set ApiKey and ApiKeys[\"AppKey\"], "
            + "or UserName and Password, or ClientId and ClientSecret (or AccessToken))",
            exception.Message);
        Assert.Equal(AppId, server.Requests.Single().Header("X-App-Id"));
    }

    [Fact]
    public void Api_flags_still_mean_the_first_api_key_and_the_first_bearer_scheme()
    {
        var api = AuthSchemes.Description();

        Assert.Same(api.Schemes[0], api.ApiKey);
        Assert.Same(api.Schemes[4], api.Bearer);
        Assert.Equal(new[] { AuthSchemes.AppId, AuthSchemes.Bearer }, ((ApiSecurityRequirement)(ApiAuth.ApiKey | ApiAuth.Bearer)).Resolve(api));
        Assert.Equal(new[] { 0L }, ((ApiSecurityRequirement)ApiAuth.None).Resolve(api));
    }
}
