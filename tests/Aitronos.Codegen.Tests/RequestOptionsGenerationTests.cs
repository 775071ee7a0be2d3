using System;
using System.Linq;
using Aitronos.Codegen.Tests.Infrastructure;
using Xunit;

namespace Aitronos.Codegen.Tests;

/// <summary>Every generated method takes per-call options and names its route template, whatever the spec names its parameters.</summary>
public sealed class RequestOptionsGenerationTests
{
    [Fact]
    public void A_parameter_named_requestOptions_gets_another_name_and_the_method_still_takes_the_options()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers: [{url: 'https://t.example'}]
            paths:
              /items/{requestOptions}:
                get:
                  operationId: getItem
                  parameters:
                    - {name: requestOptions, in: path, required: true, schema: {type: string}}
                    - {name: cancellationToken, in: query, schema: {type: string}}
                  responses: {'204': {description: ok}}
            """;

        GeneratorRun run = GeneratorHarness.Run(new[] { new SpecFile("/project/named.openapi.yaml", spec) });

        Assert.True(run.CompilationProblems.Count == 0, "The generated code does not compile cleanly:\n" + GeneratorHarness.Format(run.CompilationProblems.Take(20)));
        string client = run.Source("NamedClient.g.cs");
        Assert.Contains("global::System.Threading.CancellationToken cancellationToken = default, AcgRuntime.ApiRequestOptions? requestOptions = null)", client);
        Assert.Contains("path.ToString(), \"/items/{requestOptions}\");", client);
        Assert.Contains("CallAsync(request, AcgRuntime.ApiAuth.None, requestOptions, cancellationToken);", client);
    }
}
