using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Aitronos.Codegen.Model;
using Aitronos.Codegen.Naming;
using Aitronos.Codegen.Reading;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

// Reads every example of a spec through the types generated for it and writes each back: the 2xx JSON response
// examples of every operation (read as the operation's result type) and the examples of component schemas that
// became generated types. Counts per spec: examples, read without problems, read with reported problems
// (JsonModel.JsonReadProblems, looked up by reflection so that this also runs against generators that predate it),
// exceptions, and written back JSON-equal. Not in CI: GitHub's spec (13 MB) takes minutes to compile.
//   dotnet run -c Release --project benchmarks/Aitronos.Codegen.ExampleRoundTrip -- [--details FILE] SPEC...
string? detailsPath = null;
var specs = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--details")
    {
        detailsPath = args[++i];
    }
    else
    {
        specs.Add(args[i]);
    }
}

if (specs.Count == 0)
{
    Console.Error.WriteLine("usage: ExampleRoundTrip [--details FILE] SPEC...");
    return 2;
}

var details = new List<string>();
Console.WriteLine("| spec | examples | read OK | read with problems | exceptions | written back JSON-equal | untyped (skipped) |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (string path in specs)
{
    string text = File.ReadAllText(path);
    string extension = Path.GetExtension(path);
    string name = Path.GetFileNameWithoutExtension(path);
    var file = new SpecFile("/bench/" + name + ".openapi" + extension, text);
    ApiModel api = SpecReader.Read(new SpecInput(file.Path, text, new SpecOptions(null, null, null, null, null, "Consumer")), CancellationToken.None).Value!;
    GeneratorRun run = GeneratorHarness.Run(new[] { file });
    using var image = new MemoryStream();
    var emitted = run.OutputCompilation.Emit(image);
    if (!emitted.Success)
    {
        Console.WriteLine($"| {name} | does not compile: {emitted.Diagnostics.Count(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)} errors | | | | | |");
        continue;
    }

    Assembly assembly = Assembly.Load(image.ToArray());
    var options = (JsonSerializerOptions)assembly.GetType(api.Namespace + "." + api.JsonContextName, throwOnError: true)!
        .GetProperty("Options")!.GetValue(null)!;

    var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
    settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
    OpenApiDocument document = OpenApiDocument.Parse(text, extension == ".json" ? OpenApiConstants.Json : OpenApiConstants.Yaml, settings).Document!;

    var results = new Dictionary<string, OperationModel>(StringComparer.OrdinalIgnoreCase);
    foreach (OperationModel operation in api.Groups.SelectMany(g => g.Operations))
    {
        results[operation.HttpMethod + " " + operation.PathTemplate] = operation;
    }

    int examples = 0, ok = 0, problems = 0, exceptions = 0, equal = 0, untyped = 0;
    void Check(string where, JsonNode? example, Type? type)
    {
        // `value: null` (GitHub's "accepted" responses) is no example: the library hands it back as a sentinel.
        if (example is null || JsonNullSentinel.IsJsonNullSentinel(example))
        {
            return;
        }

        if (type is null)
        {
            untyped++;
            return;
        }

        examples++;
        string json = example.ToJsonString();
        object? value;
        try
        {
            value = JsonSerializer.Deserialize(json, type, options);
        }
        catch (Exception ex)
        {
            exceptions++;
            details.Add($"{name}\t{where}\texception\t{ex.GetType().Name}: {ex.Message}");
            return;
        }

        List<string> found = Problems(value).ToList();
        if (found.Count == 0)
        {
            ok++;
        }
        else
        {
            problems++;
            details.Add($"{name}\t{where}\tproblems\t{string.Join(" | ", found.Take(5))}{(found.Count > 5 ? $" (+{found.Count - 5})" : string.Empty)}");
        }

        try
        {
            string written = JsonSerializer.Serialize(value, type, options);
            if (JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)))
            {
                equal++;
            }
            else
            {
                details.Add($"{name}\t{where}\tchanged\t{Difference(JsonNode.Parse(json), JsonNode.Parse(written), "$")}");
            }
        }
        catch (Exception ex)
        {
            details.Add($"{name}\t{where}\tcannot write\t{ex.GetType().Name}: {ex.Message}");
        }
    }

    foreach (var pathItem in document.Paths)
    {
        foreach (var operation in pathItem.Value.Operations ?? new Dictionary<System.Net.Http.HttpMethod, OpenApiOperation>())
        {
            results.TryGetValue(operation.Key.Method + " " + pathItem.Key, out OperationModel? model);
            Type? type = model?.Result.Type is { } result && model.Result.Kind == ResultKind.Json ? ClrType(assembly, api.Namespace, result) : null;
            foreach (var response in operation.Value.Responses ?? new OpenApiResponses())
            {
                if (!response.Key.StartsWith('2') || response.Value.Content is null)
                {
                    continue;
                }

                foreach (var media in response.Value.Content.Where(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)))
                {
                    string where = $"{operation.Key.Method} {pathItem.Key} {response.Key}";
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
        type = type is { IsValueType: false } && type.GetMethod("WriteJsonProperty", BindingFlags.Instance | BindingFlags.NonPublic) is not null ? type : null;
#pragma warning disable CS0618 // 3.0's single example, which the library keeps beside 3.1's list
        Check("#/components/schemas/" + component.Key, component.Value.Example, type);
#pragma warning restore CS0618
        int n = 0;
        foreach (JsonNode? example in component.Value.Examples ?? new List<JsonNode>())
        {
            Check("#/components/schemas/" + component.Key + "/examples/" + (n++).ToString(CultureInfo.InvariantCulture), example, type);
        }
    }

    Console.WriteLine($"| {name} | {examples} | {ok} | {problems} | {exceptions} | {equal} | {untyped} |");
}

if (detailsPath is not null)
{
    File.WriteAllLines(detailsPath, details);
}

return 0;

// What JsonModel.JsonReadProblems reports for a value (a model, or the models of a list or map), by reflection.
static IEnumerable<string> Problems(object? value)
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

static Type? ClrType(Assembly assembly, string ns, TypeRef type)
{
    Type? clr = type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum => assembly.GetType(ns + "." + type.Name),
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

// The first place two JSON values differ, for the details file.
static string Difference(JsonNode? expected, JsonNode? actual, string at)
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

static string Short(JsonNode? node)
{
    string text = node?.ToJsonString() ?? "null";
    return text.Length > 80 ? text[..80] + "..." : text;
}
