using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;
using Aitronos.Codegen.Reading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace Aitronos.Codegen.Tests.Infrastructure;

/// <summary>One example read through the generated types and written back.</summary>
/// <param name="Where">The operation and status (<c>GET /pets 200 name</c>) or the component's pointer.</param>
/// <param name="Exception">What reading threw, or null.</param>
/// <param name="Problems">What the read models reported (<c>JsonReadProblems</c>, found by reflection).</param>
/// <param name="Difference">Where the JSON written back first differs from the example, or null when JSON-equal.</param>
/// <param name="SameValue">
/// Whether what was written back means the same as the example where it is not JSON-equal: numbers equal as numbers,
/// date-times equal as instants to within the 100 ns a <see cref="DateTimeOffset"/> holds.
/// </param>
public sealed record ExampleResult(string Where, string? Exception, IReadOnlyList<string> Problems, string? Difference, bool SameValue);

/// <summary>
/// Every example of a spec, read through the types generated for it and written back: the 2xx JSON response examples
/// of every operation (as the operation's result type) and the examples of component schemas that became generated
/// models. Used by the corpus test and by benchmarks/Aitronos.Codegen.ExampleRoundTrip.
/// </summary>
public static class ExampleRoundTrip
{
    public static IReadOnlyList<ExampleResult> Run(SpecFile file, out int untyped)
    {
        ApiModel api = SpecReader.Read(new SpecInput(file.Path, file.Text, new SpecOptions(null, null, null, null, null, "Consumer")), CancellationToken.None).Value!;
        GeneratorRun run = GeneratorHarness.Run(new[] { file });
        using var image = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The generated code does not compile: " + GeneratorHarness.Format(emitted.Diagnostics));
        }

        var context = new AssemblyLoadContext("examples", isCollectible: true);
        try
        {
            image.Position = 0;
            Assembly assembly = context.LoadFromStream(image);
            return Check(file, api, assembly, out untyped);
        }
        finally
        {
            context.Unload();
        }
    }

    private static List<ExampleResult> Check(SpecFile file, ApiModel api, Assembly assembly, out int untyped)
    {
        var options = (JsonSerializerOptions)assembly.GetType(api.Namespace + "." + api.JsonContextName, throwOnError: true)!
            .GetProperty("Options")!.GetValue(null)!;
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
        string format = file.Path.EndsWith(".json", StringComparison.Ordinal) ? OpenApiConstants.Json : OpenApiConstants.Yaml;
        OpenApiDocument document = OpenApiDocument.Parse(file.Text, format, settings).Document!;

        var operations = new Dictionary<string, OperationModel>(StringComparer.OrdinalIgnoreCase);
        foreach (OperationModel operation in api.Groups.SelectMany(g => g.Operations))
        {
            operations[operation.HttpMethod + " " + operation.PathTemplate] = operation;
        }

        var results = new List<ExampleResult>();
        int skipped = 0;
        void Check(string where, JsonNode? example, Type? type)
        {
            // `value: null` (GitHub's "accepted" responses) is no example: the library hands it back as a sentinel.
            if (example is null || JsonNullSentinel.IsJsonNullSentinel(example))
            {
                return;
            }

            if (type is null)
            {
                skipped++;
                return;
            }

            results.Add(RoundTrip(where, example.ToJsonString(), type, options));
        }

        foreach (var path in document.Paths)
        {
            foreach (var operation in path.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
            {
                operations.TryGetValue(operation.Key.Method + " " + path.Key, out OperationModel? model);
                Type? type = model is { Result: { Kind: ResultKind.Json, Type: { } result } } ? ClrType(assembly, api.Namespace, result) : null;
                foreach (var response in operation.Value.Responses ?? new OpenApiResponses())
                {
                    if (!response.Key.StartsWith('2') || response.Value.Content is null)
                    {
                        continue;
                    }

                    foreach (var media in response.Value.Content.Where(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)))
                    {
                        string where = $"{operation.Key.Method} {path.Key} {response.Key}";
                        Check(where, media.Value.Example, type);
                        foreach (var named in media.Value.Examples ?? new Dictionary<string, IOpenApiExample>())
                        {
                            Check(where + " " + named.Key, named.Value.Value, type);
                        }
                    }
                }
            }
        }

        foreach (var component in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            Type? type = assembly.GetType(api.Namespace + "." + IdentifierNaming.ToPascalCase(component.Key, "Schema"));
            type = type is { IsValueType: false } && type.GetMethod("WriteJson", BindingFlags.Static | BindingFlags.NonPublic) is not null ? type : null;
            string where = "#/components/schemas/" + component.Key;
#pragma warning disable CS0618 // 3.0's single example, which the library keeps beside 3.1's list
            Check(where, component.Value.Example, type);
#pragma warning restore CS0618
            int n = 0;
            foreach (JsonNode example in component.Value.Examples ?? new List<JsonNode>())
            {
                Check(where + "/examples/" + (n++).ToString(CultureInfo.InvariantCulture), example, type);
            }
        }

        untyped = skipped;
        return results;
    }

    private static ExampleResult RoundTrip(string where, string json, Type type, JsonSerializerOptions options)
    {
        object? value;
        try
        {
            value = JsonSerializer.Deserialize(json, type, options);
        }
        catch (Exception ex)
        {
            return new ExampleResult(where, ex.GetType().Name + ": " + ex.Message, Array.Empty<string>(), null, false);
        }

        var problems = Problems(value).ToList();
        string written;
        try
        {
            written = JsonSerializer.Serialize(value, type, options);
        }
        catch (Exception ex)
        {
            return new ExampleResult(where, null, problems, "cannot write: " + ex.GetType().Name + ": " + ex.Message, false);
        }

        JsonNode? expected = JsonNode.Parse(json);
        JsonNode? actual = JsonNode.Parse(written);
        return JsonNode.DeepEquals(expected, actual)
            ? new ExampleResult(where, null, problems, null, true)
            : new ExampleResult(where, null, problems, Difference(expected, actual, "$"), SameValue(expected, actual));
    }

    /// <summary>What <c>JsonReadProblems</c> reports for a value (a model, or the models of a list or map), by reflection.</summary>
    private static IEnumerable<string> Problems(object? value)
    {
        if (value is null)
        {
            yield break;
        }

        if (value.GetType().GetProperty("JsonReadProblems") is { } property)
        {
            foreach (object problem in (IEnumerable)property.GetValue(value)!)
            {
                yield return problem.ToString()!;
            }
        }
        else if (value is IDictionary dictionary)
        {
            foreach (object? item in dictionary.Values)
            {
                foreach (string problem in Problems(item))
                {
                    yield return problem;
                }
            }
        }
        else if (value is IEnumerable items and not string)
        {
            foreach (object? item in items)
            {
                foreach (string problem in Problems(item))
                {
                    yield return problem;
                }
            }
        }
    }

    private static Type? ClrType(Assembly assembly, string ns, TypeRef type)
    {
        Type? clr = type.Kind switch
        {
            TypeKind.Object or TypeKind.Enum or TypeKind.Union => assembly.GetType(ns + "." + type.Name),
            TypeKind.String => typeof(string),
            TypeKind.Boolean => typeof(bool),
            TypeKind.Int32 => typeof(int),
            TypeKind.Int64 => typeof(long),
            TypeKind.Single => typeof(float),
            TypeKind.Double => typeof(double),
            TypeKind.Decimal => typeof(decimal),
            TypeKind.DateTimeOffset => typeof(DateTimeOffset),
            TypeKind.Date => typeof(DateOnly),
            TypeKind.Guid => typeof(Guid),
            TypeKind.Bytes => typeof(byte[]),
            TypeKind.Any => typeof(JsonElement),
            TypeKind.Array => ClrType(assembly, ns, type.Element!) is { } item ? typeof(IReadOnlyList<>).MakeGenericType(item) : null,
            TypeKind.Map => ClrType(assembly, ns, type.Element!) is { } item ? typeof(IReadOnlyDictionary<,>).MakeGenericType(typeof(string), item) : null,
            _ => null,
        };
        return clr is { IsValueType: true } && type.IsNullable && Nullable.GetUnderlyingType(clr) is null ? typeof(Nullable<>).MakeGenericType(clr) : clr;
    }

    private static bool SameValue(JsonNode? expected, JsonNode? actual)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                return e.Count == a.Count && e.All(p => a.ContainsKey(p.Key) && SameValue(p.Value, a[p.Key]));
            case (JsonArray e, JsonArray a):
                return e.Count == a.Count && e.Zip(a).All(p => SameValue(p.First, p.Second));
            case (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number:
                return double.Parse(e.ToJsonString(), CultureInfo.InvariantCulture) == double.Parse(a.ToJsonString(), CultureInfo.InvariantCulture);
            case (JsonValue e, JsonValue a) when e.TryGetValue(out string? x) && a.TryGetValue(out string? y)
                && DateTimeOffset.TryParse(Ticks(x), CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset dx)
                && DateTimeOffset.TryParse(y, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset dy):
                return dx == dy;
            default:
                return JsonNode.DeepEquals(expected, actual);
        }
    }

    /// <summary>A date-time cut to the 100 ns ticks a <see cref="DateTimeOffset"/> holds (RFC 3339 allows any number of digits).</summary>
    private static string Ticks(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"(\.\d{7})\d+", "$1");

    /// <summary>The first place two JSON values differ.</summary>
    private static string Difference(JsonNode? expected, JsonNode? actual, string at)
    {
        if (expected is JsonObject e && actual is JsonObject a)
        {
            foreach (var pair in e)
            {
                if (!a.ContainsKey(pair.Key))
                {
                    return at + "." + pair.Key + " dropped";
                }

                if (!JsonNode.DeepEquals(pair.Value, a[pair.Key]))
                {
                    return Difference(pair.Value, a[pair.Key], at + "." + pair.Key);
                }
            }

            return at + "." + a.Select(p => p.Key).FirstOrDefault(k => !e.ContainsKey(k)) + " added";
        }

        if (expected is JsonArray ea && actual is JsonArray aa && ea.Count == aa.Count)
        {
            for (int i = 0; i < ea.Count; i++)
            {
                if (!JsonNode.DeepEquals(ea[i], aa[i]))
                {
                    return Difference(ea[i], aa[i], at + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                }
            }
        }

        return $"{at}: {Short(expected)} -> {Short(actual)}";
    }

    private static string Short(JsonNode? node)
    {
        string text = node?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..80] + "..." : text;
    }
}
