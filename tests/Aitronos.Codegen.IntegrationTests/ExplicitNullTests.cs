using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Aitronos.Codegen.IntegrationTests.PatchAndStatuses;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// Explicit <c>null</c> versus absent in request bodies (PATCH semantics), as a real Kestrel server receives them
/// (the spec is tests/Aitronos.Codegen.Tests/TestSpecs/patch-and-statuses.openapi.yaml).
/// </summary>
public sealed class ExplicitNullTests
{
    private const string SourceJson = """{"id":"src_1","name":null}""";

    [Fact]
    public async Task A_property_assigned_null_is_sent_as_null_and_one_not_assigned_is_left_out()
    {
        await using var server = await TestApi.RespondWith(200, SourceJson);
        using var client = Client(server);

        await client.UpdateSourceAsync("src_1", new SourcePatch { Name = null, Limit = 5, Schedule = new Schedule { Zone = null } });

        var request = TestApi.SingleRequest(server);
        Expect.Equal("PATCH", request.Method, "method");
        Expect.Equal("application/merge-patch+json", MediaType(request.Header("Content-Type")), "Content-Type");
        Expect.Equal("""{"limit":5,"schedule":{"zone":null},"name":null}""", request.BodyText, "body: name and zone assigned null, tags and cron not assigned");
    }

    [Fact]
    public async Task Every_kind_of_nullable_property_can_be_sent_as_null()
    {
        await using var server = await TestApi.RespondWith(200, SourceJson);
        using var client = Client(server);

        await client.UpdateSourceAsync("src_1", new SourcePatch { Name = null, Limit = null, Schedule = null, Tags = null });

        using var sent = JsonDocument.Parse(TestApi.SingleRequest(server).BodyText);
        var names = new List<string>();
        foreach (var property in sent.RootElement.EnumerateObject())
        {
            Expect.Equal(JsonValueKind.Null, property.Value.ValueKind, "value of " + property.Name);
            names.Add(property.Name);
        }

        names.Sort(StringComparer.Ordinal);
        Expect.Sequence(["limit", "name", "schedule", "tags"], names, "properties sent as null (note is not nullable: never sent as null)");
    }

    [Fact]
    public async Task An_empty_patch_sends_an_empty_object_and_a_value_replaces_a_null()
    {
        await using var server = await TestApi.RespondWith(200, SourceJson);
        using var client = Client(server);
        var cleared = new SourcePatch { Name = null, Limit = null };

        await client.UpdateSourceAsync("src_1", new SourcePatch());
        await client.UpdateSourceAsync("src_1", cleared with { Name = "renamed" });
        await client.UpdateSourceAsync("src_1", cleared with { Note = "kept" });

        var requests = server.Requests;
        Expect.Equal("{}", requests[0].BodyText, "a patch with nothing assigned");
        Expect.Equal("""{"name":"renamed","limit":null}""", requests[1].BodyText, "with assigning a value: the value, and the other null kept");
        Expect.Equal("""{"note":"kept","name":null,"limit":null}""", requests[2].BodyText, "with assigning another property: the nulls kept");
    }

    [Fact]
    public void Explicit_nulls_are_part_of_the_value_equality_and_ToString()
    {
        var absent = new SourcePatch();
        var cleared = new SourcePatch { Name = null };

        Assert.NotEqual(absent, cleared);
        Assert.Equal(cleared, new SourcePatch { Name = null });
        Assert.Equal(cleared, cleared with { Name = "x" } with { Name = null } with { });
        Assert.Equal(absent with { Name = "y" }, cleared with { Name = "y" });
        Assert.NotEqual(absent, cleared with { Name = "x" });
        Assert.Equal(new SourcePatch { Name = "x" }, cleared with { Name = "x" });
        Expect.Equal("""SourcePatch { "name":null }""", cleared.ToString(), "ToString of a patch clearing name");
        Expect.Equal("SourcePatch { }", absent.ToString(), "ToString of an empty patch");
    }

    [Fact]
    public void A_null_read_from_JSON_is_written_back_and_survives_with()
    {
        var read = JsonSerializer.Deserialize("""{"name":null,"note":null}""", PatchAndStatusesJsonContext.Default.SourcePatch)!;

        Expect.Equal("""{"name":null,"note":null}""", JsonSerializer.Serialize(read, PatchAndStatusesJsonContext.Default.SourcePatch), "written back as read");
        Assert.Equal(new SourcePatch { Name = null }, read);

        // note is not nullable in the schema: its null came from the server and goes with a copy; name's is the model's value.
        Expect.Equal("""{"limit":1,"name":null}""", JsonSerializer.Serialize(read with { Limit = 1 }, PatchAndStatusesJsonContext.Default.SourcePatch), "a copy");
        Expect.Equal("""{"note":"n","name":null}""", JsonSerializer.Serialize(read with { Note = "n" }, PatchAndStatusesJsonContext.Default.SourcePatch), "a copy setting note");
    }

    [Fact]
    public async Task In_a_form_an_explicit_null_is_an_empty_value_and_absent_is_no_pair()
    {
        await using var server = await TestApi.RespondWith(200, SourceJson);
        using var client = Client(server);

        await client.UpdateCustomerAsync("cus_1", new UpdateCustomerRequest { Description = null, Email = "a@example.com" });
        await client.UpdateCustomerAsync("cus_1", new UpdateCustomerRequest { Email = "a@example.com" });
        await client.UpdateCustomerAsync("cus_1", new UpdateCustomerRequest { Metadata = null });

        var requests = server.Requests;
        Expect.Sequence([("email", "a@example.com"), ("description", "")], await FormBodies.Pairs(requests[0].Body), "description assigned null");
        Expect.Sequence([("email", "a@example.com")], await FormBodies.Pairs(requests[1].Body), "description not assigned");
        Expect.Sequence([("metadata", "")], await FormBodies.Pairs(requests[2].Body), "metadata assigned null");
    }

    private static string? MediaType(string? contentType) => contentType?.Split(';')[0];

    private static PatchAndStatusesClient Client(LoopbackServer server) =>
        new(new PatchAndStatusesClientOptions { BaseUrl = new Uri(server.BaseUrl, "v1") });
}
