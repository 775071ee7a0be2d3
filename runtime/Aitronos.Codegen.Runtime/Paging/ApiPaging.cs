using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Makes the <see cref="ApiPageable{TPage, TItem}"/> of a generated <c>…AutoPagingAsync</c> method, one factory per
/// paging pattern. The generated code passes the operation's own method (so each page takes the usual call path) and
/// static accessors for the items and for what says where the next page is.
/// </summary>
/// <remarks>
/// <para>The stop rule, which never loops forever on a well-behaved server and never skips an item:</para>
/// <list type="bullet">
/// <item><description><see cref="Offset{TPage, TItem}"/>: the next offset is this page's offset plus the number of items it
/// held (not the limit asked for: a server that caps the page size loses nothing). It stops after an empty page, after
/// <c>has_more: false</c>, or once the offset reaches <c>total</c>. A page shorter than the limit does not stop it
/// (a server may cap the limit): without <c>has_more</c> or <c>total</c>, the listing ends with one extra, empty, page. A
/// page that holds the same items as the one before it (a server that ignores the offset) throws
/// <see cref="ApiResponseFormatException"/> instead of looping.</description></item>
/// <item><description><see cref="Cursor{TPage, TItem}"/>, <see cref="NextLink{TPage, TItem}"/>, <see cref="LinkHeader{TPage, TItem}"/>:
/// it stops when the response names no next cursor or link (absent, null or empty), after <c>has_more: false</c>, or when
/// the next cursor or link is one already sent in this enumeration (a server repeating itself would loop forever).</description></item>
/// </list>
/// </remarks>
public static class ApiPaging
{
    /// <summary>Pages by <c>offset</c> (with <c>limit</c>): the next page starts after the items received so far.</summary>
    /// <typeparam name="TPage">The operation's response type.</typeparam>
    /// <typeparam name="TItem">One item of the list.</typeparam>
    /// <param name="fetch">Calls the operation with the given offset (<see langword="null"/>: the caller's own, for the first page), options and token.</param>
    /// <param name="offset">The caller's starting offset; <see langword="null"/> starts at the server's default (0).</param>
    /// <param name="items">The page's items.</param>
    /// <param name="hasMore">The response's <c>has_more</c>, if the operation has one.</param>
    /// <param name="total">The response's total count of items, if the operation has one.</param>
    /// <param name="requestOptions">The caller's settings, applied to each page.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The items, page after page.</returns>
    public static ApiPageable<TPage, TItem> Offset<TPage, TItem>(
        Func<long?, ApiRequestOptions?, CancellationToken, Task<TPage>> fetch,
        long? offset,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, bool?>? hasMore,
        Func<TPage, long?>? total,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        return new ApiPageable<TPage, TItem>(
            (request, options, token) => fetch(request.Offset, options, token),
            items,
            (value, page, request) => NextOffset(hasMore?.Invoke(value), total?.Invoke(value), page, request),
            new PageRequest(offset, null, null, null),
            requestOptions,
            cancellationToken);
    }

    /// <summary>Pages by <c>offset</c> (with <c>limit</c>) through a list that is the whole response.</summary>
    /// <typeparam name="TItem">One item of the list.</typeparam>
    /// <param name="fetch">Calls the operation with the given offset (<see langword="null"/>: the caller's own, for the first page), options and token.</param>
    /// <param name="offset">The caller's starting offset; <see langword="null"/> starts at the server's default (0).</param>
    /// <param name="requestOptions">The caller's settings, applied to each page.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The items, page after page, until an empty page.</returns>
    public static ApiPageable<TItem> Offset<TItem>(
        Func<long?, ApiRequestOptions?, CancellationToken, Task<IReadOnlyList<TItem>>> fetch,
        long? offset,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        return new ApiPageable<TItem>(
            (request, options, token) => fetch(request.Offset, options, token),
            static (_, page, request) => NextOffset(null, null, page, request),
            new PageRequest(offset, null, null, null),
            requestOptions,
            cancellationToken);
    }

    /// <summary>Pages by a cursor (next token) that each response hands out and the next request sends back.</summary>
    /// <typeparam name="TPage">The operation's response type.</typeparam>
    /// <typeparam name="TItem">One item of the list.</typeparam>
    /// <param name="fetch">Calls the operation with the given cursor, options and token.</param>
    /// <param name="cursor">The caller's starting cursor, if any.</param>
    /// <param name="items">The page's items.</param>
    /// <param name="next">The next page's cursor, from the response.</param>
    /// <param name="hasMore">The response's <c>has_more</c>, if the operation has one.</param>
    /// <param name="requestOptions">The caller's settings, applied to each page.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The items, page after page.</returns>
    public static ApiPageable<TPage, TItem> Cursor<TPage, TItem>(
        Func<string?, ApiRequestOptions?, CancellationToken, Task<TPage>> fetch,
        string? cursor,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, string?> next,
        Func<TPage, bool?>? hasMore,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        if (fetch is null || next is null)
        {
            throw new ArgumentNullException(fetch is null ? nameof(fetch) : nameof(next));
        }

        return new ApiPageable<TPage, TItem>(
            (request, options, token) => fetch(request.Cursor, options, token),
            items,
            (value, page, request) =>
            {
                if (hasMore?.Invoke(value) == false || next(value) is not { Length: > 0 } token)
                {
                    return null;
                }

                var sent = request.Sent ?? Sent(request.Cursor);
                return sent.Add(token) ? new PageRequest(null, token, null, sent) : null;
            },
            new PageRequest(null, cursor, null, null),
            requestOptions,
            cancellationToken);
    }

    /// <summary>Pages by a next-page URL in the response body (<c>next</c>, <c>links.next</c>, <c>next_url</c>...).</summary>
    /// <typeparam name="TPage">The operation's response type.</typeparam>
    /// <typeparam name="TItem">One item of the list.</typeparam>
    /// <param name="fetch">Calls the operation (its first page) with the given options and token; later pages go to the link.</param>
    /// <param name="items">The page's items.</param>
    /// <param name="next">The next page's URL, absolute or relative to the URL that answered.</param>
    /// <param name="requestOptions">The caller's settings, applied to each page.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The items, page after page.</returns>
    public static ApiPageable<TPage, TItem> NextLink<TPage, TItem>(
        Func<ApiRequestOptions?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, string?> next,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        if (fetch is null || next is null)
        {
            throw new ArgumentNullException(fetch is null ? nameof(fetch) : nameof(next));
        }

        return new ApiPageable<TPage, TItem>(
            (_, options, token) => fetch(options, token),
            items,
            (value, page, request) => Follow(next(value), page, request),
            new PageRequest(null, null, null, null),
            requestOptions,
            cancellationToken);
    }

    /// <summary>Pages by the response's <c>Link</c> header, <c>rel="next"</c> (RFC 8288; GitHub's <c>page</c>/<c>per_page</c> lists).</summary>
    /// <typeparam name="TPage">The operation's response type.</typeparam>
    /// <typeparam name="TItem">One item of the list.</typeparam>
    /// <param name="fetch">Calls the operation (its first page) with the given options and token; later pages go to the link.</param>
    /// <param name="items">The page's items.</param>
    /// <param name="requestOptions">The caller's settings, applied to each page.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The items, page after page.</returns>
    public static ApiPageable<TPage, TItem> LinkHeader<TPage, TItem>(
        Func<ApiRequestOptions?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IReadOnlyList<TItem>?> items,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        return new ApiPageable<TPage, TItem>(
            (_, options, token) => fetch(options, token),
            items,
            static (_, page, request) => NextLinkHeader(page, request),
            new PageRequest(null, null, null, null),
            requestOptions,
            cancellationToken);
    }

    /// <summary>Pages by the <c>Link</c> header through lists that are the whole response (GitHub's).</summary>
    /// <typeparam name="TItem">One item of the list.</typeparam>
    /// <param name="fetch">Calls the operation (its first page) with the given options and token; later pages go to the link.</param>
    /// <param name="requestOptions">The caller's settings, applied to each page.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The items, page after page.</returns>
    public static ApiPageable<TItem> LinkHeader<TItem>(
        Func<ApiRequestOptions?, CancellationToken, Task<IReadOnlyList<TItem>>> fetch,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        return new ApiPageable<TItem>(
            (_, options, token) => fetch(options, token),
            static (_, page, request) => NextLinkHeader(page, request),
            new PageRequest(null, null, null, null),
            requestOptions,
            cancellationToken);
    }

    /// <summary>The last item of a page, or <see langword="null"/> (for cursors that are the last item's id).</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="items">The page's items.</param>
    /// <returns>The last item, or <see langword="null"/> for an empty or missing page.</returns>
    public static TItem? LastOf<TItem>(IReadOnlyList<TItem>? items)
        where TItem : class?
        => items is { Count: > 0 } ? items[items.Count - 1] : null;

    private static PageRequest? NextOffset<TPage, TItem>(bool? hasMore, long? total, ApiPage<TPage, TItem> page, PageRequest request)
    {
        var count = page.Items.Count;
        var next = (request.Offset ?? 0) + count;
        if (count == 0 || hasMore == false || (hasMore is null && total is { } all && next >= all))
        {
            return null;
        }

        // A server that ignores the offset answers every page with the first one: without has_more or total nothing would
        // end the listing. The same items again (models compare by value) is that server: say so rather than loop.
        if (request.PreviousItems is IReadOnlyList<TItem> previous && SameItems(previous, page.Items))
        {
            throw new ApiResponseFormatException(
                "The page at offset " + (request.Offset ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " holds the same items as the page before it: the server seems to ignore the offset, so paging stops here rather than loop.",
                new ApiErrorData(page.StatusCode, page.Headers, null, ErrorBody.Empty),
                null);
        }

        return new PageRequest(next, null, null, null, page.Items);
    }

    private static bool SameItems<TItem>(IReadOnlyList<TItem> previous, IReadOnlyList<TItem> current)
    {
        if (previous.Count != current.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TItem>.Default;
        for (var i = 0; i < previous.Count; i++)
        {
            if (!comparer.Equals(previous[i], current[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static PageRequest? NextLinkHeader<TPage, TItem>(ApiPage<TPage, TItem> page, PageRequest request) =>
        Follow(page.Headers.TryGetValue("Link", out var links) ? Runtime.LinkHeader.Find(links, "next") : null, page, request);

    /// <summary>The cursors or URLs sent in one enumeration, starting with the first page's.</summary>
    private static HashSet<string> Sent(string? first)
    {
        var sent = new HashSet<string>(StringComparer.Ordinal);
        if (first is not null)
        {
            sent.Add(first);
        }

        return sent;
    }

    private static PageRequest? Follow<TPage, TItem>(string? link, ApiPage<TPage, TItem> page, PageRequest request)
    {
        if (link is not { Length: > 0 })
        {
            return null;
        }

        var answered = page.RequestUri;
        if (!(answered is { IsAbsoluteUri: true } ? Uri.TryCreate(answered, link, out var uri) : Uri.TryCreate(link, UriKind.Absolute, out uri))
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ApiResponseFormatException(
                "The response's next-page link is not an http or https URL" + (answered is { IsAbsoluteUri: true } ? string.Empty : " (and the request's URL is unknown to resolve it against)") + ".",
                new ApiErrorData(page.StatusCode, page.Headers, null, ErrorBody.Empty),
                null);
        }

        var sent = request.Sent ?? Sent(answered is { IsAbsoluteUri: true } ? answered.AbsoluteUri : null);

        return sent.Add(uri.AbsoluteUri) ? new PageRequest(null, null, uri, sent) : null;
    }
}
