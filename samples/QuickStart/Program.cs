// QuickStart: the generated Aitronos client, end to end.
// `dotnet run --project samples/QuickStart` talks to an embedded fake of the Aitronos API on 127.0.0.1;
// `-- --base-url https://api.aitronos.com/v1 --api-key ak_...` talks to a real server instead.
using System;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Aitronos;
using Aitronos.Codegen.Runtime;
using QuickStart;

const string FakeApiKey = "ak_quickstart_fake_key";

var target = Target.Parse(args, out var error);
if (target is null)
{
    if (string.IsNullOrEmpty(error))
    {
        Console.WriteLine(Target.Usage);
        return 0;
    }

    Console.Error.WriteLine(error);
    Console.Error.WriteLine(Target.Usage);
    return 2;
}

await using var fake = target.IsReal ? null : await FakeAitronosApi.StartAsync(FakeApiKey);
var options = fake is null
    ? new AitronosClientOptions { BaseUrl = target.BaseUrl, ApiKey = target.ApiKey, AccessToken = target.AccessToken }
    : new AitronosClientOptions { BaseUrl = fake.BaseUrl, ApiKey = FakeApiKey };
var baseUrl = options.BaseUrl!;
// Scheme, host and path only: user info or a query could hold a secret.
var shownUrl = $"{baseUrl.Scheme}://{baseUrl.Authority}{baseUrl.AbsolutePath}";
Console.WriteLine(fake is null
    ? $"Mode: real Aitronos API at {shownUrl} (credential: {(target.ApiKey is not null ? "API key" : "access token")})"
    : $"Mode: embedded fake Aitronos API at {shownUrl}" + (target.Note is null ? string.Empty : $" ({target.Note})"));
Console.WriteLine();

using var client = new AitronosClient(options);

var accepted = await TestConnectionAsync(client, target.OrganizationId, "src_abc123");
var rejected = await TestConnectionAsync(client, target.OrganizationId, FakeAitronosApi.BrokenSourceId);
var streamed = target.Model is null ? null : await StreamResponseAsync(client, target.Model);
if (target.Model is null)
{
    Console.WriteLine("Streamed response skipped: give a model with --model or AITRONOS_MODEL.");
    Console.WriteLine();
}

var asExpected = accepted.Result is { Status: "succeeded" } && (target.Model is null || streamed is not null);
if (fake is not null)
{
    // The fake's answers are known, so the whole story can be checked.
    asExpected &= accepted.Result is { Message: "Connection test passed" }
        && rejected.Error is BadRequestException { Code: "CONNECTOR_INVALID_CONFIG", TraceId: "abc-123-def", RequestId: not null }
        && streamed == string.Concat(FakeAitronosApi.StreamedDeltas);
}

Console.WriteLine(asExpected
    ? "Done: the client sent every request and understood every answer."
    : "UNEXPECTED: the answers above are not what this sample expects.");
return asExpected ? 0 : 1;

// A model response as server-sent events: each event's name picks its generated model; the text deltas print as they arrive.
static async Task<string?> StreamResponseAsync(AitronosClient client, string model)
{
    Console.WriteLine($"client.Model.CreateResponseStreamingAsync(new CreateModelResponseRequest {{ Model = \"{model}\", Input = \"Say hello\", Stream = true }})");
    var text = new StringBuilder();
    try
    {
        await foreach (var item in client.Model.CreateResponseStreamingAsync(new CreateModelResponseRequest { Model = model, Input = "Say hello", Stream = true }))
        {
            switch (item.Data)
            {
                case ResponseOutputTextDeltaEvent delta:
                    if (text.Length == 0)
                    {
                        Console.Write("  text:    ");
                    }

                    Console.Write(delta.Delta);
                    text.Append(delta.Delta);
                    break;
                case ResponseOutputTextDoneEvent:
                    Console.WriteLine();
                    break;
                default:
                    Console.WriteLine($"  event:   {item.EventType}");
                    break;
            }
        }

        Console.WriteLine();
        return text.ToString();
    }
    catch (ApiException exception)
    {
        Console.WriteLine();
        Console.WriteLine($"  threw {exception.GetType().Name}: {exception.Message}");
        Console.WriteLine();
        return null;
    }
}

static async Task<(TestConnectionResult? Result, ApiException? Error)> TestConnectionAsync(AitronosClient client, string organizationId, string sourceId)
{
    Console.WriteLine($"client.KnowledgeConnectors.TestConnectionAsync(\"{organizationId}\", new TestConnectionRequest {{ SourceId = \"{sourceId}\" }})");
    try
    {
        var result = await client.KnowledgeConnectors.TestConnectionAsync(organizationId, new TestConnectionRequest { SourceId = sourceId });
        Console.WriteLine($"  status:  {result.Status}");
        Console.WriteLine($"  message: {result.Message ?? "(none)"}");
        Console.WriteLine();
        return (result, null);
    }
    catch (ApiException exception)
    {
        // Every failure is an ApiException: a subclass per HTTP status, or no status when no response arrived.
        Console.WriteLine($"  threw {exception.GetType().Name}: {exception.Message}");
        Console.WriteLine($"  Code:       {exception.Code ?? "(none)"}");
        Console.WriteLine($"  ErrorType:  {exception.ErrorType ?? "(none)"}");
        Console.WriteLine($"  StatusCode: {exception.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}");
        Console.WriteLine($"  TraceId:    {exception.TraceId ?? "(none)"}");
        Console.WriteLine($"  Timestamp:  {exception.Timestamp?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "(none)"}");
        Console.WriteLine($"  RequestId:  {exception.RequestId ?? "(none)"}");
        Console.WriteLine();
        return (null, exception);
    }
}
