using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// An API with every scheme the runtime sends, in this order (bit i of a requirement stands for scheme i): an app id in a
/// header, a key in the query, HTTP basic, OAuth 2.0 client credentials (token endpoint <c>/oauth/token</c> on the same
/// server), and a plain bearer token.
/// </summary>
internal static class AuthSchemes
{
    public const long AppId = 1, AppKey = 2, Basic = 4, OAuth = 8, Bearer = 16;

    public static ApiDescription Description(string tokenUrl = "/oauth/token") => new(
        TestApi.Name,
        null,
        new ApiKeySecurity("X-App-Id", ApiKeyLocation.Header, schemeName: "AppId"),
        new ApiKeySecurity("key", ApiKeyLocation.Query, schemeName: "AppKey"),
        new BasicSecurity(schemeName: "Basic"),
        new OAuth2ClientCredentialsSecurity(tokenUrl, schemeName: "OAuth"),
        new BearerSecurity(schemeName: "Bearer"));

    public static ApiTransport Transport(LoopbackServer server, Action<ApiClientOptions> configure, ApiDescription? api = null)
        => TestApi.Transport(server, configure, api ?? Description());

    public static async Task<string> GetAsync(ApiTransport transport, string pathAndQuery, ApiSecurityRequirement security, CancellationToken cancellationToken = default)
    {
        using var request = transport.CreateRequest(HttpMethod.Get, pathAndQuery);
        return await transport.CallForStringAsync(request, security, cancellationToken);
    }
}

/// <summary>
/// A token endpoint at <c>/oauth/token</c> that hands out <c>tok-1</c>, <c>tok-2</c>, ... and an API that answers
/// everything else with 200 <c>ok</c> (or with <see cref="ApiStatus"/>).
/// </summary>
internal sealed class TokenServer
{
    private int _issued;

    public int ExpiresIn { get; set; } = 3600;

    /// <summary>When set, the token endpoint answers this status and body instead of a token.</summary>
    public (int Status, string Body)? Refusal { get; set; }

    /// <summary>When set, the token endpoint waits for it before answering.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>What the API answers (200 <c>ok</c> by default).</summary>
    public ConcurrentQueue<int> ApiStatus { get; } = new();

    public int Issued => Volatile.Read(ref _issued);

    public async Task AnswerAsync(HttpContext context)
    {
        if (context.Request.Path == "/oauth/token")
        {
            if (Gate is { } gate)
            {
                await gate.Task;
            }

            if (Refusal is { } refusal)
            {
                await LoopbackServer.RespondAsync(context, refusal.Status, refusal.Body);
                return;
            }

            var number = Interlocked.Increment(ref _issued);
            await LoopbackServer.RespondAsync(context, 200, JsonSerializer.Serialize(new { access_token = "tok-" + number, token_type = "Bearer", expires_in = ExpiresIn }));
            return;
        }

        var status = ApiStatus.TryDequeue(out var next) ? next : 200;
        await LoopbackServer.RespondAsync(context, status, status == 200 ? "ok" : "{\"detail\":\"no\"}", status == 200 ? "text/plain" : "application/json");
    }

    public static RecordedRequest[] TokenRequests(LoopbackServer server) => server.Requests.Where(r => r.Target.StartsWith("/oauth/token", StringComparison.Ordinal)).ToArray();

    public static RecordedRequest[] ApiRequests(LoopbackServer server) => server.Requests.Where(r => r.Target.StartsWith("/v1/", StringComparison.Ordinal)).ToArray();
}

/// <summary>A clock the test moves by hand, for token lifetimes.</summary>
internal sealed class ManualClock : RetryClock
{
    private long _advanced;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _advanced, by.Ticks);

    public override long GetTimestamp() => base.GetTimestamp() + Volatile.Read(ref _advanced);
}
