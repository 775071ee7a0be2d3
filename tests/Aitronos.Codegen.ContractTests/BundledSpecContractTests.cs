using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Aitronos.Codegen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Aitronos.Codegen.ContractTests;

/// <summary>The bundled Aitronos spec against Prism: every operation accepted by Prism and its response read.</summary>
public sealed class BundledSpecContractTests
{
    private readonly ITestOutputHelper _output;

    public BundledSpecContractTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// The streamed model response: Prism validates the request (<see cref="TamperedRequestTests"/> shows it rejecting a
    /// broken one), then checks the <c>text/event-stream</c> body it made from the spec's example against the schema of
    /// one event, as if the stream were a single JSON value, and answers 500 with only response violations. The events
    /// themselves are read from a real server by the integration tests (BundledSurfaceTests).
    /// </summary>
    private static readonly Exclusion s_eventStreamAsOneJsonValue = new Exclusion.PrismResponseBroken(
        "Response body must be object",
        "Prism does not read text/event-stream: it validates the whole stream as one JSON value against one event's schema");

    [SkippableFact]
    public async Task EveryOperationIsAcceptedByPrismAndItsResponseRead()
    {
        ContractReport report = await ContractAssert.BundledAsync(_output, new Dictionary<string, Exclusion>
        {
            ["POST /model/response"] = s_eventStreamAsOneJsonValue,
        });
        Assert.Equal(report.SpecOperations.Count, report.Outcomes.Select(o => o.Operation).Distinct().Count());
    }
}

/// <summary>
/// The proof that the harness can fail: calls of the bundled spec's client, each tampered with on the wire in one way,
/// are rejected by Prism and reported as not accepted, with the client's typed exception.
/// </summary>
public sealed class TamperedRequestTests : IClassFixture<TamperedRequestTests.TamperedRun>
{
    private const string ListJobs = "GET /organizations/{organization_id}/knowledge/connectors/jobs";
    private const string TestConnection = "POST /organizations/{organization_id}/knowledge/connectors/connections/test";
    private const string ListConnections = "GET /organizations/{organization_id}/knowledge/connectors/connections";
    private const string ModelResponse = "POST /model/response";

    private readonly TamperedRun _run;
    private readonly ITestOutputHelper _output;

    public TamperedRequestTests(TamperedRun run, ITestOutputHelper output)
    {
        _run = run;
        _output = output;
    }

    [SkippableFact]
    public void AQueryParameterOfTheWrongTypeIsRejected() =>
        AssertRejected(Outcome(ListJobs), 422, "Request query parameter limit must be integer");

    [SkippableFact]
    public void ABodyMissingARequiredPropertyIsRejected() =>
        AssertRejected(Outcome(TestConnection), 422, "must have required property 'source_id'");

    /// <summary>Prism judges the streamed operation's request, although it cannot make its response (the exclusion above).</summary>
    [SkippableFact]
    public void AStreamedResponsesRequestMissingARequiredPropertyIsRejected() =>
        AssertRejected(Outcome(ModelResponse), 422, "must have required property 'input'");

    [SkippableFact]
    public void ARequestWithoutCredentialsIsRejected() =>
        AssertRejected(Outcome(ListConnections), 401, "Invalid security scheme used");

    private OperationOutcome Outcome(string operation)
    {
        Skip.If(PrismServer.Executable is null, PrismServer.MissingMessage);
        OperationOutcome outcome = Assert.Single(_run.Report.Value.Outcomes, o => o.Operation == operation);
        _output.WriteLine(outcome.ToString());
        return outcome;
    }

    private static void AssertRejected(OperationOutcome outcome, int status, string violation)
    {
        Assert.False(outcome.Accepted, "the tampered request was reported as accepted:\n" + outcome);
        Exchange exchange = Assert.Single(outcome.Exchanges);
        Assert.Equal(status, exchange.Status);
        Assert.Contains(violation, exchange.Violations ?? "", StringComparison.Ordinal);

        // The client surfaced Prism's verdict as its typed exception, keeping the status.
        Assert.Contains($"(status {status})", outcome.Error, StringComparison.Ordinal);
    }

    /// <summary>One run of the four operations, each with its own tampering.</summary>
    public sealed class TamperedRun
    {
        public Lazy<ContractReport> Report { get; } = new(() => ContractRun.RunAsync(
            GeneratorHarness.BundledSpec(),
            System.IO.Path.Combine(GeneratorHarness.TestSpecsDirectory, "aitronos.openapi.yaml"),
            TamperAsync,
            o => o is ListJobs or TestConnection or ListConnections or ModelResponse).GetAwaiter().GetResult());

        private static async Task TamperAsync(HttpRequestMessage request)
        {
            string path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/jobs", StringComparison.Ordinal))
            {
                var uri = new UriBuilder(request.RequestUri);
                uri.Query = (uri.Query.TrimStart('?') + "&limit=many").TrimStart('&');
                request.RequestUri = uri.Uri;
            }
            else if (path.EndsWith("/connections/test", StringComparison.Ordinal))
            {
                await RemoveBodyPropertyAsync(request, "source_id");
            }
            else if (path.EndsWith("/model/response", StringComparison.Ordinal))
            {
                await RemoveBodyPropertyAsync(request, "input");
            }
            else if (!(request.Headers.Remove("X-API-Key") | request.Headers.Remove("Authorization")))
            {
                throw new InvalidOperationException("the client sent no credentials to remove");
            }
        }

        private static async Task RemoveBodyPropertyAsync(HttpRequestMessage request, string name)
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync())!.AsObject();
            if (!body.Remove(name))
            {
                throw new InvalidOperationException($"the client sent no {name} to remove: " + body.ToJsonString());
            }

            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
    }
}
