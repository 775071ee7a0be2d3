using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Aitronos.Codegen.IntegrationTests.Unions;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// Unions on the wire (the spec is tests/Aitronos.Codegen.Tests/TestSpecs/unions.openapi.yaml): a discriminated union
/// as request and response body, a response whose discriminator names no variant, and an integer-or-string union as a
/// path parameter, through the generated UnionsClient to a real Kestrel server.
/// </summary>
public sealed class UnionWireTests
{
    [Fact]
    public async Task A_union_body_is_sent_as_the_variant_it_holds_and_the_response_reads_as_its_variant()
    {
        await using var server = await TestApi.RespondWith(200, """{"petType":"cat","name":"Tom","lives":7}""");
        using var client = Client(server);

        Pet stored = await client.AddPetAsync(new Dog { PetType = "dog", Name = "Rex", GoodBoy = true });

        var request = TestApi.SingleRequest(server);
        Expect.True(JsonNode.DeepEquals(JsonNode.Parse("""{"petType":"dog","name":"Rex","goodBoy":true}"""), JsonNode.Parse(request.BodyText)), "request body: " + request.BodyText);
        Expect.True(stored.IsCat, "response variant: " + stored);
        Expect.Equal(7, stored.AsCat!.Lives, "cat's lives");
    }

    [Fact]
    public async Task A_response_whose_discriminator_names_no_variant_is_kept_and_reported_not_lost()
    {
        const string body = """{"petType":"lizard","name":"Liz","scales":1200}""";
        await using var server = await TestApi.RespondWith(200, body);
        using var client = Client(server);

        Pet pet = await client.AddPetAsync(new Cat { PetType = "cat", Name = "Tom" });

        Expect.True(pet.IsUnknown, "unknown variant");
        Expect.Equal(JsonReadProblemKind.NoVariant, pet.JsonReadProblems.Single().Kind, "problem kind");
        Expect.True(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(JsonSerializer.Serialize(pet, UnionsJsonContext.Default.Pet))), "written back unchanged");

        using (JsonReading.Use(JsonReadMode.Strict))
        {
            await Expect.ThrowsAsync<ApiResponseFormatException>(() => client.AddPetAsync(new Cat { PetType = "cat", Name = "Tom" }), "strict reading of an unknown variant");
        }
    }

    [Fact]
    public async Task An_integer_or_string_union_path_parameter_is_formatted_by_the_variant_it_holds()
    {
        await using var server = await TestApi.RespondWith(200, """{"side":2}""");
        using var client = Client(server);

        Shape byNumber = await client.GetThingAsync(5000000000L);
        Shape byName = await client.GetThingAsync("main.yml");

        Expect.Equal("/v1/things/5000000000", server.Requests[0].Target, "integer id");
        Expect.Equal("/v1/things/main.yml", server.Requests[1].Target, "string id");
        Expect.True(byNumber.IsSquare && byName.AsSquare!.Side == 2, "response variant: " + byNumber);
    }

    private static UnionsClient Client(LoopbackServer server) =>
        new(new UnionsClientOptions { BaseUrl = new Uri(server.BaseUrl, "v1") });
}
