using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// Every item of a paged list operation, page after page: <c>await foreach</c> over it for the items, or over
/// <see cref="AsPages"/> for each page's typed response and headers. Made by the generated <c>…AutoPagingAsync</c> methods
/// (see <see cref="ApiPaging"/>).
/// </summary>
/// <typeparam name="TPage">The operation's response type.</typeparam>
/// <typeparam name="TItem">One item of the list.</typeparam>
/// <remarks>
/// <para>
/// Lazy: no request is sent before the enumeration starts, and the next page is fetched only when the consumer has
/// taken every item of the current one. Each page is one call of the operation through the client's usual path, so
/// credentials, retries, timeouts and typed errors apply to each page on its own; a failed page ends the enumeration
/// with its exception (the items already handed out stay handed out). Each enumeration starts again from the first
/// page. The token given to the method and the one given to <c>WithCancellation</c> both cancel, between pages and
/// during a page's call.
/// </para>
/// <para>
/// A next link (a <c>Link</c> header or a URL in the body) is followed as the server wrote it, resolved against the URL
/// that answered; the client's credentials go with it only when it points to the base URL's origin.
/// </para>
/// </remarks>
public class ApiPageable<TPage, TItem> : IAsyncEnumerable<TItem>
{
    private readonly Func<PageRequest, ApiRequestOptions?, CancellationToken, Task<TPage>> _fetch;
    private readonly Func<TPage, IReadOnlyList<TItem>?> _items;
    private readonly Func<TPage, ApiPage<TPage, TItem>, PageRequest, PageRequest?> _next;
    private readonly PageRequest _first;
    private readonly ApiRequestOptions? _requestOptions;
    private readonly CancellationToken _cancellationToken;

    internal ApiPageable(
        Func<PageRequest, ApiRequestOptions?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IReadOnlyList<TItem>?> items,
        Func<TPage, ApiPage<TPage, TItem>, PageRequest, PageRequest?> next,
        PageRequest first,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
    {
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        _items = items ?? throw new ArgumentNullException(nameof(items));
        (_next, _first, _requestOptions, _cancellationToken) = (next, first, requestOptions, cancellationToken);
    }

    /// <summary>The pages, each with its typed response, its items and its HTTP response; fetched one at a time, as they are asked for.</summary>
    /// <param name="cancellationToken">Cancels the enumeration (as well as the token given to the method).</param>
    /// <returns>The pages in order.</returns>
    public async IAsyncEnumerable<ApiPage<TPage, TItem>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = _cancellationToken.CanBeCanceled && cancellationToken.CanBeCanceled && _cancellationToken != cancellationToken
            ? CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken)
            : null;
        var token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _cancellationToken);
        for (PageRequest? request = _first; request is not null;)
        {
            token.ThrowIfCancellationRequested();
            var answer = new PageAnswer();
            var options = ApiRequestOptions.ForPage(_requestOptions, ReferenceEquals(request, _first), request.Uri, answer.Record);
            var value = await _fetch(request, options, token).ConfigureAwait(false);
            var page = new ApiPage<TPage, TItem>(answer.StatusCode, answer.Headers, answer.Uri ?? request.Uri, value, (value is null ? null : _items(value)) ?? Array.Empty<TItem>());
            request = value is null ? null : _next(value, page, request);
            yield return page;
        }
    }

    /// <summary>The items of every page, in order; the next page is fetched when the current one's items are used up.</summary>
    /// <param name="cancellationToken">Cancels the enumeration (as well as the token given to the method).</param>
    /// <returns>The enumerator.</returns>
    public IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) => Items(cancellationToken).GetAsyncEnumerator(cancellationToken);

    private async IAsyncEnumerable<TItem> Items([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    /// <summary>What the transport saw of a page's successful response.</summary>
    private sealed class PageAnswer
    {
        public int StatusCode;
        public IReadOnlyDictionary<string, IReadOnlyList<string>>? Headers;
        public Uri? Uri;

        public void Record(HttpResponseMessage response) =>
            (StatusCode, Headers, Uri) = ((int)response.StatusCode, ResponseHeaders.From(response), response.RequestMessage?.RequestUri);
    }
}

/// <summary>
/// Every item of a paged list operation whose response is the array of items itself (GitHub's lists): an
/// <see cref="ApiPageable{TPage, TItem}"/> whose pages are lists.
/// </summary>
/// <typeparam name="TItem">One item of the list.</typeparam>
public sealed class ApiPageable<TItem> : ApiPageable<IReadOnlyList<TItem>, TItem>
{
    internal ApiPageable(
        Func<PageRequest, ApiRequestOptions?, CancellationToken, Task<IReadOnlyList<TItem>>> fetch,
        Func<IReadOnlyList<TItem>, ApiPage<IReadOnlyList<TItem>, TItem>, PageRequest, PageRequest?> next,
        PageRequest first,
        ApiRequestOptions? requestOptions,
        CancellationToken cancellationToken)
        : base(fetch, static page => page, next, first, requestOptions, cancellationToken)
    {
    }
}

/// <summary>
/// Where the next page is: an offset, a cursor, or a URL (with the URLs and cursors sent so far, so that a server that
/// hands one out again ends the listing instead of looping).
/// </summary>
internal sealed class PageRequest
{
    public PageRequest(long? offset, string? cursor, Uri? uri, HashSet<string>? sent, object? previousItems = null)
        => (Offset, Cursor, Uri, Sent, PreviousItems) = (offset, cursor, uri, sent, previousItems);

    /// <summary>For offset paging: the items of the page before, to tell a server that ignores the offset.</summary>
    public object? PreviousItems { get; }

    public long? Offset { get; }

    public string? Cursor { get; }

    public Uri? Uri { get; }

    public HashSet<string>? Sent { get; }
}
