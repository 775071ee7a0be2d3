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

/// <summary>Every operation of a spec, and what happened to each generated method called against Prism.</summary>
/// <param name="SpecOperations">The spec's operations (<c>GET /pets</c>), read from the document itself.</param>
public sealed record ContractReport(IReadOnlyList<string> SpecOperations, IReadOnlyList<OperationOutcome> Outcomes, TimeSpan Generation, TimeSpan Calls);

/// <summary>What happened to one generated method called against Prism.</summary>
/// <param name="Operation">The spec's operation (<c>GET /pets/{id}</c>), as the method's documentation names it.</param>
/// <param name="Exchanges">What went over the wire.</param>
/// <param name="Error">What the call threw (the client's exception, or why no valid call could be made), or null.</param>
public sealed record OperationOutcome(string Method, string Operation, IReadOnlyList<Exchange> Exchanges, string? Error)
{
    /// <summary>
    /// Some argument had to satisfy a <c>oneOf</c> whose branches overlap (see <see cref="SampleValues.For(IOpenApiSchema, out bool)"/>):
    /// no valid value exists for it.
    /// </summary>
    public bool AmbiguousOneOf { get; init; }

    /// <summary>Prism's process died while handling this call.</summary>
    public bool PrismCrashed => PrismLastWords is not null;

    /// <summary>When Prism died: what it printed after it received this request (its stack trace), else null.</summary>
    public string? PrismLastWords { get; init; }

    /// <summary>
    /// Prism took the request (no violation located in it) but could not answer it: a 500 whose violations are all in the
    /// response it made up itself from the spec's examples, or no response defined in the spec.
    /// </summary>
    public bool RequestAcceptedResponseBroken => Error is not null && Exchanges.Count == 1 && Exchanges[0].Status == 500
        && PathMatches(Operation, Exchanges[0])
        && (Exchanges[0].Violations is { } v ? !v.Contains("\"request\"", StringComparison.Ordinal) && v.Contains("\"response\"", StringComparison.Ordinal) : Exchanges[0].Body?.Contains("No response defined", StringComparison.Ordinal) == true);

    /// <summary>One request sent, to this operation's path, answered 2xx with no violation, and its response read.</summary>
    public bool Accepted => Error is null && Exchanges.Count == 1 && Exchanges[0] is { Status: >= 200 and < 300, Violations: null }
        && PathMatches(Operation, Exchanges[0]);

    public override string ToString()
    {
        var text = new StringBuilder(Operation + " (" + Method + ")");
        foreach (Exchange exchange in Exchanges)
        {
            text.Append($"\n    sent {exchange.Method} {exchange.PathAndQuery} -> {exchange.Status}");
            if (exchange.Request is not null)
            {
                text.Append("\n    request: " + exchange.Request.Replace("\r\n", "\\r\\n", StringComparison.Ordinal));
            }

            if (exchange.Violations is not null)
            {
                text.Append("\n    sl-violations: " + exchange.Violations);
            }

            if (exchange.Body is not null)
            {
                text.Append("\n    body: " + exchange.Body);
            }
        }

        if (Error is not null)
        {
            text.Append("\n    error: " + Error);
        }

        return text.ToString();
    }

    private static bool PathMatches(string operation, Exchange exchange)
    {
        int space = operation.IndexOf(' ');
        string template = operation.Substring(space + 1).Split('#')[0];
        string pattern = "^" + string.Concat(Regex.Split(template, @"(\{[^}]+\})").Select(p => p.StartsWith('{') ? "[^/]+" : Regex.Escape(p))) + "(\\?|$)";
        return exchange.Method == operation.Substring(0, space) && Regex.IsMatch(exchange.PathAndQuery, pattern);
    }
}

/// <summary>
/// Calls every operation method of the client generated for a spec against Prism mocking that spec, with arguments
/// built from the spec's schemas (<see cref="SampleValues"/>) and converted to the method's parameter types through
/// the generated JSON code.
/// </summary>
public sealed class ContractRun
{
    private readonly OpenApiDocument _document;
    private readonly JsonSerializerOptions _json;
    private readonly GeneratedClient _client;
    private bool _ambiguous;

    private ContractRun(OpenApiDocument document, GeneratedClient client)
    {
        _document = document;
        _client = client;
        Type context = client.Assembly.GetTypes().Single(t => t.Name.EndsWith("JsonContext", StringComparison.Ordinal) && t.GetProperty("Options", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is not null);
        var generated = (JsonSerializerOptions)context.GetProperty("Options", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        _json = new JsonSerializerOptions(generated)
        {
            // The generated resolver first; reflection only for what it does not cover (a bare list parameter).
            TypeInfoResolver = JsonTypeInfoResolver.Combine(generated.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
        };
    }

    /// <summary>
    /// Generates the client for <paramref name="spec"/>, starts Prism on <paramref name="specOnDisk"/> and calls every
    /// operation method once. <paramref name="tamper"/> changes requests on their way (for the tests that must fail).
    /// </summary>
    public static async Task<ContractReport> RunAsync(SpecFile spec, string specOnDisk, Func<HttpRequestMessage, Task>? tamper = null, Func<string, bool>? only = null)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
        string format = spec.Path.EndsWith(".json", StringComparison.Ordinal) ? OpenApiConstants.Json : OpenApiConstants.Yaml;
        OpenApiDocument document = OpenApiDocument.Parse(spec.Text, format, settings).Document
            ?? throw new InvalidOperationException("The spec does not read: " + spec.Path);

        var operations = document.Paths
            .SelectMany(p => (p.Value.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>()).Keys.Select(m => m.Method.ToUpperInvariant() + " " + p.Key))
            .OrderBy(o => o, StringComparer.Ordinal)
            .ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using GeneratedClient client = GeneratedClient.Generate(spec);
        TimeSpan generation = watch.Elapsed;
        IReadOnlyList<OperationOutcome> outcomes = await new ContractRun(document, client).CallAllAsync(specOnDisk, tamper, only ?? (_ => true)).ConfigureAwait(false);
        return new ContractReport(operations, outcomes, generation, watch.Elapsed - generation);
    }

    private static object CreateClient(Assembly assembly, Uri baseUrl, HttpClient http)
    {
        Type clientType = assembly.GetTypes().Single(t => t.IsPublic && t.GetConstructors().Any(c =>
            c.GetParameters() is { Length: 2 } p && p[1].ParameterType == typeof(HttpClient) && typeof(ApiClientOptions).IsAssignableFrom(p[0].ParameterType)));
        ConstructorInfo constructor = clientType.GetConstructors().Single(c => c.GetParameters() is { Length: 2 } p && p[1].ParameterType == typeof(HttpClient));
        var options = (ApiClientOptions)Activator.CreateInstance(constructor.GetParameters()[0].ParameterType)!;
        options.BaseUrl = baseUrl;
        // Every kind of credential, so that whichever scheme an operation asks for is present (Prism checks it).
        options.ApiKey = "test-api-key";
        options.AccessToken = "test-access-token";
        options.UserName = "user";
        options.Password = "password";
        options.MaxRetries = 0;
        return constructor.Invoke(new object?[] { options, http });
    }

    private async Task<IReadOnlyList<OperationOutcome>> CallAllAsync(string specOnDisk, Func<HttpRequestMessage, Task>? tamper, Func<string, bool> only)
    {
        var outcomes = new List<OperationOutcome>();
        Session? session = null;
        Task<Session>? spare = null;
        try
        {
            foreach (GeneratedMethod generated in _client.Methods.Where(m => only(m.Operation)).OrderBy(m => m.PathTemplate, StringComparer.Ordinal).ThenBy(m => m.HttpMethod, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal))
            {
                // Prism crashes on some requests; the next operation gets a fresh one, started ahead once one crashed.
                if (session is null)
                {
                    session = spare is null ? new Session(_client.Assembly, specOnDisk, tamper) : await spare.ConfigureAwait(false);
                    spare = null;
                }

                Type type = _client.Assembly.GetType(generated.TypeName, throwOnError: true)!;
                MethodInfo method = type.GetMethods().Single(m => m.Name == generated.Name && m.GetParameters().Length == generated.ParameterCount);
                if (!session.Instances.TryGetValue(type, out object? instance))
                {
                    outcomes.Add(new OperationOutcome(generated.Name, generated.Operation, Array.Empty<Exchange>(), "no instance of " + type.Name + " reachable from the client"));
                    continue;
                }

                OperationOutcome outcome = await CallAsync(instance, method, generated, session.Handler).ConfigureAwait(false);
                if (session.Prism.HasExited || (outcome.Error?.Contains(nameof(ApiConnectionException), StringComparison.Ordinal) == true && session.Prism.WaitForExit(TimeSpan.FromSeconds(3))))
                {
                    session.Prism.WaitForExit(TimeSpan.FromSeconds(3));
                    string log = session.Prism.Log;
                    int received = log.LastIndexOf("Request received", StringComparison.Ordinal);
                    string lastWords = received < 0 ? log : log.Substring(received);
                    outcome = outcome with { PrismLastWords = lastWords, Error = outcome.Error + "\n    Prism exited:\n" + Head(lastWords, 4) };
                    session.Dispose();
                    session = null;
                    spare = Task.Run(() => new Session(_client.Assembly, specOnDisk, tamper));
                }

                outcomes.Add(outcome);
            }
        }
        finally
        {
            session?.Dispose();
            if (spare is not null)
            {
                (await spare.ConfigureAwait(false)).Dispose();
            }
        }

        return outcomes;
    }

    private static string Head(string log, int lines) =>
        string.Join("\n", log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(lines).Select(l => "      " + l.TrimEnd()));

    /// <summary>One Prism process and a client pointed at it.</summary>
    private sealed class Session : IDisposable
    {
        private readonly IDisposable _root;
        private readonly HttpClient _http;

        public Session(Assembly assembly, string specOnDisk, Func<HttpRequestMessage, Task>? tamper)
        {
            Prism = PrismServer.Start(specOnDisk);
            Handler = new RecordingHandler { Tamper = tamper };
            _http = new HttpClient(Handler);
            object root = CreateClient(assembly, Prism.BaseUrl, _http);
            _root = (IDisposable)root;
            Instances = new Dictionary<Type, object> { [root.GetType()] = root };
            foreach (PropertyInfo property in root.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.PropertyType.IsNested && property.PropertyType.DeclaringType == root.GetType())
                {
                    Instances[property.PropertyType] = property.GetValue(root)!;
                }
            }
        }

        public PrismServer Prism { get; }

        public RecordingHandler Handler { get; }

        public Dictionary<Type, object> Instances { get; }

        public void Dispose()
        {
            _root.Dispose();
            _http.Dispose();
            Prism.Dispose();
        }
    }

    private async Task<OperationOutcome> CallAsync(object instance, MethodInfo method, GeneratedMethod generated, RecordingHandler handler)
    {
        handler.TakeExchanges();
        _ambiguous = false;
        object?[] arguments;
        try
        {
            arguments = Arguments(method, generated);
        }
        catch (NotSupportedException ex)
        {
            return new OperationOutcome(generated.Name, generated.Operation, Array.Empty<Exchange>(), "no valid call: " + ex.Message);
        }

        string? error = null;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            int tokenIndex = Array.FindIndex(method.GetParameters(), p => p.ParameterType == typeof(CancellationToken));
            if (tokenIndex >= 0)
            {
                arguments[tokenIndex] = timeout.Token;
            }

            var task = (Task)method.Invoke(instance, arguments)!;
            await task.ConfigureAwait(false);
            object? result = task.GetType().GetProperty("Result")?.GetValue(task);
            await ConsumeAsync(result).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Exception inner = ex is TargetInvocationException { InnerException: { } thrown } ? thrown : ex;
            error = inner is ApiException api
                ? $"{inner.GetType().Name} (status {api.StatusCode}): {inner.Message}"
                : inner.GetType().Name + ": " + inner.Message;
        }

        return new OperationOutcome(generated.Name, generated.Operation, handler.TakeExchanges(), error) { AmbiguousOneOf = _ambiguous };
    }

    /// <summary>Reads what the client returned to its end: a stream is drained and disposed, a model walked.</summary>
    private static async Task ConsumeAsync(object? result)
    {
        switch (result)
        {
            case Stream stream:
                await using (stream.ConfigureAwait(false))
                {
                    await stream.CopyToAsync(Stream.Null).ConfigureAwait(false);
                }

                break;
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
            case not null:
                // Models read leniently: what broke the schema is recorded on them, not thrown. A response Prism made
                // that passed its own validation must read without any such problem.
                _ = result.ToString();
                var problems = new List<string>();
                CollectReadProblems(result, problems, 0);
                if (problems.Count > 0)
                {
                    throw new InvalidOperationException("the response was read with problems: " + string.Join("; ", problems.Take(5)));
                }

                break;
        }
    }

    private static void CollectReadProblems(object? value, List<string> problems, int depth)
    {
        if (value is null or string || depth > 8 || value.GetType().IsPrimitive)
        {
            return;
        }

        if (value is JsonModel model)
        {
            problems.AddRange(model.JsonReadProblems.Select(p => p.ToString()!));
            foreach (PropertyInfo property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length == 0 && property.Name != nameof(JsonModel.JsonReadProblems))
                {
                    CollectReadProblems(property.GetValue(value), problems, depth + 1);
                }
            }
        }
        else if (value is System.Collections.IDictionary dictionary)
        {
            foreach (object? item in dictionary.Values)
            {
                CollectReadProblems(item, problems, depth + 1);
            }
        }
        else if (value is System.Collections.IEnumerable items)
        {
            foreach (object? item in items)
            {
                CollectReadProblems(item, problems, depth + 1);
            }
        }
    }

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
                arguments[i] = BodyValue(type, method.Name, content);
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

    private object? BodyValue(Type type, string methodName, IDictionary<string, IOpenApiMediaType> content)
    {
        // A variant method (UpdatePetAsFormAsync) sends one media type; the schema is the same in the specs tested.
        KeyValuePair<string, IOpenApiMediaType> media = content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase));
        if (media.Key is null || methodName.Contains("As", StringComparison.Ordinal) && !methodName.Contains("Json", StringComparison.Ordinal))
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
