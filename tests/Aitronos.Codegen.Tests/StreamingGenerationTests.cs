using System.Collections.Generic;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>
/// Streamed responses: <c>text/event-stream</c> and JSON Lines operations become methods returning
/// <c>IAsyncEnumerable</c>, typed from the media type's schema (or <c>itemSchema</c>).
/// </summary>
public sealed class StreamingGenerationTests
{
    [Fact]
    public void StreamedResponsesOfEveryKind()
    {
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.LoadTestSpec("streams.openapi.yaml") });

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        IReadOnlyList<Diagnostic> problems = run.CompilationProblems;
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + GeneratorHarness.Format(problems.Take(30)));
        var files = run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Snapshot.Verify(files, string.Join("\n", run.GeneratorDiagnostics.Select(d => d.ToString())), nameof(StreamingGenerationTests));
    }

    [Fact]
    public void Each_streamed_media_type_gives_its_method_shape()
    {
        string client = Source(GeneratorHarness.Run(new[] { GeneratorHarness.LoadTestSpec("streams.openapi.yaml") }), "StreamsClient.g.cs");

        // JSON and events side by side: the JSON is the method, the events a method of their own.
        Assert.Contains("public global::System.Threading.Tasks.Task<ModelResponse> CreateResponseAsync(ResponseRequest body, ", client);
        Assert.Contains("public global::System.Collections.Generic.IAsyncEnumerable<AcgRuntime.ServerSentEvent<AcgRuntime.JsonModel>> CreateResponseStreamingAsync(ResponseRequest body, ", client);
        Assert.Contains(".Add(\"response.created\", StreamsJsonContext.Default.ResponseCreatedEvent).Add(\"response.output_text.delta\", StreamsJsonContext.Default.OutputTextDeltaEvent)", client);
        Assert.Contains("public global::System.Collections.Generic.IAsyncEnumerable<AcgRuntime.ServerSentEvent<Tick>> StreamTicksAsync(int? count = null, ", client);
        Assert.Contains("return _transport.StreamEventsAsync(request, ", client);
        Assert.Contains("public global::System.Collections.Generic.IAsyncEnumerable<AcgRuntime.ServerSentEvent<string>> StreamLogsAsync(", client);
        Assert.Contains("public global::System.Collections.Generic.IAsyncEnumerable<Row> ExportRowsAsync(string exportId, ", client);
        Assert.Contains("return _transport.StreamJsonLinesAsync(request, ", client);
    }

    [Fact]
    public void An_openapi_3_2_item_schema_types_the_items_and_an_event_object_gives_its_data()
    {
        string text = "openapi: 3.2.0\ninfo:\n  title: T\n  version: '1'\npaths:\n"
            + "  /rows:\n    get:\n      operationId: rows\n      responses:\n        '200':\n          description: ok\n          content:\n"
            + "            application/jsonl:\n              itemSchema:\n                type: object\n                properties:\n                  id:\n                    type: string\n"
            + "  /events:\n    get:\n      operationId: events\n      responses:\n        '200':\n          description: ok\n          content:\n"
            + "            text/event-stream:\n              itemSchema:\n                type: object\n                required: [data]\n                properties:\n"
            + "                  event:\n                    type: string\n                  id:\n                    type: string\n"
            + "                  data:\n                    type: object\n                    properties:\n                      value:\n                        type: number\n";
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/t.openapi.yaml", text) });

        string client = Source(run, "TClient.g.cs");
        Assert.Contains("IAsyncEnumerable<RowsItem> RowsAsync(", client);
        Assert.Contains("IAsyncEnumerable<AcgRuntime.ServerSentEvent<EventsEvent>> EventsAsync(", client);
        Assert.Contains("public double? Value { get; init; }", Source(run, "EventsEvent.g.cs"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_one_of_without_event_names_is_one_data_type_not_variants()
    {
        string text = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths:\n"
            + "  /events:\n    get:\n      operationId: events\n      responses:\n        '200':\n          description: ok\n          content:\n"
            + "            text/event-stream:\n              schema:\n                type: object\n                properties:\n                  n:\n                    type: integer\n";
        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/t.openapi.yaml", text) });

        string client = Source(run, "TClient.g.cs");
        Assert.Contains("IAsyncEnumerable<AcgRuntime.ServerSentEvent<EventsEvent>> EventsAsync(", client);
        Assert.DoesNotContain("ServerSentEventTypes", client);
        Assert.Empty(run.CompilationProblems);
    }

    private static string Source(GeneratorRun run, string hintSuffix) =>
        run.Sources.Single(s => s.HintName.EndsWith("." + hintSuffix, System.StringComparison.Ordinal)).SourceText.ToString();
}
