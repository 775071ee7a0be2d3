using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Aitronos.Codegen.IntegrationTests.CollectionFormats;
using Aitronos.Codegen.IntegrationTests.Parameters;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// Every parameter style through the generated ParametersClient (the spec is
/// tests/Aitronos.Codegen.Tests/TestSpecs/parameters.openapi.yaml) to a real Kestrel server, which records the raw
/// request target and headers as they arrived.
/// </summary>
public sealed class ParameterStyleTests
{
    private static readonly Point P = new() { X = 3, Y = -4 };

    [Fact]
    public async Task Path_simple_writes_arrays_and_objects_comma_separated()
    {
        await using var server = await TestApi.RespondWith(204, null);
        using var client = Client(server);

        await client.PathSimpleAsync(9_000_000_000, [1, 2], P, P);

        Expect.Equal("/v1/simple/9000000000/1,2/x,3,y,-4/x=3,y=-4", TestApi.SingleRequest(server).Target, "request target");
    }

    [Fact]
    public async Task Path_label_prefixes_a_dot_and_explodes_with_dots()
    {
        await using var server = await TestApi.RespondWith(204, null);
        using var client = Client(server);

        await client.PathLabelAsync("a b", ["ash", "o/k"], ["ash", "elm"], P, P);

        Expect.Equal("/v1/label/.a%20b/.ash,o%2Fk/.ash.elm/.x,3,y,-4/.x=3.y=-4", TestApi.SingleRequest(server).Target, "request target");
    }

    [Fact]
    public async Task Path_matrix_names_each_part_with_semicolons()
    {
        await using var server = await TestApi.RespondWith(204, null);
        using var client = Client(server);

        await client.PathMatrixAsync(true, ["ash", "a;b"], ["ash", "elm"], P, P);

        Expect.Equal("/v1/matrix/;id=true/;ids=ash,a%3Bb;idsExploded=ash;idsExploded=elm/;point=x,3,y,-4;x=3;y=-4", TestApi.SingleRequest(server).Target, "request target");
    }

    [Fact]
    public async Task Query_styles_arrive_as_the_spec_says_and_the_server_reads_them_back()
    {
        string? readBack = null;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            // What ASP.NET Core's own query parser makes of it: the values survive the trip.
            var query = context.Request.Query;
            readBack = string.Join(" | ", query["tags"].ToString(), query["csv"].ToString(), query["spaced"].ToString(), query["piped"].ToString(),
                query["filter[created][gt]"].ToString(), query["metadata[note]"].ToString(), query["redirect"].ToString(), query["near"].ToString());
            return LoopbackServer.RespondAsync(context, 204, null);
        });
        using var client = Client(server);

        await client.QueryStylesAsync(
            tags: ["a", "b c"],
            csv: [1, 2, 3],
            spaced: ["x", "y"],
            piped: ["x", "y|z"],
            point: P,
            pointJoined: P,
            filter: new QueryStylesFilter
            {
                Created = new QueryStylesFilterCreated { Gt = 5, Lt = 9 },
                Status = QueryStylesFilterStatus.Open,
                Ids = ["i1", "i2"],
            },
            metadata: new Dictionary<string, string> { ["order"] = "6735", ["note"] = "a&b=c" },
            expand: ["customer", "invoice.lines"],
            redirect: "https://x.test/cb?a=1,2&b",
            digest: [0xFB, 0xFF, 0x01],
            near: P);

        Expect.Equal(
            "/v1/query?tags=a&tags=b%20c&csv=1,2,3&spaced=x%20y&piped=x%7Cy%7Cz&x=3&y=-4&pointJoined=x,3,y,-4"
                + "&filter[created][gt]=5&filter[created][lt]=9&filter[status]=open&filter[ids][0]=i1&filter[ids][1]=i2"
                + "&metadata[order]=6735&metadata[note]=a%26b%3Dc&expand[0]=customer&expand[1]=invoice.lines"
                + "&redirect=https://x.test/cb?a=1,2%26b&digest=%2B%2F8B&near=%7B%22x%22%3A3%2C%22y%22%3A-4%7D",
            TestApi.SingleRequest(server).Target,
            "request target");
        Expect.Equal("a,b c | 1,2,3 | x y | x|y|z | 5 | a&b=c | https://x.test/cb?a=1,2&b | {\"x\":3,\"y\":-4}", readBack, "values as the server's query parser reads them");
    }

    [Fact]
    public async Task Unset_optional_query_parameters_send_nothing()
    {
        await using var server = await TestApi.RespondWith(204, null);
        using var client = Client(server);

        await client.QueryStylesAsync();

        Expect.Equal("/v1/query", TestApi.SingleRequest(server).Target, "request target");
    }

    [Fact]
    public async Task Headers_are_simple_style_and_content_headers_are_JSON()
    {
        await using var server = await TestApi.RespondWith(204, null);
        using var client = Client(server);

        await client.HeaderStylesAsync([1, 2, 3], P, P, P);

        var request = TestApi.SingleRequest(server);
        Expect.Equal("1,2,3", request.Header("X-Ids"), "X-Ids");
        Expect.Equal("x,3,y,-4", request.Header("X-Point"), "X-Point");
        Expect.Equal("x=3,y=-4", request.Header("X-Point-Exploded"), "X-Point-Exploded");
        Expect.Equal("{\"x\":3,\"y\":-4}", request.Header("X-Near"), "X-Near");
    }

    [Fact]
    public async Task Cookies_arrive_in_one_Cookie_header_in_the_form_style()
    {
        IRequestCookieCollection? cookies = null;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            cookies = context.Request.Cookies;
            return LoopbackServer.RespondAsync(context, 204, null);
        });
        using var client = Client(server);

        await client.CookieStylesAsync("s 1;x", langs: ["de", "fr"], pages: [1, 2], point: P, pointJoined: P);

        Expect.Equal(
            "session=s%201%3Bx; langs=de%2Cfr; pages=1; pages=2; x=3; y=-4; pointJoined=x%2C3%2Cy%2C-4",
            TestApi.SingleRequest(server).Header("Cookie"),
            "Cookie header");
        Expect.Equal("s 1;x", cookies!["session"], "the session cookie as ASP.NET Core reads it (it percent-decodes)");
        Expect.Equal("de,fr", cookies["langs"], "langs cookie (RFC 6265 allows no bare comma: strict servers such as this one drop such a cookie)");
        Expect.Equal("x,3,y,-4", cookies["pointJoined"], "pointJoined cookie");
    }

    [Fact]
    public async Task Cookie_parameters_do_not_follow_a_redirect_to_another_origin()
    {
        await using var elsewhere = await LoopbackServer.StartAsync(context => LoopbackServer.RespondAsync(context, 204, null), LoopbackServer.SecondLoopbackAddress);
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.Location = new Uri(elsewhere.BaseUrl, "v1/cookies").ToString();
            return LoopbackServer.RespondAsync(context, 307, null);
        });
        using var client = Client(server);

        await client.CookieStylesAsync("secret-session");

        Expect.Equal("session=secret-session", TestApi.SingleRequest(server).Header("Cookie"), "Cookie at the base URL's origin");
        Expect.Null(TestApi.SingleRequest(elsewhere).Header("Cookie"), "Cookie at the other origin");
    }

    [Fact]
    public async Task Swagger2_collection_formats_csv_by_default_ssv_pipes_and_multi()
    {
        await using var server = await TestApi.RespondWith(204, null);
        using var client = new CollectionFormatsClient(new CollectionFormatsClientOptions { BaseUrl = new Uri(server.BaseUrl, "v1") });

        await client.ListItemsAsync([1, 2], byDefault: ["a", "b"], csv: ["a", "b"], ssv: ["a", "b"], pipes: ["a", "b"], multi: ["a", "b"], xTags: ["t", "u"]);

        var request = TestApi.SingleRequest(server);
        Expect.Equal("/v1/items/1%7C2?byDefault=a,b&csv=a,b&ssv=a%20b&pipes=a%7Cb&multi=a&multi=b", request.Target, "request target");
        Expect.Equal("t|u", request.Header("X-Tags"), "X-Tags");
    }

    private static ParametersClient Client(LoopbackServer server) =>
        new(new ParametersClientOptions { BaseUrl = new Uri(server.BaseUrl, "v1") });
}
