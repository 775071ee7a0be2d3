using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Aitronos.Codegen.Runtime.Tests;

/// <summary>
/// OAuth 2.0 client-credentials tokens shared by the clients made from one options instance, as
/// <c>IHttpClientFactory</c> makes transient typed clients, against a Kestrel token endpoint that counts its fetches.
/// </summary>
public sealed class TokenSharingTests
{
    private const string ClientName = "Tests.SharedTokenClient";
    private const string ClientSecret = "s3cret-shared-0123456789";
    private static readonly ApiSecurityRequirement OAuth = new(AuthSchemes.OAuth);

    [Fact]
    public async Task Transient_typed_clients_from_one_service_provider_fetch_one_token_and_another_provider_its_own()
    {
        var tokens = new TokenServer();
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        var logged = new ConcurrentQueue<string>();
        using var first = Services(server, logged);
        using var second = Services(server, logged);

        for (var i = 0; i < 3; i++)
        {
            // A new client (and transport, and HttpClient) per resolution, as a transient typed client is.
            var client = first.GetRequiredService<SharedTokenClient>();
            Assert.Equal("ok", await client.GetAsync("/items/" + i));
        }

        Assert.NotSame(first.GetRequiredService<SharedTokenClient>(), first.GetRequiredService<SharedTokenClient>());
        Assert.Equal(1, tokens.Issued);
        Assert.All(TokenServer.ApiRequests(server), request => Assert.Equal("Bearer tok-1", request.Header("Authorization")));

        Assert.Equal("ok", await second.GetRequiredService<SharedTokenClient>().GetAsync("/other"));
        Assert.Equal(2, tokens.Issued);
        Assert.Equal("Bearer tok-2", TokenServer.ApiRequests(server).Last().Header("Authorization"));
        Assert.NotEmpty(logged);
        Assert.DoesNotContain(logged, line => line.Contains(ClientSecret, StringComparison.Ordinal) || line.Contains("tok-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clients_made_from_one_options_instance_share_the_token_and_other_options_do_not()
    {
        var tokens = new TokenServer();
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        var options = Options(server);
        using var a = new ApiTransport(AuthSchemes.Description(), options);
        using var b = new ApiTransport(AuthSchemes.Description(), options);
        using var other = new ApiTransport(AuthSchemes.Description(), Options(server));

        await AuthSchemes.GetAsync(a, "/a", OAuth);
        await AuthSchemes.GetAsync(b, "/b", OAuth);
        Assert.Equal(1, tokens.Issued);

        await AuthSchemes.GetAsync(other, "/c", OAuth);
        Assert.Equal(2, tokens.Issued);
    }

    [Fact]
    public async Task Different_credentials_on_one_options_instance_do_not_share_a_token()
    {
        var tokens = new TokenServer();
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        var options = Options(server);
        using var a = new ApiTransport(AuthSchemes.Description(), options);
        options.Scopes.Add("write");
        using var b = new ApiTransport(AuthSchemes.Description(), options);
        options.ClientSecret = "another-secret";
        using var c = new ApiTransport(AuthSchemes.Description(), options);

        await AuthSchemes.GetAsync(a, "/a", OAuth);
        await AuthSchemes.GetAsync(b, "/b", OAuth);
        await AuthSchemes.GetAsync(c, "/c", OAuth);

        Assert.Equal(3, tokens.Issued);
        Assert.Equal(new[] { null, "write", "write" }, TokenServer.TokenRequests(server).Select(r => Scope(r.BodyText)));
    }

    [Fact]
    public async Task A_shared_token_is_refreshed_through_a_client_still_alive_after_the_one_that_fetched_it_is_disposed()
    {
        var tokens = new TokenServer { ExpiresIn = 600 };
        await using var server = await LoopbackServer.StartAsync(tokens.AnswerAsync);
        var time = new FakeTimeProvider();
        var options = Options(server);
        options.TimeProvider = time;
        var first = new ApiTransport(AuthSchemes.Description(), options);
        using var second = new ApiTransport(AuthSchemes.Description(), options);

        await AuthSchemes.GetAsync(first, "/a", OAuth);
        first.Dispose();
        time.Advance(TimeSpan.FromSeconds(600));
        await AuthSchemes.GetAsync(second, "/b", OAuth);

        Assert.Equal(2, tokens.Issued);
        Assert.Equal(new[] { "Bearer tok-1", "Bearer tok-2" }, TokenServer.ApiRequests(server).Select(r => r.Header("Authorization")));
    }

    private static ApiClientOptions Options(LoopbackServer server)
        => new() { BaseUrl = new Uri(server.BaseUrl, "v1"), ClientId = "client-shared", ClientSecret = ClientSecret };

    private static string? Scope(string form)
        => form.Split('&').Select(pair => pair.Split('=')).Where(pair => pair[0] == "scope").Select(pair => Uri.UnescapeDataString(pair[1])).SingleOrDefault();

    /// <summary>What a generated <c>services.Add{Client}(...)</c> registers: named options, a typed client over the factory's HttpClient.</summary>
    private static ServiceProvider Services(LoopbackServer server, ConcurrentQueue<string> logged)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new QueueLoggerProvider(logged)));
        services.AddOptions<ApiClientOptions>(ClientName).Configure<ILoggerFactory>((options, loggers) =>
        {
            (options.BaseUrl, options.ClientId, options.ClientSecret) = (new Uri(server.BaseUrl, "v1"), "client-di", ClientSecret);
            options.LoggerFactory = loggers;
        });
        services.AddHttpClient(ClientName)
            .ConfigurePrimaryHttpMessageHandler(ApiClientRegistration.CreatePrimaryHandler)
            .AddTypedClient((http, provider) => new SharedTokenClient(
                new ApiTransport(AuthSchemes.Description(), provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(ClientName), http)));
        return services.BuildServiceProvider();
    }

    private sealed class SharedTokenClient(ApiTransport transport)
    {
        public Task<string> GetAsync(string path) => AuthSchemes.GetAsync(transport, path, OAuth);
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(lines);

        public void Dispose()
        {
        }

        private sealed class QueueLogger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => lines.Enqueue(formatter(state, exception) + exception);
        }
    }
}
