using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Aitronos;
using BenchmarkDotNet.Attributes;

namespace Aitronos.Codegen.CallBenchmarks;

/// <summary>
/// <c>POST /organizations/{organization_id}/knowledge/connectors/connections/test</c> with a one-field JSON body and a
/// two-field JSON result: the generated <c>AitronosClient</c> vs <see cref="HandWrittenClient"/>. Each side has its own
/// connection pool to the same server, kept warm across calls as in an application.
/// </summary>
public class TestConnectionCall
{
    private Process _server = null!;
    private AitronosClient _generated = null!;
    private HttpClient _httpClient = null!;
    private HandWrittenClient _handWritten = null!;
    private TestConnectionRequest _generatedRequest = null!;
    private HandTestConnectionRequest _handRequest = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        (_server, var baseUrl) = LoopbackApi.Start();
        _generated = new AitronosClient(new AitronosClientOptions { BaseUrl = baseUrl, ApiKey = LoopbackApi.ApiKey });
        // The handler the transport builds for itself, so that both send the same request (Accept-Encoding included).
        _httpClient = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        _handWritten = new HandWrittenClient(_httpClient, baseUrl, LoopbackApi.ApiKey, "AitronosClient Aitronos.Codegen/0.1.0");
        _generatedRequest = new TestConnectionRequest { SourceId = LoopbackApi.SourceId };
        _handRequest = new HandTestConnectionRequest { SourceId = LoopbackApi.SourceId };

        // Same request, same answer: the server refuses anything else with a 400, which would throw here.
        var generated = await Generated();
        var handWritten = await HandWritten();
        if (generated.Status != handWritten.Status || generated.Message != handWritten.Message || generated.Status != "succeeded")
        {
            throw new InvalidOperationException($"the two sides read different results: {generated.Status}/{generated.Message} vs {handWritten.Status}/{handWritten.Message}");
        }
    }

    [GlobalCleanup]
    public void Stop()
    {
        _generated.Dispose();
        _httpClient.Dispose();
        LoopbackApi.Stop(_server);
    }

    [Benchmark(Baseline = true, Description = "HttpClient + STJ source-gen, by hand")]
    public Task<HandTestConnectionResult> HandWritten()
        => _handWritten.TestConnectionAsync(LoopbackApi.OrganizationId, _handRequest, default);

    [Benchmark(Description = "generated TestConnectionAsync")]
    public Task<TestConnectionResult> Generated()
        => _generated.KnowledgeConnectors.TestConnectionAsync(LoopbackApi.OrganizationId, _generatedRequest, default);
}
