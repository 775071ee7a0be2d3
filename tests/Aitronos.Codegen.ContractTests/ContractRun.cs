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

/// <summary>
/// Calls every operation method of the client generated for a spec against Prism mocking that spec, with arguments
/// built from the spec's schemas (<see cref="SampleValues"/>) and converted to the method's parameter types through
/// the generated JSON code.
/// </summary>
public sealed partial class ContractRun
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
    public static Task<ContractReport> RunAsync(SpecFile spec, string specOnDisk, Func<HttpRequestMessage, Task>? tamper = null, Func<string, bool>? only = null) =>
        RunAsync(spec, () => PrismServer.Start(specOnDisk), tamper, only);

    /// <summary>Calls every operation method of the client for <paramref name="spec"/> against the servers <paramref name="startServer"/> starts.</summary>
    public static async Task<ContractReport> RunAsync(SpecFile spec, Func<IContractServer> startServer, Func<HttpRequestMessage, Task>? tamper = null, Func<string, bool>? only = null)
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
        IReadOnlyList<OperationOutcome> outcomes = await new ContractRun(document, client).CallAllAsync(startServer, tamper, only ?? (_ => true)).ConfigureAwait(false);
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

    private async Task<IReadOnlyList<OperationOutcome>> CallAllAsync(Func<IContractServer> startServer, Func<HttpRequestMessage, Task>? tamper, Func<string, bool> only)
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
                    session = spare is null ? new Session(_client.Assembly, startServer, tamper) : await spare.ConfigureAwait(false);
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
                if (session.Server.HasExited || (outcome.Error?.Contains(nameof(ApiConnectionException), StringComparison.Ordinal) == true && session.Server.WaitForExit(TimeSpan.FromSeconds(3))))
                {
                    session.Server.WaitForExit(TimeSpan.FromSeconds(3));
                    string log = session.Server.Log;
                    int received = log.LastIndexOf("Request received", StringComparison.Ordinal);
                    string lastWords = received < 0 ? log : log.Substring(received);
                    outcome = outcome with { PrismLastWords = lastWords, Error = outcome.Error + "\n    Prism exited:\n" + Head(lastWords, 4) };
                    session.Dispose();
                    session = null;
                    spare = Task.Run(() => new Session(_client.Assembly, startServer, tamper));
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

    /// <summary>One server (a Prism process) and a client pointed at it.</summary>
    private sealed class Session : IDisposable
    {
        private readonly IDisposable _root;
        private readonly HttpClient _http;

        public Session(Assembly assembly, Func<IContractServer> startServer, Func<HttpRequestMessage, Task>? tamper)
        {
            Server = startServer();
            Handler = new RecordingHandler { Tamper = tamper, BasePath = Server.BaseUrl.AbsolutePath.TrimEnd('/') };
            _http = new HttpClient(Handler);
            object root = CreateClient(assembly, Server.BaseUrl, _http);
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

        public IContractServer Server { get; }

        public RecordingHandler Handler { get; }

        public Dictionary<Type, object> Instances { get; }

        public void Dispose()
        {
            _root.Dispose();
            _http.Dispose();
            Server.Dispose();
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

            object? returned = method.Invoke(instance, arguments);
            object? result = returned;
            if (returned is Task task)
            {
                await task.ConfigureAwait(false);
                result = task.GetType().GetProperty("Result")?.GetValue(task);
            }

            await ConsumeAsync(result, timeout.Token).ConfigureAwait(false);
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

    /// <summary>
    /// Reads what the client returned to its end: a stream is drained and disposed, a model walked, a streamed response
    /// (an <c>IAsyncEnumerable</c>, whose request is sent only when it is enumerated) enumerated to its end with each item walked.
    /// </summary>
    private static async Task ConsumeAsync(object? result, CancellationToken cancellationToken)
    {
        if (result?.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) is { } enumerable)
        {
            MethodInfo drain = typeof(ContractRun).GetMethod(nameof(DrainAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(enumerable.GetGenericArguments()[0]);
            await ((Task)drain.Invoke(null, new[] { result, cancellationToken })!).ConfigureAwait(false);
            return;
        }

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

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        await foreach (T item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            // A server-sent event: its data is the model.
            object? value = item is { } boxed && boxed.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ServerSentEvent<>)
                ? type.GetProperty(nameof(ServerSentEvent<object>.Data))!.GetValue(boxed)
                : item;
            CollectReadProblems(value, problems, 0);
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("the streamed response was read with problems: " + string.Join("; ", problems.Take(5)));
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
}
