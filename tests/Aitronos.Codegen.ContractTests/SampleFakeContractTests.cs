using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Aitronos.Codegen.Tests.Infrastructure;
using QuickStart;
using Xunit;
using Xunit.Abstractions;

namespace Aitronos.Codegen.ContractTests;

/// <summary>
/// samples/QuickStart's embedded fake of the Aitronos API (its source is compiled into this project) against the bundled
/// spec: every operation, called through the generated client as the Prism run calls it, is answered 2xx by the fake's
/// own route for it, with a body the client reads without a problem (the streamed model response included).
/// </summary>
public sealed class SampleFakeContractTests
{
    private readonly ITestOutputHelper _output;

    public SampleFakeContractTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task The_QuickStart_fake_answers_every_bundled_operation_with_a_body_the_client_reads()
    {
        var started = new List<SampleFakeServer>();
        ContractReport report = await ContractAssert.CheckAsync(
            _output,
            "aitronos.openapi.yaml against samples/QuickStart's fake",
            GeneratorHarness.BundledSpec(),
            () =>
            {
                var server = SampleFakeServer.Start();
                started.Add(server);
                return server;
            },
            new Dictionary<string, Exclusion>());

        // Each call reached the route of its own operation (a literal segment such as sources/test must not fall to {source_id}).
        var answered = started.SelectMany(s => s.Fake.Answered).ToList();
        Assert.Equal(report.Outcomes.Select(o => o.Operation), answered);
        Assert.Equal(report.SpecOperations, FakeAitronosApi.Operations.Order(StringComparer.Ordinal));
    }

    private sealed class SampleFakeServer : IContractServer
    {
        private SampleFakeServer(FakeAitronosApi fake) => Fake = fake;

        public FakeAitronosApi Fake { get; }

        public Uri BaseUrl => Fake.BaseUrl;

        public bool HasExited => false;

        public string Log => string.Empty;

        /// <summary>Starts the fake accepting the API key the contract run's client sends.</summary>
        public static SampleFakeServer Start() => new(FakeAitronosApi.StartAsync("test-api-key").GetAwaiter().GetResult());

        public bool WaitForExit(TimeSpan timeout) => false;

        public void Dispose() => Fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
