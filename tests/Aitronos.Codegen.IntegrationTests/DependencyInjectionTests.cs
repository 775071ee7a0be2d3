using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Aitronos;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// The generated <c>services.AddAitronosClient(...)</c>: a real service collection, IHttpClientFactory and Kestrel on
/// 127.0.0.1; options from configuration; and a resilience handler that is then the only one to retry.
/// </summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task A_client_registered_from_a_configuration_section_calls_the_api_with_its_settings()
    {
        await using var server = await TestApi.RespondWith(200, TestApi.TestConnectionSucceeded);
        var configuration = Configuration(new Dictionary<string, string?>
        {
            ["Aitronos:BaseUrl"] = new Uri(server.BaseUrl, "v1").ToString(),
            ["Aitronos:ApiKey"] = TestApi.ApiKey,
            ["Aitronos:Timeout"] = "00:00:30",
            ["Aitronos:MaxRetries"] = "1",
            ["Aitronos:DefaultHeaders:X-Tenant"] = "tenant_42",
            ["Aitronos:UserAgent"] = "di-test/1.0",
        });
        var services = new ServiceCollection();
        services.AddAitronosClient(configuration.GetSection("Aitronos"));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<AitronosClient>();
        var result = await client.KnowledgeConnectors.TestConnectionAsync("org_xyz789", new TestConnectionRequest { SourceId = "src_abc123" });

        Expect.Equal("Connection test passed", result.Message, "TestConnectionResult.Message");
        var request = TestApi.SingleRequest(server);
        Expect.Equal("/v1/organizations/org_xyz789/knowledge/connectors/connections/test", request.Target, "request target");
        Expect.Equal(TestApi.ApiKey, request.Header("X-API-Key"), "X-API-Key header (from configuration)");
        Expect.Equal("tenant_42", request.Header("X-Tenant"), "a default header (from configuration)");
        Expect.Equal("di-test/1.0", request.Header("User-Agent"), "User-Agent (from configuration)");
        var options = provider.GetRequiredService<IOptionsMonitor<AitronosClientOptions>>().Get(AitronosClientServiceCollectionExtensions.HttpClientName);
        Expect.Equal(TimeSpan.FromSeconds(30), options.Timeout, "Timeout (from configuration)");
        Expect.Equal(1, options.MaxRetries, "MaxRetries (from configuration)");
    }

    [Fact]
    public async Task Without_a_resilience_handler_the_client_retries_as_configured()
    {
        await using var server = await TestApi.RespondWith(503, "{}");
        var services = new ServiceCollection();
        services.AddAitronosClient(Configuration(new Dictionary<string, string?> { ["Aitronos:MaxRetries"] = "1" }).GetSection("Aitronos"), options =>
        {
            options.BaseUrl = new Uri(server.BaseUrl, "v1");
            options.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
        });
        await using var provider = services.BuildServiceProvider();

        var exception = await Expect.ThrowsAsync<InternalServerException>(
            () => provider.GetRequiredService<AitronosClient>().KnowledgeConnectors.GetHealthAsync(), "GetHealthAsync against a server that answers 503");

        Expect.Equal(2, exception.Attempts, "Attempts (MaxRetries = 1 from configuration)");
        Expect.Equal(2, server.Requests.Count, "requests the server received");
    }

    [Fact]
    public async Task With_the_standard_resilience_handler_only_the_handler_retries()
    {
        await using var server = await TestApi.RespondWith(503, "{}");
        var services = new ServiceCollection();
        services.AddAitronosClient(options =>
            {
                options.BaseUrl = new Uri(server.BaseUrl, "v1");
                options.InitialRetryDelay = TimeSpan.FromMilliseconds(1);
            })
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(1);
                resilience.Retry.UseJitter = false;
            });
        await using var provider = services.BuildServiceProvider();

        var exception = await Expect.ThrowsAsync<InternalServerException>(
            () => provider.GetRequiredService<AitronosClient>().KnowledgeConnectors.GetHealthAsync(), "GetHealthAsync against a server that answers 503");

        // 1 + the handler's 2 retries; with the client's own 2 on top it would be 3 x 3 = 9.
        Expect.Equal(3, server.Requests.Count, "requests the server received");
        Expect.Equal(1, exception.Attempts, "the client's own attempts");
        var options = provider.GetRequiredService<IOptionsMonitor<AitronosClientOptions>>().Get(AitronosClientServiceCollectionExtensions.HttpClientName);
        Expect.Equal(0, options.MaxRetries, "MaxRetries of the registered client's options");
    }

    [Fact]
    public void A_configuration_value_the_option_refuses_names_its_key()
    {
        var services = new ServiceCollection();
        services.AddAitronosClient(Configuration(new Dictionary<string, string?> { ["Aitronos:MaxRetries"] = "many" }).GetSection("Aitronos"));
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<AitronosClient>());

        Expect.Contains("'MaxRetries'", exception.Message, "message");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
