using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Aitronos.Codegen.Runtime;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace Aitronos.Codegen.ContractTests;

/// <summary>The arguments of one generated method: spec parameters and the body from samples of their schemas.</summary>
public sealed partial class ContractRun
{
    private object?[] Arguments(MethodInfo method, GeneratedMethod generated)
    {
        OpenApiOperation operation = FindOperation(generated)
            ?? throw new NotSupportedException($"the spec has no operation {generated.Operation}");
        IOpenApiPathItem pathItem = _document.Paths[generated.PathTemplate];
        var specParameters = (pathItem.Parameters ?? new List<IOpenApiParameter>())
            .Where(p => operation.Parameters?.Any(o => o.Name == p.Name && o.In == p.In) != true)
            .Concat(operation.Parameters ?? new List<IOpenApiParameter>())
            .ToList();

        ParameterInfo[] parameters = method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            ParameterInfo parameter = parameters[i];
            Type type = parameter.ParameterType;
            if (type == typeof(CancellationToken) || type == typeof(ApiRequestOptions))
            {
                arguments[i] = parameter.HasDefaultValue ? parameter.DefaultValue : null;
                continue;
            }

            IOpenApiParameter? specParameter = specParameters.FirstOrDefault(p => Normalize(p.Name!) == Normalize(parameter.Name!));
            if (specParameter is not null)
            {
                arguments[i] = ParameterValue(parameter, specParameter);
            }
            else if (operation.RequestBody is { Content: { Count: > 0 } content } && IsBodyParameter(parameter, parameters))
            {
                arguments[i] = BodyValue(type, content);
            }
            else if (parameter.HasDefaultValue)
            {
                arguments[i] = parameter.DefaultValue;
            }
            else if (type == typeof(string) && operation.RequestBody?.Content is { Count: > 0 } media)
            {
                // The media type to send a binary body as (one of the spec's).
                arguments[i] = media.Keys.First(k => !k.Contains('*', StringComparison.Ordinal));
            }
            else
            {
                throw new NotSupportedException($"parameter '{parameter.Name}' ({type.Name}) matches nothing in the spec");
            }
        }

        return arguments;
    }

    private static bool IsBodyParameter(ParameterInfo parameter, ParameterInfo[] all) =>
        parameter.Name == "body" || (parameter.ParameterType != typeof(string) && all.Count(p => p.Name == "body") == 0);

    private OpenApiOperation? FindOperation(GeneratedMethod generated) =>
        _document.Paths.TryGetValue(generated.PathTemplate, out IOpenApiPathItem? item)
            ? item.Operations?.FirstOrDefault(o => string.Equals(o.Key.Method, generated.HttpMethod, StringComparison.OrdinalIgnoreCase)).Value
            : null;

    private object? ParameterValue(ParameterInfo parameter, IOpenApiParameter specParameter)
    {
        Type type = parameter.ParameterType;
        IOpenApiSchema? schema = specParameter.Schema ?? specParameter.Content?.Values.FirstOrDefault()?.Schema;
        JsonSchemaType kind = (schema?.Type ?? 0) & ~JsonSchemaType.Null;
        bool structured = (kind & (JsonSchemaType.Array | JsonSchemaType.Object)) != 0 || schema?.Properties is { Count: > 0 };
        if (type == typeof(string) && structured && specParameter.Content is null)
        {
            // A raw, preformatted string standing for an array or object (ACG015): which style to format it in is
            // the caller's guess, so no call through it is "valid arguments"; optional ones are left out.
            if (specParameter.Required)
            {
                throw new NotSupportedException($"{specParameter.In} parameter '{specParameter.Name}' ({kind}, style {specParameter.Style}) is typed as a preformatted string");
            }

            return null;
        }

        JsonNode? sample = SampleValues.For(schema, out bool ambiguous);
        _ambiguous |= ambiguous;
        if (specParameter.Content is not null && type == typeof(string))
        {
            return sample?.ToJsonString();
        }

        return Convert(sample, type);
    }

    private object? BodyValue(Type type, IDictionary<string, IOpenApiMediaType> content)
    {
        // The JSON media type's schema where there is one: a variant method for another media type of the same
        // operation (UpdatePetAsFormAsync) takes the same schema in the specs tested.
        KeyValuePair<string, IOpenApiMediaType> media = content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase));
        if (media.Key is null)
        {
            media = content.First();
        }

        JsonNode? sample = SampleValues.For(media.Value.Schema, out bool ambiguous);
        _ambiguous |= ambiguous;
        Type plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(Stream))
        {
            return new MemoryStream(Encoding.UTF8.GetBytes("file contents"));
        }

        if (plain == typeof(byte[]))
        {
            return Encoding.UTF8.GetBytes("file contents");
        }

        if (plain == typeof(string))
        {
            return sample is JsonValue value && value.TryGetValue(out string? text) ? text : sample?.ToJsonString() ?? "text";
        }

        if (plain == typeof(HttpContent))
        {
            throw new NotSupportedException($"the body ({media.Key}) is a raw HttpContent (ACG011)");
        }

        return Convert(sample, type);
    }

    private object? Convert(JsonNode? sample, Type type)
    {
        Type plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(JsonElement))
        {
            return JsonSerializer.SerializeToElement(sample);
        }

        try
        {
            return sample.Deserialize(type, _json);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // An open enum the resolver does not serve on its own: built from its string value.
            if (sample is JsonValue value && value.TryGetValue(out string? text) && plain.GetConstructor(new[] { typeof(string) }) is { } fromString)
            {
                return fromString.Invoke(new object[] { text });
            }

            throw new NotSupportedException($"the sample {sample?.ToJsonString()} does not convert to {type.Name}: {ex.Message}");
        }
    }

    private static string Normalize(string name) =>
        new string(name.TrimStart('@').Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
