using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>How request bodies are typed beyond the snapshot (RequestBodiesOfEveryKind): 3.1 binary strings, and what stays untyped.</summary>
public sealed class RequestBodyTests
{
    private const string Header = "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\npaths:\n  /a:\n    post:\n      operationId: send\n      responses:\n        '204':\n          description: ok\n      requestBody:\n        required: true\n        content:\n";

    [Fact]
    public void A_3_1_contentMediaType_string_is_a_Stream_body_and_a_file_in_multipart()
    {
        string text = Header
            + "          image/png:\n            schema:\n              type: string\n              contentMediaType: image/png\n"
            + "          multipart/form-data:\n            schema:\n              type: object\n              properties:\n                photo:\n                  type: string\n                  contentMediaType: image/png\n                caption:\n                  type: string\n";
        GeneratorRun run = Run(text);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "ACG011");
        string client = Source(run, "TClient.g.cs");
        Assert.Contains("SendAsync(SendRequest body,", client);
        Assert.Contains("SendAsBinaryAsync(global::System.IO.Stream body,", client);
        Assert.Contains("CreateStreamContent(body, \"image/png\")", client);
        string model = Source(run, "SendRequest.g.cs");
        Assert.Contains("public AcgRuntime.ApiFile? Photo { get; init; }", model);
        Assert.Contains("public string? Caption { get; init; }", model);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_form_body_that_is_not_an_object_stays_HttpContent_and_ACG011_says_why_at_its_media_type()
    {
        string text = Header + "          application/x-www-form-urlencoded:\n            schema:\n              type: array\n              items:\n                type: string\n";
        GeneratorRun run = Run(text);

        Diagnostic info = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "ACG011");
        Assert.Equal(
            "Operation 'send': request media type 'application/x-www-form-urlencoded' is taken as an HttpContent the caller builds: a form body is encoded from an object's properties, and its schema is an array",
            info.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(15, info.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("SendAsync(global::System.Net.Http.HttpContent content,", Source(run, "TClient.g.cs"));
        Assert.Empty(run.CompilationProblems);
    }

    private static GeneratorRun Run(string text) => GeneratorHarness.Run(new[] { new SpecFile("/project/t.openapi.yaml", text) });

    private static string Source(GeneratorRun run, string hintSuffix) =>
        run.Sources.Single(s => s.HintName.EndsWith("." + hintSuffix, System.StringComparison.Ordinal)).SourceText.ToString();
}
