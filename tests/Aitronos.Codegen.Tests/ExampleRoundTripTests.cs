using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// The examples of real specs (2xx JSON responses and component schemas), read through the generated types and
/// written back: nothing is lost or invented. An example that breaks its schema is still read, with what it lacks
/// reported; only a body of another shape than the response as a whole (an array for an object) cannot be read.
/// benchmarks/Aitronos.Codegen.ExampleRoundTrip does the same for GitHub's spec, outside CI.
/// </summary>
public sealed class ExampleRoundTripTests
{
    [SkippableTheory]
    [InlineData("blockfrost.yaml")]
    [InlineData("oai-api-with-examples.yaml")]
    [InlineData("oas-examples/3.0-response-examples.yaml")]
    public void Every_example_is_read_and_written_back_with_nothing_lost(string spec)
    {
        Skip.If(Corpus.Directory is null, Corpus.MissingMessage);
        var results = ExampleRoundTrip.Run(Corpus.Load(spec), out _);

        Assert.NotEmpty(results);
        var lost = results.Where(r => r.Exception is not null && !IsWholeBodyOfAnotherShape(r.Exception)).Select(r => r.Where + ": " + r.Exception);
        Assert.Empty(lost);
        var changed = results.Where(r => r.Exception is null && !r.SameValue).Select(r => r.Where + ": " + r.Difference);
        Assert.Empty(changed);
    }

    private static bool IsWholeBodyOfAnotherShape(string exception) =>
        exception.StartsWith("JsonException: Expected a JSON object for ", System.StringComparison.Ordinal)
        || exception.StartsWith("JsonException: Expected an array but found ", System.StringComparison.Ordinal);
}
