using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Aitronos.Codegen.IntegrationTests.Bodies;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// Request and response bodies other than JSON (the spec is tests/Aitronos.Codegen.Tests/TestSpecs/bodies.openapi.yaml),
/// through the generated BodiesClient to a real Kestrel server that parses what arrives.
/// </summary>
public sealed class RequestBodyTests
{
    private const string CustomerJson = """{"id":"cus_1"}""";

    [Fact]
    public async Task A_Stripe_style_form_arrives_as_the_specs_encoding_says()
    {
        await using var server = await TestApi.RespondWith(200, CustomerJson);
        using var client = Client(server);

        var customer = await client.CreateCustomerAsync(new CreateCustomerRequest
        {
            Email = "jenny+1@example.com",
            Balance = 100,
            TaxExempt = true,
            Address = new CreateCustomerRequestAddress { Line1 = "1 Main St", City = "Zürich" },
            Metadata = new Dictionary<string, string> { ["order_id"] = "6735", ["note"] = "a&b=c [x]" },
            Expand = ["customer", "invoice.subscription"],
            Items = [new CreateCustomerRequestItemsItem { Price = "price_1", Quantity = 2 }, new CreateCustomerRequestItemsItem { Price = "price_2" }],
            Tags = ["a", "b c"],
            Flags = ["x", "y"],
            Channels = ["email", "sms"],
            Preferences = new CreateCustomerRequestPreferences { Language = "de" },
        });

        var request = TestApi.SingleRequest(server);
        Expect.Equal("application/x-www-form-urlencoded", request.Header("Content-Type"), "Content-Type");
        Expect.Sequence(
            [
                ("email", "jenny+1@example.com"),
                ("balance", "100"),
                ("tax_exempt", "true"),
                ("address[line1]", "1 Main St"),
                ("address[city]", "Zürich"),
                ("metadata[order_id]", "6735"),
                ("metadata[note]", "a&b=c [x]"),
                ("expand[0]", "customer"),
                ("expand[1]", "invoice.subscription"),
                ("items[0][price]", "price_1"),
                ("items[0][quantity]", "2"),
                ("items[1][price]", "price_2"),
                ("tags", "a,b c"),
                ("flags", "x|y"),
                ("channels", "email"),
                ("channels", "sms"),
                ("preferences", """{"language":"de"}"""),
            ],
            await FormBodies.Pairs(request.Body),
            "form pairs as the server's form reader parses them, in order");
        Expect.Equal("cus_1", customer.Id, "Customer.Id");
    }

    [Fact]
    public async Task Another_media_type_has_its_own_method_and_JSON_stays_the_default()
    {
        await using var server = await TestApi.RespondWith(200, """{"name":"Rex"}""");
        using var client = Client(server);

        await client.AddPetAsync(new Pet { Name = "Rex", Tag = "dog" });
        await client.AddPetAsFormAsync(new Pet { Name = "Rex", Tag = "dog" });
        var text = await client.AddPetAsTextAsync("Rex the dog");

        var requests = server.Requests;
        Expect.Equal("application/json; charset=utf-8", requests[0].Header("Content-Type"), "Content-Type of AddPetAsync");
        Expect.Equal("""{"name":"Rex","tag":"dog"}""", requests[0].BodyText, "body of AddPetAsync");
        Expect.Equal("application/x-www-form-urlencoded", requests[1].Header("Content-Type"), "Content-Type of AddPetAsFormAsync");
        Expect.Sequence([("name", "Rex"), ("tag", "dog")], await FormBodies.Pairs(requests[1].Body), "form pairs of AddPetAsFormAsync");
        Expect.Equal("text/plain; charset=utf-8", requests[2].Header("Content-Type"), "Content-Type of AddPetAsTextAsync");
        Expect.Equal("Rex the dog", requests[2].BodyText, "body of AddPetAsTextAsync");
        Expect.Equal("Rex", text.Name, "the JSON answer to AddPetAsTextAsync");
    }

    [Fact]
    public async Task Multipart_sends_files_fields_and_a_JSON_part_and_leaves_the_callers_stream_open()
    {
        await using var server = await TestApi.RespondWith(200, CustomerJson);
        using var client = Client(server);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 fake");
        using var stream = new MemoryStream(pdf);

        await client.UploadFileAsync(new UploadFileRequest
        {
            File = new ApiFile(stream, "report \"final\".pdf", "application/pdf"),
            Purpose = "assistants",
            Attachments = [new byte[] { 1, 2, 3 }, new ApiFile(new byte[] { 4 }, "four.bin")],
            Options = new UploadFileRequestOptions { Public = true, ExpiresAfter = 3600 },
            Thumbnail = new byte[] { 0x89, 0x50, 0x4E, 0x47 },
        });

        Expect.True(stream.CanRead, "the caller's stream is still open after the call (the caller owns it)");
        var parts = await MultipartParts(TestApi.SingleRequest(server));
        Expect.Sequence(
            [
                "file; report %22final%22.pdf; application/pdf; %PDF-1.7 fake",
                "purpose; ; ; assistants",
                "attachments; attachments; application/octet-stream; 010203",
                "attachments; four.bin; application/octet-stream; 04",
                """options; ; application/json; charset=utf-8; {"public":true,"expires_after":3600}""",
                "thumbnail; thumbnail; image/png; 89504E47",
            ],
            parts,
            "multipart parts as the server's multipart reader parses them (name; file name; content type; body)");
    }

    [Fact]
    public async Task A_binary_upload_sends_the_stream_as_it_is_with_the_specs_media_type_or_the_callers_choice()
    {
        await using var server = await TestApi.RespondWith(204, null);
        using var client = Client(server);
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);
        using var stream = new MemoryStream(bytes);

        await client.PutBlobAsync("a b", stream);
        await client.UploadImageAsync(new MemoryStream(bytes, 0, 10));
        await client.UploadImageAsync(new MemoryStream(bytes, 0, 5), contentType: "image/jpeg");

        var requests = server.Requests;
        Expect.Equal("/v1/blobs/a%20b", requests[0].Target, "request target");
        Expect.Equal("application/octet-stream", requests[0].Header("Content-Type"), "Content-Type");
        Expect.True(bytes.AsSpan().SequenceEqual(requests[0].Body), "the server received exactly the stream's bytes");
        Expect.True(stream.CanRead, "the caller's stream is still open after the call (the caller owns it)");
        Expect.Equal("image/png", requests[1].Header("Content-Type"), "Content-Type of an image upload by default (the spec's first)");
        Expect.Equal(10, requests[1].Body.Length, "bytes of the image upload");
        Expect.Equal("image/jpeg", requests[2].Header("Content-Type"), "Content-Type of an image upload the caller chose");
        Expect.Equal(5, requests[2].Body.Length, "bytes of the second image upload");
    }

    [Fact]
    public async Task A_100_MB_download_streams_with_bounded_memory()
    {
        const int chunk = 64 * 1024;
        const long total = 100L * 1024 * 1024;
        var pattern = new byte[chunk];
        for (var i = 0; i < chunk; i++)
        {
            pattern[i] = (byte)(i * 31);
        }

        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = total;
            for (long sent = 0; sent < total; sent += chunk)
            {
                await context.Response.Body.WriteAsync(pattern, context.RequestAborted);
            }
        });
        using var client = Client(server);
        var buffer = new byte[81920];

        // Warm up the connection and the code paths, so that what is measured is the body.
        await using (var warm = await client.GetBlobAsync("warm-up"))
        {
            Expect.True(await warm.ReadAsync(buffer) > 0, "the warm-up download has a body");
        }

        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long received = 0;
        bool intact = true;
        await using (var body = await client.GetBlobAsync("big"))
        {
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                for (var i = 0; i < read; i += 4099)
                {
                    intact &= buffer[i] == pattern[(received + i) % chunk];
                }

                received += read;
            }
        }

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Expect.Equal(total, received, "bytes read from the download stream");
        Expect.True(intact, "the downloaded bytes are the server's, in order");
        // Client and server share the process, so this counts both; a buffered body alone would be over 100 MB.
        Expect.True(allocated < 16L * 1024 * 1024, $"a 100 MB download allocated {allocated / 1024} KB in the process, more than the 16 MB a streamed one needs");
    }

    [Fact]
    public async Task Text_goes_and_comes_as_a_string()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            await LoopbackServer.RespondAsync(context, 200, text.ToUpperInvariant(), "text/plain; charset=utf-8");
        });
        using var client = Client(server);

        var echoed = await client.EchoTextAsync("grüezi\nwelt");

        var request = TestApi.SingleRequest(server);
        Expect.Equal("text/plain; charset=utf-8", request.Header("Content-Type"), "Content-Type");
        Expect.Equal("grüezi\nwelt", request.BodyText, "request body");
        Expect.Equal("GRÜEZI\nWELT", echoed, "response text");
    }

    private static BodiesClient Client(LoopbackServer server) =>
        new(new BodiesClientOptions { BaseUrl = new Uri(server.BaseUrl, "v1") });

    /// <summary>Each part as "name; file name; content type; body" (a body with a file name in hex).</summary>
    private static async Task<List<string>> MultipartParts(RecordedRequest request)
    {
        var contentType = MediaTypeHeaderValue.Parse(request.Header("Content-Type"));
        Expect.Equal("multipart/form-data", contentType.MediaType.Value, "Content-Type media type");
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(contentType.Boundary).Value!, new MemoryStream(request.Body));
        var parts = new List<string>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body);
            var fileName = disposition.FileName.Value;
            var text = fileName is null ? Encoding.UTF8.GetString(body.ToArray()) : fileName.StartsWith("report", StringComparison.Ordinal) ? Encoding.ASCII.GetString(body.ToArray()) : Convert.ToHexString(body.ToArray());
            parts.Add($"{disposition.Name.Value}; {fileName}; {section.ContentType}; {text}");
        }

        return parts;
    }
}
