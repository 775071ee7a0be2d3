using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.IntegrationTests.Paging;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Xunit;
using PagedJob = Aitronos.Codegen.IntegrationTests.Paging.Job;

namespace Aitronos.Codegen.IntegrationTests;

/// <summary>
/// The generated <c>…AutoPagingAsync</c> methods of the paging test spec (tests/Aitronos.Codegen.Tests/TestSpecs/paging.openapi.yaml)
/// against a real Kestrel server, one pattern at a time: every item once and in order, pages fetched only when needed,
/// each page retried on its own, cancellation between pages, and the stop rules.
/// </summary>
public sealed class PagingTests
{
    private static readonly string[] s_items = Enumerable.Range(1, 7).Select(i => "item" + i).ToArray();

    [Fact]
    public async Task Limit_offset_over_a_bare_array_yields_every_item_once_and_ends_at_an_empty_page()
    {
        // The server caps the page size at 3 whatever the limit: the pager counts what it got, so nothing is skipped.
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            int offset = Int(ctx, "offset") ?? 0, limit = Math.Min(Int(ctx, "limit") ?? 3, 3);
            return LoopbackServer.RespondAsync(ctx, 200, Json(s_items.Skip(offset).Take(limit).Select(i => $"{{\"id\":\"{i}\"}}")));
        });
        using var client = Client(server);

        var ids = new List<string>();
        await foreach (PagedJob job in client.ListJobsAutoPagingAsync(status: "done", limit: 5))
        {
            ids.Add(job.Id);
        }

        Assert.Equal(s_items, ids);
        Assert.Equal(
            new[] { "/v1/jobs?status=done&limit=5", "/v1/jobs?status=done&limit=5&offset=3", "/v1/jobs?status=done&limit=5&offset=6", "/v1/jobs?status=done&limit=5&offset=7" },
            server.Requests.Select(r => r.Target));
        Assert.All(server.Requests, r => Assert.Equal(TestApi.ApiKey, r.Header("X-Api-Key")));
    }

    [Fact]
    public async Task A_server_that_ignores_the_offset_ends_with_a_typed_exception_not_a_loop()
    {
        // Without has_more or total only an empty page ends the listing; a server that ignores offset never sends one.
        await using var server = await LoopbackServer.StartAsync(ctx =>
            LoopbackServer.RespondAsync(ctx, 200, Json(s_items.Take(3).Select(i => $"{{\"id\":\"{i}\"}}"))));
        using var client = Client(server);

        var ids = new List<string>();
        var error = await Assert.ThrowsAsync<ApiResponseFormatException>(async () =>
        {
            await foreach (PagedJob job in client.ListJobsAutoPagingAsync(limit: 3))
            {
                ids.Add(job.Id);
            }
        });

        Assert.Equal(s_items.Take(3), ids);
        Assert.Equal(2, server.RequestCount);
        Assert.Equal(200, error.StatusCode);
        Assert.Contains("the server seems to ignore the offset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_fetched_only_when_the_consumer_gets_past_the_current_one()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
            LoopbackServer.RespondAsync(ctx, 200, Json(s_items.Skip(Int(ctx, "offset") ?? 0).Take(3).Select(i => $"{{\"id\":\"{i}\"}}"))));
        using var client = Client(server);

        var pager = client.ListJobsAutoPagingAsync(limit: 3);
        Assert.Equal(0, server.RequestCount);
        await using var items = pager.GetAsyncEnumerator();
        var seen = new List<int>();
        for (int i = 0; i < 4; i++)
        {
            Assert.True(await items.MoveNextAsync());
            seen.Add(server.RequestCount);
        }

        // Items 1-3 come from the first page; the fourth needs the second page.
        Assert.Equal(new[] { 1, 1, 1, 2 }, seen);
    }

    [Fact]
    public async Task Nested_has_more_false_ends_the_listing_without_another_request()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            int offset = Int(ctx, "offset") ?? 0;
            var page = s_items.Skip(offset).Take(4).ToArray();
            bool more = offset + page.Length < s_items.Length;
            return LoopbackServer.RespondAsync(ctx, 200,
                $"{{\"runs\":{Json(page.Select(i => $"{{\"id\":\"{i}\"}}"))},\"pagination\":{{\"total\":null,\"limit\":4,\"offset\":{offset},\"has_more\":{(more ? "true" : "false")}}}}}");
        });
        using var client = Client(server);

        var ids = new List<string>();
        await foreach (PagedJob job in client.ListRunsAutoPagingAsync(limit: 4))
        {
            ids.Add(job.Id);
        }

        Assert.Equal(s_items, ids);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_total_ends_the_listing_and_the_skip_parameter_carries_the_offset()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            int skip = Int(ctx, "skip") ?? 0;
            return LoopbackServer.RespondAsync(ctx, 200, $"{{\"total_count\":7,\"events\":{Json(s_items.Skip(skip).Take(3).Select(i => $"\"{i}\""))}}}");
        });
        using var client = Client(server);

        Assert.Equal(s_items, await ToList(client.ListEventsAutoPagingAsync()));
        Assert.Equal(new[] { "/v1/events", "/v1/events?skip=3", "/v1/events?skip=6" }, server.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task A_cursor_from_the_response_is_sent_back_until_there_is_none()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            int at = ctx.Request.Query["cursor"] is { Count: > 0 } cursor ? int.Parse(cursor.ToString()!.Substring(1)) : 0;
            string next = at + 3 < s_items.Length ? $"\"c{at + 3}\"" : "null";
            return LoopbackServer.RespondAsync(ctx, 200, $"{{\"data\":{Json(s_items.Skip(at).Take(3).Select(i => $"\"{i}\""))},\"next_cursor\":{next}}}");
        });
        using var client = Client(server);

        Assert.Equal(s_items, await ToList(client.ListLogsAutoPagingAsync(pageSize: 3)));
        Assert.Equal(new[] { "/v1/logs?page_size=3", "/v1/logs?cursor=c3&page_size=3", "/v1/logs?cursor=c6&page_size=3" }, server.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task A_server_that_hands_out_the_same_cursor_again_cannot_loop_forever()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
            LoopbackServer.RespondAsync(ctx, 200, "{\"data\":[\"a\"],\"next_cursor\":\"same\"}"));
        using var client = Client(server);

        Assert.Equal(new[] { "a", "a" }, await ToList(client.ListLogsAutoPagingAsync()));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Starting_after_takes_the_last_items_id_while_has_more()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            string? after = ctx.Request.Query["starting_after"] is { Count: > 0 } value ? value.ToString() : null;
            int at = after is null ? 0 : Array.IndexOf(s_items, after) + 1;
            var page = s_items.Skip(at).Take(3).ToArray();
            return LoopbackServer.RespondAsync(ctx, 200,
                $"{{\"object\":\"list\",\"data\":{Json(page.Select(i => $"{{\"id\":\"{i}\"}}"))},\"has_more\":{(at + page.Length < s_items.Length ? "true" : "false")}}}");
        });
        using var client = Client(server);

        Assert.Equal(s_items, (await ToList(client.ListCustomersAutoPagingAsync(limit: 3))).Select(j => j.Id));
        Assert.Equal(new[] { "/v1/customers?limit=3", "/v1/customers?limit=3&starting_after=item3", "/v1/customers?limit=3&starting_after=item6" }, server.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task A_next_link_in_the_body_is_followed_relative_to_the_url_that_answered()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            int page = Int(ctx, "page") ?? 1;
            string next = page switch { 1 => "\"pets?page=2&species=cat\"", 2 => "\"/v1/pets?page=3&species=cat\"", _ => "null" };
            return LoopbackServer.RespondAsync(ctx, 200, $"{{\"count\":7,\"next\":{next},\"results\":{Json(s_items.Skip((page - 1) * 3).Take(3).Select(i => $"\"{i}\""))}}}");
        });
        using var client = Client(server);

        Assert.Equal(s_items, await ToList(client.ListPetsAutoPagingAsync(species: "cat")));
        Assert.Equal(new[] { "/v1/pets?species=cat", "/v1/pets?page=2&species=cat", "/v1/pets?page=3&species=cat" }, server.Requests.Select(r => r.Target));
        Assert.All(server.Requests, r => Assert.Equal(TestApi.ApiKey, r.Header("X-Api-Key")));
    }

    [Fact]
    public async Task A_next_link_to_another_origin_is_followed_without_credentials()
    {
        await using var other = await LoopbackServer.StartAsync(
            ctx => LoopbackServer.RespondAsync(ctx, 200, "{\"next\":null,\"results\":[\"item4\"]}"), LoopbackServer.SecondLoopbackAddress);
        string elsewhere = new Uri(other.BaseUrl, "v1/pets?page=2").AbsoluteUri;
        await using var server = await LoopbackServer.StartAsync(ctx =>
            LoopbackServer.RespondAsync(ctx, 200, $"{{\"next\":\"{elsewhere}\",\"results\":[\"item1\",\"item2\",\"item3\"]}}"));
        using var client = Client(server);

        Assert.Equal(s_items.Take(4), await ToList(client.ListPetsAutoPagingAsync()));
        Assert.Equal(TestApi.ApiKey, TestApi.SingleRequest(server).Header("X-Api-Key"));
        RecordedRequest followed = TestApi.SingleRequest(other);
        Assert.Equal("/v1/pets?page=2", followed.Target);
        Assert.Null(followed.Header("X-Api-Key"));
    }

    [Fact]
    public async Task The_link_header_leads_from_page_to_page_and_each_page_keeps_its_headers()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            int page = Int(ctx, "page") ?? 1;
            string Link(int n, string rel) => $"<{ctx.Request.Scheme}://{ctx.Request.Host}/v1/repos?per_page=3&page={n}>; rel=\"{rel}\"";
            var links = new List<string>();
            if (page < 3)
            {
                links.Add(Link(page + 1, "next"));
            }

            links.Add(Link(3, "last"));
            if (page > 1)
            {
                links.Insert(0, Link(1, "first"));
            }

            ctx.Response.Headers["Link"] = string.Join(", ", links);
            ctx.Response.Headers["x-request-id"] = "req_" + page;
            return LoopbackServer.RespondAsync(ctx, 200, Json(s_items.Skip((page - 1) * 3).Take(3).Select(i => $"{{\"id\":\"{i}\"}}")));
        });
        using var client = Client(server);

        var pages = new List<ApiPage<IReadOnlyList<PagedJob>, PagedJob>>();
        await foreach (var page in client.ListReposAutoPagingAsync(perPage: 3).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(s_items, pages.SelectMany(p => p.Items).Select(j => j.Id));
        Assert.Equal(new[] { "req_1", "req_2", "req_3" }, pages.Select(p => p.RequestId));
        Assert.All(pages, p => Assert.Equal(200, p.StatusCode));
        Assert.Same(pages[1].Value, pages[1].Items);
        Assert.Equal(new[] { "/v1/repos?per_page=3", "/v1/repos?per_page=3&page=2", "/v1/repos?per_page=3&page=3" }, server.Requests.Select(r => r.Target));
        Assert.All(server.Requests, r => Assert.Equal(TestApi.ApiKey, r.Header("X-Api-Key")));
    }

    [Fact]
    public async Task A_relative_link_header_stays_on_the_origin_and_one_to_another_origin_gets_no_credentials()
    {
        await using var other = await LoopbackServer.StartAsync(
            ctx => LoopbackServer.RespondAsync(ctx, 200, "[{\"id\":\"item3\"}]"), LoopbackServer.SecondLoopbackAddress);
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            // Page 1 links to page 2 relatively (with another link and a quoted title around it); page 2 to the other origin.
            ctx.Response.Headers["Link"] = Int(ctx, "page") is 2
                ? $"<{new Uri(other.BaseUrl, "v1/repos?page=3").AbsoluteUri}>; rel=\"next\""
                : "</v1/repos?page=9>; rel=\"last\"; title=\"last, page\", <repos?page=2>; rel=\"next\"";
            return LoopbackServer.RespondAsync(ctx, 200, Int(ctx, "page") is 2 ? "[{\"id\":\"item2\"}]" : "[{\"id\":\"item1\"}]");
        });
        using var client = Client(server);

        Assert.Equal(s_items.Take(3), (await ToList(client.ListReposAutoPagingAsync())).Select(j => j.Id));
        Assert.Equal(new[] { "/v1/repos", "/v1/repos?page=2" }, server.Requests.Select(r => r.Target));
        Assert.All(server.Requests, r => Assert.Equal(TestApi.ApiKey, r.Header("X-Api-Key")));
        RecordedRequest followed = TestApi.SingleRequest(other);
        Assert.Equal("/v1/repos?page=3", followed.Target);
        Assert.Null(followed.Header("X-Api-Key"));
    }

    [Fact]
    public async Task A_page_that_fails_with_503_is_retried_on_its_own()
    {
        int secondPageCalls = 0;
        await using var server = await LoopbackServer.StartAsync(ctx =>
        {
            int offset = Int(ctx, "offset") ?? 0;
            if (offset == 3 && Interlocked.Increment(ref secondPageCalls) == 1)
            {
                return LoopbackServer.RespondAsync(ctx, 503, "{\"message\":\"busy\"}");
            }

            return LoopbackServer.RespondAsync(ctx, 200, Json(s_items.Skip(offset).Take(3).Select(i => $"{{\"id\":\"{i}\"}}")));
        });
        using var client = Client(server);

        Assert.Equal(s_items, (await ToList(client.ListJobsAutoPagingAsync())).Select(j => j.Id));
        Assert.Equal(new[] { "/v1/jobs", "/v1/jobs?offset=3", "/v1/jobs?offset=3", "/v1/jobs?offset=6", "/v1/jobs?offset=7" }, server.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task A_page_that_keeps_failing_ends_the_enumeration_with_its_typed_exception()
    {
        await using var server = await LoopbackServer.StartAsync(ctx => (Int(ctx, "offset") ?? 0) == 0
            ? LoopbackServer.RespondAsync(ctx, 200, "[{\"id\":\"item1\"}]")
            : LoopbackServer.RespondAsync(ctx, 404, "{\"message\":\"gone\"}"));
        using var client = Client(server);

        var ids = new List<string>();
        var error = await Assert.ThrowsAsync<NotFoundException>(async () =>
        {
            await foreach (PagedJob job in client.ListJobsAutoPagingAsync())
            {
                ids.Add(job.Id);
            }
        });

        Assert.Equal(new[] { "item1" }, ids);
        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task Cancelling_between_pages_sends_no_further_request()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
            LoopbackServer.RespondAsync(ctx, 200, Json(s_items.Skip(Int(ctx, "offset") ?? 0).Take(3).Select(i => $"{{\"id\":\"{i}\"}}"))));
        using var client = Client(server);
        using var cancellation = new CancellationTokenSource();

        var ids = new List<string>();
        var canceled = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (PagedJob job in client.ListJobsAutoPagingAsync().WithCancellation(cancellation.Token))
            {
                ids.Add(job.Id);
                if (ids.Count == 3)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(cancellation.Token, canceled.CancellationToken);
        Assert.Equal(s_items.Take(3), ids);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task The_methods_own_token_cancels_too()
    {
        await using var server = await LoopbackServer.StartAsync(ctx =>
            LoopbackServer.RespondAsync(ctx, 200, Json(s_items.Skip(Int(ctx, "offset") ?? 0).Take(3).Select(i => $"{{\"id\":\"{i}\"}}"))));
        using var client = Client(server);
        using var cancellation = new CancellationTokenSource();

        await using var pages = client.ListJobsAutoPagingAsync(cancellationToken: cancellation.Token).AsPages().GetAsyncEnumerator();
        Assert.True(await pages.MoveNextAsync());
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pages.MoveNextAsync());
        Assert.Equal(1, server.RequestCount);
    }

    private static PagingClient Client(LoopbackServer server) => new(new PagingClientOptions
    {
        BaseUrl = new Uri(server.BaseUrl, "v1"),
        ApiKey = TestApi.ApiKey,
        InitialRetryDelay = TimeSpan.FromMilliseconds(2),
    });

    private static int? Int(HttpContext context, string name) =>
        context.Request.Query[name] is { Count: > 0 } value ? int.Parse(value.ToString()!, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string Json(IEnumerable<string> items) => "[" + string.Join(",", items) + "]";

    private static async Task<List<T>> ToList<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
