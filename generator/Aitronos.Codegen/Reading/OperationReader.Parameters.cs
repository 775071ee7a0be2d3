using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Aitronos.Codegen.Diagnostics;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;
using Microsoft.OpenApi;
using ApiParameterLocation = Aitronos.Codegen.Model.ParameterLocation;

namespace Aitronos.Codegen.Reading;

/// <summary>Parameters: their location, type, and how they are written (style, explode, allowReserved, content).</summary>
internal sealed partial class OperationReader
{
    /// <summary>
    /// Whether a 2.0 parameter said <c>collectionFormat: multi</c>: the reader maps both <c>csv</c> (the default) and
    /// <c>multi</c> to <c>style: form</c>, and tells them apart only by whether it set <c>explode</c>, which its public
    /// getter reports as <c>true</c> either way. Read once; null if a later reader renames it (then 2.0 arrays go
    /// by the getter, exploded).
    /// </summary>
    private static readonly FieldInfo? s_explodeSet = typeof(OpenApiParameter).GetField("_explode", BindingFlags.NonPublic | BindingFlags.Instance);

    private static IOpenApiParameter ResolvedOrSelf(OpenApiParameterReference reference)
    {
        try
        {
            return reference.Target ?? (IOpenApiParameter)reference;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or KeyNotFoundException or NullReferenceException)
        {
            // Left to the members' own resolution, which reports nothing worse.
            return reference;
        }
    }

    private ParameterModel? ReadParameter(
        IOpenApiParameter parameter,
        string pointer,
        string operationName,
        string typeHint,
        HashSet<string> names,
        HashSet<(string, ApiParameterLocation)> seen,
        List<TypeRef> serialized)
    {
        // A reference to a component parameter resolves by URI on every member read through it: resolve it once.
        // Its own description (3.1 allows one beside $ref) still wins over the target's.
        string? ownDescription = null;
        if (parameter is OpenApiParameterReference reference)
        {
            ownDescription = reference.Reference?.Description;
            parameter = ResolvedOrSelf(reference);
        }

        if (parameter.Name is not { Length: > 0 } name)
        {
            return null;
        }

        ApiParameterLocation? location = parameter.In switch
        {
            Microsoft.OpenApi.ParameterLocation.Path => ApiParameterLocation.Path,
            Microsoft.OpenApi.ParameterLocation.Query => ApiParameterLocation.Query,
            Microsoft.OpenApi.ParameterLocation.Header => ApiParameterLocation.Header,
            Microsoft.OpenApi.ParameterLocation.Cookie => ApiParameterLocation.Cookie,
            _ => null,
        };
        if (location is null)
        {
            _context.Report(DiagnosticDescriptors.UnsupportedParameter, pointer, operationName, name, "in " + (parameter.In?.ToString().ToLowerInvariant() ?? "an unknown location") + " is not supported: it is left out of the method");
            return null;
        }

        if (!seen.Add((name, location.Value)))
        {
            return null;
        }

        if (location == ApiParameterLocation.Header && s_ignoredHeaders.Contains(name))
        {
            return null;
        }

        // A parameter is described by a schema, or by content with one media type (3.x): content: application/json
        // sends the value as JSON text; another media type sends a scalar as it is.
        IOpenApiSchema? schema = parameter.Schema;
        string schemaPointer = pointer + "/schema";
        bool isJsonContent = false;
        if (schema is null && parameter.Content?.FirstOrDefault() is { Key: { } mediaType } content)
        {
            schema = content.Value?.Schema;
            schemaPointer = ReadContext.Pointer(pointer + "/content", mediaType) + "/schema";
            isJsonContent = IsJson(mediaType);
        }

        TypeRef type = _schemas.Resolve(schema, schemaPointer, typeHint + IdentifierNaming.ToPascalCase(name, "Parameter"));
        type = type with { IsNullable = false };
        ParameterStyleKind style = StyleOf(parameter, location.Value, pointer, operationName, name);
        bool explode = ExplodeOf(parameter, style);
        bool allowReserved = parameter.AllowReserved && location == ApiParameterLocation.Query;

        if (isJsonContent ? type.Kind == TypeKind.File : !IsSimple(type) && !IsStyled(type))
        {
            _context.Report(DiagnosticDescriptors.UnsupportedParameter, pointer, operationName, name, "in " + Location(location.Value) + " is " + Shape(type)
                + ": the method takes it as a string, which it sends as it is" + (location == ApiParameterLocation.Header ? string.Empty : ", percent-encoded"));
            type = TypeRef.String;
            isJsonContent = false;
        }

        if (type.Kind == TypeKind.Array && TakeTabSeparated(pointer))
        {
            _context.Report(DiagnosticDescriptors.UnsupportedParameter, pointer, operationName, name, "in " + Location(location.Value)
                + " has collectionFormat 'tsv' (tab-separated), which the OpenAPI reader cannot read: the method takes it as a string, which it sends as it is"
                + (location == ApiParameterLocation.Header ? string.Empty : ", percent-encoded") + " (join the items with a tab)");
            type = TypeRef.String;
        }

        if (isJsonContent || (!IsSimple(type) && !(type.Kind == TypeKind.Array && IsSimple(type.Element!))))
        {
            // Written from its JSON, by the generated type's own JSON code.
            serialized.Add(type);
        }

        bool required = parameter.Required || location == ApiParameterLocation.Path;
        string csharpName = IdentifierNaming.MakeUnique(IdentifierNaming.ToCamelCase(name, "parameter"), names);
        return new ParameterModel(
            name,
            csharpName,
            location.Value,
            type,
            required,
            ownDescription is { Length: > 0 } ? ownDescription : parameter.Description,
            parameter.Deprecated,
            style,
            explode,
            allowReserved,
            isJsonContent);
    }

    /// <summary>
    /// Whether the parameter at <paramref name="pointer"/> said <c>collectionFormat: tsv</c> (see
    /// <see cref="ReadContext.TabSeparated"/>): an offset after the parameter's start and before the next parameter's
    /// (the locator knows where nodes start, not where they end), or for the last one, before the operation's
    /// <c>responses</c>; the offset is then taken.
    /// </summary>
    private bool TakeTabSeparated(string pointer)
    {
        if (_context.TabSeparated.Count == 0)
        {
            return false;
        }

        int start = _context.Locator.ForPointer(pointer).Span.Start;
        int slash = pointer.LastIndexOf('/');
        int next = int.MaxValue;
        if (int.TryParse(pointer.Substring(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index))
        {
            int nextStart = _context.Locator.ForPointer(pointer.Substring(0, slash + 1) + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Span.Start;
            next = nextStart > start ? nextStart : int.MaxValue;
        }

        if (next == int.MaxValue)
        {
            // The last parameter: up to the operation's responses (required in 2.0, and usually after the parameters).
            string operation = pointer.Substring(0, pointer.LastIndexOf("/parameters/", StringComparison.Ordinal));
            int responses = _context.Locator.ForPointer(operation + "/responses").Span.Start;
            next = responses > start ? responses : start + 1000;
        }

        int found = _context.TabSeparated.FindIndex(offset => offset > start && offset < next);
        if (found < 0)
        {
            return false;
        }

        _context.TabSeparated.RemoveAt(found);
        return true;
    }

    /// <summary>The effective style: the spec's where it is defined for the location, else the location's default (ACG015 says so).</summary>
    private ParameterStyleKind StyleOf(IOpenApiParameter parameter, ApiParameterLocation location, string pointer, string operationName, string name)
    {
        ParameterStyleKind fallback = location is ApiParameterLocation.Query or ApiParameterLocation.Cookie ? ParameterStyleKind.Form : ParameterStyleKind.Simple;
        if (parameter.Style is not { } declared)
        {
            return fallback;
        }

        ParameterStyleKind? style = declared.ToString() switch
        {
            "Simple" => ParameterStyleKind.Simple,
            "Label" => ParameterStyleKind.Label,
            "Matrix" => ParameterStyleKind.Matrix,
            "Form" => ParameterStyleKind.Form,
            "SpaceDelimited" => ParameterStyleKind.SpaceDelimited,
            "PipeDelimited" => ParameterStyleKind.PipeDelimited,
            "DeepObject" => ParameterStyleKind.DeepObject,
            _ => null,
        };

        // 2.0's collectionFormat ssv and pipes reach paths and headers as these styles: their delimiters hold there too.
        bool defined = style switch
        {
            ParameterStyleKind.Simple => location is ApiParameterLocation.Path or ApiParameterLocation.Header,
            ParameterStyleKind.Label or ParameterStyleKind.Matrix => location == ApiParameterLocation.Path,
            ParameterStyleKind.Form => location is ApiParameterLocation.Query or ApiParameterLocation.Cookie || (_swagger2 && location != ApiParameterLocation.Cookie),
            ParameterStyleKind.SpaceDelimited or ParameterStyleKind.PipeDelimited => location == ApiParameterLocation.Query || (_swagger2 && location != ApiParameterLocation.Cookie),
            ParameterStyleKind.DeepObject => location == ApiParameterLocation.Query,
            _ => false,
        };
        if (defined)
        {
            // 2.0's csv outside the query is the simple style.
            return style == ParameterStyleKind.Form && location is ApiParameterLocation.Path or ApiParameterLocation.Header ? ParameterStyleKind.Simple : style!.Value;
        }

        _context.Report(DiagnosticDescriptors.UnsupportedParameter, pointer, operationName, name,
            "in " + Location(location) + " has style '" + CamelCase(declared.ToString()) + "', which is not defined there: it is sent in the " + CamelCase(fallback.ToString()) + " style");
        return fallback;
    }

    private bool ExplodeOf(IOpenApiParameter parameter, ParameterStyleKind style)
    {
        if (_swagger2 && style == ParameterStyleKind.Form && parameter is OpenApiParameter concrete && s_explodeSet is not null)
        {
            // csv (explicit or the default) unless it said multi.
            return s_explodeSet.GetValue(concrete) is true;
        }

        return parameter.Explode;
    }

    /// <summary>What a parameter is that no style writes, for ACG015.</summary>
    private static string Shape(TypeRef type) => type.Kind switch
    {
        TypeKind.File => "a file",
        TypeKind.Array => "an array of " + Plural(type.Element!),
        _ => "of no single type (a union, or any JSON)",
    };

    private static string Plural(TypeRef element) => element.Kind switch
    {
        TypeKind.File => "files",
        _ => "items of no single type (a union, or any JSON)",
    };

    /// <summary>
    /// A scalar, written as its text in every style (<c>format: byte</c> as its base64); a union of scalars is written as
    /// the variant it holds (its ToString). A union that may hold an object or an array is written from its JSON.
    /// </summary>
    private bool IsSimple(TypeRef type) => type.IsTextScalar || (type.Kind == TypeKind.Union && _schemas.IsScalarUnion(type.Name!));

    /// <summary>
    /// Written by its style: an array of scalars from its items, anything else with a JSON shape of its own (objects, maps,
    /// arrays of them, generated types of any kind) from its JSON. Only JsonElement (no single type) and files are not.
    /// </summary>
    private static bool IsStyled(TypeRef type) =>
        type.Kind is not (TypeKind.Any or TypeKind.File) && (type.Kind != TypeKind.Array || type.Element!.Kind is not (TypeKind.Any or TypeKind.File));

    private static string Location(ApiParameterLocation location) => location.ToString().ToLowerInvariant();

    private static string CamelCase(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
}
