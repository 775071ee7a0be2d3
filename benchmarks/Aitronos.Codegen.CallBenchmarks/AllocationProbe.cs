using System;
using System.Net.Http;
using System.Threading.Tasks;
using Aitronos;
using Aitronos.Codegen.Runtime;

namespace Aitronos.Codegen.CallBenchmarks;

/// <summary>
/// <c>--probe</c>: bytes allocated per call by each side and by parts of the generated call, over many sequential calls
/// (process-wide counter; the server is in its own process). A quick check while changing the runtime; the
/// benchmark is the measurement.
/// </summary>
internal static class AllocationProbe
{
    public static async Task RunAsync(int calls)
    {
        var (server, baseUrl) = LoopbackApi.Start();
        try
        {
            var benchmark = new TestConnectionCall();
            await benchmark.StartAsync();
            var transport = new ApiTransport(
                new ApiDescription("Probe", null, new ApiKeySecurity("X-API-Key", ApiKeyLocation.Header, null), new BearerSecurity(null)),
                new ApiClientOptions { BaseUrl = baseUrl, ApiKey = LoopbackApi.ApiKey });
            var handWritten = await ReportAsync("hand-written", calls, () => benchmark.HandWritten());
            var generated = await ReportAsync("generated", calls, () => benchmark.Generated());
            Console.WriteLine($"{"generated / hand-written",-28} {generated / handWritten,8:0.000}x (budget: 1.10x)");
            using (var sampler = new AllocationSampler())
            {
                sampler.Start();
                for (var i = 0; i < calls * 10; i++)
                {
                    await benchmark.Generated();
                }

                sampler.Stop();
                sampler.Print(30);
            }

            await ReportAsync("path + CreateRequest only", calls, () =>
            {
                var path = new RequestPath("/organizations/").Segment(LoopbackApi.OrganizationId, "organizationId").Literal("/knowledge/connectors/connections/test");
                transport.CreateRequest(HttpMethod.Post, path.ToString()).Dispose();
                return Task.CompletedTask;
            });
            var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.All }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            var url = new Uri(baseUrl + "/organizations/org_xyz789/knowledge/connectors/connections/test");
            await ReportAsync("HttpClient.SendAsync only", calls, async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Body() };
                request.Headers.TryAddWithoutValidation("X-API-Key", LoopbackApi.ApiKey);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            });
            await ReportAsync("ApiTransport.SendAsync only", calls, async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = Body() };
                using var response = await transport.SendAsync(request, ApiAuth.ApiKey, default);
            });
            benchmark.Stop();
            transport.Dispose();
        }
        finally
        {
            LoopbackApi.Stop(server);
        }
    }

    private static HttpContent Body()
    {
        var content = new ByteArrayContent("{\"source_id\":\"src_abc123\"}"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        return content;
    }

    private static async Task<double> ReportAsync(string name, int calls, Func<Task> call)
    {
        for (var i = 0; i < 2_000; i++)
        {
            await call();
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
        Console.WriteLine($"{name,-28} {perCall,8:N0} B/call");
        return perCall;
    }
}
