using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Model;

namespace Aitronos.Codegen.Emitting;

/// <summary>Emits one operation as an async method that builds the request, sends it and reads the result.</summary>
internal static class OperationEmitter
{
    private const string Runtime = EmitContext.RuntimeAlias;   // the client file declares it

    /// <summary>The operation's method, and one more per other request media type it accepts.</summary>
    public static void Emit(EmitContext context, SourceWriter writer, OperationModel operation)
    {
        Emit(context, writer, operation, operation.MethodName, operation.Body);
        foreach (BodyVariantModel variant in operation.OtherBodies)
        {
            writer.Line();
            Emit(context, writer, operation, variant.MethodName, variant.Body);
        }

        if (operation.Streaming is { } streaming)
        {
            // The same call, with the response read as it streams (the request's own "stream" flag, if any, is the caller's to set).
            writer.Line();
            Emit(context, writer, operation with { Result = streaming.Result, OtherBodies = EquatableArray<BodyVariantModel>.Empty }, streaming.MethodName, operation.Body);
        }

        if (operation.Paging is { } paging)
        {
            writer.Line();
            PagingEmitter.Emit(context, writer, operation, paging);
        }
    }

    private static void Emit(EmitContext context, SourceWriter writer, OperationModel operation, string methodName, BodyModel? body)
    {
        TypeSpelling types = context.Types;
        var required = operation.Parameters.Where(p => p.Required).ToList();
        var optional = operation.Parameters.Where(p => !p.Required).ToList();

        var signature = new List<string>();
        int pathCount = required.Count(p => p.Location == ParameterLocation.Path);
        signature.AddRange(required.Take(pathCount).Select(p => $"{types.NonNull(p.Type)} {p.CSharpName}"));
        if (body is { Required: true })
        {
            signature.Add($"{BodyType(types, body)} {body.CSharpName}");
        }

        signature.AddRange(required.Skip(pathCount).Select(p => $"{types.NonNull(p.Type)} {p.CSharpName}"));
        if (body is { Required: false })
        {
            signature.Add($"{BodyType(types, body)}? {body.CSharpName} = null");
        }

        signature.AddRange(optional.Select(p => $"{types.Nullable(p.Type)} {p.CSharpName} = null"));
        if (body?.MediaTypeParameter is { } mediaTypeParameter)
        {
            signature.Add($"string? {mediaTypeParameter} = null");
        }

        // After the token, so that calls passing the token by position (the common case) keep compiling.
        signature.Add("global::System.Threading.CancellationToken cancellationToken = default");
        signature.Add(Runtime + ".ApiRequestOptions? requestOptions = null");

        string resultType = operation.Result.Kind switch
        {
            ResultKind.None => "global::System.Threading.Tasks.Task",
            ResultKind.Stream => "global::System.Threading.Tasks.Task<global::System.IO.Stream>",
            ResultKind.EventStream => $"global::System.Collections.Generic.IAsyncEnumerable<{Runtime}.ServerSentEvent<{EventDataType(types, operation.Result)}>>",
            ResultKind.JsonLines => $"global::System.Collections.Generic.IAsyncEnumerable<{types.Of(operation.Result.Type!)}>",
            _ when operation.Result.OtherType is { } other => $"global::System.Threading.Tasks.Task<{Runtime}.ApiResult<{ResultType(types, operation.Result.Type!)}, {ResultType(types, other)}>>",
            _ => $"global::System.Threading.Tasks.Task<{ResultType(types, operation.Result.Type!)}>",
        };

        // Documentation
        writer.Doc("summary", operation.Summary ?? operation.Description ?? operation.HttpMethod + " " + operation.PathTemplate);
        string remarks = (operation.Summary is not null && operation.Description is not null ? operation.Description + "\n\n" : string.Empty)
            + operation.HttpMethod + " " + operation.PathTemplate;
        if (operation.OtherBodies.Count > 0)
        {
            remarks += "\n\nThe body is sent as " + body!.MediaType + "."
                + (methodName == operation.MethodName ? " Other media types: " + string.Join(", ", operation.OtherBodies.Select(o => o.MethodName + " (" + o.Body.MediaType + ")")) + "." : string.Empty);
        }

        writer.Doc("remarks", remarks);
        foreach (ParameterModel parameter in required.Take(pathCount))
        {
            DocParameter(writer, parameter.CSharpName, parameter.Description);
        }

        if (body is { Required: true })
        {
            DocParameter(writer, body.CSharpName, body.Description ?? "The request body.");
        }

        foreach (ParameterModel parameter in required.Skip(pathCount).Concat(optional))
        {
            DocParameter(writer, parameter.CSharpName, parameter.Description);
        }

        if (body is { Required: false })
        {
            DocParameter(writer, body.CSharpName, body.Description ?? "The request body, if any.");
        }

        if (body?.MediaTypeParameter is { } mediaTypeName)
        {
            DocParameter(writer, mediaTypeName, "The body's media type: " + body.MediaTypeChoices + "; " + body.MediaType + " when null.");
        }

        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line("/// <param name=\"requestOptions\">This call's retries, timeouts, raw response.</param>");
        if (operation.Result.Kind != ResultKind.None)
        {
            writer.Doc("returns", operation.Result.Kind switch
            {
                ResultKind.Stream => (operation.Result.Description is { } description ? description + "\n\n" : string.Empty) + "The response body, read from the connection as you read it; dispose it.",
                ResultKind.EventStream or ResultKind.JsonLines => (operation.Result.Description is { } streamed ? streamed + "\n\n" : string.Empty)
                    + "The " + (operation.Result.Kind == ResultKind.EventStream ? "events" : "items") + " as they arrive; the request is sent when the enumeration starts. "
                    + "Stopping early (break) releases the connection; the timeouts bound the wait for the response's headers, not the stream."
                    + EventTypesDoc(operation.Result),
                _ when operation.Result.OtherType is { } other => operation.Result.Description + "\n" + TypeName(other) + " (Second) for " + operation.Result.OtherStatuses + ", else " + TypeName(operation.Result.Type!) + ".",
                _ => operation.Result.Description ?? "The response body.",
            });
        }

        // What it means (a subclass per status, no response, a timeout, an unreadable body) is ApiException's own doc: one
        // line per operation instead of the same sentence 1,223 times in GitHub's client.
        writer.Line("/// <exception cref=\"Aitronos.Codegen.Runtime.ApiException\"/>");
        if (operation.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        // Not async: arguments are checked before the call starts, and the runtime's CallAsync does the rest.
        writer.OpenBlock($"public {resultType} {methodName}({string.Join(", ", signature)})");

        // Arguments (path parameters are checked where they are appended)
        foreach (ParameterModel parameter in required.Where(ParameterEmitter.NeedsNullCheck))
        {
            writer.Line($"if ({parameter.CSharpName} is null) throw new global::System.ArgumentNullException(nameof({parameter.CSharpName}));");
        }

        if (body is { Required: true } && !(body.Type?.IsValueType ?? false))
        {
            writer.Line($"if ({body.CSharpName} is null) throw new global::System.ArgumentNullException(nameof({body.CSharpName}));");
        }

        // Path and query, one chain
        writer.Line($"var path = {ParameterEmitter.PathChain(context, operation)};");
        ParameterEmitter.EmitQuery(context, writer, operation);
        writer.Line($"var request = _transport.CreateRequest({HttpMethod(operation.HttpMethod)}, path.ToString(), {CSharpLiterals.String(operation.PathTemplate.StartsWith("/", System.StringComparison.Ordinal) ? operation.PathTemplate : "/" + operation.PathTemplate)});");

        // Headers and cookies
        ParameterEmitter.EmitHeadersAndCookies(context, writer, operation);

        // Body
        if (body is not null)
        {
            string content = body.Kind switch
            {
                BodyKind.Json => $"{Runtime}.ApiTransport.CreateJsonContent<{types.NonNull(body.Type!)}>({body.CSharpName}{(!body.Required && body.Type!.IsValueType ? ".Value" : string.Empty)}, {TypeInfo(context, body.Type!)}{JsonMediaType(body)})",
                BodyKind.Form => $"{Runtime}.ApiTransport.CreateFormContent({body.CSharpName}, {TypeInfo(context, body.Type!)}{Fields(body)})",
                BodyKind.Multipart => $"{Runtime}.ApiTransport.CreateMultipartContent({body.CSharpName}, {TypeInfo(context, body.Type!)}{Fields(body)})",
                BodyKind.Text => $"{Runtime}.ApiTransport.CreateTextContent({body.CSharpName}, {CSharpLiterals.String(body.MediaType)})",
                BodyKind.Binary => $"{Runtime}.ApiTransport.CreateStreamContent({body.CSharpName}, {(body.MediaTypeParameter is { } choice ? choice + " ?? " : string.Empty)}{CSharpLiterals.String(body.MediaType)})",
                _ => body.CSharpName,
            };
            writer.Line(body.Required
                ? $"request.Content = {content};"
                : $"if ({body.CSharpName} is not null) request.Content = {content};");
        }

        string auth = SecurityEmitter.Argument(context.Api, operation.Auth);
        writer.Line(operation.Result.Kind switch
        {
            ResultKind.Json when operation.Result.OtherType is { } other => $"return _transport.CallAsync(request, {auth}, {TypeInfo(context, operation.Result.Type!)}, {TypeInfo(context, other)}, {CSharpLiterals.String(operation.Result.OtherStatuses!)}, requestOptions, cancellationToken);",
            ResultKind.Json => $"return _transport.CallAsync(request, {auth}, {TypeInfo(context, operation.Result.Type!)}, requestOptions, cancellationToken);",
            ResultKind.Text => $"return _transport.CallForStringAsync(request, {auth}, requestOptions, cancellationToken);",
            ResultKind.Stream => $"return _transport.CallForStreamAsync(request, {auth}, requestOptions, cancellationToken);",
            ResultKind.EventStream when operation.Result.Events is { Count: > 0 } => $"return _transport.StreamEventsAsync(request, {auth}, {EventTypes(context, operation.Result)}, requestOptions, cancellationToken);",
            ResultKind.EventStream when operation.Result.Type!.Kind == TypeKind.String => $"return _transport.StreamEventsAsync(request, {auth}, requestOptions, cancellationToken);",
            ResultKind.EventStream => $"return _transport.StreamEventsAsync(request, {auth}, {TypeInfo(context, operation.Result.Type!)}, requestOptions, cancellationToken);",
            ResultKind.JsonLines => $"return _transport.StreamJsonLinesAsync(request, {auth}, {TypeInfo(context, operation.Result.Type!)}, requestOptions, cancellationToken);",
            _ => $"return _transport.CallAsync(request, {auth}, requestOptions, cancellationToken);",
        });
        writer.CloseBlock();
    }

    // A body whose schema is a nullable object (GitHub's nullable-integration) is read with the object's type info:
    // Task<T?> would not take the Task<T> that reading returns.
    private static string ResultType(TypeSpelling types, TypeRef type) =>
        types.Of(type is { Kind: TypeKind.Object or TypeKind.Union or TypeKind.Array or TypeKind.Map, IsNullable: true } ? type with { IsNullable = false } : type);

    private static string TypeName(TypeRef type) => type.Name ?? type.Kind.ToString();

    /// <summary>An event's data type: the model every variant derives from when the event name picks the type, else the one type.</summary>
    private static string EventDataType(TypeSpelling types, ResultModel result) =>
        result.Events is { Count: > 0 } ? Runtime + ".JsonModel" : types.Of(result.Type!);

    /// <summary>Which type each event name's data is, for the caller's pattern matching.</summary>
    private static string EventTypesDoc(ResultModel result) =>
        result.Events is not { Count: > 0 } events ? string.Empty
            : "\n\nEach event's Data is, by its event name: " + string.Join(", ", events.Select(e => e.EventName + ": " + e.Type.Name))
              + (result.Type is { } other ? "; any other name: " + other.Name + "." : "; events of other names are skipped.");

    /// <summary>The runtime's table of event name to data type.</summary>
    private static string EventTypes(EmitContext context, ResultModel result)
    {
        var text = new System.Text.StringBuilder($"new {Runtime}.ServerSentEventTypes<{Runtime}.JsonModel>()");
        foreach (StreamEventModel item in result.Events ?? EquatableArray<StreamEventModel>.Empty)
        {
            text.Append($".Add({CSharpLiterals.String(item.EventName)}, {TypeInfo(context, item.Type)})");
        }

        if (result.Type is { } other)
        {
            text.Append($".Otherwise({TypeInfo(context, other)})");
        }

        return text.ToString();
    }

    private static void DocParameter(SourceWriter writer, string name, string? description) =>
        writer.Doc("param", string.IsNullOrWhiteSpace(description) ? "The '" + name.TrimStart('@') + "' parameter." : description, "name=\"" + name.TrimStart('@') + "\"");

    private static string BodyType(TypeSpelling types, BodyModel body) => body.Kind switch
    {
        BodyKind.Json or BodyKind.Form or BodyKind.Multipart => types.NonNull(body.Type!),
        BodyKind.Text => "string",
        BodyKind.Binary => "global::System.IO.Stream",
        _ => "global::System.Net.Http.HttpContent",
    };

    /// <summary>A JSON body's media type when it is not plain <c>application/json</c> (a merge patch says so in its Content-Type).</summary>
    private static string JsonMediaType(BodyModel body) =>
        body.MediaType.IndexOf('*') < 0 && !body.MediaType.Equals("application/json", System.StringComparison.OrdinalIgnoreCase)
            ? ", " + CSharpLiterals.String(body.MediaType)
            : string.Empty;

    /// <summary>The spec's <c>encoding</c> entries as the runtime's <c>BodyField</c>s, after the other arguments.</summary>
    private static string Fields(BodyModel body)
    {
        var text = new System.Text.StringBuilder();
        foreach (BodyFieldModel field in body.Fields)
        {
            text.Append($", new {Runtime}.BodyField({CSharpLiterals.String(field.Name)}");
            if (field.Style != "Form")
            {
                text.Append($", {Runtime}.FormStyle.{field.Style}");
            }

            if (!field.Explode)
            {
                text.Append(", explode: false");
            }

            if (field.ContentType is { } contentType)
            {
                text.Append(", contentType: " + CSharpLiterals.String(contentType));
            }

            text.Append(')');
        }

        return text.ToString();
    }

    private static string TypeInfo(EmitContext context, TypeRef type) =>
        $"{context.Types.Named(context.Context)}.Default.{context.TypeInfoMember(type)}";

    private static string HttpMethod(string method) => method switch
    {
        "GET" => "global::System.Net.Http.HttpMethod.Get",
        "PUT" => "global::System.Net.Http.HttpMethod.Put",
        "POST" => "global::System.Net.Http.HttpMethod.Post",
        "DELETE" => "global::System.Net.Http.HttpMethod.Delete",
        "HEAD" => "global::System.Net.Http.HttpMethod.Head",
        "OPTIONS" => "global::System.Net.Http.HttpMethod.Options",
        "TRACE" => "global::System.Net.Http.HttpMethod.Trace",
        _ => $"new global::System.Net.Http.HttpMethod({CSharpLiterals.String(method)})",
    };
}
