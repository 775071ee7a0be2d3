using System;
using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;
using Microsoft.OpenApi;
using ApiParameterLocation = Aitronos.Codegen.Model.ParameterLocation;

namespace Aitronos.Codegen.Reading;

/// <summary>
/// Recognises list operations that page, from the spec alone: a <c>GET</c> without a body whose JSON result is an array,
/// or an object with exactly one array property (the items), and one of these ways to the next page, tried in this order:
/// <list type="number">
/// <item><description>a <c>Link</c> header in the success response, with a paging query parameter (<c>page</c>, <c>per_page</c>, <c>limit</c>, a cursor);</description></item>
/// <item><description>a cursor query parameter (<c>cursor</c>, <c>page_token</c>, <c>starting_after</c>, <c>after</c>...) and a string field of the
/// response that feeds it (<c>next_cursor</c>, <c>next_page_token</c>, <c>last_id</c> with <c>has_more</c>..., at the top or in one nested
/// object such as <c>pagination</c>), or, for <c>starting_after</c>/<c>after</c> with <c>has_more</c>, the last item's string <c>id</c>;</description></item>
/// <item><description>a next-page URL in the body (<c>next</c>, <c>next_url</c>, <c>next_link</c>, <c>@odata.nextLink</c>, <c>links.next</c>,
/// HAL's <c>_links.next.href</c>);</description></item>
/// <item><description><c>offset</c> (or <c>skip</c>) with <c>limit</c> (or <c>per_page</c>, <c>page_size</c>...) integer query parameters,
/// with <c>has_more</c> or a total count if the response has them.</description></item>
/// </list>
/// An operation with a page size but no way to the next page (a <c>limit</c> alone) is not paged.
/// </summary>
internal sealed partial class OperationReader
{
    private static readonly string[] s_limitNames = { "limit", "perpage", "pagesize", "size", "count", "top", "maxresults", "maxitems", "pagelimit" };
    private static readonly string[] s_offsetNames = { "offset", "skip", "pageoffset" };
    private static readonly string[] s_cursorParameters = { "cursor", "pagetoken", "nextpagetoken", "nexttoken", "continuationtoken", "continuation", "startingafter", "after", "pagecursor", "pageafter", "startcursor", "marker", "pagemarker" };
    private static readonly string[] s_cursorFields = { "nextcursor", "nextpagetoken", "nexttoken", "nextpagecursor", "continuationtoken", "endcursor", "nextmarker", "cursor", "next" };
    private static readonly string[] s_linkFields = { "nextlink", "nexturl", "nextpageurl", "nextpagelink", "odatanextlink", "nexthref", "next" };
    private static readonly string[] s_hasMoreFields = { "hasmore", "hasnext", "hasnextpage", "more" };
    private static readonly string[] s_totalFields = { "total", "totalcount", "totalitems", "totalresults", "totalentries", "totalsize" };
    private static readonly string[] s_pageQueryNames = { "page", "perpage", "pagesize", "limit" };

    /// <summary>The operation's auto-paging method, when it follows a paging pattern; reported as ACG018 at the operation.</summary>
    private PagingModel? ReadPaging(
        OpenApiOperation operation,
        string method,
        string pointer,
        string displayName,
        string baseName,
        string? tag,
        HashSet<string> taken,
        IReadOnlyList<ParameterModel> parameters,
        BodyModel? body,
        ResultModel result)
    {
        if (method != "GET" || body is not null || result.Kind != ResultKind.Json || result.Type is not { } page)
        {
            return null;
        }

        var query = new Dictionary<string, ParameterModel>(StringComparer.Ordinal);
        foreach (ParameterModel parameter in parameters.Where(p => p.Location == ApiParameterLocation.Query && !p.Required))
        {
            string key = Normalize(parameter.Name);
            if (!query.ContainsKey(key))
            {
                query[key] = parameter;
            }
        }

        TypeModel? pageType = page.Kind == TypeKind.Object ? _schemas.FindType(page.Name) : null;
        (TypeRef Item, string Path)? items = page.Kind == TypeKind.Array
            ? (page.Element!, string.Empty)
            : pageType?.Properties.Where(p => p.Type.Kind == TypeKind.Array).ToList() is [var only] ? (only.Type.Element!, "." + only.CSharpName) : null;
        if (items is not { } list || query.Count == 0)
        {
            return null;
        }

        string name = string.Empty;   // named once recognised: a name taken is a name another method cannot have
        PagingModel? model = null;
        string? pattern = null;
        if (HasLinkHeader(operation.Responses) && s_pageQueryNames.Concat(s_cursorParameters).Concat(s_offsetNames).Any(query.ContainsKey))
        {
            (model, pattern) = (new PagingModel(name, PagingKind.LinkHeader, list.Item, list.Path), "the Link header (rel=\"next\")");
        }
        else if (pageType is not null && s_cursorParameters.Select(c => query.TryGetValue(c, out var p) ? p : null).FirstOrDefault(p => p is { Type.Kind: TypeKind.String }) is { } cursor)
        {
            string? hasMore = Field(pageType, s_hasMoreFields, TypeKind.Boolean);
            bool afterId = Normalize(cursor.Name) is "startingafter" or "after";
            if (Field(pageType, s_cursorFields, TypeKind.String) is { } next)
            {
                (model, pattern) = (new PagingModel(name, PagingKind.Cursor, list.Item, list.Path, cursor.CSharpName, next, hasMore), "a cursor ('" + cursor.Name + "' from the response's " + Describe(next) + ")");
            }
            else if (afterId && hasMore is not null && Field(pageType, new[] { "lastid" }, TypeKind.String) is { } lastId)
            {
                (model, pattern) = (new PagingModel(name, PagingKind.Cursor, list.Item, list.Path, cursor.CSharpName, lastId, hasMore), "a cursor ('" + cursor.Name + "' from the response's " + Describe(lastId) + ")");
            }
            else if (afterId && hasMore is not null && list.Item.Kind == TypeKind.Object && _schemas.FindType(list.Item.Name)?.Properties.FirstOrDefault(p => p.JsonName == "id" && p.Type.Kind == TypeKind.String) is { } id)
            {
                (model, pattern) = (new PagingModel(name, PagingKind.Cursor, list.Item, list.Path, cursor.CSharpName, id.CSharpName, hasMore, NextFromLastItem: true), "a cursor ('" + cursor.Name + "' from the last item's id, while has_more)");
            }
        }

        if (model is null && pageType is not null && NextLinkField(pageType) is { } link)
        {
            (model, pattern) = (new PagingModel(name, PagingKind.NextLink, list.Item, list.Path, Next: link), "a next link in the body (" + Describe(link) + ")");
        }

        if (model is null
            && s_offsetNames.Select(o => query.TryGetValue(o, out var p) ? p : null).FirstOrDefault(p => p is { Type.Kind: TypeKind.Int32 or TypeKind.Int64 }) is { } offset
            && s_limitNames.Any(l => query.TryGetValue(l, out var p) && p.Type.Kind is TypeKind.Int32 or TypeKind.Int64))
        {
            string? hasMore = pageType is null ? null : Field(pageType, s_hasMoreFields, TypeKind.Boolean);
            string? total = pageType is null ? null : Field(pageType, s_totalFields, TypeKind.Int32, TypeKind.Int64);
            model = new PagingModel(name, PagingKind.Offset, list.Item, list.Path, offset.CSharpName, HasMore: hasMore, Total: total);
            pattern = "limit/offset" + (hasMore is not null ? " with " + Describe(hasMore) : total is not null ? " with " + Describe(total) : ", ending at an empty page");
        }

        if (model is null)
        {
            return null;
        }

        model = model with { MethodName = IdentifierNaming.MakeUnique(WithoutGroupName(baseName, tag) + "AutoPagingAsync", taken) };
        _context.Report(DiagnosticDescriptors.PagedOperation, pointer, displayName, pattern!, model.MethodName);
        return model;
    }

    /// <summary>Whether a success response declares a <c>Link</c> header.</summary>
    private static bool HasLinkHeader(OpenApiResponses? responses) =>
        responses is not null && responses.Any(r => r.Key.Length == 3 && r.Key[0] == '2' && r.Value?.Headers is { } headers
            && headers.Keys.Any(h => h.Equals("Link", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A body field holding the next page's URL: at the top, in a <c>links</c>-like object, or HAL's <c>next.href</c>.</summary>
    private string? NextLinkField(TypeModel page)
    {
        if (Field(page, s_linkFields, TypeKind.String) is { } direct)
        {
            return direct;
        }

        // HAL: "_links": { "next": { "href": "..." } }
        foreach (PropertyModel links in page.Properties.Where(p => p.Type.Kind == TypeKind.Object && Normalize(p.JsonName) is "links" or "link"))
        {
            if (_schemas.FindType(links.Type.Name)?.Properties.FirstOrDefault(p => Normalize(p.JsonName) == "next" && p.Type.Kind == TypeKind.Object) is { } next
                && _schemas.FindType(next.Type.Name)?.Properties.FirstOrDefault(p => p.JsonName == "href" && p.Type.Kind == TypeKind.String) is { } href)
            {
                return "." + links.CSharpName + "?." + next.CSharpName + "?." + href.CSharpName;
            }
        }

        return null;
    }

    /// <summary>
    /// The member path of the first field (by the order of <paramref name="names"/>) of one of the kinds, on the page or in
    /// one of its object properties (<c>pagination</c>, <c>meta</c>...); <see langword="null"/> if none.
    /// </summary>
    private string? Field(TypeModel page, string[] names, params TypeKind[] kinds)
    {
        foreach (string name in names)
        {
            if (page.Properties.FirstOrDefault(p => Normalize(p.JsonName) == name && kinds.Contains(p.Type.Kind)) is { } top)
            {
                return "." + top.CSharpName;
            }
        }

        foreach (string name in names)
        {
            foreach (PropertyModel holder in page.Properties.Where(p => p.Type.Kind == TypeKind.Object))
            {
                if (_schemas.FindType(holder.Type.Name)?.Properties.FirstOrDefault(p => Normalize(p.JsonName) == name && kinds.Contains(p.Type.Kind)) is { } nested)
                {
                    return "." + holder.CSharpName + "?." + nested.CSharpName;
                }
            }
        }

        return null;
    }

    /// <summary>A member path as the diagnostic says it (<c>Pagination.HasMore</c>).</summary>
    private static string Describe(string path) => "'" + path.Replace("?.", ".").TrimStart('.').Replace("@", string.Empty) + "'";

    /// <summary>A name compared without case or separators: <c>next_page_token</c>, <c>nextPageToken</c> and <c>page[cursor]</c>'s <c>pagecursor</c>.</summary>
    private static string Normalize(string name)
    {
        var text = new System.Text.StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }
}
