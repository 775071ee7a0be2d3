using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Aitronos.Codegen.ContractTests;

/// <summary>What the oas-examples feature specs share: Prism's known failures on valid multipart bodies and parameters.</summary>
internal static class PrismFaults
{
    public static readonly Exclusion MultipartRepeatedParts = new Exclusion.PrismRejectsValidRequest(
        "must be array",
        "Prism does not read repeated multipart parts (an array, as OpenAPI sends it) or a JSON part (an object) back as such");

    public static readonly Exclusion MultipartReservedCharacters = new Exclusion.PrismRejectsValidRequest(
        "Reserved characters used in request body",
        "Prism applies the URL-encoding reserved-character rule (allowReserved) to multipart parts");

    public static readonly Exclusion DelimitedObjectCrash = new Exclusion.PrismCrashes(
        "delimited style is only applicable to array parameter",
        "Prism's process dies on a pipe/spaceDelimited object (sent, or absent and optional)");

    public static readonly Exclusion StylePathParameterCrash = new Exclusion.PrismCrashes(
        "validator/deserializers/style/",
        "Prism's process dies deserializing an array or object path parameter sent in the spec's own style (simple, label, matrix): a TypeError in its style deserializer (value.split / startsWith of a non-string)");

    public static readonly Exclusion NoResponseDefined = new Exclusion.PrismResponseBroken(
        "No response defined for the selected operation",
        "the spec defines no response for the operation, so Prism answers 500 (request accepted)");

    public static Dictionary<string, Exclusion> ParameterStyles() => new()
    {
        ["POST /anything/form-data"] = MultipartRepeatedParts,
        ["POST /anything/form-data/form"] = MultipartReservedCharacters,
        ["PUT /anything/form-data/form"] = MultipartReservedCharacters,
        ["POST /anything/form-data/pipeDelimited"] = DelimitedObjectCrash,
        ["POST /anything/form-data/spaceDelimited"] = DelimitedObjectCrash,
        ["GET /anything/query/pipeDelimited"] = DelimitedObjectCrash,
        ["GET /anything/query/spaceDelimited"] = DelimitedObjectCrash,
        ["GET /anything/path/{primitive}/{array}/{object}"] = StylePathParameterCrash,
        ["GET /anything/path/simple/{primitive}/{array}/{object}"] = StylePathParameterCrash,
        ["POST /anything/path/simple/{primitive}/{array}/{object}"] = StylePathParameterCrash,
        ["GET /anything/path/label/{primitive}/{array}/{object}"] = StylePathParameterCrash,
        ["GET /anything/path/matrix/{primitive}/{array}/{object}"] = StylePathParameterCrash,
    };
}

/// <summary>oas-examples parameters-style, 3.0 and 3.1: every parameter style in path, query, header, cookie and forms.</summary>
public sealed class ParameterStyleContractTests
{
    private readonly ITestOutputHelper _output;

    public ParameterStyleContractTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public Task ParameterStyles30() => ContractAssert.CorpusAsync(_output, "oas-examples/3.0-parameters-style.yaml", PrismFaults.ParameterStyles());

    [SkippableFact]
    public Task ParameterStyles31()
    {
        Dictionary<string, Exclusion> exclusions = PrismFaults.ParameterStyles();
        // The 3.1 edition leaves these operations without responses.
        foreach (string operation in new[]
        {
            "GET /anything/form-data/deepObject", "GET /anything/query", "GET /anything/query/deepObject",
            "GET /anything/query/form", "POST /anything/query/form", "GET /cookies", "GET /cookies#formExploded", "GET /cookies#formNonExploded",
            "GET /anything/headers", "GET /anything/headers/simple", "POST /anything/headers/simple",
            "POST /anything/path/label/{primitive}/{array}/{object}", "POST /anything/path/matrix/{primitive}/{array}/{object}",
        })
        {
            exclusions[operation] = PrismFaults.NoResponseDefined;
        }

        return ContractAssert.CorpusAsync(_output, "oas-examples/3.1-parameters-style.yaml", exclusions);
    }
}

/// <summary>oas-examples form-data, file-uploads and schema-encoding-style: form, multipart and binary bodies.</summary>
public sealed class BodyEncodingContractTests
{
    private readonly ITestOutputHelper _output;

    public BodyEncodingContractTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public Task FormData() => ContractAssert.CorpusAsync(_output, "oas-examples/3.0-form-data.yaml", new Dictionary<string, Exclusion>());

    [SkippableFact]
    public Task FileUploads() => ContractAssert.CorpusAsync(_output, "oas-examples/3.0-file-uploads.yaml", new Dictionary<string, Exclusion>
    {
        ["PUT /anything/multipart-formdata"] = PrismFaults.MultipartRepeatedParts,
    });

    [SkippableTheory]
    [InlineData("oas-examples/3.0-schema-encoding-style.yaml")]
    [InlineData("oas-examples/3.1-schema-encoding-style.yaml")]
    public Task SchemaEncodingStyle(string spec) => ContractAssert.CorpusAsync(_output, spec, new Dictionary<string, Exclusion>
    {
        ["PUT /form/primitive"] = PrismFaults.MultipartReservedCharacters,
    });
}

/// <summary>oas-examples discriminators and polymorphism: oneOf, anyOf, allOf, with and without discriminators.</summary>
public sealed class UnionContractTests
{
    private readonly ITestOutputHelper _output;

    public UnionContractTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public Task Discriminators()
    {
        var overlap = new Exclusion.OneOfBranchesOverlap();
        return ContractAssert.CorpusAsync(_output, "oas-examples/3.0-discriminators.yaml", new Dictionary<string, Exclusion>
        {
            ["PATCH /discriminator-with-mapping"] = overlap,
            ["PATCH /discriminator-with-no-mapping"] = overlap,
            ["PATCH /embedded-discriminator"] = overlap,
            ["PATCH /improper-discriminator-placement"] = overlap,
            ["PATCH /mapping-of-schema-names"] = overlap,
            ["PATCH /mapping-with-duplicate-schemas"] = overlap,
            ["PATCH /nested-one-of-object-with-nested-one-of"] = overlap,
            ["PATCH /oneof-allof-top-level-disc"] = overlap,
            ["POST /potentially-undefined-formData"] = overlap,
        });
    }

    [SkippableFact]
    public Task Polymorphism()
    {
        var overlap = new Exclusion.OneOfBranchesOverlap();
        return ContractAssert.CorpusAsync(_output, "oas-examples/3.0-polymorphism.yaml", new Dictionary<string, Exclusion>
        {
            ["POST /anything/nested-one-of-object-ref"] = overlap,
            ["POST /anything/nested-one-of-object-with-nested-one-of"] = overlap,
            ["POST /anything/nested-one-of-ref"] = overlap,
            ["POST /anything/one-of-object"] = overlap,
            ["POST /anything/one-of-object-ref"] = overlap,
            ["POST /one-of-with-type"] = overlap,
            ["PATCH /pets"] = overlap,
        });
    }
}
