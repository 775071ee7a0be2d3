using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Aitronos.Codegen.ContractTests;

/// <summary>Real APIs from ../shared/corpus against Prism, through clients generated at test time.</summary>
public sealed class CorpusContractTests
{
    private readonly ITestOutputHelper _output;

    public CorpusContractTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public Task PetstoreExpanded() => ContractAssert.CorpusAsync(_output, "oai-petstore-expanded.yaml", new Dictionary<string, Exclusion>());

    [SkippableFact]
    public Task Galaxy()
    {
        // The spec's Planet example nests a satellite whose orbit.planet is a Planet without its required id and name:
        // with --errors Prism validates the response it built from that example and answers 500 (request accepted).
        const string recursiveExample = "satellites.0.orbit.planet.satellites.0.orbit.planet must have required property 'id'";
        var prismServesAnInvalidExample = new Exclusion.PrismResponseBroken(recursiveExample, "Prism answers 500: the spec's recursive Planet example fails its own schema");
        return ContractAssert.CorpusAsync(_output, "galaxy.yaml", new Dictionary<string, Exclusion>
        {
            ["POST /planets"] = prismServesAnInvalidExample,
            ["GET /planets/{planetId}"] = prismServesAnInvalidExample,
            ["PUT /planets/{planetId}"] = prismServesAnInvalidExample,
            ["POST /celestial-bodies"] = prismServesAnInvalidExample,
        });
    }

}

/// <summary>Blockfrost (129 operations), in a class of its own so that it runs beside the others.</summary>
public sealed class BlockfrostContractTests
{
    private readonly ITestOutputHelper _output;

    public BlockfrostContractTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public Task Blockfrost()
    {
        const string badExample = "Prism answers 500: the spec's own response example breaks its schema";
        return ContractAssert.CorpusAsync(_output, "blockfrost.yaml", new Dictionary<string, Exclusion>
        {
            ["GET /accounts/{stake_address}/utxos"] = new Exclusion.PrismResponseBroken("Response body property 0 must have required property 'tx_index'", badExample),
            ["GET /addresses/{address}/utxos"] = new Exclusion.PrismResponseBroken("Response body property 0 must have required property 'tx_index'", badExample),
            ["GET /addresses/{address}/utxos/{asset}"] = new Exclusion.PrismResponseBroken("Response body property 0 must have required property 'tx_index'", badExample),
            ["GET /pools/extended"] = new Exclusion.PrismResponseBroken("Response body property 0.live_saturation must be number", badExample),
            ["GET /utils/addresses/xpub/{xpub}/{role}/{index}"] = new Exclusion.PrismResponseBroken("Response body must be object", badExample),
            // The spec declares a Content-Type header parameter (enum application/json), which OpenAPI says to ignore;
            // Prism validates it against the full header the client sends, "application/json; charset=utf-8".
            ["POST /utils/txs/evaluate/utxos"] = new Exclusion.PrismRejectsValidRequest(
                "Request header parameter content-type must be equal to one of the allowed values: application/json",
                "Prism checks a Content-Type header parameter that OpenAPI says to ignore, and rejects '; charset=utf-8'"),
        });
    }
}
