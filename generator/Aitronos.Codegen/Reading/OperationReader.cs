using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;
using Microsoft.OpenApi;
using ApiParameterLocation = Aitronos.Codegen.Model.ParameterLocation;

namespace Aitronos.Codegen.Reading;

/// <summary>Turns the document's paths into operation groups: one per tag, plus the untagged ones. Bodies: OperationReader.Bodies.cs.</summary>
internal sealed partial class OperationReader
{
    private static readonly string[] s_methodOrder = { "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY" };
    private static readonly HashSet<string> s_ignoredHeaders = new(StringComparer.OrdinalIgnoreCase) { "Accept", "Content-Type", "Authorization" };

    private readonly ReadContext _context;
    private readonly SchemaReader _schemas;
    private readonly SecurityReader _security;
    private readonly OpenApiDocument _document;
    private readonly ISet<string>? _includeTags;
    private readonly bool _swagger2;

    // Which operation took each method name, by sub-client (tag): a later one that wants it is told whose it is.
    private readonly Dictionary<(string Group, string Name), string> _methodOwners = new();

    /// <param name="swagger2">The document is Swagger 2.0, whose arrays default to <c>collectionFormat: csv</c>.</param>
    public OperationReader(ReadContext context, SchemaReader schemas, SecurityReader security, OpenApiDocument document, ISet<string>? includeTags, bool swagger2 = false)
    {
        _swagger2 = swagger2;
        _context = context;
        _schemas = schemas;
        _security = security;
        _document = document;
        _includeTags = includeTags;
    }

    public (List<OperationGroupModel> Groups, List<TypeRef> SerializedTypes) Read(string clientName, System.Threading.CancellationToken cancellationToken)
    {
        var byTag = new Dictionary<string, List<OperationModel>>(StringComparer.Ordinal);
        var tagOrder = new List<string>();
        var untagged = new List<OperationModel>();
        var methodNames = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var serialized = new List<TypeRef>();

        if (_document.Paths is null)
        {
            return (new List<OperationGroupModel>(), serialized);
        }

        foreach (var path in _document.Paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string pathPointer = ReadContext.Pointer("#/paths", path.Key);
            IOpenApiPathItem item = path.Value;
            if (item.Operations is null)
            {
                continue;
            }

            foreach (var entry in item.Operations.OrderBy(o => MethodRank(o.Key.Method)).ThenBy(o => o.Key.Method, StringComparer.Ordinal))
            {
                OpenApiOperation operation = entry.Value;
                string method = entry.Key.Method.ToUpperInvariant();
                string pointer = ReadContext.Pointer(pathPointer, entry.Key.Method.ToLowerInvariant());
                string? tag = operation.Tags?.Select(t => t.Name).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
                if (_includeTags is not null && (operation.Tags is null || !operation.Tags.Any(t => t.Name is { } n && _includeTags.Contains(n))))
                {
                    continue;
                }

                string groupKey = tag ?? string.Empty;
                if (!methodNames.TryGetValue(groupKey, out HashSet<string>? taken))
                {
                    taken = new HashSet<string>(StringComparer.Ordinal) { "Dispose", "Equals", "GetHashCode", "ToString", "GetType", clientName };
                    methodNames[groupKey] = taken;
                }

                OperationModel model = ReadOperation(path.Key, item, method, operation, pointer, tag, taken, serialized);
                if (tag is null)
                {
                    untagged.Add(model);
                }
                else
                {
                    if (!byTag.TryGetValue(tag, out List<OperationModel>? list))
                    {
                        list = new List<OperationModel>();
                        byTag[tag] = list;
                        tagOrder.Add(tag);
                    }

                    list.Add(model);
                }
            }
        }

        var groups = new List<OperationGroupModel>();
        if (untagged.Count > 0)
        {
            groups.Add(new OperationGroupModel(null, null, null, untagged.ToEquatableArray()));
        }

        // Sub-client names share the root client's member scope with its untagged methods.
        var rootMembers = new HashSet<string>(StringComparer.Ordinal) { "Dispose", "Equals", "GetHashCode", "ToString", "GetType", clientName, Emitting.EmitContext.RuntimeAlias, Emitting.EmitContext.JsonAlias };
        rootMembers.UnionWith(untagged.Select(o => o.MethodName));
        foreach (string tag in tagOrder)
        {
            string property = IdentifierNaming.MakeUnique(IdentifierNaming.ToPascalCase(tag, "Operations"), rootMembers);
            string className = IdentifierNaming.MakeUnique(property + "Client", rootMembers);
            string? description = _document.Tags?.FirstOrDefault(t => t.Name == tag)?.Description;
            groups.Add(new OperationGroupModel(property, className, description, byTag[tag].ToEquatableArray()));
        }

        return (groups, serialized);
    }

    private OperationModel ReadOperation(
        string pathTemplate,
        IOpenApiPathItem item,
        string method,
        OpenApiOperation operation,
        string pointer,
        string? tag,
        HashSet<string> taken,
        List<TypeRef> serialized)
    {
        string baseName = operation.OperationId is { Length: > 0 } id
            ? IdentifierNaming.ToPascalCase(id, "Operation")
            : IdentifierNaming.ToPascalCase(method.ToLowerInvariant() + " " + PathWords(pathTemplate), "Operation");
        string candidate = WithoutGroupName(baseName, tag) + "Async";
        string methodName = IdentifierNaming.MakeUnique(candidate, taken);
        string typeHint = baseName;
        string displayName = operation.OperationId ?? method + " " + pathTemplate;
        string fullName = "operation '" + (operation.OperationId ?? string.Empty) + "' (" + method + " " + pathTemplate + ")";
        if (methodName != candidate)
        {
            // Duplicate operationIds, or ids that differ only in what C# names cannot hold (get-item, get_item): the first
            // in document order keeps the name, and the diagnostic names both.
            string first = _methodOwners.TryGetValue((tag ?? string.Empty, candidate), out string? owner) ? owner : "another member of the generated client";
            _context.Report(DiagnosticDescriptors.NameCollision, pointer + "/operationId", first, fullName, candidate, methodName);
        }
        else
        {
            _methodOwners[(tag ?? string.Empty, candidate)] = fullName;
        }

        var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken", "requestOptions", "body", "request", "response", "path" };
        var parameters = new List<ParameterModel>();
        var seen = new HashSet<(string, ApiParameterLocation)>();

        // Operation parameters override path-item parameters with the same name and location.
        var declared = new List<(IOpenApiParameter Parameter, string Pointer)>();
        if (operation.Parameters is { } own)
        {
            for (int i = 0; i < own.Count; i++)
            {
                declared.Add((own[i], pointer + "/parameters/" + i.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (item.Parameters is { } shared)
        {
            string itemPointer = pointer.Substring(0, pointer.LastIndexOf('/'));
            for (int i = 0; i < shared.Count; i++)
            {
                declared.Add((shared[i], itemPointer + "/parameters/" + i.ToString(CultureInfo.InvariantCulture)));
            }
        }

        foreach (var (parameter, parameterPointer) in declared)
        {
            ParameterModel? model = ReadParameter(parameter, parameterPointer, displayName, typeHint, parameterNames, seen, serialized);
            if (model is not null)
            {
                parameters.Add(model);
            }
        }

        EquatableArray<PathPart> path = ParsePath(pathTemplate, parameters, displayName, pointer, parameterNames);
        var (body, otherBodies) = ReadBodies(operation.RequestBody, pointer + "/requestBody", displayName, typeHint, baseName, taken, parameterNames, serialized);
        ResultModel result = ReadResult(operation.Responses, pointer + "/responses", typeHint, serialized, out ResultModel? alsoStreamed);
        StreamVariantModel? streaming = alsoStreamed is null
            ? null
            : new StreamVariantModel(IdentifierNaming.MakeUnique(WithoutGroupName(baseName, tag) + "StreamingAsync", taken), alsoStreamed);

        // Signature order: required path parameters as they appear in the path, a required body,
        // other required parameters, then everything optional.
        var ordered = parameters
            .Select((p, index) => (p, index))
            .OrderBy(x => x.p.Required ? 0 : 1)
            .ThenBy(x => x.p.Location == ApiParameterLocation.Path ? PathIndex(path, x.p.Name) : int.MaxValue)
            .ThenBy(x => x.index)
            .Select(x => x.p)
            .ToEquatableArray();

        PagingModel? paging = ReadPaging(operation, method, pointer, displayName, baseName, tag, taken, ordered, body, result);
        return new OperationModel(
            methodName,
            method,
            pathTemplate,
            operation.Summary,
            operation.Description,
            operation.Deprecated,
            path,
            ordered,
            body,
            result,
            _security.For(operation.Security, _document.Security),
            otherBodies,
            streaming,
            paging);
    }

    /// <summary>
    /// The method's name inside its tag's sub-client, which already says the tag: GitHub's
    /// <c>security-advisories/list-global-advisories</c> is <c>client.SecurityAdvisories.ListGlobalAdvisoriesAsync</c>, not
    /// <c>client.SecurityAdvisories.SecurityAdvisoriesListGlobalAdvisoriesAsync</c>. Only whole leading words go, and only
    /// when words remain; type names keep the whole operation name, as they share one namespace.
    /// </summary>
    internal static string WithoutGroupName(string name, string? tag)
    {
        if (tag is null)
        {
            return name;
        }

        string group = IdentifierNaming.ToPascalCase(tag, string.Empty);
        return group.Length > 0
            && name.Length > group.Length
            && name.StartsWith(group, StringComparison.Ordinal)
            && char.IsUpper(name[group.Length])
            ? name.Substring(group.Length)
            : name;
    }

    private EquatableArray<PathPart> ParsePath(string template, List<ParameterModel> parameters, string operationName, string pointer, HashSet<string> names)
    {
        var parts = new List<PathPart>();
        int position = 0;
        while (position < template.Length)
        {
            int open = template.IndexOf('{', position);
            int close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                parts.Add(new PathPart(template.Substring(position), false));
                break;
            }

            if (open > position)
            {
                parts.Add(new PathPart(template.Substring(position, open - position), false));
            }

            string name = template.Substring(open + 1, close - open - 1);
            if (!parameters.Any(p => p.Location == ApiParameterLocation.Path && p.Name == name))
            {
                // The template names a parameter the operation never declares: accept it as a string.
                _context.Report(DiagnosticDescriptors.UnsupportedParameter, pointer, operationName, name, "in path is in the path template but not declared: the method takes it as a string");
                parameters.Add(new ParameterModel(name, IdentifierNaming.MakeUnique(IdentifierNaming.ToCamelCase(name, "parameter"), names), ApiParameterLocation.Path, TypeRef.String, true, null, false, ParameterStyleKind.Simple, Explode: false));
            }

            parts.Add(new PathPart(name, true));
            position = close + 1;
        }

        // Declared path parameters that the template does not contain have nowhere to go.
        parameters.RemoveAll(p => p.Location == ApiParameterLocation.Path && !parts.Any(part => part.IsParameter && part.Text == p.Name));
        return parts.ToEquatableArray();
    }

    private static int PathIndex(EquatableArray<PathPart> path, string name)
    {
        for (int i = 0; i < path.Count; i++)
        {
            if (path[i].IsParameter && path[i].Text == name)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private ResultModel ReadResult(OpenApiResponses? responses, string pointer, string typeHint, List<TypeRef> serialized, out ResultModel? alsoStreamed)
    {
        alsoStreamed = null;
        if (responses is null)
        {
            return new ResultModel(ResultKind.None, null, null);
        }

        var success = responses
            .Where(r => r.Key.Length == 3 && r.Key[0] == '2')
            .OrderBy(r => r.Key.Equals("2XX", StringComparison.OrdinalIgnoreCase) ? "299" : r.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var response in success)
        {
            // 204 and 205 have no body by definition (RFC 9110), whatever media types a 2.0 document's produces gave them.
            if (response.Value?.Content is not { Count: > 0 } content || response.Key is "204" or "205")
            {
                continue;
            }

            string responsePointer = ReadContext.Pointer(pointer, response.Key);
            // A stream and a JSON body side by side (a "stream" flag in the request picks): the stream is a method of its own.
            ResultModel? streamed = ReadStreamedResult(content, responsePointer, response.Value.Description, typeHint, serialized);
            var json = content.FirstOrDefault(c => IsJson(c.Key));
            if (json.Key is not null)
            {
                TypeRef type = _schemas.Resolve(json.Value?.Schema, ReadContext.Pointer(responsePointer + "/content", json.Key) + "/schema", typeHint + "Response");
                serialized.Add(type);
                alsoStreamed = streamed;
                return OtherStatuses(success, response.Key, type, pointer, typeHint, serialized) is { } other
                    ? new ResultModel(ResultKind.Json, type, other.Description, OtherType: other.Type, OtherStatuses: other.Statuses)
                    : new ResultModel(ResultKind.Json, type, response.Value.Description);
            }

            if (streamed is not null)
            {
                return streamed;
            }

            if (content.Keys.Any(k => k.StartsWith("text/", StringComparison.OrdinalIgnoreCase)))
            {
                return new ResultModel(ResultKind.Text, TypeRef.String, response.Value.Description);
            }

            // Any other media (octets, images, archives, XML...) is handed over as it arrives, not buffered.
            return new ResultModel(ResultKind.Stream, null, response.Value.Description);
        }

        return new ResultModel(ResultKind.None, null, success.Select(r => r.Value?.Description).FirstOrDefault());
    }

    /// <summary>
    /// The JSON bodies of the 2xx statuses after the first that are not of the first's type: when they are all of one
    /// other type, that type, their codes, and the first type's statuses' descriptions. More than two body types, a range
    /// (<c>2XX</c>) among them, or an inline object schema keep the first type alone (a body of another status is read
    /// leniently as it).
    /// </summary>
    private (TypeRef Type, string Statuses, string Description)? OtherStatuses(
        List<KeyValuePair<string, IOpenApiResponse>> success, string firstKey, TypeRef firstType, string pointer, string typeHint, List<TypeRef> serialized)
    {
        TypeRef? other = null;
        var statuses = new List<string>();
        var descriptions = new List<string>();
        foreach (var response in success)
        {
            if (response.Key is "204" or "205" || response.Value?.Content?.FirstOrDefault(c => IsJson(c.Key)) is not { Key: not null } json)
            {
                continue;
            }

            if (string.CompareOrdinal(response.Key, firstKey) <= 0)
            {
                descriptions.Add(response.Value.Description ?? string.Empty);
                continue;
            }

            // A body type of its own only where it costs no new generated types for this one operation: a component, or a
            // schema without properties (GitHub's 202 "accepted"). An inline object (GitHub's 207 multi-status) keeps the
            // first type, read leniently as before: 14 KB of models for one operation would break the output-size budget.
            if (json.Value?.Schema is not (OpenApiSchemaReference or { Properties: null or { Count: 0 }, AllOf: null or { Count: 0 }, OneOf: null or { Count: 0 }, AnyOf: null or { Count: 0 } }))
            {
                return null;
            }

            string schemaPointer = ReadContext.Pointer(ReadContext.Pointer(pointer, response.Key) + "/content", json.Key) + "/schema";
            TypeRef type = _schemas.Resolve(json.Value?.Schema, schemaPointer, typeHint + "Response" + response.Key);
            if ((type with { IsNullable = false }).Equals(firstType with { IsNullable = false }))
            {
                continue;
            }

            if (!response.Key.All(char.IsDigit) || (other is not null && !(type with { IsNullable = false }).Equals(other with { IsNullable = false })))
            {
                return null;
            }

            other = type;
            statuses.Add(response.Key);
        }

        if (other is null)
        {
            return null;
        }

        serialized.Add(other);
        return (other, string.Join(" ", statuses), string.Join(" ", descriptions.Where(d => d.Length > 0)));
    }

    internal static bool IsJson(string mediaType)
    {
        string type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("*/*", StringComparison.Ordinal)
            || type.Equals("application/*", StringComparison.OrdinalIgnoreCase);
    }

    private static int MethodRank(string method)
    {
        int index = Array.IndexOf(s_methodOrder, method.ToUpperInvariant());
        return index < 0 ? s_methodOrder.Length : index;
    }

    private static string PathWords(string template)
    {
        var words = new List<string>();
        foreach (string segment in template.Split('/'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            words.Add(segment.StartsWith("{", StringComparison.Ordinal) ? "by " + segment.Trim('{', '}') : segment);
        }

        return string.Join(" ", words);
    }
}
