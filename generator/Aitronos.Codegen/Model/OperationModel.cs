namespace Aitronos.Codegen.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>How a request body is typed and encoded, in the order of preference when a spec offers several.</summary>
internal enum BodyKind
{
    Json,
    Form,
    Multipart,
    Text,
    Binary,
    Content,
}

internal enum ResultKind
{
    None,
    Json,
    Text,
    Stream,

    /// <summary><c>text/event-stream</c>: an <c>IAsyncEnumerable</c> of <c>ServerSentEvent</c>s.</summary>
    EventStream,

    /// <summary>JSON Lines (<c>application/x-ndjson</c>, <c>application/jsonl</c>, <c>application/json-seq</c>): an <c>IAsyncEnumerable</c> of items.</summary>
    JsonLines,
}

/// <summary>One HTTP operation, emitted as one async method.</summary>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string PathTemplate,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<PathPart> Path,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResultModel Result,
    SecurityRequirementModel Auth,
    EquatableArray<BodyVariantModel> OtherBodies,
    StreamVariantModel? Streaming = null,
    PagingModel? Paging = null);

/// <summary>A piece of a path template: literal text, or the name of the parameter whose value goes there.</summary>
internal sealed record PathPart(string Text, bool IsParameter);

/// <summary>
/// How a parameter is written (OpenAPI <c>style</c>, or Swagger 2.0's <c>collectionFormat</c>); member names are the
/// runtime's <c>ParameterStyle</c> members.
/// </summary>
internal enum ParameterStyleKind
{
    Simple,
    Label,
    Matrix,
    Form,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

/// <summary>
/// A path, query, header or cookie parameter, in method-signature order. <paramref name="Style"/> and
/// <paramref name="Explode"/> are the effective ones (defaults resolved); <paramref name="AllowReserved"/> holds only in
/// the query; <paramref name="IsJsonContent"/> is a parameter described by <c>content: application/json</c>, sent as its
/// JSON text.
/// </summary>
internal sealed record ParameterModel(
    string Name,
    string CSharpName,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    string? Description,
    bool Deprecated,
    ParameterStyleKind Style = ParameterStyleKind.Form,
    bool Explode = true,
    bool AllowReserved = false,
    bool IsJsonContent = false);

/// <summary>
/// The request body parameter; <paramref name="Fields"/> are the spec's <c>encoding</c> entries (forms and multipart).
/// A binary body the spec allows in several media types (or a wildcard) also takes the media type to send, as the
/// parameter <paramref name="MediaTypeParameter"/>, one of <paramref name="MediaTypeChoices"/> (for its documentation).
/// </summary>
internal sealed record BodyModel(
    string CSharpName,
    BodyKind Kind,
    string MediaType,
    TypeRef? Type,
    bool Required,
    string? Description,
    EquatableArray<BodyFieldModel> Fields,
    string? MediaTypeParameter = null,
    string? MediaTypeChoices = null);

/// <summary>
/// One <c>encoding</c> entry of a form or multipart body that differs from the defaults (style form, explode,
/// no content type). <paramref name="Style"/> is the runtime's <c>FormStyle</c> member name.
/// </summary>
internal sealed record BodyFieldModel(string Name, string Style, bool Explode, string? ContentType);

/// <summary>Another request media type of an operation, emitted as a method of its own (<c>UpdatePetAsFormAsync</c>).</summary>
internal sealed record BodyVariantModel(string MethodName, BodyModel Body);

/// <summary>
/// What the method returns on success. For <see cref="ResultKind.EventStream"/> and <see cref="ResultKind.JsonLines"/>,
/// <paramref name="Type"/> is one event's data (one item); a stream whose <c>event</c> name picks the data's type lists the
/// names in <paramref name="Events"/>, and <paramref name="Type"/> is then the type of unlisted events, if any.
/// A JSON result whose 2xx statuses declare two different body types has the second in <paramref name="OtherType"/>, read
/// for the statuses in <paramref name="OtherStatuses"/> (space-separated codes); the method returns the runtime's <c>ApiResult</c>.
/// </summary>
internal sealed record ResultModel(
    ResultKind Kind,
    TypeRef? Type,
    string? Description,
    EquatableArray<StreamEventModel>? Events = null,
    TypeRef? OtherType = null,
    string? OtherStatuses = null);

/// <summary>An event name of a <c>text/event-stream</c> and the type its data is read as.</summary>
internal sealed record StreamEventModel(string EventName, TypeRef Type);

/// <summary>
/// A response offered both whole (JSON) and streamed: the stream gets a method of its own (<c>CreateResponseStreamingAsync</c>).
/// </summary>
internal sealed record StreamVariantModel(string MethodName, ResultModel Result);

/// <summary>How a list operation says where its next page is.</summary>
internal enum PagingKind
{
    /// <summary><c>limit</c>/<c>offset</c> query parameters; the next offset counts the items received.</summary>
    Offset,

    /// <summary>A cursor (next token) from the response, sent back in a query parameter.</summary>
    Cursor,

    /// <summary>A next-page URL in the response body.</summary>
    NextLink,

    /// <summary>An RFC 8288 <c>Link</c> response header with <c>rel="next"</c>.</summary>
    LinkHeader,
}

/// <summary>
/// A list operation's auto-paging method (<c>ListJobsAutoPagingAsync</c>). The member paths are C# member accesses on
/// the page (<c>.Data</c>, <c>.Pagination?.HasMore</c>; empty for the page itself), made of generated member names only.
/// <paramref name="Parameter"/> is the C# name of the offset or cursor parameter the pager sets for each page;
/// <paramref name="NextFromLastItem"/>: the next cursor is the last item's <paramref name="Next"/> member (Stripe's
/// <c>starting_after</c>).
/// </summary>
internal sealed record PagingModel(
    string MethodName,
    PagingKind Kind,
    TypeRef Item,
    string Items,
    string? Parameter = null,
    string? Next = null,
    string? HasMore = null,
    string? Total = null,
    bool NextFromLastItem = false);
