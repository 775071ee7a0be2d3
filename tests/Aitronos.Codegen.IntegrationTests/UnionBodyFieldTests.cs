using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Aitronos.Codegen.IntegrationTests.PatchAndStatuses;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// Union-typed fields (<c>oneOf</c> of scalars, and of a string and an object) in a form and in multipart, as a real
/// Kestrel server parses them (tests/Aitronos.Codegen.Tests/TestSpecs/patch-and-statuses.openapi.yaml, <c>tagItem</c>).
/// </summary>
public sealed class UnionBodyFieldTests
{
    [Fact]
    public async Task A_form_sends_each_union_variant_as_that_variant_would_be_sent()
    {
        await using var server = await TestApi.RespondWith(204, null);
        using var client = Client(server);

        await client.TagItemAsync(new TagRequest { Item = 12345678901L, Window = "last-week" });
        await client.TagItemAsync(new TagRequest { Item = "chair", Window = new TimeRange { From = 1, To = 5 } });

        var requests = server.Requests;
        Expect.Sequence([("item", "12345678901"), ("window", "last-week")], await FormBodies.Pairs(requests[0].Body), "integer and string variants");
        Expect.Sequence([("item", "chair"), ("window[from]", "1"), ("window[to]", "5")], await FormBodies.Pairs(requests[1].Body), "string and object (deepObject) variants");
    }

    [Fact]
    public async Task Multipart_sends_a_scalar_variant_as_a_field_and_an_object_variant_as_a_JSON_part()
    {
        await using var server = await TestApi.RespondWith(204, null);
        using var client = Client(server);

        await client.TagItemAsMultipartAsync(new TagRequest { Item = 7, Window = new TimeRange { From = 1, To = 5 } });

        var request = TestApi.SingleRequest(server);
        var parts = await Parts(request.Header("Content-Type")!, request.Body);
        Expect.Sequence(
            [("item", null, "7"), ("window", "application/json; charset=utf-8", """{"from":1,"to":5}""")],
            parts,
            "multipart parts: name, content type, body");
    }

    private static PatchAndStatusesClient Client(LoopbackServer server) =>
        new(new PatchAndStatusesClientOptions { BaseUrl = new Uri(server.BaseUrl, "v1") });

    private static async Task<List<(string, string?, string)>> Parts(string contentType, byte[] body)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        var parts = new List<(string, string?, string)>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var text = new StreamReader(section.Body);
            parts.Add((HeaderUtilities.RemoveQuotes(disposition.Name).Value!, section.ContentType, await text.ReadToEndAsync()));
        }

        return parts;
    }
}
