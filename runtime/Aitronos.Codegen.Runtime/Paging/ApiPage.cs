using System;
using System.Collections.Generic;

namespace Aitronos.Codegen.Runtime;

/// <summary>
/// One page of a paged list operation: its typed response (<see cref="Value"/>), the items read from it, and the HTTP
/// response it came in (status, headers, request id). From <see cref="ApiPageable{TPage, TItem}.AsPages"/>.
/// </summary>
/// <typeparam name="TPage">The operation's response type.</typeparam>
/// <typeparam name="TItem">One item of the list.</typeparam>
/// <remarks><see cref="ApiResponse.Content"/> is <see langword="null"/>: a page's body is read into <see cref="Value"/>, not kept.</remarks>
public sealed class ApiPage<TPage, TItem> : ApiResponse
{
    /// <summary>Describes a page.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">The response's headers.</param>
    /// <param name="requestUri">The URL that answered.</param>
    /// <param name="value">The typed response.</param>
    /// <param name="items">The page's items.</param>
    public ApiPage(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>>? headers, Uri? requestUri, TPage value, IReadOnlyList<TItem> items)
        : base(statusCode, headers, null)
    {
        RequestUri = requestUri;
        Value = value;
        Items = items ?? throw new ArgumentNullException(nameof(items));
    }

    /// <summary>The URL that answered (after redirects); relative next links are resolved against it.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The typed response, as the operation's own method returns it.</summary>
    public TPage Value { get; }

    /// <summary>The page's items, in the order the server sent them (empty when the response had none).</summary>
    public IReadOnlyList<TItem> Items { get; }
}
